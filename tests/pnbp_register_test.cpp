// The PNBP register: Semarang's 2024 capaian 253,50% exact until printed, per akun and in
// total, a month re-entered as a correction, target 0 or none as capaian "-", the ops'
// period for the hub's locks, and bad input writing nothing.
#include <catch2/catch.hpp>

#include "client/pnbp_register.hpp"
#include "tests/office_fixture.hpp"
#include "tests/require_bad_input.hpp"

using namespace kinerja;
using test::require_bad_input;

static std::vector<std::string> row(const ReportTable& t, const std::string& label) {
  for (const auto& r : plain_rows(t))
    if (r[0] == label) return r;
  FAIL("no row " << label << " in " << t.id);
  return {};
}

TEST_CASE("PNBP capaian: Semarang 2024 is 253,50% per the exact quotient, half-up at output", "[pnbp]") {
  test::Office o;
  Store& s = o.store;
  set_pnbp_target(s, {2024, 0, "425121", "22.158.700.000"});
  record_pnbp(s, {2024, 6, "425121", "30.000.000.000"});
  CHECK_FALSE(record_pnbp(s, {2024, 12, "425121", "1"}).correction);
  CHECK(record_pnbp(s, {2024, 12, "425121", "26172142928"}).correction);
  auto akun = pnbp_akun(s.db, 2024);
  REQUIRE(akun.size() == 1);
  CHECK(*akun[0].realisasi == Rational(56172142928));
  auto capaian = *pnbp_capaian(akun[0].target, akun[0].realisasi);
  CHECK(capaian == Rational::fraction(5617214292800, 22158700000));  // uncapped, exact
  auto tables = pnbp_tables(s.db, 2024);
  REQUIRE(tables.size() == 2);
  CHECK(row(tables[0], "Jumlah") == std::vector<std::string>{"Jumlah", "22158700000", "56172142928", "253.50"});
  CHECK(people_rows(tables[0]).back()[3] == "253,50%");
  CHECK(row(tables[1], "2024")[3] == "253.50");
  CHECK(get_cell(s.db, "pnbp.record", "2024/425121/06")->body["period"] == "2024-06");
  CHECK(get_cell(s.db, "pnbp.target", "2024/425121")->body["period"] == "2024");
}

TEST_CASE("PNBP without a target or with target 0 has no capaian", "[pnbp]") {
  test::Office o;
  Store& s = o.store;
  record_pnbp(s, {2023, 12, "425121", "100"});
  auto tables = pnbp_tables(s.db, 2023);
  CHECK(row(tables[0], "425121")[3] == "-");
  CHECK(tables[0].notes.size() == 1);
  set_pnbp_target(s, {2023, 0, "425121", "0"});
  CHECK(row(pnbp_tables(s.db, 2023)[0], "Jumlah") == std::vector<std::string>{"Jumlah", "0", "100", "-"});
  CHECK(pnbp_tables(s.db, 2022).empty());
  CHECK(pnbp_years(s.db) == std::vector<int>{2023});
}

TEST_CASE("PNBP bad input names the field, and nothing is written", "[pnbp]") {
  test::Office o;
  Store& s = o.store;
  int64_t before = o.ops();
  require_bad_input([&] { record_pnbp(s, {2024, 13, "425121", "1"}); }, "--month: 13 is outside 1-12");
  require_bad_input([&] { record_pnbp(s, {2024, 0, "425121", "1"}); }, "--month: 0 is outside 1-12");
  require_bad_input([&] { record_pnbp(s, {2024, 1, "42A121", "1"}); }, "--akun: '42A121' is not an akun");
  require_bad_input([&] { set_pnbp_target(s, {2024, 0, "4251210", "1"}); }, "--akun: '4251210' is not an akun");
  require_bad_input([&] { set_pnbp_target(s, {2024, 0, "425121", "-1"}); }, "--value: '-1' must not be negative");
  require_bad_input([&] { set_pnbp_target(s, {2024, 0, "425121", "abc"}); }, "--value");
  require_bad_input([&] { set_pnbp_target(s, {1999, 0, "425121", "1"}); }, "--year");
  require_bad_input([&] { import_pnbp(s, {{{2024, 1, "425121", "1"}, "f.csv: line 2"}, {{2024, 1, "425121", "2"}, "f.csv: line 3"}}); },
                    "f.csv: line 3, column month: realisasi 2024/425121/01 appears twice");
  CHECK(o.ops() == before);
}
