// PNBP register commands: pnbp target, pnbp record, pnbp import, pnbp list, and report pnbp
// (capaian per akun, the total and the multi-year table).
#include <iostream>

#include "client/cli.hpp"
#include "client/period.hpp"
#include "client/pnbp_register.hpp"

namespace kinerja {

static std::string none_text(int year) {
  return "No PNBP data for " + std::to_string(year) + " (add it with `kinerja pnbp target` or `kinerja pnbp record`).\n";
}

static void cmd_list(const Cli& cli, int year, bool as_json) {
  Store s = cli.open();
  auto akun = pnbp_akun(s.db, year);
  if (as_json) {
    json out = json::array();
    for (const auto& a : akun) {
      json months = json::object();
      for (int m = 1; m <= 12; ++m)
        if (a.months[m - 1]) months[std::to_string(m)] = a.months[m - 1]->fixed(0);
      json j{{"akun", a.akun}, {"months", months}};
      j["target"] = a.target ? json(a.target->fixed(0)) : json(nullptr);
      j["realisasi"] = a.realisasi ? json(a.realisasi->fixed(0)) : json(nullptr);
      out.push_back(j);
    }
    return print_json({{"year", std::to_string(year)}, {"akun", out}});
  }
  if (akun.empty()) {
    std::cout << none_text(year);
    return;
  }
  std::vector<std::string> header{"Akun", "Target"};
  for (int m = 1; m <= 12; ++m) header.push_back(month_name(m));
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : akun) {
    std::vector<PkCell> cells{text_cell(a.akun), rupiah_cell(a.target)};
    for (const auto& m : a.months) cells.push_back(rupiah_cell(m));
    std::vector<std::string> row;
    for (const auto& c : cells) row.push_back(people_text(c));
    rows.push_back(row);
  }
  print_table(header, rows);
}

void add_pnbp_commands(CLI::App& app, Cli& cli) {
  auto* group = app.add_subcommand("pnbp", "The PNBP register (non-tax revenue): targets and monthly realisasi per akun");
  group->require_subcommand(1);

  auto* target = group->add_subcommand("target", "Set the year's PNBP target of an akun (again: replaces it)");
  auto t = std::make_shared<PnbpInput>();
  target->add_option("--year", t->year, "The year, e.g. 2024")->required();
  target->add_option("--akun", t->akun, "The akun, 6 digits, e.g. 425121")->required();
  target->add_option("--value", t->value, "The target, whole rupiah: 22158700000 or 22.158.700.000")->required();
  target->callback([&cli, t] {
    Store s = cli.open();
    CellWrite w = set_pnbp_target(s, *t);
    std::cout << "PNBP target " << w.key << (w.correction ? " replaced" : " recorded") << " (op seq " << w.seq << ")\n";
  });

  auto* record = group->add_subcommand("record", "Record a month's PNBP realisasi of an akun (again: a correction)");
  auto r = std::make_shared<PnbpInput>();
  record->add_option("--year", r->year, "The year")->required();
  record->add_option("--month", r->month, "The month, 1-12")->required();
  record->add_option("--akun", r->akun, "The akun, 6 digits, e.g. 425121")->required();
  record->add_option("--value", r->value, "Realisasi of that month, whole rupiah")->required();
  record->callback([&cli, r] {
    Store s = cli.open();
    CellWrite w = record_pnbp(s, *r);
    std::cout << "PNBP realisasi " << w.key << " " << month_name(r->month) << " " << r->year
              << (w.correction ? " corrected" : " recorded") << " (op seq " << w.seq << ")\n";
  });

  auto* import = group->add_subcommand(
      "import", "Record the rows of a CSV file, all or none: header year,akun,value[,month]; a row without month is the "
                "year's target, with month that month's realisasi");
  auto file = std::make_shared<std::string>();
  import->add_option("FILE", *file, "The CSV or XLSX file (its first sheet)")->required();
  import->callback([&cli, file] {
    auto rows = read_pnbp_csv(*file);
    Store s = cli.open();
    size_t ops = import_pnbp(s, rows);
    std::cout << "Imported " << rows.size() << " PNBP rows of " << *file << " as " << ops << " op(s)\n";
  });

  auto* list = group->add_subcommand("list", "The PNBP targets and monthly realisasi of a year per akun");
  auto year = std::make_shared<int>(0);
  auto as_json = std::make_shared<bool>(false);
  list->add_option("--year", *year, "The year")->required()->check(CLI::Range(2000, 2100));
  list->add_flag("--json", *as_json, "Print {year, akun} as JSON (months by number)");
  list->callback([&cli, year, as_json] { cmd_list(cli, *year, *as_json); });

  add_year_report(app, cli, "pnbp", "Capaian PNBP: target, realisasi and capaian per akun, total, and per year", pnbp_tables,
                  none_text);
}

}  // namespace kinerja
