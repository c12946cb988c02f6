// Ops the hub held but refused as changes (e.g. `period_locked`): they stay in the log,
// are listed by `kinerja status`, and the cell they wrote is recomputed without them, so
// every node (and the hub's view) shows the same state.
#pragma once
#include <vector>

#include "client/sqlite.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

// Records R (once) and recomputes the cell its op wrote. Returns true when it is new.
bool record_rejection(Db& db, const Rejection& r);

std::vector<Rejection> list_rejections(const Db& db);

}  // namespace kinerja
