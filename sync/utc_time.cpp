// UTC timestamps (utc_time.hpp).
#include "sync/utc_time.hpp"

#include <cstdio>
#include <ctime>

#include "client/hlc.hpp"

namespace kinerja {

std::string utc_now() { return utc_in(0); }

std::string utc_in(int64_t offset_ms) {
  int64_t ms = wall_clock_ms() + offset_ms;
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

}  // namespace kinerja
