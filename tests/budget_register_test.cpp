// The budget register: Semarang's DIPA 2023 and 2024 absorption per jenis belanja, sumber
// dana and in total to the printed digit, the monthly cumulative series, revisions and
// corrections, warnings as notes, the PK anggaran row, and bad input writing nothing.
#include <catch2/catch.hpp>

#include <fstream>

#include "client/budget_register.hpp"
#include "client/capaian.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/explain.hpp"
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

// schema/domain.md, Semarang DIPA 2023 by jenis belanja, realisasi spread over four months.
static void enter_2023(Store& s) {
  set_budget_line(s, line(2023, "5254.EBA.994", "51", "RM", "5.745.906.000"));
  set_budget_line(s, line(2023, "5254.8AA.001", "52", "RM", "7.235.995.000"));
  set_budget_line(s, line(2023, "5254.CAN.001", "53", "RM", "2.256.723.000"));
  spend(s, 2023, "5254.EBA.994", "", "", 6, "2.850.000.000");
  spend(s, 2023, "5254.EBA.994", "", "", 12, "2.851.697.246");
  spend(s, 2023, "5254.8AA.001", "", "", 3, "3.000.000.000");
  spend(s, 2023, "5254.8AA.001", "", "", 9, "4.202.499.262");
  spend(s, 2023, "5254.CAN.001", "", "", 12, "2.241.739.811");
}

TEST_CASE("budget register reproduces Semarang's 2023 absorption per jenis belanja", "[budget]") {
  test::Office o;
  enter_2023(o.store);
  auto tables = budget_tables(o.store.db, 2023);
  const ReportTable& jenis = table(tables, "budget.jenis");
  CHECK(cell(jenis, "51 Belanja Pegawai", 3) == "99.23");
  CHECK(cell(jenis, "52 Belanja Barang", 3) == "99.54");
  CHECK(cell(jenis, "53 Belanja Modal", 3) == "99.34");
  CHECK(cell(jenis, "Jumlah", 1) == "15238624000");
  CHECK(cell(jenis, "Jumlah", 2) == "15145936319");
  CHECK(cell(jenis, "Jumlah", 3) == "99.39");
  CHECK(people_rows(jenis).back()[3] == "99,39%");
  CHECK(people_rows(jenis)[0][1] == "Rp 5.745.906.000");
  CHECK(jenis.notes.empty());
  CHECK(cell(table(tables, "budget.activity"), "5254.8AA.001", 4) == "99.54");
  CHECK(cell(table(tables, "budget.sumber"), "RM (Rupiah Murni)", 3) == "99.39");

  const ReportTable& monthly = table(tables, "budget.monthly");
  REQUIRE(monthly.rows.size() == 12);
  CHECK(cell(monthly, "Januari", 1) == "0");
  CHECK(cell(monthly, "Maret", 2) == "3000000000");
  CHECK(cell(monthly, "Juni", 1) == "2850000000");
  CHECK(cell(monthly, "Juni", 2) == "5850000000");
  CHECK(cell(monthly, "Juni", 3) == "38.39");  // 5.850.000.000 / 15.238.624.000 = 38,389…
  CHECK(cell(monthly, "Desember", 2) == "15145936319");
  CHECK(cell(monthly, "Desember", 3) == "99.39");

  CHECK(table(tables, "budget.line").rows.size() == 3);
  for (const auto& t : tables) CHECK(t.data_per == today());
  CHECK(budget_tables(o.store.db, 2022).empty());
}

TEST_CASE("budget register reproduces Semarang's 2024 DIPA split across RM and PNBP", "[budget]") {
  test::Office o;
  Store& s = o.store;
  set_budget_line(s, line(2024, "5254.EBA.994", "51", "RM", "6571370000"));
  set_budget_line(s, line(2024, "5254.8AA.001", "52", "RM", "4561612000"));
  set_budget_line(s, line(2024, "5254.8AA.001", "52", "PNBP", "5000000000"));
  set_budget_line(s, line(2024, "5254.CAN.001", "53", "RM", "68118002000"));
  set_budget_line(s, line(2024, "5254.CAN.001", "53", "PNBP", "8537676000"));
  spend(s, 2024, "5254.EBA.994", "", "", 12, "6481878894");
  spend(s, 2024, "5254.8AA.001", "52", "RM", 11, "4300000000");
  spend(s, 2024, "5254.8AA.001", "52", "PNBP", 12, "4857466363");
  spend(s, 2024, "5254.CAN.001", "53", "RM", 12, "64000000000");
  spend(s, 2024, "5254.CAN.001", "53", "PNBP", 12, "8516433445");
  auto tables = budget_tables(s.db, 2024);
  const ReportTable& jenis = table(tables, "budget.jenis");
  CHECK(cell(jenis, "51 Belanja Pegawai", 3) == "98.64");
  CHECK(cell(jenis, "52 Belanja Barang", 3) == "95.77");
  CHECK(cell(jenis, "53 Belanja Modal", 3) == "94.60");
  CHECK(cell(jenis, "Jumlah", 1) == "92788660000");
  CHECK(cell(jenis, "Jumlah", 2) == "88155778702");
  CHECK(cell(jenis, "Jumlah", 3) == "95.01");
  const ReportTable& sumber = table(tables, "budget.sumber");
  CHECK(cell(sumber, "RM (Rupiah Murni)", 1) == "79250984000");
  CHECK(cell(sumber, "PNBP (Penerimaan Negara Bukan Pajak)", 1) == "13537676000");
  CHECK(cell(sumber, "Jumlah", 3) == "95.01");
  CHECK(cell(table(tables, "budget.monthly"), "November", 3) == "4.63");  // 4.3 bn / 92.79 bn
  CHECK(cell(table(tables, "budget.monthly"), "Desember", 3) == "95.01");

  // The PK anggaran row is never the whole DIPA: with no RO mapped to a sasaran
  // (budget_map_test) and no PK total set, it is empty.
  BudgetRow row = pk_budget(s.db, 2024);
  CHECK_FALSE(row.pagu);
  CHECK(row.ops.empty());
}

TEST_CASE("a PK budget set with target budget is the row while no RO is mapped, whatever the DIPA holds", "[budget]") {
  test::Office o;
  Store& s = o.store;
  set_budget(s, 2024, "4.780.958.000", "4.547.339.991", nullptr);
  CHECK(pk_figures(s, 2024).penyerapan->fixed(2) == "95.11");
  CHECK(budget_tables(s.db, 2024).empty());

  set_budget_line(s, line(2024, "5254.CAN.001", "53", "RM", "68118002000"));
  spend(s, 2024, "5254.CAN.001", "", "", 5, "64000000000");
  CHECK(table(budget_tables(s.db, 2024), "budget.activity").notes.empty());
  PkFigures pk = pk_figures(s, 2024);
  CHECK(pk.anggaran.pagu == Rational(4780958000));
  CHECK(pk.penyerapan->fixed(2) == "95.11");
  CHECK(pk.anggaran.warnings.empty());
  CHECK_THAT(explain_anggaran(pk), Catch::Contains("(kinerja target budget; op seq"));
}

TEST_CASE("a second line of the same key is a revision: new version, reason required, both in the log", "[budget]") {
  test::Office o;
  Store& s = o.store;
  BudgetLineInput in = line(2024, "5254.8AA.001", "52", "RM", "1000000");
  in.volume = "75.351";
  in.satuan = "dokumen";
  CHECK(set_budget_line(s, in).version == 1);
  int64_t before = o.ops();
  in.pagu = "1200000";
  require_bad_input([&] { set_budget_line(s, in); }, "--reason: budget line 2024/5254.8AA.001/52/RM already has version 1 (pagu Rp 1.000.000)");
  CHECK(o.ops() == before);
  in.reason = "revisi DIPA tambahan PNBP";
  BudgetWrite w = set_budget_line(s, in);
  CHECK(w.version == 2);
  CHECK(w.key == "2024/5254.8AA.001/52/RM");
  CHECK(o.ops() == before + 1);
  auto lines = budget_lines(s.db, 2024);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].pagu == Rational(1200000));
  CHECK(lines[0].volume == 75351);
  CHECK(lines[0].reason == "revisi DIPA tambahan PNBP");
  int versions = 0;
  for_each_op(s.db, [&](const Op& op) {
    versions += op.type == "budget.line" && op.key == "2024/5254.8AA.001/52/RM";
    return true;
  });
  CHECK(versions == 2);
  auto tables = budget_tables(s.db, 2024);
  const ReportTable& t = table(tables, "budget.line");
  CHECK(people_rows(t)[0][4] == "75.351 dokumen");
  CHECK(people_rows(t)[0][8] == "2");
  CHECK(t.notes == std::vector<std::string>{"5254.8AA.001 52/RM revisi versi 2: revisi DIPA tambahan PNBP"});
}

TEST_CASE("realisasi above pagu is a warning on the spend and a note in the report", "[budget]") {
  test::Office o;
  Store& s = o.store;
  set_budget_line(s, line(2024, "5254.8AA.001", "52", "RM", "1000"));
  BudgetWrite w = record_budget_spend(s, BudgetSpendInput{2024, "5254.8AA.001", "", "", 2, "1001"});
  REQUIRE(w.warnings.size() == 1);
  CHECK(w.warnings[0] == "realisasi 2024/5254.8AA.001/52/RM Rp 1.001 melebihi pagu Rp 1.000");
  CHECK_FALSE(w.correction);
  CHECK(record_budget_spend(s, BudgetSpendInput{2024, "5254.8AA.001", "", "", 2, "1001"}).correction);
  // The hub's period locks match body "period": a month for a spend, the year for a line.
  CHECK(get_cell(s.db, "budget.spend", "2024/5254.8AA.001/52/RM/02")->body["period"] == "2024-02");
  CHECK(get_cell(s.db, "budget.line", "2024/5254.8AA.001/52/RM")->body["period"] == "2024");
  auto tables = budget_tables(s.db, 2024);
  CHECK(cell(table(tables, "budget.jenis"), "Jumlah", 3) == "100.10");
  CHECK(table(tables, "budget.jenis").notes ==
        std::vector<std::string>{"realisasi 52 Belanja Barang Rp 1.001 melebihi pagu Rp 1.000",
                                 "realisasi seluruh baris Rp 1.001 melebihi pagu Rp 1.000"});
  CHECK(table(tables, "budget.line").notes.size() == 1);
  CHECK(table(tables, "budget.monthly").notes.size() == 1);
}

TEST_CASE("RO codes as the DIPA writes them: every part letters or digits", "[budget]") {
  test::Office o;
  Store& s = o.store;
  for (const char* code : {"5254.8HB.U01", "5254.8KA.U01", "5254.EBA.Z07", "5254.QHB.U02", "6232.6BA.956"})
    set_budget_line(s, line(2024, code, "52", "RM", "1000"));
  record_budget_spend(s, BudgetSpendInput{2024, "5254.8HB.U01", "", "", 3, "400"});
  auto lines = budget_lines(s.db, 2024);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].activity == "5254.8HB.U01");
  CHECK(lines[0].realisasi == Rational(400));
}

TEST_CASE("budget bad input names the field, and nothing is written", "[budget]") {
  test::Office o;
  Store& s = o.store;
  set_budget_line(s, line(2024, "5254.8AA.001", "52", "RM", "1000000"));
  set_budget_line(s, line(2024, "5254.8AA.001", "52", "PNBP", "1000000"));
  int64_t before = o.ops();
  auto bad_line = [&](BudgetLineInput in, const std::string& fragment) {
    require_bad_input([&] { set_budget_line(s, in); }, fragment);
  };
  auto bad_spend = [&](BudgetSpendInput in, const std::string& fragment) {
    require_bad_input([&] { record_budget_spend(s, in); }, fragment);
  };
  for (const char* code : {"5254.8A.001", "5254.8aa.001", "525.8AA.0011", "5254-8AA-001", "5254.8AA.00x", "5254.8AA.U0!", ""})
    bad_line(line(2024, code, "52", "RM", "1"), std::string("--activity: '") + code + "' is not an activity code");
  bad_line(line(2024, "5254.8AA.002", "54", "RM", "1"), "--jenis: '54' is not a jenis belanja; use one of 51 (Belanja Pegawai)");
  bad_line(line(2024, "5254.8AA.002", "52", "XX", "1"), "--sumber: 'XX' is not a sumber dana; use one of PNBP");
  bad_line(line(2024, "5254.8AA.002", "52", "RM", "-5"), "--pagu: '-5' must not be negative");
  bad_line(line(2024, "5254.8AA.002", "52", "RM", "1.000,50"), "--pagu: '1.000,50' must be a whole number");
  bad_line(line(1999, "5254.8AA.002", "52", "RM", "1"), "--year");
  BudgetLineInput unnamed = line(2024, "5254.8AA.002", "52", "RM", "1");
  unnamed.name = "";
  bad_line(unnamed, "--name: is empty");
  BudgetLineInput no_volume = line(2024, "5254.8AA.002", "52", "RM", "1");
  no_volume.satuan = "dokumen";
  bad_line(no_volume, "--satuan: needs a volume");

  bad_spend({2024, "5254.8AA.001", "52", "RM", 13, "1"}, "--month: 13 is outside 1-12");
  bad_spend({2024, "5254.8AA.001", "52", "RM", 0, "1"}, "--month: 0 is outside 1-12");
  bad_spend({2024, "5254.8AA.001", "52", "RM", 1, "-1"}, "--amount: '-1' must not be negative");
  bad_spend({2024, "5254.8AA.001", "52", "RM", 1, "10,5"}, "--amount: '10,5' must be a whole number");
  bad_spend({2024, "5254.8AA.009", "", "", 1, "1"}, "--activity: no budget line 2024/5254.8AA.009/*/* in the register");
  bad_spend({2024, "5254.8AA.001", "51", "RM", 1, "1"}, "--activity: no budget line 2024/5254.8AA.001/51/RM");
  bad_spend({2023, "5254.8AA.001", "52", "RM", 1, "1"}, "no budget line 2023/5254.8AA.001/52/RM");
  bad_spend({2024, "5254.8AA.001", "", "", 1, "1"}, "--jenis: activity 5254.8AA.001 has 2 budget lines in 2024 (52/PNBP, 52/RM)");
  bad_spend({2024, "5254.8AA.001", "52", "", 1, "1"}, "has 2 budget lines");
  bad_spend({2024, "5254.8AA.001", "54", "RM", 1, "1"}, "--jenis: '54'");
  bad_spend({2024, "5254.8AA.001", "52", "XX", 1, "1"}, "--sumber: 'XX'");
  bad_spend({2024, "5254.8AA.1", "52", "RM", 1, "1"}, "--activity: '5254.8AA.1'");
  CHECK(o.ops() == before);
  spend(s, 2024, "5254.8AA.001", "", "PNBP", 1, "1");  // sumber alone picks the line
  CHECK(o.ops() == before + 1);
}

TEST_CASE("budget CSV import is all or nothing and names the first bad line", "[budget]") {
  test::Office o;
  Store& s = o.store;
  std::string path = (o.dir / "dipa.csv").string();
  auto write = [&](const std::string& text) { std::ofstream(path) << text; };
  write(
      "year,activity,jenis,sumber,name,pagu,volume,satuan,month,amount\n"
      "2023,5254.EBA.994,51,RM,Gaji dan tunjangan,5.745.906.000,,,,\n"
      "2023,5254.8AA.001,52,RM,Layanan Penerbitan Dokumen Perjalanan RI,7235995000,75351,dokumen,,\n"
      "2023,5254.CAN.001,53,RM,Sarana bidang teknologi,2256723000,,,,\n"
      "2023,5254.EBA.994,51,RM,,,,,12,5701697246\n"
      "2023,5254.8AA.001,52,RM,,,,,12,7202499262\n"
      "2023,5254.CAN.001,,,,,,,12,2241739811\n");
  int64_t before = o.ops();
  CHECK(import_budget(s, read_budget_csv(path)) == 6);
  CHECK(o.ops() == before + 6);
  CHECK(cell(table(budget_tables(s.db, 2023), "budget.jenis"), "Jumlah", 3) == "99.39");

  before = o.ops();
  write(
      "year,activity,jenis,sumber,name,pagu,month,amount\n"
      "2024,5254.8AA.001,52,RM,Layanan,1000,,\n"
      "2024,5254.8AA.001,52,RM,,,3,500\n"
      "2024,5254.8AA.001,52,RM,,,13,500\n");
  require_bad_input([&] { import_budget(s, read_budget_csv(path)); }, "dipa.csv: line 4, column month: 13 is outside 1-12");
  write(
      "year,activity,jenis,sumber,name,pagu,month,amount\n"
      "2024,5254.8AA.001,52,RM,Layanan,1000,,\n"
      "2024,5254.8AA.002,52,RM,,,3,500\n");
  require_bad_input([&] { import_budget(s, read_budget_csv(path)); }, "dipa.csv: line 3, column activity: no budget line 2024/5254.8AA.002/52/RM");
  write(
      "year,activity,jenis,sumber,name,pagu,month,amount\n"
      "2024,5254.8AA.001,52,RM,Layanan,1000,,\n"
      "2024,5254.8AA.001,52,RM,Layanan,2000,,\n");
  require_bad_input([&] { import_budget(s, read_budget_csv(path)); }, "dipa.csv: line 3, column activity: budget line 2024/5254.8AA.001/52/RM appears twice");
  write(
      "year,activity,jenis,sumber,name,pagu,month,amount\n"
      "2023,5254.8AA.001,52,RM,Revisi,7235995001,,\n");
  require_bad_input([&] { import_budget(s, read_budget_csv(path)); }, "dipa.csv: line 2, column reason: budget line 2023/5254.8AA.001/52/RM already has version 1");
  CHECK(o.ops() == before);
}
