// JSON from outside the process (a request body at the hub, an answer at the client) parsed
// with its nesting depth bounded while it is parsed, so a body nested 100 000 deep is refused
// before a tree is built that recursive code (copy, normalize, dump) would overflow the stack on.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "client/canonical.hpp"

namespace kinerja {

// Objects and arrays nested deeper than this are refused; ops are flat and catalogues a few
// levels deep.
inline constexpr size_t kMaxJsonDepth = 64;

// Parses TEXT; throws Error(BadInput) "WHAT is not JSON: ..." or "WHAT nests objects or
// arrays deeper than MAX_DEPTH levels".
json parse_json_bounded(std::string_view text, const char* what, size_t max_depth = kMaxJsonDepth);

// A JSON document read from the file PATH (a catalogue, a reference), at most MAX_BYTES long;
// throws Error(BadInput) naming the file.
json read_json_file(const std::string& path, size_t max_bytes = 4 << 20);

}  // namespace kinerja
