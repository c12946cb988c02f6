// Depth-bounded JSON parsing (json_limits.hpp).
#include "client/json_limits.hpp"

#include "client/error.hpp"

namespace kinerja {

json parse_json_bounded(std::string_view text, const char* what, size_t max_depth) {
  // DEPTH is the number of containers enclosing the one that starts: the parser never holds
  // more than MAX_DEPTH open containers.
  json::parser_callback_t bound = [&](int depth, json::parse_event_t event, json&) {
    if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) &&
        static_cast<size_t>(depth) >= max_depth)
      throw bad_input(std::string(what) + " nests objects or arrays deeper than " + std::to_string(max_depth) +
                      " levels");
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), bound);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number too large
    throw bad_input(std::string(what) + " is not JSON: " + e.what());
  }
}

}  // namespace kinerja
