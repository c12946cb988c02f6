// Stopping a sync on SIGINT (interrupt.hpp).
#include "sync/interrupt.hpp"

#include <atomic>

namespace kinerja {

static std::atomic<bool> stop_flag{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

static void on_sigint(int) { stop_flag.store(true); }

StopOnInterrupt::StopOnInterrupt() {
  stop_flag.store(false);
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;  // the second Ctrl-C is the default one
  sigaction(SIGINT, &sa, &previous_);
}

StopOnInterrupt::~StopOnInterrupt() { sigaction(SIGINT, &previous_, nullptr); }

bool stop_requested() { return stop_flag.load(); }

void throw_if_stopped() {
  if (stop_requested()) throw Interrupted();
}

}  // namespace kinerja
