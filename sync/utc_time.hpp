// Wall-clock time as ISO-8601 UTC text, for timestamps kept in stores and logs (never
// for ordering: ops are ordered by their hybrid logical clock). The same clock as the ops'
// (wall_clock_ms in client/hlc.hpp), so $KINERJA_CLOCK_OFFSET_MS moves both.
#pragma once
#include <cstdint>
#include <string>

namespace kinerja {

std::string utc_now();  // e.g. 2026-11-23T09:41:07.123Z
// The time OFFSET_MS milliseconds from now, in the same form (e.g. an enrolment code's expiry).
std::string utc_in(int64_t offset_ms);

}  // namespace kinerja
