// PK (Perjanjian Kinerja) commands: pk version (sign or revise the year's agreement), pk list
// (its versions), and report pk-document (the agreement itself as HTML or PDF).
#include <iostream>

#include "client/cli.hpp"
#include "client/error.hpp"
#include "client/pdf.hpp"
#include "client/pk_document.hpp"
#include "client/pk_version.hpp"

namespace kinerja {

static void cmd_list(const Cli& cli, int year, bool as_json) {
  Store s = cli.open();
  auto versions = pk_versions(s.db, year);
  json out = json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& v : versions) {
    json j{{"version", std::to_string(v.version)}, {"date", v.date}, {"pagu", v.pagu.fixed(0)}, {"reason", v.reason},
           {"place", v.place}};
    for (const auto& [name, signer] : {std::pair{"office_signer", v.office_signer}, std::pair{"kanwil_signer", v.kanwil_signer}})
      j[name] = signer ? json{{"name", signer->name}, {"nip", signer->nip}} : json(nullptr);
    out.push_back(j);
    rows.push_back({std::to_string(v.version), v.date, people_text(rupiah_cell(v.pagu)),
                    v.office_signer ? v.office_signer->name : "-", v.kanwil_signer ? v.kanwil_signer->name : "-",
                    v.reason.empty() ? "penetapan awal" : v.reason});
  }
  if (as_json) return print_json({{"year", std::to_string(year)}, {"versions", out}});
  if (rows.empty()) {
    std::cerr << "No PK version for " << year << " yet (kinerja pk version --year " << year << " …).\n";
    return;
  }
  print_table({"Versi", "Tanggal", "Anggaran", "Pihak pertama", "Pihak kedua", "Keterangan"}, rows);
}

static void cmd_document(const Cli& cli, int year, const std::string& format, const std::string& out) {
  if (format == "pdf" && out.empty()) throw bad_input("--out: a PDF needs a file, e.g. --out pk-2024.pdf");
  Store s = cli.open();
  std::string html = pk_document_html(s, year);
  if (format != "pdf") return emit_report(html, out);
  write_pdf(html, out);
  std::cerr << "Wrote " << out << "\n";
}

void add_pk_commands(CLI::App& app, Cli& cli) {
  auto* group = app.add_subcommand("pk", "The Perjanjian Kinerja (performance agreement) of a year: its signed versions");
  group->require_subcommand(1);

  auto* version = group->add_subcommand(
      "version", "Record the signed PK of a year (version 1) or a revision (version 2, 3, …, with --reason)");
  auto v = std::make_shared<PkVersionInput>();
  version->add_option("--year", v->year, "The PK year, e.g. 2024")->required();
  version->add_option("--pagu", v->pagu, "The PK budget, whole rupiah: 9.092.592.000")->required();
  version->add_option("--date", v->date, "The date it was signed, YYYY-MM-DD")->required();
  version->add_option("--reason", v->reason, "Why it was revised (required from version 2)");
  version->add_option("--place", v->place, "Where it was signed, e.g. Semarang (default: as the previous version)");
  version->add_option("--signer-office", v->office_signer, "Pihak pertama: NAME NIP (default: as the previous version)")
      ->expected(2);
  version->add_option("--signer-kanwil", v->kanwil_signer, "Pihak kedua: NAME NIP (default: as the previous version)")
      ->expected(2);
  version->callback([&cli, v] {
    Store s = cli.open();
    PkVersion w = add_pk_version(s, *v);
    std::cout << "PK " << w.year << " version " << w.version << " recorded (op seq " << w.op.seq << ")\n";
  });

  auto* list = group->add_subcommand("list", "The versions of a year's PK, oldest first");
  auto year = std::make_shared<int>(0);
  auto as_json = std::make_shared<bool>(false);
  list->add_option("--year", *year, "The year")->required()->check(CLI::Range(2000, 2100));
  list->add_flag("--json", *as_json, "Print {year, versions} as JSON");
  list->callback([&cli, year, as_json] { cmd_list(cli, *year, *as_json); });

  auto* document = app.get_subcommand("report")->add_subcommand(
      "pk-document", "The PK of a year as the signed document: both parties, targets, budget, signatures");
  auto dyear = std::make_shared<int>(0);
  auto format = std::make_shared<std::string>("html");
  auto out = std::make_shared<std::string>();
  document->add_option("--year", *dyear, "The PK year")->required()->check(CLI::Range(2000, 2100));
  document->add_option("--format", *format, "html or pdf (default html)")->transform(CLI::IsMember({"html", "pdf"}, CLI::ignore_case));
  document->add_option("--out", *out, "Write to this file (required for pdf)");
  document->callback([&cli, dyear, format, out] { cmd_document(cli, *dyear, *format, *out); });
}

}  // namespace kinerja
