// Calendar dates as typed (client/date.hpp): ISO and day first, as Excel writes them in Indonesia.
#include <catch2/catch.hpp>

#include "client/date.hpp"
#include "client/error.hpp"

using namespace kinerja;

TEST_CASE("dates are read as YYYY-MM-DD or day first DD/MM/YYYY", "[date]") {
  CHECK(parse_date("2024-03-15", "tanggal") == "2024-03-15");
  CHECK(parse_date("15/03/2024", "tanggal") == "2024-03-15");
  CHECK(parse_date("5/3/2024", "tanggal") == "2024-03-05");
  CHECK(parse_date("29/02/2024", "tanggal") == "2024-02-29");
  auto bad = [](const char* text, const char* why) {
    try {
      parse_date(text, "tanggal");
      FAIL("'" << text << "' was accepted");
    } catch (const Error& e) {
      CHECK(e.kind == ErrorKind::BadInput);
      CHECK_THAT(e.what(), Catch::Contains(std::string("tanggal: '") + text + "' " + why));
    }
  };
  bad("30/02/2024", "is not a day of that month");
  bad("15/13/2024", "has a month outside 1-12");
  bad("15/03/24", "is not a date");
  bad("2024/03/15", "is not a date");
  bad("115/03/2024", "is not a date");
  bad("15/03/2024 ", "is not a date");
}
