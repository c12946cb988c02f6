// The size of push batches and pull pages on the link at hand: a batch starts small, doubles
// (up to the configured maximum; eightfold on a LAN) while batches complete well inside the
// time budget, and is
// halved after a failed attempt (a stall, a reset, a lost answer) or a batch slower than the
// budget. The size that worked is remembered per hub in the store's sync state
// (sync_state.hpp), so the next sync starts from it.
#pragma once
#include <cstdint>

namespace kinerja {

class BatchSize {
 public:
  static constexpr int64_t kFirst = 100;  // ops in a first batch on an unknown link

  // REMEMBERED (0 = none) is where the last sync on this link ended; FIXED keeps MAX for
  // every batch. BUDGET_MS is the time one batch should take at most.
  BatchSize(int64_t remembered, int64_t max, bool fixed, long budget_ms);

  int64_t ops() const { return ops_; }
  // A batch of OPS ops answered after ELAPSED_MS.
  void completed(int64_t ops, long elapsed_ms);
  void failed();

 private:
  int64_t ops_, max_;
  bool fixed_;
  long budget_ms_;
};

}  // namespace kinerja
