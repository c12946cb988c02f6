// Budget register commands: budget line, budget spend, budget import, budget list, budget
// map (an RO to a sasaran of the PK), and report budget (absorption per activity, jenis
// belanja, sumber dana, month; with --by sasaran per sasaran and indicator of the PK).
#include <iostream>

#include "client/budget_map.hpp"
#include "client/budget_register.hpp"
#include "client/cli.hpp"
#include "client/period.hpp"

namespace kinerja {

static void print_warnings(const BudgetWrite& w) {
  for (const auto& warning : w.warnings) warn(warning);
}

static void cmd_list(const Cli& cli, int year, bool as_json) {
  Store s = cli.open();
  auto lines = budget_lines(s.db, year);
  if (as_json) {
    json out = json::array();
    for (const auto& l : lines) {
      json months = json::object();
      for (int m = 1; m <= 12; ++m)
        if (l.months[m - 1]) months[std::to_string(m)] = l.months[m - 1]->fixed(0);
      json j{{"year", std::to_string(l.year)}, {"activity", l.activity}, {"name", l.name},
             {"jenis", l.jenis},               {"sumber", l.sumber},     {"pagu", l.pagu.fixed(0)},
             {"version", std::to_string(l.version)}, {"realisasi", l.realisasi.fixed(0)}, {"months", months}};
      if (l.volume) j["volume"] = std::to_string(*l.volume);
      if (!l.satuan.empty()) j["satuan"] = l.satuan;
      if (!l.reason.empty()) j["reason"] = l.reason;
      out.push_back(j);
    }
    json voided = json::array();
    for (const auto& v : voided_budget(s.db, year))
      voided.push_back({{"type", v.type}, {"key", v.key}, {"what", v.what}, {"voided", true}, {"void_reason", v.v.reason}});
    return print_json({{"year", std::to_string(year)}, {"lines", out}, {"voided", voided}});
  }
  if (lines.empty()) {
    std::cout << "No budget lines for " << year << " (add them with `kinerja budget line`).\n";
    return;
  }
  for (const auto& t : budget_tables(s.db, year))
    if (t.id == "budget.line") print_tables({t}, "table");
}

void add_budget_commands(CLI::App& app, Cli& cli) {
  auto* group = app.add_subcommand("budget", "The budget register (anggaran, DIPA): lines, monthly realisasi");
  group->require_subcommand(1);

  auto* line = group->add_subcommand(
      "line", "Add a budget line, keyed by year, activity, jenis and sumber; again for the same key: a revision");
  auto l = std::make_shared<BudgetLineInput>();
  line->add_option("--year", l->year, "The budget year, e.g. 2024")->required();
  line->add_option("--activity", l->activity, "Activity code kegiatan.KRO.RO, e.g. 5254.8AA.001")->required();
  line->add_option("--name", l->name, "What the activity is, e.g. Layanan Penerbitan Dokumen Perjalanan RI")->required();
  line->add_option("--jenis", l->jenis, "Jenis belanja: 51 pegawai, 52 barang, 53 modal")->required();
  line->add_option("--sumber", l->sumber, "Sumber dana: RM (rupiah murni) or PNBP")->required();
  line->add_option("--pagu", l->pagu, "Pagu (allocation), whole rupiah: 5745906000 or 5.745.906.000")->required();
  line->add_option("--volume", l->volume, "Output volume, a whole number, e.g. 75351");
  line->add_option("--satuan", l->satuan, "Unit of the volume, e.g. dokumen");
  line->add_option("--reason", l->reason, "Why the line is revised (required from the second version on)");
  line->callback([&cli, l] {
    Store s = cli.open();
    BudgetWrite w = set_budget_line(s, *l);
    print_warnings(w);
    std::cout << "Budget line " << w.key << " version " << w.version << " recorded (op seq " << w.seq << ")\n";
  });

  auto* spend = group->add_subcommand("spend", "Record a month's realisasi of a budget line (again: a correction)");
  auto p = std::make_shared<BudgetSpendInput>();
  spend->add_option("--year", p->year, "The budget year")->required();
  spend->add_option("--activity", p->activity, "Activity code, e.g. 5254.8AA.001")->required();
  spend->add_option("--jenis", p->jenis, "Jenis belanja of the line, when the activity has several");
  spend->add_option("--sumber", p->sumber, "Sumber dana of the line, when the activity has several");
  spend->add_option("--month", p->month, "The month, 1-12")->required();
  spend->add_option("--amount", p->amount, "Realisasi of that month, whole rupiah")->required();
  spend->callback([&cli, p] {
    Store s = cli.open();
    BudgetWrite w = record_budget_spend(s, *p);
    print_warnings(w);
    std::cout << "Realisasi " << w.key << " " << month_name(p->month) << " " << p->year
              << (w.correction ? " corrected" : " recorded") << " (op seq " << w.seq << ")\n";
  });

  auto* import = group->add_subcommand(
      "import",
      "Record the rows of a CSV file, all or none: header year,activity,jenis,sumber plus name,pagu[,volume,satuan,reason] "
      "for a line or month,amount for a month's realisasi");
  auto file = std::make_shared<std::string>();
  import->add_option("FILE", *file, "The CSV or XLSX file (its first sheet)")->required();
  import->callback([&cli, file] {
    auto rows = read_budget_csv(*file);
    Store s = cli.open();
    size_t ops = import_budget(s, rows);
    std::cout << "Imported " << rows.size() << " budget rows of " << *file << " as " << ops << " op(s)\n";
  });

  auto* cancel = group->add_subcommand(
      "void", "Void a budget line (without --month) or a month's realisasi entered by mistake: kept, named in the "
              "notes with the reason, left out of every sum");
  auto v = std::make_shared<BudgetSpendInput>();
  auto reason = std::make_shared<std::string>();
  cancel->add_option("--year", v->year, "The budget year")->required();
  cancel->add_option("--activity", v->activity, "Activity code, e.g. 5254.8AA.001")->required();
  cancel->add_option("--jenis", v->jenis, "Jenis belanja of the line, when the activity has several");
  cancel->add_option("--sumber", v->sumber, "Sumber dana of the line, when the activity has several");
  cancel->add_option("--month", v->month, "The month, 1-12: void that month's realisasi, not the line");
  cancel->add_option("--reason", *reason, "Why it is voided, e.g. salah kode kegiatan")->required();
  cancel->callback([&cli, v, reason] {
    Store s = cli.open();
    void_budget(s, *v, *reason);
    std::cout << (v->month ? "Realisasi " + month_name(v->month) + " " : std::string("Baris anggaran ")) << v->activity << " "
              << v->year << " dibatalkan: " << *reason << "\n";
  });

  auto* list = group->add_subcommand("list", "The budget lines of a year with their realisasi");
  auto year = std::make_shared<int>(0);
  auto as_json = std::make_shared<bool>(false);
  list->add_option("--year", *year, "The budget year")->required()->check(CLI::Range(2000, 2100));
  list->add_flag("--json", *as_json, "Print {year, lines} as JSON (months by number)");
  list->callback([&cli, year, as_json] { cmd_list(cli, *year, *as_json); });

  auto* map = group->add_subcommand(
      "map", "Map an RO (a budget line's activity code) to a sasaran of the year's PK, optionally one of its indicators; "
             "again for the same RO: replaces the mapping");
  auto m = std::make_shared<BudgetMapInput>();
  map->add_option("--year", m->year, "The budget year, e.g. 2024")->required();
  map->add_option("--activity", m->activity, "The RO, an activity code with a budget line that year, e.g. 5254.8HB.U01")
      ->required();
  map->add_option("--sasaran", m->sasaran, "A sasaran of the year's catalogue, e.g. SK1")->required();
  map->add_option("--indicator", m->indicator, "An indicator of that sasaran, e.g. PROYUSTISIA");
  map->callback([&cli, m] {
    Store s = cli.open();
    BudgetMapWrite w = set_budget_map(s, *m);
    std::cout << "RO " << w.key << " mapped to " << w.mapping << (w.replaced.empty() ? "" : " (was " + w.replaced + ")")
              << " (op seq " << w.seq << ")\n";
  });

  auto by = std::make_shared<std::string>();
  add_year_report(
      app, cli, "budget",
      "Penyerapan anggaran: per activity, jenis belanja, sumber dana, total and the monthly cumulative series; "
      "with --by sasaran per sasaran and indicator of the PK",
      [by](const Db& db, int year) { return by->empty() ? budget_tables(db, year) : budget_sasaran_tables(db, year); },
      [by](int year) {
        std::string y = std::to_string(year);
        return by->empty() ? "No budget lines for " + y + " (add them with `kinerja budget line`).\n"
                           : "No RO of " + y + " is mapped to a sasaran (map them with `kinerja budget map`).\n";
      })
      ->add_option("--by", *by, "sasaran: pagu, realisasi and penyerapan per sasaran and indicator of the PK (Tabel 16), "
                                 "with the ROs mapped to each (kinerja budget map)")
      ->transform(CLI::IsMember({"sasaran"}, CLI::ignore_case));
}

}  // namespace kinerja
