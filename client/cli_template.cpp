// Template command: kinerja template cases|surveys|rb|budget|realisasi --out F.xlsx [--year Y].
#include <iostream>

#include "client/catalogue.hpp"
#include "client/cli.hpp"
#include "client/date.hpp"
#include "client/import_template.hpp"

namespace kinerja {

void add_template_commands(CLI::App& app, Cli& cli) {
  auto* cmd = app.add_subcommand(
      "template", "Write an empty XLSX workbook to fill in and import: the header, one example row (replace it) and "
                  "drop-down lists of the allowed values");
  auto name = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto year = std::make_shared<int>(0);
  cmd->add_option("REGISTER", *name, "cases | surveys | rb | budget | realisasi")->required();
  cmd->add_option("--out", *out, "The XLSX file to write")->required();
  cmd->add_option("--year", *year, "The year of the example row and lists (default: this year)")->check(CLI::Range(2000, 2100));
  cmd->callback([&cli, name, out, year] {
    int y = *year ? *year : date_year(today());
    write_import_template(*name, y, *out, [&cli](int y) { return loaded_catalogue(cli.open().db, y); });
    std::cerr << "Wrote " << *out << "\n";
  });
}

}  // namespace kinerja
