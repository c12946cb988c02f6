// Batch sizes that adapt to the link (batch_size.hpp).
#include "sync/batch_size.hpp"

#include <algorithm>

namespace kinerja {

BatchSize::BatchSize(int64_t remembered, int64_t max, bool fixed, long budget_ms)
    : ops_(fixed ? max : std::clamp(remembered > 0 ? remembered : kFirst, int64_t{1}, max)),
      max_(max),
      fixed_(fixed),
      budget_ms_(budget_ms) {}

// A batch that used a quarter of the budget or less may double, one that used a 64th of it
// (a LAN) grows eightfold; one over the budget halves. A short last batch (fewer ops than
// the size) says nothing about a bigger one.
void BatchSize::completed(int64_t ops, long elapsed_ms) {
  if (fixed_) return;
  if (elapsed_ms > budget_ms_) failed();
  else if (ops >= ops_ && elapsed_ms * 64 <= budget_ms_) ops_ = std::min(max_, ops_ * 8);
  else if (ops >= ops_ && elapsed_ms * 4 <= budget_ms_) ops_ = std::min(max_, ops_ * 2);
}

void BatchSize::failed() {
  if (!fixed_) ops_ = std::max<int64_t>(1, ops_ / 2);
}

}  // namespace kinerja
