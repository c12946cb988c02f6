// Exact rational numbers for the calculation engine: a reduced fraction of two __int128
// with every operation checked for overflow (an overflow throws; it never wraps). Built
// from canonical decimal strings (as parse_decimal returns); rounded half-up (ties away
// from zero) only when a figure is printed. No binary floating point anywhere.
#pragma once
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace kinerja {

class Rational {
 public:
  using Int = __int128;

  Rational(int64_t n = 0) : num_(n), den_(1) {}  // NOLINT: implicit from integers on purpose
  // NUM/DEN reduced; DEN must not be 0.
  static Rational fraction(Int num, Int den);
  // A canonical decimal string such as "-12.345" or "82856"; throws Error(Failure) when malformed.
  static Rational parse(std::string_view decimal);

  Int num() const { return num_; }
  Int den() const { return den_; }
  bool is_zero() const { return num_ == 0; }
  bool is_negative() const { return num_ < 0; }

  Rational operator+(const Rational& o) const;
  Rational operator-(const Rational& o) const;
  Rational operator*(const Rational& o) const;
  Rational operator/(const Rational& o) const;  // throws Error(Failure) on division by zero
  Rational operator-() const;
  bool operator==(const Rational& o) const { return num_ == o.num_ && den_ == o.den_; }
  std::strong_ordering operator<=>(const Rational& o) const;

  // Rounded half-up (ties away from zero) to DECIMALS digits, as a value.
  Rational rounded(int decimals) const;
  // Rounded half-up to DECIMALS digits, written with '.' and exactly DECIMALS digits: "111.11".
  std::string fixed(int decimals) const;
  // The exact value when it has a finite decimal expansion, else fixed(12) followed by "…".
  std::string exact() const;

 private:
  Int num_, den_;
};

// The decimal text of a 128-bit integer.
std::string int128_text(Rational::Int v);

}  // namespace kinerja
