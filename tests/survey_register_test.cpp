// The survey register: respondent-weighted year values (exact, half-up only when printed),
// IKI = IIO / 25, the IKM category boundaries, warnings, validation, all-or-nothing CSV
// import, survey-backed indicators in the engine, and the survey tables.
#include <catch2/catch.hpp>

#include <fstream>

#include "client/capaian.hpp"
#include "client/entry.hpp"
#include "client/error.hpp"
#include "client/report_survey.hpp"
#include "client/survey_register.hpp"
#include "tests/catalogue_fixture.hpp"
#include "tests/office_fixture.hpp"
#include "tests/require_bad_input.hpp"

using namespace kinerja;
using test::require_bad_input;

static SurveyInput month(const std::string& survey, const std::string& period, const std::string& value,
                         const std::string& respondents, std::vector<std::string> elements = {}) {
  return SurveyInput{survey, period, value, respondents, std::move(elements), "", ""};
}

static std::optional<Rational> realisasi(const test::Office& o, const std::string& code, int year) {
  return indicator_figures(o.store.db, *find_indicator(o.store.db, code, year), year).realisasi.value;
}

TEST_CASE("the year value is the respondent-weighted mean of the months, exactly", "[survey]") {
  test::Office o;
  // (3,50 × 100 + 3,60 × 20 + 3,20 × 80) / 200 = (350 + 72 + 256) / 200 = 3,39
  record_surveys(o.store, {month("SKM", "2023-01", "3,50", "100"), month("SKM", "2023-02", "3.6", "20"),
                           month("SKM", "2023-03", "3,20", "80")});
  SurveyYear y = survey_year(list_surveys(o.store.db, 2023, "SKM"));
  REQUIRE(y.value);
  CHECK(*y.value == Rational::parse("3.39"));
  CHECK(y.respondents == 200);
  CHECK(realisasi(o, "IKM", 2023) == Rational::parse("3.39"));  // the IKM indicator reads the register

  // Half-up at the 2nd decimal: (3,10 × 50 + 3,11 × 50) / 100 = 3,105 → 3,11; 3,1049 → 3,10.
  record_surveys(o.store, {month("IPK", "2023-04", "3,10", "50"), month("IPK", "2023-05", "3,11", "50")});
  auto ipk = realisasi(o, "IPK", 2023);
  REQUIRE(ipk);
  CHECK(*ipk == Rational::parse("3.105"));
  CHECK(ipk->fixed(2) == "3.11");
  record_surveys(o.store, {month("IPK", "2023-04", "3,10", "51"), month("IPK", "2023-05", "3,11", "49")});
  CHECK(*realisasi(o, "IPK", 2023) == Rational::parse("3.1049"));
  CHECK(realisasi(o, "IPK", 2023)->fixed(2) == "3.10");
}

TEST_CASE("IKI is IIO / 25, from the respondent-weighted IIO", "[survey]") {
  test::Office o;
  // IIO (80 × 30 + 90 × 70) / 100 = 87 → IKI 87 / 25 = 3,48
  record_surveys(o.store, {month("IIO", "2023-06", "80", "30"), month("IIO", "2023-12", "90", "70")});
  CHECK(realisasi(o, "IKI", 2023) == Rational::parse("3.48"));
  auto tables = survey_tables(o.store.db, 2023);
  REQUIRE(tables.size() == 1);
  CHECK(tables[0].id == "survey.IIO");
  auto rows = plain_rows(tables[0]);
  REQUIRE(rows.size() == 4);
  CHECK(rows[2] == std::vector<std::string>{"Tahun 2023", "87.00", "100", ""});
  CHECK(rows[3] == std::vector<std::string>{"IKI (IIO / 25)", "3.48", "100", ""});
}

TEST_CASE("IKM category on the half-open intervals of PermenPAN-RB 14/2017", "[survey]") {
  auto cat = [](const char* v) { return ikm_category(Rational::parse(v)); };
  CHECK(cat("1") == "D");
  CHECK(cat("2.5999") == "D");
  CHECK(cat("2.6") == "C");
  CHECK(cat("3.0643") == "C");
  CHECK(cat("3.0644") == "B");
  CHECK(cat("3.5323") == "B");
  CHECK(cat("3.5324") == "A");
  CHECK(cat("4") == "A");
  CHECK(ikm_category_name("A") == "Sangat Baik");
  CHECK(ikm_category_name("D") == "Tidak Baik");
}

TEST_CASE("warnings: fewer than 30 respondents, elements whose mean is more than 0,01 off", "[survey]") {
  test::Office o;
  auto r = record_surveys(o.store, {
                                       month("SKM", "2024-01", "3,50", "30", {"U1=3,51", "U2=3,51"}),  // 0,01 off: fine
                                       month("SKM", "2024-02", "3,50", "29", {"U1=3,52", "U2=3,51"}),  // 0,015 off
                                   });
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0] == "SKM Februari 2024: 29 responden, kurang dari 30");
  CHECK(r.warnings[1] == "SKM Februari 2024: rata-rata 2 unsur 3,5150 berbeda 0,0150 dari nilai 3,5000 (lebih dari 0,01)");

  auto tables = survey_tables(o.store.db, 2024);
  REQUIRE(tables.size() == 1);
  const ReportTable& t = tables[0];
  CHECK(t.id == "survey.SKM");
  CHECK(t.header == std::vector<std::string>{"bulan", "nilai", "responden", "catatan"});
  auto rows = people_rows(t);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"Januari", "3,50", "30", ""});
  CHECK(rows[1] == std::vector<std::string>{"Februari", "3,50", "29", "responden < 30; unsur ≠ nilai"});
  CHECK(rows[2] == std::vector<std::string>{"Tahun 2024", "3,50", "59", "mutu B (Baik)"});
  CHECK(t.notes == r.warnings);
  CHECK(t.data_per.size() == 10);
  CHECK(table_markdown(t).find("[2] SKM Februari 2024: rata-rata 2 unsur") != std::string::npos);
}

TEST_CASE("a second record of a month corrects it", "[survey]") {
  test::Office o;
  record_surveys(o.store, {month("ILK", "2024-03", "3,80", "40")});
  auto r = record_surveys(o.store, {month("ILK", "2024-03", "3,99", "40")});
  CHECK(r.corrections == 1);
  CHECK(realisasi(o, "ILK", 2024) == Rational::parse("3.99"));
  CHECK(list_surveys(o.store.db, 2024).size() == 1);
}

TEST_CASE("bad survey input is refused naming the field, and nothing is written", "[survey]") {
  test::Office o;
  int64_t before = o.ops();
  auto bad = [&](SurveyInput in, const std::string& fragment) {
    require_bad_input([&] { record_surveys(o.store, {month("SKM", "2024-01", "3,5", "40"), in}); }, fragment);
  };
  bad(month("IKM", "2024-02", "3,5", "40"), "--survey: 'IKM' is not one of SKM|IIO|IPK|ILK");
  bad(month("SKM", "2024-13", "3,5", "40"), "--period: '2024-13' bulannya di luar 1-12");
  bad(month("SKM", "2024", "3,5", "40"), "--period: '2024' is not a month");
  bad(month("SKM", "2024-Q1", "3,5", "40"), "--period: '2024-Q1' is not a month");
  bad(month("SKM", "2024-02", "4,01", "40"), "--value: 4.01 is outside [1; 4] for SKM");
  bad(month("IPK", "2024-02", "0,99", "40"), "--value: 0.99 is outside [1; 4] for IPK");
  bad(month("IIO", "2024-02", "100,5", "40"), "--value: 100.5 is outside [0; 100] for IIO");
  bad(month("ILK", "2024-02", "abc", "40"), "--value: 'abc' is not a number");
  bad(month("SKM", "2024-02", "", "40"), "--value: is required");
  bad(month("SKM", "2024-02", "3,5", "-1"), "--respondents: '-1' must not be negative");
  bad(month("SKM", "2024-02", "3,5", "2,5"), "--respondents: '2,5' must be a whole number");
  bad(month("SKM", "2024-02", "3,5", ""), "--respondents: is required");
  bad(month("SKM", "2024-02", "3,5", "40", {"U1"}), "--element: 'U1' is not NAME=VALUE");
  bad(month("SKM", "2024-02", "3,5", "40", {"U1=3", "U1=3,1"}), "--element: element 'U1' is given twice");
  bad(month("SKM", "2024-02", "3,5", "40", {"U1=5"}), "--element U1: 5 is outside [1; 4]");
  bad(month("SKM", "2024-01", "3,6", "40"), "SKM 2024-01 appears twice");
  CHECK(o.ops() == before);
  CHECK(record_surveys(o.store, {month("IIO", "2024-02", "0", "0")}).ops == 1);  // both bounds are allowed
}

TEST_CASE("a survey CSV imports all or nothing, naming the line and column of the first fault", "[survey]") {
  test::Office o;
  std::string path = (o.dir / "surveys.csv").string();
  std::ofstream(path) << "survey,period,value,respondents,elements,note\n"
                         "SKM,2024-01,\"3,52\",120,U1=3.5;U2=3.54,Januari\n"
                         "SKM,2024-02,3.48,many,,\n"
                         "SKM,2024-03,3.40,100,,\n";
  int64_t before = o.ops();
  require_bad_input([&] { record_surveys(o.store, read_surveys_csv(path)); },
                    "surveys.csv: line 3, column respondents: 'many' is not a number");
  CHECK(o.ops() == before);
  std::ofstream(path) << "survey,period,value,respondents,elements,note\n"
                         "SKM,2024-01,\"3,52\",120,U1=3.5;U2=3.54,Januari\n"
                         "SKM,2024-02,3.48,80,U1=3.48;U2=9,\n";
  require_bad_input([&] { record_surveys(o.store, read_surveys_csv(path)); },
                    "surveys.csv: line 3, column elements U2: 9 is outside [1; 4]");
  CHECK(o.ops() == before);
  std::ofstream(path) << "survey,period,value,respondents,elements,note\n"
                         "SKM,2024-01,\"3,52\",120,U1=3.5;U2=3.54,Januari\n"
                         "SKM,2024-02,3.48,80,,\n";
  CHECK(record_surveys(o.store, read_surveys_csv(path)).ops == 2);
  auto months = list_surveys(o.store.db, 2024);
  REQUIRE(months.size() == 2);
  CHECK(months[0].elements.at("U2") == Rational::parse("3.54"));
  CHECK(months[0].note == "Januari");
  CHECK(*survey_year(months).value == Rational::parse("3.504"));  // (422,4 + 278,4) / 200
}

TEST_CASE("survey-backed indicators refuse manual records unless the catalogue marks them manual", "[survey]") {
  test::Office o;
  int64_t before = o.ops();
  for (auto [code, period] : {std::pair{"IKM", "2023"}, {"IPK", "2023-01"}, {"IKI", "2023"}, {"ILK", "2024"}, {"ILK", "2025"}})
    require_bad_input([&] { record_entries(o.store, {EntryInput{code, period, "3,5", "", "", "", ""}}); },
                      "is counted from the survey register (`kinerja survey record`");
  CHECK(o.ops() == before);
  Batch b(o.store);
  load_catalogue(b, test::catalogue_2024_manual_ilk());
  b.commit();
  record_entries(o.store, {EntryInput{"ILK", "2024", "3,99", "", "", "", ""}});
  CHECK(realisasi(o, "ILK", 2024) == Rational::parse("3.99"));
}
