// UTF-8 validation (utf8.hpp).
#include "client/utf8.hpp"

#include <cstdio>

#include "client/error.hpp"

namespace kinerja {

size_t invalid_utf8_at(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    // How many continuation bytes follow the lead byte C (4: C cannot lead).
    size_t n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 4;
    if (n == 4 || i + n >= text.size()) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    for (size_t k = 1; k <= n; ++k) {
      auto b = static_cast<unsigned char>(text[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return i;
    }
    i += n + 1;
  }
  return std::string_view::npos;
}

void check_utf8(std::string_view text, const std::string& field) {
  size_t at = invalid_utf8_at(text);
  if (at == std::string_view::npos) return;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[at]));
  throw bad_input(field + ": is not valid UTF-8 (byte " + byte + " at position " + std::to_string(at + 1) + ")");
}

}  // namespace kinerja
