// Depth-bounded JSON parsing (json_limits.hpp).
#include "client/json_limits.hpp"

#include <algorithm>
#include <fstream>

#include "client/error.hpp"

namespace kinerja {

// The deepest nesting of objects and arrays in TEXT, counting only brackets outside strings;
// stops counting once it passes MAX. A linear scan, much cheaper than the parse it guards.
static size_t nesting(std::string_view text, size_t max) {
  size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size() && deepest <= max; ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

json parse_json_bounded(std::string_view text, const char* what, size_t max_depth) {
  // Checked before the parse, so no tree deeper than MAX_DEPTH is ever built.
  if (nesting(text, max_depth) > max_depth)
    throw bad_input(std::string(what) + " nests objects or arrays deeper than " + std::to_string(max_depth) + " levels");
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number too large
    throw bad_input(std::string(what) + " is not JSON: " + e.what());
  }
}

json read_json_file(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw bad_input(path + ": cannot read the file");
  std::string text(max_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > max_bytes) throw bad_input(path + ": larger than " + std::to_string(max_bytes) + " bytes");
  return parse_json_bounded(text, path.c_str());
}

}  // namespace kinerja
