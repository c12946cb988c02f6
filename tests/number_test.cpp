// Reading numbers typed by people (client/number.hpp).
#include <catch2/catch.hpp>

#include "client/error.hpp"
#include "client/number.hpp"

using namespace kinerja;

static std::string bad_message(std::string_view text, bool count = false) {
  try {
    if (count)
      parse_count(text, "jumlah");
    else
      parse_decimal(text, "nilai");
  } catch (const Error& e) {
    CHECK(e.kind == ErrorKind::BadInput);
    return e.what();
  }
  FAIL("'" << text << "' was accepted");
  return "";
}

TEST_CASE("decimals are accepted in Indonesian and plain notation", "[number]") {
  CHECK(parse_decimal("1.234.567,89", "v") == "1234567.89");
  CHECK(parse_decimal("1234567.89", "v") == "1234567.89");
  CHECK(parse_decimal("1,234,567.89", "v") == "1234567.89");
  CHECK(parse_decimal("3,99", "v") == "3.99");
  CHECK(parse_decimal("96.53", "v") == "96.53");
  CHECK(parse_decimal("3,10", "v") == "3.1");
  CHECK(parse_decimal(" 007 ", "v") == "7");
  CHECK(parse_decimal("0,50", "v") == "0.5");
  CHECK(parse_decimal("-2,5", "v") == "-2.5");
  CHECK(parse_decimal("-0", "v") == "0");
  CHECK(parse_decimal("1,2345", "v") == "1.2345");
}

TEST_CASE("malformed and ambiguous decimals are refused naming the field", "[number]") {
  CHECK_THAT(bad_message("5,254,106,63"), Catch::Contains("nilai") && Catch::Contains("grouping"));
  CHECK_THAT(bad_message("1.234"), Catch::Contains("nilai") && Catch::Contains("ambiguous"));
  CHECK_THAT(bad_message("1,234"), Catch::Contains("ambiguous"));
  CHECK_THAT(bad_message("abc"), Catch::Contains("nilai: 'abc' is not a number"));
  CHECK_THAT(bad_message(""), Catch::Contains("is empty"));
  CHECK_THAT(bad_message("-"), Catch::Contains("is empty"));
  CHECK_THAT(bad_message("1.2.3,4,5"), Catch::Contains("grouping"));
  CHECK_THAT(bad_message("12.34.567"), Catch::Contains("grouping"));
  CHECK_THAT(bad_message("3,"), Catch::Contains("not a number"));
  CHECK_THAT(bad_message("1e5"), Catch::Contains("not a number"));
  CHECK_THAT(bad_message("Rp 5"), Catch::Contains("not a number"));
}

TEST_CASE("counts are whole and not negative", "[number]") {
  CHECK(parse_count("82.856", "jumlah") == 82856);
  CHECK(parse_count("85832", "jumlah") == 85832);
  CHECK(parse_count("4.780.958.000", "jumlah") == 4780958000);
  CHECK(parse_count("0", "jumlah") == 0);
  CHECK_THAT(bad_message("-5", true), Catch::Contains("jumlah: '-5' must not be negative"));
  CHECK_THAT(bad_message("3,5", true), Catch::Contains("must be a whole number"));
  CHECK_THAT(bad_message("lima", true), Catch::Contains("not a number"));
  CHECK_THAT(bad_message("1234567890123456", true), Catch::Contains("too large"));
}

TEST_CASE("canonical decimals compare by value", "[number]") {
  CHECK(compare_decimal("10", "9.99") > 0);
  CHECK(compare_decimal("1.5", "1.50") == 0);
  CHECK(compare_decimal("-2", "1") < 0);
  CHECK(compare_decimal("-2", "-1.5") < 0);
  CHECK(compare_decimal("0.001", "0") > 0);
}
