// Checking that text is valid UTF-8 where it enters kinerja (command-line arguments, CSV
// fields), so that no invalid byte reaches an op body or a JSON document; converting the
// Windows-1252 text Excel saves as "CSV" on Windows.
#pragma once
#include <string>
#include <string_view>

namespace kinerja {

// The offset of the first byte of TEXT that is not part of a valid UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF included), or npos when TEXT is valid.
size_t invalid_utf8_at(std::string_view text);

// Throws Error(BadInput) "FIELD: is not valid UTF-8 (byte 0xNN at position N)" unless TEXT is valid.
void check_utf8(std::string_view text, const std::string& field);

// TEXT read as Windows-1252, written in UTF-8 to OUT. Returns npos, or the offset of the first
// byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
size_t windows1252_to_utf8(std::string_view text, std::string& out);

}  // namespace kinerja
