// Checking that text is valid UTF-8 where it enters kinerja (command-line arguments, CSV
// fields), so that no invalid byte reaches an op body or a JSON document.
#pragma once
#include <string>
#include <string_view>

namespace kinerja {

// The offset of the first byte of TEXT that is not part of a valid UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF included), or npos when TEXT is valid.
size_t invalid_utf8_at(std::string_view text);

// Throws Error(BadInput) "FIELD: is not valid UTF-8 (byte 0xNN at position N)" unless TEXT is valid.
void check_utf8(std::string_view text, const std::string& field);

}  // namespace kinerja
