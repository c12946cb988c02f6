// The materialised state: `cells` holds, for every (type, key), the winning op — the one
// with the largest (hlc, device), the same rule on every node, so state converges
// whatever order ops arrive in. Rebuild replays the whole log into a fresh table.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/op.hpp"
#include "client/sqlite.hpp"

namespace kinerja {

// Applies OP to the state table TABLE ("cells" or a rebuild's scratch table).
class StateWriter {
 public:
  StateWriter(Db& db, const std::string& table = "cells");
  void apply(const Op& op, const std::string& body_text);

 private:
  Stmt upsert_;
};

struct Cell {
  std::string type, key, hlc, device, hash;
  int64_t seq = 0;
  json body;
};

std::optional<Cell> get_cell(const Db& db, const std::string& type, const std::string& key);
// Cells of TYPE whose key starts with PREFIX, in key order.
std::vector<Cell> list_cells(const Db& db, const std::string& type, const std::string& prefix = "");

struct RebuildResult {
  int64_t ops = 0;
  int64_t cells = 0;
  std::vector<std::string> differences;  // "type key: why", empty when identical
};

// Applies to W, in log order, every op but those the hub rejected (see sync/rejections.hpp);
// with ONLY_CELLS (a table of (type, key) rows), only the ops of those cells. One pass over
// the log, streamed. Returns the number of ops applied.
int64_t replay_log(Db& db, StateWriter& w, const std::string& only_cells = "");

// Replays the log (replay_log) into a fresh table and compares it with `cells`; unless
// CHECK_ONLY, then replaces `cells` with the fresh state. Memory does not grow with the log.
RebuildResult rebuild_state(Db& db, bool check_only);

}  // namespace kinerja
