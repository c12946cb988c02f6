// XLSX cells as text (client/xlsx_sheet.hpp) and Windows-1252 text (client/utf8.hpp); whole
// workbooks are read in tests/cli/excel_import.sh.
#include <catch2/catch.hpp>

#include "client/utf8.hpp"
#include "client/xlsx_sheet.hpp"

using namespace kinerja;

TEST_CASE("numbers stored as doubles become exact decimals without float noise", "[xlsx]") {
  CHECK(cell_number("2605") == "2605");
  CHECK(cell_number("0.84999999999999998") == "0.85");
  CHECK(cell_number("3.8500000000000001") == "3.85");
  CHECK(cell_number("12345678000") == "12345678000");
  CHECK(cell_number("1.5E2") == "150");
  CHECK(cell_number("1E-3") == "0.0010");  // three decimals get a fourth: not read as thousands
  CHECK(cell_number("1.234") == "1.2340");
  CHECK(cell_number("-0") == "0");
  CHECK(cell_number("-2.5") == "-2.5");
  CHECK(cell_number("1E+15") == "");
  CHECK(cell_number("abc") == "");
  CHECK(cell_number("") == "");
  CHECK(cell_number("2605 ") == "");
}

TEST_CASE("only zip archives are taken for XLSX", "[xlsx]") {
  CHECK(looks_like_zip(std::string("PK\x03\x04rest", 8)));
  CHECK_FALSE(looks_like_zip("kind,ref,date\n"));
  CHECK_FALSE(looks_like_zip("PK"));
}

TEST_CASE("Windows-1252 becomes UTF-8: its five undefined bytes are named", "[utf8]") {
  std::string out;
  CHECK(windows1252_to_utf8("caf\xE9 \x96 \x80 \x9F", out) == std::string::npos);
  CHECK(out == "café – € Ÿ");
  CHECK(windows1252_to_utf8("ok\n\x81", out) == 3);
  for (char c : {'\x8D', '\x8F', '\x90', '\x9D'}) CHECK(windows1252_to_utf8(std::string(1, c), out) == 0);
}
