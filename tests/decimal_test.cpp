// Exact arithmetic (client/decimal.hpp) against GMP's rationals as the reference, on random
// inputs; half-up rounding checked at every digit edge.
#include <catch2/catch.hpp>
#include <gmpxx.h>

#include <random>
#include <string>

#include "client/decimal.hpp"
#include "client/error.hpp"

using kinerja::Rational;

namespace {

mpz_class big(Rational::Int v) { return mpz_class(kinerja::int128_text(v)); }
mpz_class pow10(int n) { return mpz_class("1" + std::string(n, '0')); }
mpq_class fraction(const mpz_class& n, const mpz_class& d) {
  mpq_class q(n, d);
  q.canonicalize();
  return q;
}

mpq_class frac_of(const std::string& dec) {  // "-12.345" -> -12345 / 1000
  size_t dot = dec.find('.');
  if (dot == std::string::npos) return mpq_class(mpz_class(dec));
  return fraction(mpz_class(dec.substr(0, dot) + dec.substr(dot + 1)), pow10(static_cast<int>(dec.size() - dot - 1)));
}
bool same(const Rational& r, const mpq_class& f) { return fraction(big(r.num()), big(r.den())) == f; }

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
  mpz_class r(digits), p = big(x.num()) * pow10(n), q = big(x.den());
  mpz_class twice_gap = abs(p - r * q) * 2;
  int c = cmp(twice_gap, abs(q));
  REQUIRE(c <= 0);                                    // within half a unit of the last digit
  if (c == 0) REQUIRE(cmp(abs(r * q), abs(p)) > 0);  // a tie goes away from zero
}

}  // namespace

TEST_CASE("exact arithmetic agrees with a big-integer rational reference on random inputs", "[decimal]") {
  std::mt19937_64 rng(20241231);
  for (int i = 0; i < 3000; ++i) {
    std::string a = random_decimal(rng), b = random_decimal(rng), c = random_decimal(rng), d = random_decimal(rng);
    INFO(a << " " << b << " " << c << " " << d);
    Rational ra = Rational::parse(a), rb = Rational::parse(b), rc = Rational::parse(c), rd = Rational::parse(d);
    mpq_class fa = frac_of(a), fb = frac_of(b), fc = frac_of(c), fd = frac_of(d);
    REQUIRE(same(ra + rb, fa + fb));
    REQUIRE(same(ra - rb, fa - fb));
    REQUIRE(same(ra * rb, fa * fb));
    REQUIRE(same((ra + rb) * rc / rd, (fa + fb) * fc / fd));
    REQUIRE(same(ra / rb * Rational(100), fa / fb * 100));
    bool less = (ra < rb);
    REQUIRE(less == (fa < fb));
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

TEST_CASE("exact values print in full: overflow and division by zero throw, never wrap", "[decimal]") {
  CHECK(Rational::parse("114.355").exact() == "114.355");
  CHECK((Rational(1) / Rational(3)).exact() == "0.333333333333…");
  Rational big = Rational::parse("99999999999999999999999999999999999");
  CHECK_THROWS_AS(big * big, kinerja::Error);
  CHECK_THROWS_AS(Rational(1) / Rational(0), kinerja::Error);
  CHECK_THROWS_AS(Rational::parse("1.2.3"), kinerja::Error);
  CHECK_THROWS_AS(Rational::parse("1e5"), kinerja::Error);
}
