// Report commands: report pk (the Realisasi Perjanjian Kinerja table in every format),
// report lkjip (the whole annex), report trend (year-on-year table of one indicator),
// explain (how a figure was computed). The registers add their own `report NAME`.
#include <iostream>

#include "client/cli.hpp"
#include "client/error.hpp"
#include "client/explain.hpp"
#include "client/report_html.hpp"
#include "client/report_lkjip.hpp"
#include "client/report_pk.hpp"
#include "client/report_trend.hpp"
#include "client/report_xlsx.hpp"

namespace kinerja {

static void cmd_pk(const Cli& cli, int year, int quarter, const std::string& format, const std::string& out) {
  if (format == "xlsx" && out.empty()) throw bad_input("--out: an xlsx report needs a file, e.g. --out pk-2024.xlsx");
  Store s = cli.open();
  PkFigures pk = pk_figures(s, year, quarter);
  if (format == "json") return emit_report(pk_json(pk).dump(2) + "\n", out);
  if (format == "md") return emit_report(pk_markdown(pk), out);
  if (format == "csv") return emit_report(pk_csv(pk), out);
  if (format == "html") return emit_report(pk_html(pk, pk_trends(s.db, pk)), out);
  if (format == "xlsx") {
    write_pk_xlsx(pk, out);
    std::cerr << "Wrote " << out << "\n";
    return;
  }
  emit_report(table_text(pk_table(pk)), out);
}

static void cmd_lkjip(const Cli& cli, int year, const std::string& format, const std::string& out) {
  if (format == "xlsx" && out.empty()) throw bad_input("--out: an xlsx report needs a file, e.g. --out lkjip-2024.xlsx");
  Store s = cli.open();
  Lkjip l = lkjip(s, year);
  if (format == "json") return emit_report(lkjip_json(l).dump(2) + "\n", out);
  if (format == "md") return emit_report(lkjip_markdown(l), out);
  if (format == "html") return emit_report(lkjip_html(l), out);
  write_tables_xlsx(l.tables, out);
  std::cerr << "Wrote " << out << "\n";
}

static void cmd_trend(const Cli& cli, const std::string& code, int from, int to, const std::string& format) {
  Store s = cli.open();
  Trend t = trend_figures(s.db, code, from, to);
  if (format == "json") return print_json(trend_json(t));
  std::cout << table_text(trend_table(t));
}

struct ExplainArgs {
  int year = 0;
  std::string indicator, sasaran;
  bool overall = false, anggaran = false, nka = false, as_json = false, all_ops = false;
};

static void cmd_explain(const Cli& cli, const ExplainArgs& a) {
  int chosen = !a.indicator.empty() + !a.sasaran.empty() + a.overall + a.anggaran + a.nka;
  if (chosen != 1) throw bad_input("explain: give exactly one of --indicator, --sasaran, --overall, --anggaran, --nka");
  if (a.as_json && a.indicator.empty()) throw bad_input("--json: is offered with --indicator only");
  Store s = cli.open();
  if (!a.indicator.empty()) {
    auto ind = find_indicator(s.db, a.indicator, a.year);
    if (!ind)
      throw bad_input("--indicator: '" + a.indicator + "' is not in the catalogue for " + std::to_string(a.year));
    IndicatorFigures f = indicator_figures(s.db, *ind, a.year);
    if (a.as_json) return print_json(explain_indicator_json(f, a.all_ops));
    std::cout << explain_indicator(f, a.all_ops);
    return;
  }
  if (a.nka) {
    auto n = nka_score(s.db, a.year);
    if (!n) throw bad_input("--nka: no NKA input is recorded for " + std::to_string(a.year) + " (kinerja nka record)");
    std::cout << explain_nka(*n, a.all_ops);
    return;
  }
  PkFigures pk = pk_figures(s, a.year);
  std::cout << (!a.sasaran.empty() ? explain_sasaran(pk, a.sasaran) : a.overall ? explain_overall(pk) : explain_anggaran(pk, a.all_ops));
}

void add_report_commands(CLI::App& app, Cli& cli) {
  auto* report = app.add_subcommand("report", "Reports: the PK table of a year, the trend of an indicator, the registers' tables, the LKjIP annex");
  report->require_subcommand(1);

  auto* pk = report->add_subcommand("pk", "The Realisasi Perjanjian Kinerja table of a year");
  auto year = std::make_shared<int>(0);
  auto quarter = std::make_shared<int>(0);
  auto format = std::make_shared<std::string>("table");
  auto out = std::make_shared<std::string>();
  pk->add_option("--year", *year, "The PK year")->required()->check(CLI::Range(2000, 2100));
  pk->add_option("--quarter", *quarter, "Up to the end of this triwulan (1-4): its inputs against the quarter targets")
      ->check(CLI::Range(1, 4));
  pk->add_option("--format", *format, "table, md, csv, json, html or xlsx (default table)")
      ->check(CLI::IsMember({"table", "md", "csv", "json", "html", "xlsx"}));
  pk->add_option("--out", *out, "Write to this file instead of standard output (required for xlsx)");
  pk->callback([&cli, year, quarter, format, out] { cmd_pk(cli, *year, *quarter, *format, *out); });

  auto* annex = report->add_subcommand(
      "lkjip", "The LKjIP annex of a year in one document: PK table, five-year trends, the registers' tables");
  auto lyear = std::make_shared<int>(0);
  auto lformat = std::make_shared<std::string>("html");
  auto lout = std::make_shared<std::string>();
  annex->add_option("--year", *lyear, "The report year")->required()->check(CLI::Range(2000, 2100));
  annex->add_option("--format", *lformat, "html, md, xlsx or json (default html)")
      ->check(CLI::IsMember({"html", "md", "xlsx", "json"}));
  annex->add_option("--out", *lout, "Write to this file instead of standard output (required for xlsx)");
  annex->callback([&cli, lyear, lformat, lout] { cmd_lkjip(cli, *lyear, *lformat, *lout); });

  auto* trend = report->add_subcommand("trend", "Year-on-year table of one indicator");
  auto code = std::make_shared<std::string>();
  auto from = std::make_shared<int>(0);
  auto to = std::make_shared<int>(0);
  auto tformat = std::make_shared<std::string>("table");
  trend->add_option("--indicator", *code, "Indicator code, e.g. TAK")->required();
  trend->add_option("--from", *from, "First year, e.g. 2020")->required();
  trend->add_option("--to", *to, "Last year, e.g. 2024")->required();
  trend->add_option("--format", *tformat, "table or json")->check(CLI::IsMember({"table", "json"}));
  trend->add_flag("--json", [tformat](int64_t) { *tformat = "json"; }, "Same as --format json");
  trend->callback([&cli, code, from, to, tformat] { cmd_trend(cli, *code, *from, *to, *tformat); });

  auto* explain = app.add_subcommand("explain", "How a figure of the PK table was computed: formula, inputs, op seqs");
  auto a = std::make_shared<ExplainArgs>();
  explain->add_option("--year", a->year, "The year")->required()->check(CLI::Range(2000, 2100));
  explain->add_option("--indicator", a->indicator, "An indicator: realisasi, capaian, national comparison");
  explain->add_option("--sasaran", a->sasaran, "A sasaran, by code (SK3) or table number (3): its average capaian");
  explain->add_flag("--overall", a->overall, "The overall capaian");
  explain->add_flag("--anggaran", a->anggaran, "The budget row");
  explain->add_flag("--nka", a->nka, "The Nilai Kinerja Anggaran: each component and input, weighted");
  explain->add_flag("--ops", a->all_ops, "List every op behind a figure (default: more than 20 are summarised per type and device as seq ranges)");
  explain->add_flag("--json", a->as_json, "With --indicator: formula, inputs and op seqs as JSON");
  explain->callback([&cli, a] { cmd_explain(cli, *a); });
}

}  // namespace kinerja
