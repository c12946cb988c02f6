// Exact rationals (decimal.hpp).
#include "client/decimal.hpp"

#include <algorithm>

#include "client/error.hpp"

namespace kinerja {

using Int = Rational::Int;

static Int checked_mul(Int a, Int b) {
  Int r;
  if (__builtin_mul_overflow(a, b, &r)) throw failure("arithmetic overflow in an exact calculation");
  return r;
}

static Int checked_add(Int a, Int b) {
  Int r;
  if (__builtin_add_overflow(a, b, &r)) throw failure("arithmetic overflow in an exact calculation");
  return r;
}

static Int abs128(Int v) { return v < 0 ? checked_mul(v, -1) : v; }

static Int gcd128(Int a, Int b) {
  a = abs128(a);
  b = abs128(b);
  while (b != 0) {
    Int t = a % b;
    a = b;
    b = t;
  }
  return a;
}

static Int pow10(int n) {
  Int p = 1;
  for (int i = 0; i < n; ++i) p = checked_mul(p, 10);
  return p;
}

std::string int128_text(Int v) {
  if (v == 0) return "0";
  bool negative = v < 0;
  std::string out;
  while (v != 0) {
    int digit = static_cast<int>(v % 10);
    out.push_back(static_cast<char>('0' + (digit < 0 ? -digit : digit)));
    v /= 10;
  }
  if (negative) out.push_back('-');
  std::reverse(out.begin(), out.end());
  return out;
}

Rational Rational::fraction(Int num, Int den) {
  if (den == 0) throw failure("division by zero in an exact calculation");
  if (den < 0) {
    num = checked_mul(num, -1);
    den = checked_mul(den, -1);
  }
  Int g = gcd128(num, den);
  Rational r;
  r.num_ = g > 1 ? num / g : num;
  r.den_ = g > 1 ? den / g : den;
  return r;
}

Rational Rational::parse(std::string_view s) {
  std::string_view text = s;
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  Int num = 0;
  int decimals = -1;
  for (char c : s) {
    if (c == '.' && decimals < 0) {
      decimals = 0;
    } else if (c >= '0' && c <= '9') {
      num = checked_add(checked_mul(num, 10), c - '0');
      if (decimals >= 0) ++decimals;
    } else {
      throw failure("not a canonical decimal: '" + std::string(text) + "'");
    }
  }
  if (s.empty() || s.front() == '.' || s.back() == '.') throw failure("not a canonical decimal: '" + std::string(text) + "'");
  return fraction(negative ? -num : num, pow10(std::max(decimals, 0)));
}

Rational Rational::operator+(const Rational& o) const {
  Int g = gcd128(den_, o.den_);
  return fraction(checked_add(checked_mul(num_, o.den_ / g), checked_mul(o.num_, den_ / g)), checked_mul(den_, o.den_ / g));
}

Rational Rational::operator-() const { return fraction(checked_mul(num_, -1), den_); }

Rational Rational::operator-(const Rational& o) const { return *this + (-o); }

Rational Rational::operator*(const Rational& o) const {
  Int g1 = gcd128(num_, o.den_), g2 = gcd128(o.num_, den_);
  return fraction(checked_mul(num_ / g1, o.num_ / g2), checked_mul(den_ / g2, o.den_ / g1));
}

Rational Rational::operator/(const Rational& o) const {
  if (o.num_ == 0) throw failure("division by zero in an exact calculation");
  return *this * fraction(o.den_, o.num_);
}

std::strong_ordering Rational::operator<=>(const Rational& o) const {
  Rational d = *this - o;
  return d.num_ <=> Int(0);
}

// The integer nearest to THIS × 10^DECIMALS, ties away from zero.
static Int scaled_half_up(Int num, Int den, int decimals) {
  Int scaled = checked_mul(abs128(num), pow10(decimals));
  Int q = scaled / den, r = scaled % den;
  if (checked_mul(r, 2) >= den) q = checked_add(q, 1);
  return num < 0 ? -q : q;
}

Rational Rational::rounded(int decimals) const {
  return fraction(scaled_half_up(num_, den_, decimals), pow10(decimals));
}

std::string Rational::fixed(int decimals) const {
  Int q = scaled_half_up(num_, den_, decimals);
  std::string digits = int128_text(abs128(q));
  if (static_cast<int>(digits.size()) <= decimals) digits.insert(0, decimals + 1 - digits.size(), '0');
  std::string out = (q < 0 ? "-" : "") + digits.substr(0, digits.size() - decimals);
  if (decimals > 0) out += "." + digits.substr(digits.size() - decimals);
  return out;
}

std::string Rational::exact() const {
  Int d = den_;
  int twos = 0, fives = 0;
  while (d % 2 == 0) d /= 2, ++twos;
  while (d % 5 == 0) d /= 5, ++fives;
  return d == 1 ? fixed(std::max(twos, fives)) : fixed(12) + "…";
}

}  // namespace kinerja
