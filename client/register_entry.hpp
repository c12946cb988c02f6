// What the registers' entries (RB action items, risks, innovations) share: IDs that stay
// unique when devices add entries offline, and checked free-text fields.
//
// IDs are PREFIX-DDDD-SEQ, DDDD the first four hex digits of the device id (upper case) and
// SEQ the seq of the op that creates the entry. (device, seq) is unique, so two devices
// clash only if they share those four digits and the seq as well; then both ops stay in
// the log and `kinerja conflicts` lists the pair.
#pragma once
#include <cstddef>
#include <string>

#include "client/ledger.hpp"

namespace kinerja {

// The ID of the entry the next append of the open Batch creates (call it inside the Batch,
// right before that append: the device's last seq already counts the batch's ops).
std::string next_entry_id(const Store& s, const std::string& prefix);

// ID as typed ("rb-63a5-57") in its stored form ("RB-63A5-57").
std::string canonical_entry_id(const std::string& id);

// V unless it is blank or longer than MAX bytes (Error(BadInput) naming FIELD).
std::string checked_text(const std::string& v, const std::string& field, size_t max = 2000);

}  // namespace kinerja
