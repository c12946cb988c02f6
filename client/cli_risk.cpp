// Risk register and innovation commands: risk add/edit/archive/list, innovation
// add/edit/archive/list, report risks, report innovations.
#include <iostream>

#include "client/cli.hpp"
#include "client/innovation_register.hpp"
#include "client/risk_register.hpp"

namespace kinerja {

static json risk_json(const Risk& r) {
  return {{"id", r.id},         {"year", std::to_string(r.year)}, {"sasaran", r.sasaran},     {"indicator", r.indicator},
          {"risiko", r.risiko}, {"perlakuan", r.perlakuan},       {"pj", r.pj},               {"keberhasilan", r.keberhasilan},
          {"likelihood", r.likelihood.empty() ? json(nullptr) : json(r.likelihood)},
          {"impact", r.impact.empty() ? json(nullptr) : json(r.impact)}, {"voided", r.archived.has_value()},
          {"void_reason", r.archived ? json(r.archived->reason) : json(nullptr)}};
}

static json innovation_json(const Innovation& v) {
  return {{"id", v.id},         {"year", std::to_string(v.year)}, {"name", v.name},     {"kepanjangan", v.kepanjangan},
          {"kategori", v.kategori}, {"deskripsi", v.deskripsi},   {"tujuan", v.tujuan}, {"output", v.output},
          {"cadence", v.cadence},   {"status", v.status},         {"indicators", v.indicators},
          {"risks", v.risks},       {"related", v.related}, {"voided", v.archived.has_value()},
          {"void_reason", v.archived ? json(v.archived->reason) : json(nullptr)}};
}

static void risk_options(CLI::App* cmd, RiskInput& in, bool add) {
  auto* year = cmd->add_option("--year", in.year, "The year (its catalogue names the sasaran)");
  auto* sasaran = cmd->add_option("--sasaran", in.sasaran, "Sasaran code, e.g. SK3");
  cmd->add_option("--indicator", in.indicator, "Indicator code of that sasaran, e.g. RB");
  auto* risiko = cmd->add_option("--risiko", in.risiko, "Indikasi risiko: the risk");
  auto* perlakuan = cmd->add_option("--perlakuan", in.perlakuan, "Indikasi perlakuan risiko: the treatment");
  auto* pj = cmd->add_option("--pj", in.pj, "Penanggung jawab, repeatable (edit: replaces the list)");
  auto* keberhasilan = cmd->add_option("--keberhasilan", in.keberhasilan, "Indikator keberhasilan: the success measure");
  cmd->add_option("--likelihood", in.likelihood, "Likelihood on the kanwil's scale (with --impact)");
  cmd->add_option("--impact", in.impact, "Impact on the kanwil's scale (with --likelihood)");
  if (add)
    for (auto* o : {year, sasaran, risiko, perlakuan, pj, keberhasilan}) o->required();
}

static void innovation_options(CLI::App* cmd, InnovationInput& in, bool add) {
  cmd->add_option("--year", in.year, "First year it runs (default this year)");
  std::vector<CLI::Option*> required{
      cmd->add_option("--name", in.name, "Name or acronym, e.g. LOKTUAN"),
      cmd->add_option("--kepanjangan", in.kepanjangan, "What the acronym stands for"),
      cmd->add_option("--kategori", in.kategori, "layanan | penegakan-hukum | dukungan-manajemen"),
      cmd->add_option("--deskripsi", in.deskripsi, "Description"),
      cmd->add_option("--tujuan", in.tujuan, "Goals"),
      cmd->add_option("--output", in.output, "Outputs"),
      cmd->add_option("--cadence", in.cadence, "How often it runs, e.g. setiap Sabtu"),
      cmd->add_option("--status", in.status, "Status, e.g. berjalan")};
  cmd->add_option("--indicator", in.indicators, "Indicator it serves, repeatable (edit: replaces the list)");
  cmd->add_option("--risk", in.risks, "Risk ID it treats, repeatable (edit: replaces the list)");
  cmd->add_option("--related", in.related, "Related innovation ID, repeatable (edit: replaces the list)");
  if (add)
    for (auto* o : required) o->required();
}

// `GROUP archive ID --reason R`: a void of the entry of TYPE (a risk or an innovation), which
// messages call WHAT ("risiko") and the output TITLE ("Risiko").
static void add_archive(CLI::App* group, Cli& cli, const std::string& type, const std::string& what, const std::string& title) {
  add_void_command(group, cli, "archive",
                   "Archive a " + type + " no longer tracked: kept and listed with the reason, left out of the reports",
                   title, "diarsipkan", [type, what](Store& s, const std::string& id, const std::string& reason) {
                     void_entry_by_id(s, type, id, reason, what);
                   });
}

// `report NAME --year Y --format table|md|csv|json` printing TABLES(db, year).
static void add_report(CLI::App& app, Cli& cli, const char* name, const char* what,
                       std::vector<ReportTable> (*tables)(const Db&, int)) {
  auto* report = app.get_subcommand("report")->add_subcommand(name, what);
  auto year = std::make_shared<int>(0);
  auto format = std::make_shared<std::string>("table");
  report->add_option("--year", *year, "The year")->required()->check(CLI::Range(2000, 2100));
  report->add_option("--format", *format, "table, md, csv or json (default table)")
      ->transform(CLI::IsMember({"table", "md", "csv", "json"}, CLI::ignore_case));
  report->callback([&cli, year, format, tables, name] {
    Store s = cli.open();
    auto t = tables(s.db, *year);
    if (t.empty() && *format != "json") std::cerr << "Nothing in the " << name << " register for " << *year << ".\n";
    print_tables(t, *format);
  });
}

void add_risk_commands(CLI::App& app, Cli& cli) {
  auto* risk = app.add_subcommand("risk", "The risk register (register risiko) per sasaran and indicator");
  risk->require_subcommand(1);
  auto* add = risk->add_subcommand("add", "Add a risk; prints its ID");
  auto a = std::make_shared<RiskInput>();
  risk_options(add, *a, true);
  add->callback([&cli, a] {
    Store s = cli.open();
    std::cout << add_risk(s, *a) << "\n";
  });
  auto* edit = risk->add_subcommand("edit", "Change a risk (a new op; the given fields replace the old ones)");
  auto e = std::make_shared<RiskInput>();
  auto eid = std::make_shared<std::string>();
  edit->add_option("ID", *eid, "The risk's ID")->required();
  risk_options(edit, *e, false);
  edit->callback([&cli, e, eid] {
    Store s = cli.open();
    edit_risk(s, *eid, *e);
    std::cout << "Risk " << *eid << " changed\n";
  });
  add_archive(risk, cli, "risk", "risiko", "Risiko");
  auto* list = risk->add_subcommand("list", "The risks");
  auto ryear = std::make_shared<int>(0);
  auto rjson = std::make_shared<bool>(false);
  list->add_option("--year", *ryear, "Only this year's risks");
  list->add_flag("--json", *rjson, "Print {risks} as JSON");
  list->callback([&cli, ryear, rjson] {
    Store s = cli.open();
    auto risks = list_risks(s.db, *ryear, true);
    if (*rjson) {
      json out = json::array();
      for (const auto& r : risks) out.push_back(risk_json(r));
      return print_json({{"risks", out}});
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : risks) {
      std::string pj;
      for (const auto& p : r.pj) pj += (pj.empty() ? "" : "; ") + p;
      rows.push_back({r.id, std::to_string(r.year), r.sasaran, r.indicator,
                      (r.archived ? void_mark("risk", *r.archived) + " " : "") + r.risiko, pj,
                      r.likelihood.empty() ? "-" : r.likelihood + "×" + r.impact});
    }
    print_table({"ID", "tahun", "sasaran", "indikator", "risiko", "penanggung jawab", "skor"}, rows);
  });

  auto* inn = app.add_subcommand("innovation", "The office's innovations (inovasi) and what they serve");
  inn->require_subcommand(1);
  auto* iadd = inn->add_subcommand("add", "Add an innovation; prints its ID");
  auto ia = std::make_shared<InnovationInput>();
  innovation_options(iadd, *ia, true);
  iadd->callback([&cli, ia] {
    Store s = cli.open();
    std::cout << add_innovation(s, *ia) << "\n";
  });
  auto* iedit = inn->add_subcommand("edit", "Change an innovation (a new op; the given fields replace the old ones)");
  auto ie = std::make_shared<InnovationInput>();
  auto iid = std::make_shared<std::string>();
  iedit->add_option("ID", *iid, "The innovation's ID")->required();
  innovation_options(iedit, *ie, false);
  iedit->callback([&cli, ie, iid] {
    Store s = cli.open();
    edit_innovation(s, *iid, *ie);
    std::cout << "Innovation " << *iid << " changed\n";
  });
  add_archive(inn, cli, "innovation", "inovasi", "Inovasi");
  auto* ilist = inn->add_subcommand("list", "The innovations");
  auto iyear = std::make_shared<int>(0);
  auto ijson = std::make_shared<bool>(false);
  ilist->add_option("--year", *iyear, "Only those running in this year");
  ilist->add_flag("--json", *ijson, "Print {innovations} as JSON");
  ilist->callback([&cli, iyear, ijson] {
    Store s = cli.open();
    auto all = list_innovations(s.db, *iyear, true);
    if (*ijson) {
      json out = json::array();
      for (const auto& v : all) out.push_back(innovation_json(v));
      return print_json({{"innovations", out}});
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : all)
      rows.push_back({v.id, v.name, v.kepanjangan, v.kategori,
                      v.archived ? void_mark("innovation", *v.archived) : v.status, std::to_string(v.year)});
    print_table({"ID", "nama", "kepanjangan", "kategori", "status", "sejak"}, rows);
  });

  add_report(app, cli, "risks", "The risk register of a year", risk_tables);
  add_report(app, cli, "innovations", "The innovations running in a year", innovation_tables);
}

}  // namespace kinerja
