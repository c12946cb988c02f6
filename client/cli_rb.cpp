// RB action plan commands: rb add, rb done, rb import, rb cancel, rb list, and report rb.
#include <iostream>

#include "client/cli.hpp"
#include "client/rb_register.hpp"

namespace kinerja {

static void cmd_list(const Cli& cli, int year, bool as_json) {
  Store s = cli.open();
  auto items = list_rb(s.db, year, true);
  auto quarters = rb_quarters(s.db, year);
  if (as_json) {
    json out = json::array();
    for (const auto& it : items) {
      json e = it.evidence.url.empty() ? json{{"sha256", it.evidence.sha256}, {"name", it.evidence.name}, {"size", std::to_string(it.evidence.size)}}
                                       : json{{"url", it.evidence.url}};
      out.push_back({{"id", it.id}, {"year", std::to_string(it.year)}, {"area", it.area}, {"action", it.action},
                     {"due", it.due}, {"owner", it.owner}, {"program", it.program}, {"output", it.output}, {"target", it.target},
                     {"done", it.done_date.empty() ? json(nullptr) : json(it.done_date)},
                     {"evidence", it.done_date.empty() ? json(nullptr) : e}, {"voided", it.voided.has_value()},
                     {"void_reason", it.voided ? json(it.voided->reason) : json(nullptr)}});
    }
    json q = json::array();
    for (const auto& r : quarters)
      q.push_back({{"quarter", std::to_string(r.quarter)}, {"end", r.end}, {"planned", std::to_string(r.planned)},
                   {"done", std::to_string(r.done)}});
    return print_json({{"year", std::to_string(year)}, {"items", out}, {"quarters", q}});
  }
  if (items.empty()) {
    std::cout << "No action items in the RB plan for " << year << ".\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& it : items)
    rows.push_back({it.id, it.due, it.area, it.action, it.owner,
                    it.voided ? void_mark("rb", *it.voided) : it.done_date.empty() ? "-" : it.done_date,
                    !it.evidence.url.empty() ? it.evidence.url : it.evidence.name});
  print_table({"ID", "batas", "area", "rencana aksi", "PJ", "terlaksana", "data dukung"}, rows);
  const RbQuarter& b12 = quarters.back();
  std::cout << "\nRencana aksi RB " << year << ": " << b12.done << " terlaksana dari " << b12.planned << " direncanakan\n";
}

void add_rb_commands(CLI::App& app, Cli& cli) {
  auto* group = app.add_subcommand("rb", "The reform action plan (rencana aksi Reformasi Birokrasi) and its evidence");
  group->require_subcommand(1);

  auto* add = group->add_subcommand("add", "Add an action item to a year's plan; prints its ID");
  auto a = std::make_shared<RbItemInput>();
  add->add_option("--year", a->year, "The plan's year")->required();
  add->add_option("--area", a->area, "Area of change (area perubahan), e.g. Manajemen Perubahan")->required();
  add->add_option("--action", a->action, "The action item (rencana aksi)")->required();
  add->add_option("--due", a->due, "The quarter it is due, YYYY-Qn")->required();
  add->add_option("--owner", a->owner, "NIP of the official responsible");
  add->add_option("--program", a->program, "The RKT programme it belongs to");
  add->add_option("--output", a->output, "Its output, e.g. Laporan monitoring");
  add->add_option("--target", a->target, "Its target, e.g. 4 laporan");
  add->callback([&cli, a] {
    Store s = cli.open();
    std::cout << add_rb_item(s, *a) << "\n";
  });

  auto* done = group->add_subcommand("done", "Record an action item done, with its evidence (data dukung)");
  auto d = std::make_shared<RbDoneInput>();
  done->add_option("ID", d->id, "The item's ID (from `rb add` or `rb list`)")->required();
  done->add_option("--evidence", d->evidence, "A file (kept by its SHA-256 beside the store) or an http(s) URL")->required();
  done->add_option("--date", d->date, "Date done, YYYY-MM-DD (default today)");
  done->callback([&cli, d] {
    Store s = cli.open();
    mark_rb_done(s, *d);
    std::cout << "Action item " << d->id << " done\n";
  });

  auto* import = group->add_subcommand(
      "import",
      "Add the new action items of a CSV file (header year,area,action,due[,id,owner,program,output,target,done,evidence]) "
      "and the changes of the others (an item is its id, else its year, area and action); all or none");
  auto file = std::make_shared<std::string>();
  import->add_option("FILE", *file, "The CSV or XLSX file (its first sheet); relative evidence paths are read beside it")->required();
  import->callback([&cli, file] {
    auto rows = read_rb_csv(*file);
    Store s = cli.open();
    RbImport r = import_rb(s, rows);
    std::cout << *file << ": " << r.ids.size() << " rencana aksi baru";
    if (!r.ids.empty()) std::cout << " (" << r.ids.front() << " … " << r.ids.back() << ")";
    std::cout << ", " << r.updated << " diperbarui, " << r.unchanged << " tidak berubah";
    if (r.voided) std::cout << ", " << r.voided << " dibatalkan dilewati";
    std::cout << "\n";
  });

  add_void_command(group, cli, "cancel", "Cancel an action item added by mistake: kept and listed with the reason, counted nowhere",
                   "Rencana aksi", "dibatalkan", [](Store& s, const std::string& id, const std::string& reason) {
                     void_entry_by_id(s, "rb", id, reason, "rencana aksi");
                   });

  auto* list = group->add_subcommand("list", "A year's plan: items, status, evidence, and the year's count");
  auto year = std::make_shared<int>(0);
  auto as_json = std::make_shared<bool>(false);
  list->add_option("--year", *year, "The plan's year")->required()->check(CLI::Range(2000, 2100));
  list->add_flag("--json", *as_json, "Print {year, items, quarters} as JSON");
  list->callback([&cli, year, as_json] { cmd_list(cli, *year, *as_json); });

  auto* report = app.get_subcommand("report")->add_subcommand("rb", "The RB plan per quarter (B03/B06/B09/B12) and its items");
  auto ryear = std::make_shared<int>(0);
  auto format = std::make_shared<std::string>("table");
  report->add_option("--year", *ryear, "The plan's year")->required()->check(CLI::Range(2000, 2100));
  report->add_option("--format", *format, "table, md, csv or json (default table)")
      ->transform(CLI::IsMember({"table", "md", "csv", "json"}, CLI::ignore_case));
  report->callback([&cli, ryear, format] {
    Store s = cli.open();
    auto t = rb_tables(s.db, *ryear);
    if (t.empty() && *format != "json") std::cerr << "No action items in the RB plan for " << *ryear << ".\n";
    print_tables(t, *format);
  });
}

}  // namespace kinerja
