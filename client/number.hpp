// Reading numbers typed by people: plain `1234567.89`, Indonesian `1.234.567,89`,
// `3,99`; refusing malformed or ambiguous groupings (`5,254,106,63`, `1.234` for a
// decimal field). Results are canonical decimal strings: no grouping, `.` as separator,
// no redundant zeros ("3.10" -> "3.1").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kinerja {

// A decimal number (may be negative; callers check ranges). FIELD names the input in errors.
std::string parse_decimal(std::string_view text, const std::string& field);

// A whole, non-negative number (counts, respondents, rupiah).
int64_t parse_count(std::string_view text, const std::string& field);

}  // namespace kinerja

namespace kinerja {

// Orders two canonical decimal strings (as parse_decimal returns): <0, 0 or >0.
int compare_decimal(const std::string& a, const std::string& b);

}  // namespace kinerja
