// The canonical encoding that ops are hashed and signed over: JSON with keys sorted, no
// whitespace, and every scalar a string (integers become decimal strings; binary floats
// are refused), plus the SHA-256 (OpenSSL, which uses the CPU's SHA instructions where it
// has them) and hex helpers.
#pragma once
#include <nlohmann/json.hpp>
#include <openssl/types.h>

#include <string>
#include <string_view>

namespace kinerja {

using json = nlohmann::json;

// Returns J with every integer turned into its decimal string and booleans into
// "true"/"false"; throws on floating-point numbers. Objects keep sorted keys.
json normalize(json j);

// The canonical text of an already-normalized value.
std::string canonical_text(const json& j);

// J[NAME] when it is a string; else throws Error(BadInput) "WHAT 'NAME' is missing or not a
// string" (WHAT e.g. "op field").
std::string string_field(const json& j, const char* name, const std::string& what = "field");
// J[NAME] of a body read back from the store (its op rules checked it when it was written),
// or "" when absent.
std::string body_text(const json& j, const char* name);

std::string to_hex(const unsigned char* p, size_t n);
std::string from_hex(std::string_view hex);  // throws Error(BadInput) on malformed hex
std::string sha256_hex(std::string_view data);

// SHA-256 over data fed in pieces (a file read in chunks): update() any number of times,
// then hex(), which also starts a new digest.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  std::string hex();

 private:
  EVP_MD_CTX* ctx_;
};

}  // namespace kinerja
