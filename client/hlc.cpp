// Hybrid logical clock (hlc.hpp).
#include "client/hlc.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "client/error.hpp"

namespace kinerja {

static constexpr int64_t kMaxCounter = 999999;

Hlc parse_hlc(const std::string& s) {
  if (s.size() != 22 || s[15] != '-' || s.find_first_not_of("0123456789-") != std::string::npos ||
      s.find('-') != 15)
    throw bad_input("malformed hlc '" + s + "'");
  return Hlc{std::stoll(s.substr(0, 15)), std::stoll(s.substr(16))};
}

std::string format_hlc(const Hlc& h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%015lld-%06lld", static_cast<long long>(h.ms), static_cast<long long>(h.counter));
  return buf;
}

Hlc hlc_tick(const Hlc& last, int64_t now_ms) {
  if (now_ms > last.ms) return Hlc{now_ms, 0};
  if (last.counter >= kMaxCounter) return Hlc{last.ms + 1, 0};
  return Hlc{last.ms, last.counter + 1};
}

Hlc hlc_merge(const Hlc& last, const Hlc& seen) {
  if (seen.ms > last.ms || (seen.ms == last.ms && seen.counter > last.counter)) return seen;
  return last;
}

int64_t wall_clock_ms() {
  int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  if (const char* off = std::getenv("KINERJA_CLOCK_OFFSET_MS")) now += std::atoll(off);
  return now;
}

}  // namespace kinerja
