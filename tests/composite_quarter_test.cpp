// Issue 3 gaps: composite indices (IKK 8.1 IKLK, 9.1 IPHK) from published component
// weights, else entered directly; the PK figures up to the end of a triwulan against its
// quarter target; explain as JSON.
#include <catch2/catch.hpp>

#include "client/capaian.hpp"
#include "client/entry.hpp"
#include "client/explain.hpp"
#include "client/survey_register.hpp"
#include "client/target.hpp"
#include "tests/office_fixture.hpp"
#include "tests/require_bad_input.hpp"

using namespace kinerja;
using test::require_bad_input;

static EntryInput part_value(const std::string& code, const std::string& part, const std::string& value) {
  EntryInput e;
  e.indicator = code;
  e.period = "2025";
  e.value = value;
  e.part = part;
  return e;
}

static void publish(test::Office& o, const std::string& code, const std::vector<std::string>& weights) {
  Catalogue c = with_weights(*catalogue_for_year(o.store.db, 2025), code, weights);
  Batch b(o.store);
  load_catalogue(b, c);
  b.commit();
}

static Realisasi realisasi_2025(const test::Office& o, const std::string& code) {
  return indicator_figures(o.store.db, *find_indicator(o.store.db, code, 2025), 2025).realisasi;
}

TEST_CASE("a composite index is entered directly until the kanwil publishes weights", "[composite]") {
  test::Office o;
  record_entries(o.store, {part_value("IKLK", "", "91,5"), part_value("IKLK", "DOKLN", "95"),
                           part_value("IKLK", "IZINTINGGAL", "90")});
  CHECK(realisasi_2025(o, "IKLK").value == Rational::parse("91.5"));

  // DOKLN 60 %, IZINTINGGAL 40 %: 60 × 95 / 100 + 40 × 90 / 100 = 57 + 36 = 93.
  publish(o, "IKLK", {"DOKLN=60", "IZINTINGGAL=40"});
  Realisasi r = realisasi_2025(o, "IKLK");
  CHECK(r.value == Rational(93));
  CHECK(r.formula == "Σ bobot × nilai komponen = 60% × 95 + 40% × 90 = 93");

  // A correction of one component moves the index: 60 × 96,5 / 100 + 36 = 93,9.
  record_entries(o.store, {part_value("IKLK", "DOKLN", "96,5")});
  CHECK(realisasi_2025(o, "IKLK").value == Rational::parse("93.9"));
}

TEST_CASE("IPHK from its six weighted components", "[composite]") {
  test::Office o;
  publish(o, "IPHK", {"PROYUSTISIA_TAK=25", "PENGAWASAN=20", "INTELIJEN=15", "KETEPATAN=15", "DESABINAAN=15",
                      "INDEKSPENGAMANAN=10"});
  std::vector<EntryInput> parts{part_value("IPHK", "PROYUSTISIA_TAK", "100"), part_value("IPHK", "PENGAWASAN", "90"),
                                part_value("IPHK", "INTELIJEN", "80"),        part_value("IPHK", "KETEPATAN", "85,5"),
                                part_value("IPHK", "DESABINAAN", "70")};
  record_entries(o.store, parts);
  CHECK_FALSE(realisasi_2025(o, "IPHK").value);  // one part missing: no index yet
  record_entries(o.store, {part_value("IPHK", "INDEKSPENGAMANAN", "88,25")});
  // 25 + 18 + 12 + 12,825 + 10,5 + 8,825 = 87,15
  CHECK(realisasi_2025(o, "IPHK").value == Rational::parse("87.15"));
}

TEST_CASE("bad weights and component records are refused, nothing written", "[composite]") {
  test::Office o;
  int64_t before = o.ops();
  auto bad_weights = [&](const std::string& code, const std::vector<std::string>& w, const std::string& fragment) {
    require_bad_input([&] { publish(o, code, w); }, fragment);
  };
  bad_weights("IKLK", {"DOKLN=60", "IZINTINGGAL=30"}, "weights: the weights of IKLK sum to 90, not 100");
  bad_weights("IKLK", {"DOKLN=100"}, "weights: no weight for IZINTINGGAL (components of IKLK: DOKLN, IZINTINGGAL)");
  bad_weights("IKLK", {"DOKLN=60", "PASPOR=40"}, "weights: 'PASPOR' is not a component of IKLK");
  bad_weights("IKLK", {"DOKLN=60", "DOKLN=40"}, "weights: DOKLN is given twice");
  bad_weights("IKLK", {"DOKLN=-10", "IZINTINGGAL=110"}, "weights DOKLN: -10 must not be negative");
  bad_weights("IKLK", {"DOKLN:60"}, "weights: 'DOKLN:60' is not PART=WEIGHT");
  bad_weights("RB", {"X=100"}, "--indicator: RB is not a composite index");
  bad_weights("NOPE", {"X=100"}, "--indicator: 'NOPE' is not in the 2025 catalogue");
  require_bad_input([&] { record_entries(o.store, {part_value("IKLK", "PASPOR", "90")}); },
                    "component: 'PASPOR' is not a component of IKLK (DOKLN, IZINTINGGAL)");
  require_bad_input([&] { record_entries(o.store, {part_value("IKLK", "DOKLN", "101")}); }, "outside [0; 100]");
  EntryInput layanan = part_value("LAYANAN", "X", "");
  layanan.period = "2024";
  layanan.numerator = "1";
  layanan.denominator = "2";
  require_bad_input([&] { record_entries(o.store, {layanan}); }, "component: LAYANAN is not a composite index");
  EntryInput tak = part_value("IPHK", "X", "1");
  tak.indicator = "ILK";
  require_bad_input([&] { record_entries(o.store, {tak}); }, "counted from the survey register");
  CHECK(o.ops() == before);
}

TEST_CASE("a quarter's PK figures: inputs up to the end of the triwulan against its target", "[quarter]") {
  test::Office o;
  std::vector<EntryInput> layanan;
  for (auto [q, num, den] : {std::tuple{"2024-Q1", "180", "200"}, {"2024-Q2", "190", "200"}, {"2024-Q3", "100", "100"}}) {
    EntryInput e;
    e.indicator = "LAYANAN";
    e.period = q;
    e.numerator = num;
    e.denominator = den;
    layanan.push_back(e);
  }
  record_entries(o.store, layanan);
  record_surveys(o.store, {SurveyInput{"ILK", "2024-03", "3,5", "40", {}, "", ""},
                           SurveyInput{"ILK", "2024-09", "4", "60", {}, "", ""}});
  set_target(o.store, 2024, "LAYANAN", "90");
  set_target(o.store, 2024, "LAYANAN", "95", 2);
  set_target(o.store, 2024, "ILK", "3,2", 2);

  PkFigures q2 = pk_figures(o.store, 2024, 2);
  auto find = [](const PkFigures& pk, const std::string& code) {
    for (const auto& s : pk.sasaran)
      for (const auto& f : s.indicators)
        if (f.ind.code == code) return f;
    FAIL("no " << code);
    return IndicatorFigures{};
  };
  IndicatorFigures layanan_q2 = find(q2, "LAYANAN");
  CHECK(layanan_q2.realisasi.value == Rational::parse("92.5"));  // (180 + 190) / (200 + 200) × 100
  CHECK(layanan_q2.target->value == Rational(95));
  CHECK(layanan_q2.capaian->fixed(2) == "97.37");  // 92,5 / 95 × 100 = 97,368…
  IndicatorFigures ilk_q2 = find(q2, "ILK");
  CHECK(ilk_q2.realisasi.value == Rational::parse("3.5"));  // September is after TW II
  CHECK(ilk_q2.capaian->fixed(2) == "109.38");              // 3,5 / 3,2 × 100 = 109,375
  CHECK_FALSE(find(q2, "RB").realisasi.value);              // nothing recorded: "-"
  CHECK_FALSE(find(pk_figures(o.store, 2024, 1), "ILK").target);  // no TW I target: no capaian
  CHECK_FALSE(q2.anggaran.pagu);

  PkFigures year = pk_figures(o.store, 2024);
  CHECK(find(year, "LAYANAN").realisasi.value == Rational::parse("94"));  // 470 / 500
  CHECK(find(year, "ILK").realisasi.value == Rational::parse("3.8"));      // (140 + 240) / 100
  CHECK(find(year, "LAYANAN").target->value == Rational(90));
}

TEST_CASE("explain as JSON: formula, inputs with their ops, figures exact and printed", "[explain]") {
  test::Office o;
  record_surveys(o.store, {SurveyInput{"ILK", "2024-03", "3,98", "40", {}, "", ""},
                           SurveyInput{"ILK", "2024-06", "4", "40", {}, "", ""}});
  set_target(o.store, 2024, "ILK", "3,1");
  set_national(o.store, 2024, "ILK", "126,77");
  json j = explain_indicator_json(indicator_figures(o.store.db, *find_indicator(o.store.db, "ILK", 2024), 2024));
  CHECK(j["indicator"] == "ILK");
  CHECK(j["source"] == "survey:ILK");
  REQUIRE(j["inputs"].size() == 2);
  CHECK(j["inputs"][0] == json{{"source", "survei"}, {"period", "2024-03"}, {"value", "3.98"}, {"respondents", "40"},
                               {"note", "survei ILK"}, {"ops", j["inputs"][0]["ops"]},
                               {"op_groups", j["inputs"][0]["op_groups"]}});
  CHECK(j["inputs"][0]["op_groups"] == json::array({{{"type", "survey"}, {"device", o.store.device}, {"count", "1"},
                                                     {"first", j["inputs"][0]["ops"][0]["seq"]},
                                                     {"last", j["inputs"][0]["ops"][0]["seq"]}}}));
  CHECK(j["inputs"][0]["ops"][0]["key"] == "ILK/2024-03");
  CHECK(j["inputs"][0]["ops"][0]["type"] == "survey");
  CHECK(j["realisasi"]["value"] == json{{"exact", "3.99"}, {"printed", "3.99"}});
  CHECK(j["realisasi"]["formula"] == "Σ(nilai × responden) / Σ responden = 319.2 / 80 = 3.99");
  CHECK(j["target"]["value"] == "3.1");
  CHECK(j["capaian"]["value"]["printed"] == "128.71");
  CHECK(j["national"]["against"]["printed"] == "101.53");
  CHECK(j["national"]["average"]["value"] == "126.77");
}
