// Register entries: IDs and text fields (register_entry.hpp).
#include "client/register_entry.hpp"

#include <cctype>

#include "client/error.hpp"

namespace kinerja {

std::string canonical_entry_id(const std::string& id) {
  std::string out = id;
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string next_entry_id(const Store& s, const std::string& prefix) {
  return canonical_entry_id(prefix + "-" + s.device.substr(1, 4) + "-" + std::to_string(last_seq(s.db, s.device) + 1));
}

std::string checked_text(const std::string& v, const std::string& field, size_t max) {
  if (v.find_first_not_of(" \t") == std::string::npos) throw bad_input(field + ": is empty");
  if (v.size() > max) throw bad_input(field + ": is longer than " + std::to_string(max) + " characters");
  return v;
}

}  // namespace kinerja
