// Voids: a register entry recorded by mistake, undone visibly. A void is an op of its own,
// kept in the append-only log like every other; the entry stays in the log and in the
// lists, marked "[BATAL: reason]" ("[DIARSIPKAN: reason]" for an archived risk or
// innovation), and every figure leaves it out. What can be voided: a case, an RB action
// item, a survey month, a budget line or a month's realisasi, a risk, an innovation
// (op_rules.hpp: voidable_type).
//
// Cells: ("void", TYPE|KEY) {target: TYPE, entry: KEY, op, period, reason}: (TYPE, KEY) is
// the entry's cell and OP the hash of the op of it that is voided. The entry is void while
// that op is its cell's winner: a later write of the same cell (a survey month or a
// month's realisasi entered again, a budget line revised) stands, as any correction does.
// PERIOD is the period the entry is about (op_period), so a lock that covers the entry
// covers its void too.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "client/ledger.hpp"

namespace kinerja {

struct Void {
  std::string op;  // hash of the op voided
  std::string reason, hlc;
};

// The voids of entries of type TARGET, by entry key (whether each still holds: void_of).
using Voids = std::map<std::string, Void>;
Voids voids_of(const Db& db, const std::string& target);
// The void of the entry in CELL when it holds (its op is still the cell's winner).
std::optional<Void> void_of(const Voids& voids, const Cell& cell);

// Appends the void of ENTRY (a cell of a voidable type, read by the caller) in its own
// Batch, with the period of the entry's op (op_period, period_lock.hpp). WHAT names the
// entry in messages ("kasus 'W.1'"). Error(BadInput) when REASON is blank or the entry is
// void already; nothing written then.
void void_entry(Store& s, const Cell& entry, const std::string& reason, const std::string& what);

// Voids entry ID of a register keyed by entry IDs whose body has a year (RB items, risks,
// innovations: TYPE "rb", "risk", "innovation"); WHAT names such an entry ("risiko").
// Error(BadInput) when there is none, or as void_entry.
void void_entry_by_id(Store& s, const std::string& type, const std::string& id, const std::string& reason,
                      const std::string& what);

// "[BATAL: REASON]", or "[DIARSIPKAN: REASON]" for a risk or an innovation.
std::string void_mark(const std::string& target, const Void& v);
// The footnote of a report table naming a voided entry it leaves out:
// "Dibatalkan, tidak dihitung: WHAT [BATAL: REASON]".
std::string void_note(const std::string& target, const std::string& what, const Void& v);

}  // namespace kinerja
