// Canonical JSON and hashing (canonical.hpp).
#include "client/canonical.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include "client/error.hpp"

namespace kinerja {

json normalize(json j) {
  switch (j.type()) {
    case json::value_t::object:
    case json::value_t::array:
      for (auto& v : j) v = normalize(std::move(v));
      return j;
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

std::string body_text(const json& j, const char* name) { return j.value(name, ""); }

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

// SHA-256 fetched once: an implicit fetch on every digest costs about as much as hashing an op.
static const EVP_MD* sha256_md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (!md) throw failure("SHA-256 is not available from OpenSSL");
  return md;
}

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_, sha256_md(), nullptr) != 1) throw failure("SHA-256 failed to start");
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

void Sha256::update(std::string_view data) {
  if (EVP_DigestUpdate(ctx_, data.data(), data.size()) != 1) throw failure("SHA-256 failed");
}

std::string Sha256::hex() {
  unsigned char h[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_DigestFinal_ex(ctx_, h, &n) != 1 || EVP_DigestInit_ex(ctx_, sha256_md(), nullptr) != 1)
    throw failure("SHA-256 failed");
  return to_hex(h, n);
}

std::string sha256_hex(std::string_view data) {
  thread_local Sha256 sha;  // one context per thread, reused
  sha.update(data);
  return sha.hex();
}

}  // namespace kinerja
