// The op rules: what a well-formed op of each type looks like, written once and applied
// wherever an op is written or arrives: the office's Batch (its own ops), its Ingest
// (pulled ops), the hub's push and `kinerja verify`. What a client would refuse to write,
// the hub refuses to store, and a reader never meets a body it cannot read.
#pragma once
#include <string>

#include "client/op.hpp"

namespace kinerja {

// Throws Error(BadInput) "op DEVICE#SEQ (TYPE): field 'F' …" when OP's hlc is malformed, its
// type is unknown or its body is not valid for its type (a missing field, a number that is
// not a number, a catalogue that fails its schema, …).
void check_op(const Op& op);

// Types only the kanwil's hub may author (period locks, kanwil targets, risk scales, the
// office's name and kanwil): an op of one of these from an office device is refused by the
// hub and ignored by offices.
bool kanwil_only(const std::string& type);

// Types of entries a "void" op may undo (void_register.hpp): cases, RB action items, survey
// months, budget lines and monthly realisasi, risks, innovations.
bool voidable_type(const std::string& type);

}  // namespace kinerja
