// Wall-clock time as ISO-8601 UTC text, for timestamps kept in stores and logs (never
// for ordering: ops are ordered by their hybrid logical clock).
#pragma once
#include <string>

namespace kinerja {

std::string utc_now();  // e.g. 2026-11-23T09:41:07.123Z

}  // namespace kinerja
