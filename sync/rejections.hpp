// Ops the hub held but refused as changes (e.g. `period_locked`): they stay in the log,
// are listed by `kinerja status`, and the cell they wrote is recomputed without them, so
// every node (and the hub's view) shows the same state.
#pragma once
#include <string>
#include <vector>

#include "client/sqlite.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

// Records each of RS not recorded yet and recomputes the cells their ops wrote, all in one
// pass over the log. Returns the new ones. Call inside a transaction.
std::vector<Rejection> record_rejections(Db& db, const std::vector<Rejection>& rs);

std::vector<Rejection> list_rejections(const Db& db);
// The rejections still to act on: all but the `period_locked` ones a later write resolved,
// i.e. whose cell's winner is later (larger hlc) than the rejected op — the entry recorded
// again after the kanwil unlocked the period. They stay in list_rejections() and the log.
std::vector<Rejection> pending_rejections(const Db& db);

// What the rejected op wrote, for people: "TYPE KEY", e.g. "rb.done RB-E17A-5".
std::string rejected_cell(const Db& db, const Rejection& r);

}  // namespace kinerja
