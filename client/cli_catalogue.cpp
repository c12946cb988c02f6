// Catalogue commands: catalogue load, catalogue show, catalogue weights.
#include <iostream>

#include "client/catalogue.hpp"
#include "client/cli.hpp"
#include "client/error.hpp"
#include "client/json_limits.hpp"

namespace kinerja {

// Loads FILE, or the catalogue shipped for YEAR (exactly one of them).
static void cmd_load(const Cli& cli, const std::string& path, int year) {
  if (path.empty() == !year) throw bad_input("catalogue load: give a FILE or --year for a shipped catalogue, not both");
  std::string y = std::to_string(year), from = path;
  std::optional<json> doc = year ? shipped_catalogue(y) : read_json_file(path);
  if (!doc) throw bad_input("--year: no catalogue is shipped for " + y + " (shipped: " + shipped_catalogue_years() + ")");
  if (year) from = "the shipped schema/catalogue/" + y + ".json";
  Catalogue c = parse_catalogue(*doc);
  Store s = cli.open();
  Batch b(s);
  load_catalogue(b, c);
  b.commit();
  std::cout << "Loaded the " << c.year << " catalogue from " << from << " (" << c.sasaran.size() << " sasaran)\n";
}

static void cmd_weights(const Cli& cli, int year, const std::string& code, const std::vector<std::string>& weights) {
  Store s = cli.open();
  Catalogue weighted = with_weights(loaded_catalogue(s.db, year), code, weights);
  Batch b(s);
  load_catalogue(b, weighted);
  b.commit();
  std::cout << "Published the weights of " << code << " in the " << year << " catalogue (op seq " << last_seq(s.db, s.device)
            << ")\n";
}

static void cmd_show(const Cli& cli, int year, bool as_json) {
  Store s = cli.open();
  json out = json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : stored_catalogues(s.db)) {
    if (year && c.year != std::to_string(year)) continue;
    out.push_back(c.source);
    for (const auto& sk : c.sasaran)
      for (const auto& i : sk.indicators)
        rows.push_back({c.year, sk.code, i.code, i.unit, i.method, i.name});
  }
  if (as_json) return print_json(out);
  print_table({"tahun", "sasaran", "kode", "satuan", "metode", "indikator"}, rows);
}

void add_catalogue_commands(CLI::App& app, Cli& cli) {
  auto* cat = app.add_subcommand("catalogue", "Indicator catalogues: load one from a file, show the loaded ones");
  cat->require_subcommand(1);
  auto* load = cat->add_subcommand("load", "Load a catalogue JSON file, or a shipped year's, into the store (as an op)");
  auto file = std::make_shared<std::string>();
  auto load_year = std::make_shared<int>(0);
  load->add_option("FILE", *file, "Catalogue file, e.g. katalog-2026.json");
  load->add_option("--year", *load_year, "Instead of a file, the catalogue shipped for this year, e.g. 2022")
      ->check(CLI::Range(2000, 2100));
  load->callback([&cli, file, load_year] { cmd_load(cli, *file, *load_year); });
  auto* show = cat->add_subcommand("show", "The loaded catalogues' sasaran and indicators");
  auto year = std::make_shared<int>(0);
  auto as_json = std::make_shared<bool>(false);
  show->add_option("--year", *year, "Only this year");
  show->add_flag("--json", *as_json, "Print the catalogues as JSON");
  show->callback([&cli, year, as_json] { cmd_show(cli, *year, *as_json); });
  auto* weights = cat->add_subcommand("weights", "Publish the component weights of a composite index (they sum to 100)");
  auto wyear = std::make_shared<int>(0);
  auto code = std::make_shared<std::string>();
  auto parts = std::make_shared<std::vector<std::string>>();
  weights->add_option("--year", *wyear, "The catalogue year, e.g. 2025")->required();
  weights->add_option("--indicator", *code, "The composite indicator, e.g. IPHK")->required();
  weights->add_option("WEIGHTS", *parts, "PART=WEIGHT for every component, in percent: PENGAWASAN=20 …")->required();
  weights->callback([&cli, wyear, code, parts] { cmd_weights(cli, *wyear, *code, *parts); });
}

}  // namespace kinerja
