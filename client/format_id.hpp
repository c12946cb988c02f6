// Figures for people, Indonesian style: decimal comma and dot thousands ("111,11%",
// "3,99", "Rp 4.780.958.000", "82.856"); a figure that does not exist prints as "-".
#pragma once
#include <optional>
#include <string>

#include "client/decimal.hpp"

namespace kinerja {

// "1234567.891" style fixed text (as Rational::fixed gives) rewritten as "1.234.567,891".
std::string id_from_fixed(const std::string& fixed);
// V rounded half-up to DECIMALS, Indonesian style; "-" when V is absent.
std::string id_number(const std::optional<Rational>& v, int decimals);
std::string id_percent(const std::optional<Rational>& v, int decimals = 2);  // "111,11%"
std::string id_rupiah(const std::optional<Rational>& v);                     // "Rp 4.780.958.000"
// The machine form: fixed with '.', or "-" when absent (JSON and CSV use this).
std::string plain(const std::optional<Rational>& v, int decimals);

}  // namespace kinerja
