// Survey register commands: survey record, survey import, survey void, survey list; report survey.
#include <iostream>

#include "client/cli.hpp"
#include "client/format_id.hpp"
#include "client/period.hpp"
#include "client/report_survey.hpp"
#include "client/survey_register.hpp"

namespace kinerja {

static void report_recorded(const SurveyRecordResult& r, const std::string& what) {
  std::cout << "Recorded " << what << " as " << r.ops << " op(s)";
  if (r.corrections) std::cout << "; " << r.corrections << " correction(s) superseding an earlier month";
  std::cout << "\n";
  for (const auto& w : r.warnings) warn(w);
}

static void cmd_list(const Cli& cli, int year, bool as_json) {
  Store s = cli.open();
  auto months = list_surveys(s.db, year, "", true);
  json jm = json::array(), jy = json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : months) {
    json elements = json::object();
    for (const auto& [name, v] : m.elements) elements[name] = v.exact();
    json warnings = json::array();
    std::string flags;
    for (const auto& w : survey_warnings(m)) {
      warnings.push_back(w.text);
      flags += (flags.empty() ? "" : "; ") + w.flag;
    }
    jm.push_back({{"survey", m.survey}, {"period", Period{m.year, PeriodKind::Month, m.month}.str()},
                  {"value", m.value.exact()}, {"respondents", std::to_string(m.respondents)}, {"elements", elements},
                  {"note", m.note}, {"warnings", warnings}, {"device", m.op.device}, {"seq", std::to_string(m.op.seq)},
                  {"voided", m.voided.has_value()}, {"void_reason", m.voided ? json(m.voided->reason) : json(nullptr)}});
    rows.push_back({m.survey, month_name(m.month), id_number(m.value, 2), std::to_string(m.respondents),
                    std::to_string(m.elements.size()), m.voided ? void_mark("survey", *m.voided) : flags, m.note});
  }
  std::vector<std::string> summary;
  for (const auto& survey : survey_names()) {
    auto of = list_surveys(s.db, year, survey);
    if (of.empty()) continue;
    SurveyYear y = survey_year(of);
    json j{{"survey", survey}, {"year", std::to_string(year)}, {"months", std::to_string(of.size())},
           {"respondents", std::to_string(y.respondents)}, {"value", y.value ? json(y.value->fixed(2)) : json(nullptr)}};
    std::string line = survey + " " + std::to_string(year) + ": " + id_number(y.value, 2) + " (" +
                       std::to_string(y.respondents) + " responden, " + std::to_string(of.size()) + " bulan)";
    if (survey == "SKM" && y.value) {
      j["category"] = ikm_category(*y.value);
      line += ", mutu " + ikm_category(*y.value) + " (" + ikm_category_name(ikm_category(*y.value)) + ")";
    }
    if (survey == "IIO" && y.value) {
      j["iki"] = (*y.value / Rational(25)).fixed(2);
      line += ", IKI " + id_number(*y.value / Rational(25), 2);
    }
    jy.push_back(j);
    summary.push_back(line);
  }
  if (as_json) return print_json({{"months", jm}, {"years", jy}});
  if (rows.empty()) {
    std::cout << "No survey months recorded for " << year << ".\n";
    return;
  }
  print_table({"survei", "bulan", "nilai", "responden", "unsur", "peringatan", "catatan"}, rows);
  std::cout << "\n";
  for (const auto& line : summary) std::cout << line << "\n";
}

void add_survey_commands(CLI::App& app, Cli& cli) {
  auto* group = app.add_subcommand("survey", "The survey register (SKM, IIO, IPK, ILK months with respondents)");
  group->require_subcommand(1);

  auto* record = group->add_subcommand("record", "Record a survey's result for a month (a second record corrects)");
  auto in = std::make_shared<SurveyInput>();
  record->add_option("--survey", in->survey, "SKM | IIO | IPK | ILK")->required();
  record->add_option("--period", in->period, "The month, YYYY-MM")->required();
  record->add_option("--value", in->value, "The month's value: an index 1-4 (3,52), IIO 0-100")->required();
  record->add_option("--respondents", in->respondents, "Number of respondents that month")->required();
  record->add_option("--element", in->elements, "An element (unsur) of the value, NAME=VALUE; repeatable");
  record->add_option("--note", in->note, "Free text kept with the month");
  record->callback([&cli, in] {
    Store s = cli.open();
    report_recorded(record_surveys(s, {*in}), in->survey + " " + in->period);
  });

  auto* import = group->add_subcommand(
      "import", "Record every month of a CSV file (header survey,period,value,respondents[,elements,note]), all or none");
  auto file = std::make_shared<std::string>();
  import->add_option("FILE", *file, "The CSV or XLSX file (its first sheet); elements as U1=3,5;U2=3,4")->required();
  import->callback([&cli, file] {
    auto months = read_surveys_csv(*file);
    Store s = cli.open();
    report_recorded(record_surveys(s, months), std::to_string(months.size()) + " survey months of " + *file);
  });

  auto* cancel = group->add_subcommand(
      "void", "Void a month recorded by mistake: kept and listed with the reason, left out of the year's value");
  auto v = std::make_shared<SurveyInput>();
  auto reason = std::make_shared<std::string>();
  cancel->add_option("--survey", v->survey, "SKM | IIO | IPK | ILK")->required();
  cancel->add_option("--period", v->period, "The month, YYYY-MM")->required();
  cancel->add_option("--reason", *reason, "Why it is voided, e.g. salah bulan")->required();
  cancel->callback([&cli, v, reason] {
    Store s = cli.open();
    void_survey(s, v->survey, v->period, *reason);
    std::cout << "Survei " << v->survey << " " << v->period << " dibatalkan: " << *reason << "\n";
  });

  auto* list = group->add_subcommand("list", "The months recorded in a year and each survey's year value");
  auto year = std::make_shared<int>(0);
  auto as_json = std::make_shared<bool>(false);
  list->add_option("--year", *year, "The year")->required()->check(CLI::Range(2000, 2100));
  list->add_flag("--json", *as_json, "Print {months, years} as JSON");
  list->callback([&cli, year, as_json] { cmd_list(cli, *year, *as_json); });

  auto* report = app.get_subcommand("report")->add_subcommand(
      "survey", "The survey tables of a year: months, respondent-weighted year value, IKM category, IKI, warnings");
  auto ryear = std::make_shared<int>(0);
  auto format = std::make_shared<std::string>("table");
  report->add_option("--year", *ryear, "The year")->required()->check(CLI::Range(2000, 2100));
  report->add_option("--format", *format, "table, md, csv or json (default table)")
      ->transform(CLI::IsMember({"table", "md", "csv", "json"}, CLI::ignore_case));
  report->callback([&cli, ryear, format] {
    auto tables = survey_tables(cli.open().db, *ryear);
    if (tables.empty() && *format == "table") std::cout << "No survey months recorded for " << *ryear << ".\n";
    print_tables(tables, *format);
  });
}

}  // namespace kinerja
