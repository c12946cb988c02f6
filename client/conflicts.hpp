// Concurrent writes: pairs of ops on the same cell (type, key) that did not see each
// other (the same `base`, or both without one) and say different things. Both stay in
// the log; the winner is the larger (hlc, device), the same on every node. An op the hub
// rejected (sync/rejections.hpp) counts nowhere, here neither. A pair leaves the list once
// a later write of the cell has seen both sides: its base is the winner and its writer held
// the other — the other's own device, or this store's device after the other arrived here
// (what another device held when it wrote, its op does not say) — or it says what the other
// said (e.g. a device taking the hub's office name, which an office-mate had typed).
#pragma once
#include <vector>

#include "client/op.hpp"
#include "client/sqlite.hpp"

namespace kinerja {

struct ConflictPair {
  Op winner, other;  // bodies without "base"
};

std::vector<ConflictPair> list_conflicts(const Db& db);

}  // namespace kinerja
