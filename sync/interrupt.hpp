// A sync the user stops (Ctrl-C): SIGINT only sets a flag, so no write is cut in the middle.
// The transport aborts the transfer in flight and starts no other (it throws Interrupted),
// and what was done stays whole: each acknowledged push batch and each pulled page is its
// own transaction, and a batch whose answer never came is found at the hub by the next sync.
#pragma once
#include <csignal>

#include "client/error.hpp"

namespace kinerja {

struct Interrupted : Error {
  Interrupted() : Error(ErrorKind::Failure, "stopped by the user (SIGINT)") {}
};

// While one lives, SIGINT asks the sync to stop; a second SIGINT ends the process as usual.
class StopOnInterrupt {
 public:
  StopOnInterrupt();
  ~StopOnInterrupt();
  StopOnInterrupt(const StopOnInterrupt&) = delete;
  StopOnInterrupt& operator=(const StopOnInterrupt&) = delete;

 private:
  struct sigaction previous_;
};

bool stop_requested();
void throw_if_stopped();  // throws Interrupted once SIGINT came

}  // namespace kinerja
