// Hybrid logical clock: wall-clock milliseconds plus a counter, encoded as a fixed-width
// string "MMMMMMMMMMMMMMM-CCCCCC" so that string order is clock order. A node's clock never
// goes backwards and moves past every clock it has seen, so order survives device skew.
#pragma once
#include <cstdint>
#include <string>

namespace kinerja {

struct Hlc {
  int64_t ms = 0;
  int64_t counter = 0;
};

Hlc parse_hlc(const std::string& s);  // throws Error(BadInput) when malformed
std::string format_hlc(const Hlc& h);

// The next local timestamp after LAST given the wall clock NOW_MS.
Hlc hlc_tick(const Hlc& last, int64_t now_ms);
// LAST advanced past a timestamp SEEN from another node.
Hlc hlc_merge(const Hlc& last, const Hlc& seen);

int64_t wall_clock_ms();  // honours $KINERJA_CLOCK_OFFSET_MS (tests of clock skew)

}  // namespace kinerja
