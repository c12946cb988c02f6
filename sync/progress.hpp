// Progress of a sync for a person at a terminal on a slow link: one line on stderr, rewritten
// with \r every second, with ops and bytes done of the total, the current rate and the time
// left. progress_line() only formats (unit-tested); TerminalProgress feeds it from a sync's
// callbacks (per batch, and the bytes moving during a request) and redraws it.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "sync/push.hpp"

namespace kinerja {

struct ProgressFigures {
  std::string phase;             // "push" or "pull"
  int64_t done = 0, total = -1;  // ops; total -1 when unknown (a pull)
  int64_t bytes = 0;             // on the wire so far
  int64_t total_bytes = -1;      // an estimate, -1 when unknown
  double bytes_per_second = 0;   // over the last seconds
  int64_t seconds_left = -1;     // -1 when unknown
};

// E.g. "push: 1.200/3.000 ops, 96,0 kB of ~240,0 kB, 4,1 kB/s, ~0:36 left" (Indonesian
// figures: dot thousands, decimal comma).
std::string progress_line(const ProgressFigures& f);

class TerminalProgress {
 public:
  TerminalProgress();   // starts redrawing
  ~TerminalProgress();  // stops and ends the line
  TerminalProgress(const TerminalProgress&) = delete;
  TerminalProgress& operator=(const TerminalProgress&) = delete;

  SyncProgress batches();                              // after each batch or page
  std::function<void(int64_t, int64_t)> transfer();   // during a request: bytes sent, received

 private:
  using Clock = std::chrono::steady_clock;
  void draw();  // with mu_ held
  void run();

  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false, drawn_ = false;
  std::string phase_;
  int64_t done_ = 0, total_ = -1, bytes_ = 0, bytes_at_done_ = 0, sent_ = 0, received_ = 0;
  std::deque<std::pair<Clock::time_point, int64_t>> samples_;  // (when, bytes) over the last seconds
  std::thread thread_;
};

}  // namespace kinerja
