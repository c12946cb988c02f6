// The calculation engine's pure functions (client/capaian.hpp) and Indonesian formatting
// (client/format_id.hpp), on schema/domain.md's figures and on the cases the 2024 data lacks:
// lower-is-better, cap, respondent weighting, composite weights, denominator 0.
#include <catch2/catch.hpp>

#include "client/capaian.hpp"
#include "client/format_id.hpp"

using namespace kinerja;

static Rational R(const char* s) { return Rational::parse(s); }

static Indicator indicator(const char* method, const char* rollup, const char* polarity = "higher") {
  Indicator i;
  i.code = "X";
  i.unit = "persen";
  i.method = method;
  i.rollup = rollup;
  i.polarity = polarity;
  return i;
}

static Component counts(const char* period, int64_t n, int64_t d) {
  Component c;
  c.source = "value";
  c.period = period;
  c.numerator = Rational(n);
  c.denominator = Rational(d);
  return c;
}

static Component value(const char* period, const char* v, std::optional<int64_t> respondents = std::nullopt,
                       const char* part = "") {
  Component c;
  c.source = "value";
  c.period = period;
  c.part = part;
  c.value = R(v);
  if (respondents) c.respondents = Rational(*respondents);
  return c;
}

TEST_CASE("ratio realisasi sums numerators and denominators over the periods", "[engine]") {
  Indicator rb = indicator("ratio", "sum");
  auto r = compute_realisasi(rb, {counts("2024-Q1", 32, 32), counts("2024-Q2", 29, 29), counts("2024-Q3", 25, 25),
                                  counts("2024-Q4", 28, 28)});
  REQUIRE(r.value == Rational(100));
  auto layanan = compute_realisasi(rb, {counts("2024", 82856, 85832)});
  CHECK(layanan.value->fixed(2) == "96.53");
  CHECK(compute_capaian(rb, Rational(90), layanan.value)->fixed(2) == "107.26");
}

TEST_CASE("a denominator of 0 or no inputs gives no realisasi, no capaian, and stays out of averages", "[engine]") {
  Indicator py = indicator("ratio", "sum");
  auto r = compute_realisasi(py, {counts("2022", 0, 0)});
  CHECK_FALSE(r.value);
  CHECK(r.formula.find("penyebut 0") != std::string::npos);
  CHECK_FALSE(compute_realisasi(py, {}).value);
  CHECK_FALSE(compute_capaian(py, Rational(90), r.value));
  CHECK(mean_of_printed({Rational(100), std::nullopt}, 2) == Rational(100));
  CHECK_FALSE(mean_of_printed({std::nullopt}, 2));
}

TEST_CASE("averages use the printed capaian: 114,36 not 114,35", "[engine]") {
  Indicator ilk = indicator("weighted", "weighted");
  auto c = compute_capaian(ilk, R("3.1"), R("3.99"));
  CHECK(c->fixed(2) == "128.71");
  auto mean = mean_of_printed({Rational(100), c}, 2);
  CHECK(mean->fixed(2) == "114.36");
  CHECK(((Rational(100) + *c) / Rational(2)).fixed(2) == "114.35");  // what the unrounded mean would print
  CHECK(mean_of_printed({R("111.11"), R("107.26"), *mean}, 2)->fixed(2) == "110.91");
}

TEST_CASE("polarity and cap", "[engine]") {
  Indicator lower = indicator("direct", "last", "lower");
  CHECK(compute_capaian(lower, Rational(10), Rational(8)) == Rational(120));  // (2×10 − 8) / 10 × 100
  CHECK(compute_capaian(lower, Rational(10), Rational(12)) == Rational(80));
  Indicator capped = indicator("direct", "last");
  capped.cap = "110";
  CHECK(compute_capaian(capped, Rational(50), Rational(100)) == Rational(110));
  CHECK(compute_capaian(capped, Rational(100), Rational(95)) == Rational(95));
  CHECK_FALSE(compute_capaian(capped, Rational(0), Rational(95)));
}

TEST_CASE("roll-ups: last value, sum, respondent-weighted survey months", "[engine]") {
  CHECK(compute_realisasi(indicator("direct", "last"), {value("2025-Q1", "80"), value("2025-Q2", "85")}).value == Rational(85));
  CHECK(compute_realisasi(indicator("direct", "sum"), {value("2025-01", "2"), value("2025-02", "3")}).value == Rational(5));
  Indicator ikm = indicator("weighted", "weighted");
  // (3.5 × 100 + 3.9 × 300) / 400 = 3.8
  CHECK(compute_realisasi(ikm, {value("2023-01", "3.5", 100), value("2023-02", "3.9", 300)}).value == R("3.8"));
  // Survey months win over a year value without respondents; alone, the year value counts.
  CHECK(compute_realisasi(ikm, {value("2023", "3.2"), value("2023-01", "3.5", 10)}).value == R("3.5"));
  CHECK(compute_realisasi(ikm, {value("2023", "3.2")}).value == R("3.2"));
  CHECK_FALSE(compute_realisasi(ikm, {value("2023-01", "3.5", 0)}).value);
}

TEST_CASE("a composite index with published weights is the weighted sum of its parts", "[engine]") {
  Indicator iklk = indicator("direct", "last");
  iklk.parts = {{"DOKLN", "dokumen perjalanan", "60"}, {"IZINTINGGAL", "izin tinggal", "40"}};
  auto parts = std::vector<Component>{value("2025", "90", std::nullopt, "DOKLN"), value("2025", "95", std::nullopt, "IZINTINGGAL")};
  CHECK(compute_realisasi(iklk, parts).value == Rational(92));  // 0.6 × 90 + 0.4 × 95
  // Until every part has a value, the directly entered value stands.
  CHECK(compute_realisasi(iklk, {parts[0], value("2025", "91")}).value == Rational(91));
  iklk.parts[0].weight.reset();
  iklk.parts[1].weight.reset();
  CHECK(compute_realisasi(iklk, {parts[0], parts[1], value("2025", "91")}).value == Rational(91));
}

TEST_CASE("Indonesian formatting", "[engine]") {
  CHECK(id_percent(R("111.111")) == "111,11%");
  CHECK(id_rupiah(Rational(4780958000)) == "Rp 4.780.958.000");
  CHECK(id_number(R("3.99"), 2) == "3,99");
  CHECK(id_number(Rational(82856), 0) == "82.856");
  CHECK(id_number(R("-1234.5"), 2) == "-1.234,50");
  CHECK(id_number(Rational(100), 0) == "100");
  CHECK(id_percent(std::nullopt) == "-");
  CHECK(plain(R("95.1135"), 2) == "95.11");
}
