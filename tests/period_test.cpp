// Reporting periods (client/period.hpp).
#include <catch2/catch.hpp>

#include "client/error.hpp"
#include "client/period.hpp"

using namespace kinerja;

static std::string bad_message(std::string_view text) {
  try {
    parse_period(text, "periode");
  } catch (const Error& e) {
    CHECK(e.kind == ErrorKind::BadInput);
    return e.what();
  }
  FAIL("'" << text << "' was accepted");
  return "";
}

TEST_CASE("years, quarters and months parse to canonical text and Indonesian labels", "[period]") {
  Period y = parse_period("2024");
  CHECK(y.kind == PeriodKind::Year);
  CHECK(y.str() == "2024");
  CHECK(y.label() == "2024");
  Period q = parse_period("2024-q3");
  CHECK(q.kind == PeriodKind::Quarter);
  CHECK(q.index == 3);
  CHECK(q.str() == "2024-Q3");
  CHECK(q.label() == "Triwulan III 2024");
  CHECK(parse_period("2024-Q4").label() == "Triwulan IV 2024");
  Period m = parse_period("2024-01");
  CHECK(m.kind == PeriodKind::Month);
  CHECK(m.str() == "2024-01");
  CHECK(m.label() == "Januari 2024");
  CHECK(parse_period("2023-12").label() == "Desember 2023");
  CHECK(month_name(8) == "Agustus");
}

TEST_CASE("impossible periods are refused naming the field and the reason", "[period]") {
  CHECK_THAT(bad_message("2024-13"), Catch::Contains("periode: '2024-13' bulannya di luar 1-12"));
  CHECK_THAT(bad_message("2024-00"), Catch::Contains("bulannya di luar 1-12"));
  CHECK_THAT(bad_message("2024-Q5"), Catch::Contains("periode: '2024-Q5' triwulannya di luar 1-4"));
  CHECK_THAT(bad_message("2024-Q0"), Catch::Contains("triwulannya di luar 1-4"));
  CHECK_THAT(bad_message("1999"), Catch::Contains("tahunnya di luar 2000-2100"));
  CHECK_THAT(bad_message("24"), Catch::Contains("bukan periode"));
  CHECK_THAT(bad_message("2024-1"), Catch::Contains("bukan periode"));
  CHECK_THAT(bad_message("2024/01"), Catch::Contains("bukan periode"));
  CHECK_THAT(bad_message("Q1-2024"), Catch::Contains("YYYY, YYYY-Qn atau YYYY-MM"));
  CHECK_THAT(bad_message(""), Catch::Contains("bukan periode"));
}
