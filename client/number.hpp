// The one grammar for numbers typed by people, on the command line and in CSV/XLSX cells:
// plain `1234567.89`, Indonesian `1.234.567,89`, `3,99`; money may start with `Rp`.
// A single separator followed by exactly three digits (`2,605`, `1.234`) could group
// thousands or mark decimals: a count or an amount reads the dot as thousands (`2.605` is
// 2605) and refuses the comma ("tulis 2605 atau 2.605"); a decimal refuses both. Malformed
// groupings (`5,254,106,63`) are refused. Decimal results are canonical strings: no
// grouping, `.` as separator, no redundant zeros ("3.10" -> "3.1"). README "Numbers".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kinerja {

// A decimal number (may be negative; callers check ranges). FIELD names the input in errors.
std::string parse_decimal(std::string_view text, const std::string& field);

// A whole, non-negative number (counts, respondents, months).
int64_t parse_count(std::string_view text, const std::string& field);

// Rupiah: a count that may start with `Rp` or `Rp.` (`Rp 12.345.678.000`).
int64_t parse_money(std::string_view text, const std::string& field);

}  // namespace kinerja

namespace kinerja {

// Orders two canonical decimal strings (as parse_decimal returns): <0, 0 or >0.
int compare_decimal(const std::string& a, const std::string& b);

}  // namespace kinerja
