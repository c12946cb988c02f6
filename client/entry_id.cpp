// Register entry IDs (entry_id.hpp).
#include "client/entry_id.hpp"

#include <cctype>

namespace kinerja {

std::string canonical_entry_id(const std::string& id) {
  std::string out = id;
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string next_entry_id(const Store& s, const std::string& prefix) {
  return canonical_entry_id(prefix + "-" + s.device.substr(1, 4) + "-" + std::to_string(last_seq(s.db, s.device) + 1));
}

}  // namespace kinerja
