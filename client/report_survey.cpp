// The survey tables (report_survey.hpp).
#include "client/report_survey.hpp"

#include "client/date.hpp"
#include "client/hlc.hpp"
#include "client/period.hpp"
#include "client/survey_register.hpp"

namespace kinerja {

static ReportTable survey_table(const std::string& survey, int year, const std::vector<SurveyMonth>& months) {
  ReportTable t;
  t.id = "survey." + survey;
  t.title = survey_title(survey) + " " + std::to_string(year);
  t.header = {"bulan", "nilai", "responden", "catatan"};
  std::string newest;
  for (const auto& m : months) {
    std::string flags;
    for (auto& w : survey_warnings(m)) {
      flags += (flags.empty() ? "" : "; ") + w.flag;
      t.notes.push_back(std::move(w.text));
    }
    t.rows.push_back({text_cell(month_name(m.month)), number_cell(m.value, 2), number_cell(Rational(m.respondents), 0),
                      text_cell(flags)});
    newest = std::max(newest, m.hlc);
  }
  SurveyYear y = survey_year(months);
  std::string category;
  if (survey == "SKM" && y.value) {
    std::string c = ikm_category(*y.value);
    category = "mutu " + c + " (" + ikm_category_name(c) + ")";
  }
  t.rows.push_back({text_cell("Tahun " + std::to_string(year)), number_cell(y.value, 2),
                    number_cell(Rational(y.respondents), 0), text_cell(category)});
  if (survey == "IIO") {
    std::optional<Rational> iki;
    if (y.value) iki = *y.value / Rational(25);
    t.rows.push_back(
        {text_cell("IKI (IIO / 25)"), number_cell(iki, 2), number_cell(Rational(y.respondents), 0), text_cell("")});
  }
  if (!y.value) t.notes.push_back(survey + " " + std::to_string(year) + ": Σ responden = 0, tidak ada nilai tahunan");
  t.data_per = utc_date(parse_hlc(newest).ms);
  return t;
}

std::vector<ReportTable> survey_tables(const Db& db, int year) {
  std::vector<ReportTable> out;
  for (const auto& survey : survey_names()) {
    auto months = list_surveys(db, year, survey);
    if (months.empty()) continue;
    out.push_back(survey_table(survey, year, months));
    for (const auto& m : list_surveys(db, year, survey, true))
      if (m.voided) out.back().notes.push_back(void_note("survey", survey + " " + month_name(m.month) + " " + std::to_string(year), *m.voided));
  }
  return out;
}

}  // namespace kinerja
