// Entry commands: record, import, show.
#include <iostream>

#include "client/catalogue.hpp"
#include "client/cli.hpp"
#include "client/entry.hpp"
#include "client/error.hpp"
#include "client/format_id.hpp"
#include "client/period.hpp"
#include "client/state.hpp"

namespace kinerja {

static void report_recorded(const RecordResult& r, const std::string& what) {
  std::cout << "Recorded " << what << " as " << r.ops << " op(s), last seq " << r.last_seq;
  if (r.corrections) std::cout << "; " << r.corrections << " correction(s) superseding an earlier value";
  if (r.repeated) std::cout << "; " << r.repeated << " row(s) repeating an earlier row, skipped";
  std::cout << "\n";
}

static void cmd_show(const Cli& cli, const std::string& indicator, int year, bool as_json) {
  Store s = cli.open();
  json out = current_values(s.db, indicator, year);
  auto figure = [](const json& j, const char* name) {  // stored "1234.5" shown as "1.234,5"
    return j.contains(name) ? id_from_fixed(j[name].get<std::string>()) : "";
  };
  std::vector<std::vector<std::string>> rows;
  for (const auto& j : out)
    rows.push_back({j["indicator"].get<std::string>() + (j.contains("part") ? "/" + j["part"].get<std::string>() : ""),
                    parse_period(j["period"].get<std::string>()).label(), figure(j, "value"), figure(j, "numerator"),
                    figure(j, "denominator"),
                    (j.contains("rekap") ? "rekap " + j["rekap"].get<std::string>() + (j.contains("note") ? "; " : "") : "") +
                        j.value("note", "")});
  if (as_json) return print_json(out);
  if (rows.empty()) {
    std::cout << "No realisasi recorded" << (indicator.empty() ? "" : " for " + indicator)
              << (year ? " in " + std::to_string(year) : "") << ".\n";
    return;
  }
  print_table({"indikator", "periode", "nilai", "pembilang", "penyebut", "catatan"}, rows);
}

void add_entry_commands(CLI::App& app, Cli& cli) {
  auto* record = app.add_subcommand("record", "Record the realisasi of an indicator for a period (a second record corrects)");
  auto e = std::make_shared<EntryInput>();
  record->add_option("--indicator", e->indicator, "Indicator code, e.g. PROYUSTISIA")->required();
  record->add_option("--period", e->period, "YYYY, YYYY-Qn (triwulan) or YYYY-MM")->required();
  auto* value = record->add_option("--value", e->value, "The value, for direct and survey indicators (3,99 or 3.99)");
  auto* num = record->add_option("--numerator", e->numerator, "For ratio indicators: the count achieved");
  auto* den = record->add_option("--denominator", e->denominator, "For ratio indicators: the count it is out of");
  value->excludes(num)->excludes(den);
  num->needs(den);
  den->needs(num);
  record->add_option("--note", e->note, "Free text kept with the entry");
  record->add_option("--component", e->part, "A component of a composite index (IPHK, IKLK), e.g. PENGAWASAN");
  record->add_option("--rekap", e->rekap,
                     "A year's total of a register-sourced indicator (TAK, RB, …) from before the register, and where "
                     "it was reported, e.g. \"LKjIP 2021\"; only for a year the register holds nothing for");
  record->callback([&cli, e] {
    Store s = cli.open();
    report_recorded(record_entries(s, {*e}), e->indicator + " " + e->period);
  });

  auto* import = app.add_subcommand(
      "import", "Record every row of a CSV file (header indicator,period,value,numerator,denominator,note[,component,rekap]), all or none");
  auto file = std::make_shared<std::string>();
  import->add_option("FILE", *file, "The CSV or XLSX file (its first sheet)")->required();
  import->callback([&cli, file] {
    Store s = cli.open();
    RecordResult r = import_entries(s, *file);
    report_recorded(r, std::to_string(r.ops) + " rows of " + *file);
  });

  auto* show = app.add_subcommand("show", "The current realisasi values");
  auto indicator = std::make_shared<std::string>();
  auto year = std::make_shared<int>(0);
  auto as_json = std::make_shared<bool>(false);
  show->add_option("--indicator", *indicator, "Only this indicator");
  show->add_option("--year", *year, "Only this year")->check(CLI::Range(2000, 2100));
  show->add_flag("--json", *as_json, "Print a JSON array");
  show->callback([&cli, indicator, year, as_json] { cmd_show(cli, *indicator, *year, *as_json); });
}

}  // namespace kinerja
