// Reading numbers typed by people (client/number.hpp).
#include <catch2/catch.hpp>

#include "client/error.hpp"
#include "client/number.hpp"

using namespace kinerja;

enum class As { Decimal, Count, Money };

static std::string bad_message(std::string_view text, As as = As::Decimal) {
  try {
    if (as == As::Count)
      parse_count(text, "jumlah");
    else if (as == As::Money)
      parse_money(text, "pagu");
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
  CHECK(parse_decimal("1234.567", "v") == "1234.567");  // four digits before: not a grouping
  CHECK(parse_decimal("0,850", "v") == "0.85");
  CHECK(parse_decimal("1,2340", "v") == "1.234");
  CHECK(parse_decimal("1.234.567", "v") == "1234567");
}

TEST_CASE("malformed and ambiguous decimals are refused naming the field", "[number]") {
  CHECK_THAT(bad_message("5,254,106,63"), Catch::Contains("nilai") && Catch::Contains("grouping"));
  CHECK(bad_message("1.234") == "nilai: '1.234' ambigu (ribuan atau desimal?): tulis 1234 atau 1,2340");
  CHECK(bad_message("3,100") == "nilai: '3,100' ambigu (ribuan atau desimal?): tulis 3100 atau 3,1");
  CHECK(bad_message("2,000") == "nilai: '2,000' ambigu (ribuan atau desimal?): tulis 2000 atau 2");
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
  CHECK(parse_count("2605", "jumlah") == 2605);
  CHECK(parse_count("2.605", "jumlah") == 2605);
  CHECK(parse_count("2,605,000", "jumlah") == 2605000);
  CHECK(parse_count("3,00", "jumlah") == 3);
  CHECK_THAT(bad_message("-5", As::Count), Catch::Contains("jumlah: '-5' must not be negative"));
  CHECK_THAT(bad_message("3,5", As::Count), Catch::Contains("must be a whole number"));
  CHECK_THAT(bad_message("lima", As::Count), Catch::Contains("not a number"));
  CHECK_THAT(bad_message("1234567890123456", As::Count), Catch::Contains("too large"));
}

TEST_CASE("a count with a single comma before three digits is ambiguous, never guessed", "[number]") {
  CHECK(bad_message("2,605", As::Count) == "jumlah: '2,605' ambigu (ribuan atau desimal?): tulis 2605 atau 2.605");
  CHECK_THAT(bad_message("-2,605", As::Count), Catch::Contains("ambigu"));
  CHECK_THAT(bad_message("0.605", As::Count), Catch::Contains("must be a whole number"));
  CHECK_THAT(bad_message("12345,678", As::Count), Catch::Contains("must be a whole number"));
  CHECK_THAT(bad_message("2.6050", As::Count), Catch::Contains("must be a whole number"));
}

TEST_CASE("money is a count that may start with Rp", "[number]") {
  CHECK(parse_money("Rp 12.345.678.000", "pagu") == 12345678000);
  CHECK(parse_money("Rp12.345.678.000", "pagu") == 12345678000);
  CHECK(parse_money("Rp. 4.780.958.000,00", "pagu") == 4780958000);
  CHECK(parse_money("rp 2.605", "pagu") == 2605);
  CHECK(parse_money("12345678000", "pagu") == 12345678000);
  CHECK(bad_message("Rp 2,605", As::Money) == "pagu: 'Rp 2,605' ambigu (ribuan atau desimal?): tulis 2605 atau 2.605");
  CHECK_THAT(bad_message("Rp", As::Money), Catch::Contains("is empty"));
  CHECK_THAT(bad_message("Rp 1.500,50", As::Money), Catch::Contains("must be a whole number"));
  CHECK_THAT(bad_message("USD 5", As::Money), Catch::Contains("not a number"));
  CHECK_THAT(bad_message("Rp 5", As::Count), Catch::Contains("not a number"));
}

TEST_CASE("canonical decimals compare by value", "[number]") {
  CHECK(compare_decimal("10", "9.99") > 0);
  CHECK(compare_decimal("1.5", "1.50") == 0);
  CHECK(compare_decimal("-2", "1") < 0);
  CHECK(compare_decimal("-2", "-1.5") < 0);
  CHECK(compare_decimal("0.001", "0") > 0);
}
