// The risk register and innovations: entries and edits as ops, links checked, optional
// scoring on the kanwil's scales, and their report tables.
#include <catch2/catch.hpp>

#include "client/innovation_register.hpp"
#include "client/risk_register.hpp"
#include "tests/office_fixture.hpp"
#include "tests/require_bad_input.hpp"

using namespace kinerja;
using test::require_bad_input;

static RiskInput risk(const std::string& sasaran, const std::string& indicator) {
  return RiskInput{2024, sasaran, indicator, "risiko " + sasaran, "perlakuan", "keberhasilan", "", "", {"Kasubbag Umum", "Ketua Tim RB"}};
}

TEST_CASE("risks: add, edit as a new op, scoring only on the kanwil's scales", "[risk]") {
  test::Office o;
  std::string a = add_risk(o.store, risk("SK3", "RB"));
  std::string b = add_risk(o.store, risk("SK1", ""));
  REQUIRE(a != b);
  int64_t ops = o.ops();
  require_bad_input([&] { edit_risk(o.store, a, RiskInput{0, "", "", "", "", "", "3", "3", {}}); }, "has set no risk scale");
  require_bad_input([&] { add_risk(o.store, risk("SK3", "TAK")); }, "--indicator: TAK bukan indikator sasaran SK3 pada 2024 (RB, ILK)");
  require_bad_input([&] { add_risk(o.store, risk("SK7", "")); }, "--sasaran: SK7 bukan sasaran dalam katalog 2024 (SK1, SK2, SK3)");
  RiskInput no_pj = risk("SK3", "");
  no_pj.pj.clear();
  require_bad_input([&] { add_risk(o.store, no_pj); }, "--pj");
  require_bad_input([&] { edit_risk(o.store, "RK-0000-1", {}); }, "no risk 'RK-0000-1'");
  REQUIRE(o.ops() == ops);

  {  // what `kinerja-hub risk-scale --likelihood 5 --impact 4` publishes for every office
    Batch batch(o.store);
    batch.append("risk.scale", "*", json{{"likelihood", "5"}, {"impact", "4"}});
    batch.commit();
  }
  REQUIRE(risk_scale(o.store.db)->impact == 4);
  require_bad_input([&] { edit_risk(o.store, a, RiskInput{0, "", "", "", "", "", "5", "5", {}}); }, "--impact: '5' is not a whole number from 1 to 4");
  edit_risk(o.store, a, RiskInput{0, "", "", "", "perlakuan baru", "", "5", "4", {"Kepala Kantor"}});
  auto r = find_risk(o.store.db, a);
  REQUIRE(r->perlakuan == "perlakuan baru");
  REQUIRE(r->risiko == "risiko SK3");
  REQUIRE(r->pj == std::vector<std::string>{"Kepala Kantor"});
  auto list = list_risks(o.store.db, 2024);
  REQUIRE(list.size() == 2);
  REQUIRE(list[0].id == b);  // by sasaran
  auto t = risk_tables(o.store.db, 2024);
  REQUIRE(t.size() == 1);
  REQUIRE(t[0].id == "risk.register");
  REQUIRE(plain_rows(t[0])[1] == std::vector<std::string>{a, "SK3", "RB", "risiko SK3", "perlakuan baru", "Kepala Kantor",
                                                          "keberhasilan", "5", "4", "20"});
  REQUIRE(plain_rows(t[0])[0][9] == "-");
  REQUIRE(list_risks(o.store.db, 2025).empty());
  REQUIRE(risk_tables(o.store.db, 2025).empty());
}

TEST_CASE("innovations: categories, links to indicators, risks and each other", "[innovation]") {
  test::Office o;
  std::string r = add_risk(o.store, risk("SK1", "TAK"));
  InnovationInput loktuan{2023, "LOKTUAN", "Layanan Objek Keimigrasian Terpadu", "layanan", "paspor keliling", "mendekatkan layanan",
                          "paspor terbit", "bulanan", "berjalan", {"LAYANAN"}, {}, {}};
  std::string l = add_innovation(o.store, loktuan);
  InnovationInput sigerak{2024, "SIGERAK", "Satgas Gerak Cepat", "penegakan-hukum", "tim akhir pekan", "pengawasan",
                          "operasi", "akhir pekan", "uji coba", {"TAK"}, {r}, {l}};
  std::string s = add_innovation(o.store, sigerak);
  int64_t ops = o.ops();
  sigerak.kategori = "pelayanan";
  require_bad_input([&] { add_innovation(o.store, sigerak); }, "--kategori: 'pelayanan' is not one of");
  sigerak.kategori = "layanan";
  sigerak.risks = {"RK-0000-1"};
  require_bad_input([&] { add_innovation(o.store, sigerak); }, "no risk 'RK-0000-1'");
  require_bad_input([&] { edit_innovation(o.store, s, InnovationInput{0, "", "", "", "", "", "", "", "", {}, {}, {s}}); }, "not related to itself");
  require_bad_input([&] { edit_innovation(o.store, l, InnovationInput{0, "", "", "", "", "", "", "", "", {"XYZ"}, {}, {}}); }, "'XYZ' is not an indicator");
  REQUIRE(o.ops() == ops);
  edit_innovation(o.store, s, InnovationInput{0, "", "", "", "", "", "", "", "berjalan", {}, {}, {}});
  auto v = find_innovation(o.store.db, s);
  REQUIRE(v->status == "berjalan");
  REQUIRE(v->risks == std::vector<std::string>{r});
  REQUIRE(v->related == std::vector<std::string>{l});
  REQUIRE(list_innovations(o.store.db, 2023).size() == 1);
  auto t = innovation_tables(o.store.db, 2024);
  REQUIRE(t[0].id == "innovation.list");
  REQUIRE(plain_rows(t[0])[1] == std::vector<std::string>{s, "SIGERAK", "Satgas Gerak Cepat", "Penegakan hukum", "tim akhir pekan",
                                                          "pengawasan", "operasi", "akhir pekan", "berjalan", "TAK", r, "LOKTUAN"});
}
