// JSON from outside the process (a request body at the hub, an answer at the client) parsed
// with its nesting depth bounded while it is parsed, so a body nested 100 000 deep is refused
// before a tree is built that recursive code (copy, normalize, dump) would overflow the stack on.
#pragma once
#include <cstddef>
#include <string_view>

#include "client/canonical.hpp"

namespace kinerja {

// Objects and arrays nested deeper than this are refused; ops are flat and catalogues a few
// levels deep.
inline constexpr size_t kMaxJsonDepth = 64;

// Parses TEXT; throws Error(BadInput) "WHAT is not JSON: ..." or "WHAT nests objects or
// arrays deeper than MAX_DEPTH levels".
json parse_json_bounded(std::string_view text, const char* what, size_t max_depth = kMaxJsonDepth);

}  // namespace kinerja
