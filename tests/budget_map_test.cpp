// Budget per sasaran of the PK (budget_map.hpp): ROs mapped to sasaran and indicators make
// the table per sasaran (Semarang 2024 to the printed digit) and the PK anggaran row, never
// the whole DIPA; the stated PK total differing is a footnote; a mapping again replaces it;
// mappings the catalogue no longer holds; bad input writing nothing.
#include <catch2/catch.hpp>

#include "client/budget_map.hpp"
#include "client/capaian.hpp"
#include "client/explain.hpp"
#include "client/report_pk.hpp"
#include "client/target.hpp"
#include "tests/budget_fixture.hpp"
#include "tests/office_fixture.hpp"
#include "tests/require_bad_input.hpp"

using namespace kinerja;
using test::cell;
using test::line;
using test::require_bad_input;
using test::spend;
using test::table;

static void map(Store& s, const std::string& activity, const std::string& sasaran, const std::string& indicator = "") {
  set_budget_map(s, BudgetMapInput{2024, activity, sasaran, indicator});
}

// Semarang 2024: SK1 232.141.000 / 193.260.524, SK2 3.042.091.000 / 2.999.079.482, SK3
// 1.506.726.000 / 1.354.999.985 over five ROs, and one DIPA line left unmapped.
static void enter_2024(Store& s) {
  set_budget_line(s, line(2024, "5254.8HB.U01", "52", "RM", "232141000"));
  set_budget_line(s, line(2024, "5254.8AA.001", "52", "RM", "2000000000"));
  set_budget_line(s, line(2024, "5254.8AA.001", "52", "PNBP", "1042091000"));
  set_budget_line(s, line(2024, "5254.EBA.994", "52", "RM", "1000000000"));
  set_budget_line(s, line(2024, "5254.EBA.956", "52", "RM", "506726000"));
  set_budget_line(s, line(2024, "5254.CAN.001", "53", "RM", "68118002000"));
  spend(s, 2024, "5254.8HB.U01", "", "", 12, "193260524");
  spend(s, 2024, "5254.8AA.001", "52", "RM", 12, "1980000000");
  spend(s, 2024, "5254.8AA.001", "52", "PNBP", 12, "1019079482");
  spend(s, 2024, "5254.EBA.994", "", "", 12, "900000000");
  spend(s, 2024, "5254.EBA.956", "", "", 12, "454999985");
  spend(s, 2024, "5254.CAN.001", "", "", 12, "64000000000");
  map(s, "5254.8HB.U01", "SK1", "PROYUSTISIA");
  map(s, "5254.8AA.001", "SK2", "LAYANAN");
  map(s, "5254.EBA.994", "SK3");
  map(s, "5254.EBA.956", "SK3", "RB");
}

TEST_CASE("the table per sasaran and the PK anggaran row sum the mapped ROs, never the whole DIPA", "[budget]") {
  test::Office o;
  Store& s = o.store;
  CHECK(budget_sasaran_tables(s.db, 2024).empty());
  enter_2024(s);

  auto tables = budget_sasaran_tables(s.db, 2024);
  const ReportTable& t = table(tables, "budget.sasaran");
  CHECK(cell(t, "SK1", 2) == "232141000");
  CHECK(cell(t, "SK1", 4) == "83.25");
  CHECK(cell(t, "PROYUSTISIA", 4) == "83.25");
  CHECK(cell(t, "SK2", 4) == "98.59");
  CHECK(cell(t, "SK3", 2) == "1506726000");
  CHECK(cell(t, "SK3", 3) == "1354999985");
  CHECK(cell(t, "SK3", 4) == "89.93");
  CHECK(cell(t, "5254.EBA.994", 4) == "90.00");
  CHECK(cell(t, "RB", 4) == "89.79");
  CHECK(cell(t, "Jumlah", 2) == "4780958000");
  CHECK(cell(t, "Jumlah", 3) == "4547339991");
  CHECK(cell(t, "Jumlah", 4) == "95.11");
  CHECK(cell(t, "Tidak dipetakan", 2) == "68118002000");
  CHECK(people_rows(t)[0][4] == "83,25%");
  CHECK(t.strong_rows == std::set<size_t>{0, 3, 6, 10});  // SK1, SK2, SK3, Jumlah
  CHECK(t.notes.empty());

  PkFigures pk = pk_figures(s, 2024);
  CHECK(pk.anggaran.pagu == Rational(4780958000));
  CHECK(pk.anggaran.realisasi == Rational(4547339991));
  CHECK(pk.penyerapan->fixed(2) == "95.11");
  CHECK(pk.anggaran.ops.size() == 4 + 5 + 5);  // the maps, the mapped lines and their months
  std::string why = explain_anggaran(pk);
  CHECK_THAT(why, Catch::Contains("RO yang dipetakan ke sasaran PK (kinerja budget map): 4 RO, 5 baris DIPA"));
  CHECK_THAT(why, Catch::Contains("budget.map 2024/5254.8HB.U01"));
  CHECK_THAT(why, Catch::Contains("budget.spend 2024/5254.8AA.001/52/PNBP/12"));
  CHECK_THAT(why, !Catch::Contains("5254.CAN.001"));

  // A stated PK total differing from the mapped one: a footnote on the PK table and the table per sasaran.
  set_budget(s, 2024, "5.000.000.000", "4.547.339.990", nullptr);
  pk = pk_figures(s, 2024);
  CHECK(pk.anggaran.pagu == Rational(4780958000));
  std::vector<std::string> warnings{
      "jumlah pagu RO yang dipetakan ke sasaran Rp 4.780.958.000 tidak sama dengan anggaran PK Rp 5.000.000.000 "
      "(kinerja target budget)",
      "jumlah realisasi RO yang dipetakan ke sasaran Rp 4.547.339.991 tidak sama dengan realisasi anggaran PK "
      "Rp 4.547.339.990 (kinerja target budget)"};
  CHECK(pk.anggaran.warnings == warnings);
  auto notes = pk_table(pk).notes;
  CHECK(std::find(notes.begin(), notes.end(), "Anggaran: " + warnings[0]) != notes.end());
  CHECK(table(budget_sasaran_tables(s.db, 2024), "budget.sasaran").notes == warnings);
  CHECK_THAT(explain_anggaran(pk), Catch::Contains("peringatan: " + warnings[1]));
}

TEST_CASE("mapping an RO again replaces its mapping: both stay in the log", "[budget]") {
  test::Office o;
  Store& s = o.store;
  set_budget_line(s, line(2024, "5254.8HB.U01", "52", "RM", "1000"));
  BudgetMapWrite first = set_budget_map(s, BudgetMapInput{2024, "5254.8HB.U01", "SK1", "TAK"});
  CHECK(first.key == "2024/5254.8HB.U01");
  CHECK(first.mapping == "SK1/TAK");
  CHECK(first.replaced.empty());
  BudgetMapWrite again = set_budget_map(s, BudgetMapInput{2024, "5254.8HB.U01", "SK1", ""});
  CHECK(again.replaced == "SK1/TAK");
  CHECK(again.seq == first.seq + 1);
  auto maps = budget_maps(s.db, 2024);
  REQUIRE(maps.size() == 1);
  CHECK(maps[0].sasaran == "SK1");
  CHECK(maps[0].indicator.empty());
  CHECK(get_cell(s.db, "budget.map", "2024/5254.8HB.U01")->body["period"] == "2024");  // what the hub's locks match
  int ops = 0;
  for_each_op(s.db, [&](const Op& op) {
    ops += op.type == "budget.map";
    return true;
  });
  CHECK(ops == 2);
}

TEST_CASE("a mapping the catalogue no longer holds stays under its code with a note", "[budget]") {
  test::Office o;
  Store& s = o.store;
  enter_2024(s);
  // The kanwil republishes 2024 without SK3 and with LAYANAN under another code.
  json doc = *shipped_catalogue("2024");
  doc["sasaran"].erase(2);
  doc["sasaran"][1]["indicators"][0]["code"] = "LAYANAN2";
  Batch b(s);
  load_catalogue(b, parse_catalogue(doc));
  b.commit();

  auto tables = budget_sasaran_tables(s.db, 2024);
  const ReportTable& t = table(tables, "budget.sasaran");
  CHECK(cell(t, "SK2", 4) == "98.59");
  CHECK(cell(t, "LAYANAN", 1) == "(tidak ada dalam katalog 2024)");
  CHECK(cell(t, "SK3", 1) == "(tidak ada dalam katalog 2024)");
  CHECK(cell(t, "SK3", 4) == "89.93");
  CHECK(cell(t, "Jumlah", 4) == "95.11");
  CHECK(t.notes == std::vector<std::string>{"RO 5254.8AA.001 dipetakan ke SK2/LAYANAN, yang tidak ada dalam katalog 2024",
                                            "RO 5254.EBA.956 dipetakan ke SK3/RB, yang tidak ada dalam katalog 2024",
                                            "RO 5254.EBA.994 dipetakan ke SK3, yang tidak ada dalam katalog 2024"});
}

TEST_CASE("a sasaran with no RO mapped shows '-' and a note", "[budget]") {
  test::Office o;
  Store& s = o.store;
  set_budget_line(s, line(2024, "5254.8HB.U01", "52", "RM", "1000"));
  map(s, "5254.8HB.U01", "SK2");
  auto tables = budget_sasaran_tables(s.db, 2024);
  const ReportTable& t = table(tables, "budget.sasaran");
  CHECK(people_rows(t)[0][2] == "-");
  CHECK(cell(t, "SK2", 2) == "1000");
  CHECK(cell(t, "Tidak dipetakan", 2) == "-");
  CHECK(t.notes == std::vector<std::string>{"SK1: belum ada RO yang dipetakan (kinerja budget map)",
                                            "SK3: belum ada RO yang dipetakan (kinerja budget map)"});
}

TEST_CASE("budget map bad input names the flag, and nothing is written", "[budget]") {
  test::Office o;
  Store& s = o.store;
  set_budget_line(s, line(2024, "5254.8HB.U01", "52", "RM", "1000"));
  int64_t before = o.ops();
  auto bad = [&](BudgetMapInput in, const std::string& fragment) {
    require_bad_input([&] { set_budget_map(s, in); }, fragment);
    CHECK(o.ops() == before);
  };
  bad({2024, "5254.8HB.U1", "SK1", ""}, "--activity: '5254.8HB.U1' is not an activity code kegiatan.KRO.RO");
  bad({2019, "5254.8HB.U01", "SK1", ""}, "--year: no catalogue is loaded for 2019");
  bad({1999, "5254.8HB.U01", "SK1", ""}, "--year");
  bad({2024, "5254.8HB.U01", "SK9", ""}, "--sasaran: SK9 is not a sasaran of the 2024 catalogue (SK1, SK2, SK3)");
  bad({2024, "5254.8HB.U01", "SK1", "LAYANAN"},
      "--indicator: LAYANAN is not an indicator of sasaran SK1 in 2024 (PROYUSTISIA, TAK)");
  bad({2024, "5254.8AA.009", "SK2", ""},
      "--activity: 5254.8AA.009 has no budget line in 2024; add the DIPA line first with `kinerja budget line`");
  bad({2023, "5254.8HB.U01", "SK1", "IKM"}, "--activity: 5254.8HB.U01 has no budget line in 2023");
}
