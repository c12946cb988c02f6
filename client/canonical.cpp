// Canonical JSON and hashing (canonical.hpp).
#include "client/canonical.hpp"

#include <sodium.h>

#include "client/error.hpp"

namespace kinerja {

json normalize(const json& j) {
  switch (j.type()) {
    case json::value_t::object: {
      json out = json::object();
      for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = normalize(it.value());
      return out;
    }
    case json::value_t::array: {
      json out = json::array();
      for (const auto& v : j) out.push_back(normalize(v));
      return out;
    }
    case json::value_t::number_integer:
      return std::to_string(j.get<int64_t>());
    case json::value_t::number_unsigned:
      return std::to_string(j.get<uint64_t>());
    case json::value_t::boolean:
      return j.get<bool>() ? "true" : "false";
    case json::value_t::number_float:
      throw failure("canonical encoding: binary floating-point value " + j.dump() + " is not allowed");
    default:
      return j;
  }
}

std::string canonical_text(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::strict); }

std::string string_field(const json& j, const char* name, const std::string& what) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_string()) throw bad_input(what + " '" + name + "' is missing or not a string");
  return it->get<std::string>();
}

std::string to_hex(const unsigned char* p, size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (size_t i = 0; i < n; ++i) {
    out[2 * i] = digits[p[i] >> 4];
    out[2 * i + 1] = digits[p[i] & 15];
  }
  return out;
}

std::string from_hex(std::string_view hex) {
  std::string out(hex.size() / 2, '\0');
  size_t len = 0;
  if (hex.size() % 2 != 0 ||
      sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(),
                     nullptr, &len, nullptr) != 0 ||
      len != out.size())
    throw bad_input("malformed hex string");
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(h, sizeof h);
}

}  // namespace kinerja
