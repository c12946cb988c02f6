// Case register commands: case open, case update, case import, case void, case list.
#include <iostream>
#include <set>

#include "client/case_register.hpp"
#include "client/cli.hpp"
#include "client/date.hpp"

namespace kinerja {

static const char* kind_label(const std::string& kind) { return kind == "tak" ? "TAK" : "Pro Yustisia"; }

static void cmd_list(const Cli& cli, int year, bool as_json) {
  Store s = cli.open();
  auto cases = list_cases(s.db, year, true);
  std::set<int> years;
  for (const auto& c : cases) years.insert(date_year(c.date));
  json counts = json::array();
  std::vector<std::string> summary;
  for (int y : years)
    for (const char* kind : {"proyustisia", "tak"}) {
      CaseCounts n = case_counts(s.db, kind, y);
      if (!n.denominator) continue;
      counts.push_back({{"year", std::to_string(y)}, {"kind", kind}, {"numerator", std::to_string(n.numerator)},
                        {"denominator", std::to_string(n.denominator)}});
      summary.push_back(std::string(kind_label(kind)) + " " + std::to_string(y) + ": " + std::to_string(n.numerator) +
                        (std::string(kind) == "tak" ? " selesai" : " ditindaklanjuti") + " dari " +
                        std::to_string(n.denominator) + " ditangani");
    }
  if (as_json) {
    json out = json::array();
    for (const auto& c : cases) {
      json events = json::array();
      for (const auto& e : c.events)
        events.push_back({{"date", e.date}, {"status", e.status}, {"note", e.note}, {"hlc", e.hlc}, {"device", e.device}});
      out.push_back({{"kind", c.kind}, {"ref", c.ref}, {"date", c.date}, {"subject", c.subject}, {"location", c.location},
                     {"status", c.status}, {"status_date", c.status_date}, {"events", events},
                     {"voided", c.voided.has_value()}, {"void_reason", c.voided ? json(c.voided->reason) : json(nullptr)}});
    }
    return print_json({{"cases", out}, {"counts", counts}});
  }
  if (cases.empty()) {
    std::cout << "No cases in the register" << (year ? " for " + std::to_string(year) : "") << ".\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : cases)
    rows.push_back({c.ref, kind_label(c.kind), c.date, (c.voided ? void_mark("case", *c.voided) + " " : "") + c.status,
                    c.status_date, c.subject, c.location});
  print_table({"nomor", "jenis", "tanggal", "status", "per tanggal", "perihal", "lokasi"}, rows);
  std::cout << "\n";
  for (const auto& line : summary) std::cout << line << "\n";
}

void add_case_commands(CLI::App& app, Cli& cli) {
  auto* group = app.add_subcommand("case", "The field case register (pro yustisia and TAK cases)");
  group->require_subcommand(1);

  auto* open = group->add_subcommand("open", "Open a case (it counts as handled, ditangani, from its date)");
  auto o = std::make_shared<CaseOpen>();
  open->add_option("--kind", o->kind, "proyustisia | tak (tindakan administratif keimigrasian)")->required();
  open->add_option("--ref", o->ref, "The case number, unique in the register")->required();
  open->add_option("--date", o->date, "Date opened, YYYY-MM-DD")->required();
  open->add_option("--subject", o->subject, "Who or what the case is about");
  open->add_option("--location", o->location, "Where it was found");
  open->callback([&cli, o] {
    Store s = cli.open();
    open_case(s, *o);
    std::cout << "Opened " << kind_label(o->kind) << " case " << o->ref << " (" << o->date << ")\n";
  });

  auto* update = group->add_subcommand("update", "Record a new status of a case");
  auto u = std::make_shared<CaseUpdate>();
  update->add_option("REF", u->ref, "The case number")->required();
  update->add_option("--status", u->status, "ditangani | ditindaklanjuti | selesai | dihentikan")->required();
  update->add_option("--date", u->date, "Date of the status, YYYY-MM-DD (default today)");
  update->add_option("--note", u->note, "Free text kept with the status");
  update->callback([&cli, u] {
    Store s = cli.open();
    update_case(s, *u);
    std::cout << "Case " << u->ref << " is " << u->status << "\n";
  });

  auto* import = group->add_subcommand(
      "import",
      "Open the new cases of a CSV file (header kind,ref,date[,subject,location,status,status_date,note]) and add the "
      "new statuses of the others; rows the register already says change nothing; all or none");
  auto file = std::make_shared<std::string>();
  import->add_option("FILE", *file, "The CSV or XLSX file (its first sheet)")->required();
  import->callback([&cli, file] {
    auto rows = read_cases_csv(*file);
    Store s = cli.open();
    CaseImport r = import_cases(s, rows);
    std::cout << *file << ": " << r.opened << " kasus baru, " << r.updated << " status diperbarui, " << r.unchanged
              << " tidak berubah";
    if (r.voided) std::cout << ", " << r.voided << " kasus dibatalkan dilewati";
    std::cout << " (" << r.ops << " op)\n";
  });

  add_void_command(group, cli, "void", "Void a case opened by mistake: kept and listed with the reason, counted nowhere",
                   "Kasus", "dibatalkan", void_case);

  auto* list = group->add_subcommand("list", "The cases, their status, and the year's PROYUSTISIA and TAK counts");
  auto year = std::make_shared<int>(0);
  auto as_json = std::make_shared<bool>(false);
  list->add_option("--year", *year, "Only cases opened in this year")->check(CLI::Range(2000, 2100));
  list->add_flag("--json", *as_json, "Print {cases, counts} as JSON");
  list->callback([&cli, year, as_json] { cmd_list(cli, *year, *as_json); });
}

}  // namespace kinerja
