// Concurrent writes: pairs of ops on the same cell (type, key) that did not see each
// other (the same `base`, or both without one) and say different things. Both stay in
// the log; the winner is the larger (hlc, device), the same on every node.
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
