// Exact arithmetic (client/decimal.hpp) against a big-integer rational reference written
// here, on random inputs; half-up rounding checked at every digit edge.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "client/decimal.hpp"
#include "client/error.hpp"

using kinerja::Rational;

namespace {

// A signed big integer, base 10^9 limbs, little endian: just enough for the reference.
struct Big {
  bool neg = false;
  std::vector<uint64_t> d;  // no leading zero limbs; zero is empty

  static Big of(const std::string& s) {
    Big b;
    size_t start = s[0] == '-' ? 1 : 0;
    for (size_t end = s.size(); end > start; end = end >= start + 9 ? end - 9 : start) {
      size_t from = end >= start + 9 ? end - 9 : start;
      b.d.push_back(std::stoull(s.substr(from, end - from)));
    }
    b.trim();
    b.neg = start == 1 && !b.d.empty();
    return b;
  }
  void trim() {
    while (!d.empty() && d.back() == 0) d.pop_back();
    if (d.empty()) neg = false;
  }
  static int cmp_mag(const Big& a, const Big& b) {
    if (a.d.size() != b.d.size()) return a.d.size() < b.d.size() ? -1 : 1;
    for (size_t i = a.d.size(); i-- > 0;)
      if (a.d[i] != b.d[i]) return a.d[i] < b.d[i] ? -1 : 1;
    return 0;
  }
  static Big add_mag(const Big& a, const Big& b) {
    Big r;
    uint64_t carry = 0;
    for (size_t i = 0; i < std::max(a.d.size(), b.d.size()) || carry; ++i) {
      uint64_t s = carry + (i < a.d.size() ? a.d[i] : 0) + (i < b.d.size() ? b.d[i] : 0);
      r.d.push_back(s % 1000000000);
      carry = s / 1000000000;
    }
    r.trim();
    return r;
  }
  static Big sub_mag(const Big& a, const Big& b) {  // |a| >= |b|
    Big r;
    int64_t borrow = 0;
    for (size_t i = 0; i < a.d.size(); ++i) {
      int64_t s = static_cast<int64_t>(a.d[i]) - borrow - static_cast<int64_t>(i < b.d.size() ? b.d[i] : 0);
      borrow = s < 0;
      r.d.push_back(static_cast<uint64_t>(s < 0 ? s + 1000000000 : s));
    }
    r.trim();
    return r;
  }
  Big operator+(const Big& o) const {
    if (neg == o.neg) {
      Big r = add_mag(*this, o);
      r.neg = neg && !r.d.empty();
      return r;
    }
    int c = cmp_mag(*this, o);
    Big r = c >= 0 ? sub_mag(*this, o) : sub_mag(o, *this);
    r.neg = (c >= 0 ? neg : o.neg) && !r.d.empty();
    return r;
  }
  Big operator-() const {
    Big r = *this;
    r.neg = !neg && !d.empty();
    return r;
  }
  Big operator-(const Big& o) const { return *this + (-o); }
  Big operator*(const Big& o) const {
    Big r;
    r.d.assign(d.size() + o.d.size() + 1, 0);
    for (size_t i = 0; i < d.size(); ++i) {
      uint64_t carry = 0;
      for (size_t j = 0; j < o.d.size() || carry; ++j) {
        uint64_t cur = r.d[i + j] + carry + (j < o.d.size() ? d[i] * o.d[j] : 0);
        r.d[i + j] = cur % 1000000000;
        carry = cur / 1000000000;
      }
    }
    r.trim();
    r.neg = neg != o.neg && !r.d.empty();
    return r;
  }
  bool operator==(const Big& o) const { return neg == o.neg && d == o.d; }
  Big abs() const {
    Big r = *this;
    r.neg = false;
    return r;
  }
};

Big big(Rational::Int v) { return Big::of(kinerja::int128_text(v)); }
Big pow10(int n) { return Big::of("1" + std::string(n, '0')); }

// A reference fraction, never reduced.
struct Frac {
  Big n, d;
};
Frac frac_of(const std::string& dec) {  // "-12.345" -> -12345 / 1000
  size_t dot = dec.find('.');
  if (dot == std::string::npos) return {Big::of(dec), Big::of("1")};
  return {Big::of(dec.substr(0, dot) + dec.substr(dot + 1)), pow10(static_cast<int>(dec.size() - dot - 1))};
}
Frac add(const Frac& a, const Frac& b) { return {a.n * b.d + b.n * a.d, a.d * b.d}; }
Frac mul(const Frac& a, const Frac& b) { return {a.n * b.n, a.d * b.d}; }
Frac div(const Frac& a, const Frac& b) { return {a.n * b.d, a.d * b.n}; }
bool same(const Rational& r, const Frac& f) {  // r.num/r.den == f.n/f.d
  Big lhs = big(r.num()) * f.d, rhs = f.n * big(r.den());
  return lhs == rhs;
}

std::string random_decimal(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> digits(1, 9), decimals(0, 4), sign(0, 3);
  std::uniform_int_distribution<int> digit(0, 9);
  std::string s = sign(rng) == 0 ? "-" : "";
  int ip = digits(rng), fp = decimals(rng);
  s += std::to_string(1 + digit(rng) % 9);
  for (int i = 1; i < ip; ++i) s += std::to_string(digit(rng));
  if (fp) {
    s += ".";
    for (int i = 0; i < fp; ++i) s += std::to_string(digit(rng));
    s.back() = static_cast<char>('1' + digit(rng) % 9);  // canonical: no trailing zero
  }
  return s;
}

// Checks that TEXT (fixed(n) of P/Q) is P/Q rounded half-up, ties away from zero.
void check_half_up(const Rational& x, int n) {
  std::string text = x.fixed(n);
  size_t dot = text.find('.');
  REQUIRE((n == 0 ? dot == std::string::npos : text.size() - dot - 1 == static_cast<size_t>(n)));
  std::string digits = dot == std::string::npos ? text : text.substr(0, dot) + text.substr(dot + 1);
  Big r = Big::of(digits), p = big(x.num()) * pow10(n), q = big(x.den());
  Big twice_gap = (p - r * q).abs() * Big::of("2");
  int c = Big::cmp_mag(twice_gap, q);
  REQUIRE(c <= 0);                                              // within half a unit of the last digit
  if (c == 0) REQUIRE(Big::cmp_mag((r * q).abs(), p.abs()) > 0);  // a tie goes away from zero
}

}  // namespace

TEST_CASE("exact arithmetic agrees with a big-integer rational reference on random inputs", "[decimal]") {
  std::mt19937_64 rng(20241231);
  for (int i = 0; i < 3000; ++i) {
    std::string a = random_decimal(rng), b = random_decimal(rng), c = random_decimal(rng), d = random_decimal(rng);
    INFO(a << " " << b << " " << c << " " << d);
    Rational ra = Rational::parse(a), rb = Rational::parse(b), rc = Rational::parse(c), rd = Rational::parse(d);
    Frac fa = frac_of(a), fb = frac_of(b), fc = frac_of(c), fd = frac_of(d);
    REQUIRE(same(ra + rb, add(fa, fb)));
    REQUIRE(same(ra - rb, add(fa, Frac{-fb.n, fb.d})));
    REQUIRE(same(ra * rb, mul(fa, fb)));
    REQUIRE(same((ra + rb) * rc / rd, div(mul(add(fa, fb), fc), fd)));
    REQUIRE(same(ra / rb * Rational(100), div(mul(fa, Frac{Big::of("100"), Big::of("1")}), fb)));
    bool less = (ra < rb);
    REQUIRE(less == ((fa.n * fb.d - fb.n * fa.d).neg));
  }
}

TEST_CASE("rounding is half-up on random fractions at 0 to 6 decimals", "[decimal]") {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int64_t> num(-2000000000000, 2000000000000), den(1, 100000000);
  for (int i = 0; i < 4000; ++i) {
    Rational x = Rational::fraction(num(rng), den(rng));
    for (int n = 0; n <= 6; ++n) check_half_up(x, n);
  }
}

TEST_CASE("rounding at every digit edge: exact ties go up, just below stays down", "[decimal]") {
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<int64_t> k(0, 1000000000);
  for (int n = 0; n <= 6; ++n) {
    Rational unit = Rational::fraction(1, 1) / Rational::parse("1" + std::string(n, '0'));
    for (int i = 0; i < 200; ++i) {
      Rational base = Rational(k(rng)) * unit;
      Rational half = base + unit / Rational(2), tiny = unit / Rational(1000000);
      REQUIRE(half.fixed(n) == (base + unit).fixed(n));
      REQUIRE((half - tiny).fixed(n) == base.fixed(n));
      REQUIRE((half + tiny).fixed(n) == (base + unit).fixed(n));
      REQUIRE((-half).fixed(n) == (-(base + unit)).fixed(n));
      check_half_up(half, n);
      check_half_up(half - tiny, n);
      check_half_up(-half, n);
    }
  }
  CHECK(Rational::parse("114.355").fixed(2) == "114.36");
  CHECK(Rational::parse("2.675").fixed(2) == "2.68");  // 2.67 in binary floating point
  CHECK(Rational::parse("999.995").fixed(2) == "1000.00");
  CHECK(Rational::parse("0.0049999").fixed(2) == "0.00");
  CHECK(Rational::parse("-0.005").fixed(2) == "-0.01");
  CHECK(Rational::parse("0.4").fixed(0) == "0");
  CHECK(Rational::parse("82856").fixed(0) == "82856");
  CHECK((Rational(1000) / Rational(9)).rounded(2) == Rational::parse("111.11"));
}

TEST_CASE("exact values print in full; overflow and division by zero throw, never wrap", "[decimal]") {
  CHECK(Rational::parse("114.355").exact() == "114.355");
  CHECK((Rational(1) / Rational(3)).exact() == "0.333333333333…");
  Rational big = Rational::parse("99999999999999999999999999999999999");
  CHECK_THROWS_AS(big * big, kinerja::Error);
  CHECK_THROWS_AS(Rational(1) / Rational(0), kinerja::Error);
  CHECK_THROWS_AS(Rational::parse("1.2.3"), kinerja::Error);
  CHECK_THROWS_AS(Rational::parse("1e5"), kinerja::Error);
}
