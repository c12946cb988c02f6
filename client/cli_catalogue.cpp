// Catalogue commands: catalogue load, catalogue show, catalogue weights.
#include <iostream>

#include "client/any_case.hpp"
#include "client/catalogue.hpp"
#include "client/cli.hpp"
#include "client/error.hpp"
#include "client/json_limits.hpp"
#include "client/messages.hpp"

namespace kinerja {

// Loads FILE, or the catalogue shipped for YEAR (exactly one of them).
static void cmd_load(const Cli& cli, const std::string& path, int year) {
  if (path.empty() == !year) throw bad_input(msg(Msg::CatalogueFileOrYear));
  std::string y = std::to_string(year);
  std::optional<json> doc = year ? shipped_catalogue(y) : read_json_file(path);
  if (!doc) throw bad_input(msg(Msg::NoShippedCatalogue, {y, shipped_catalogue_years()}));
  Catalogue c = parse_catalogue(*doc);
  Store s = cli.open();
  Batch b(s);
  load_catalogue(b, c);
  b.commit();
  std::string n = std::to_string(c.sasaran.size());
  std::cout << (year ? msg(Msg::CatalogueLoadedShipped, {c.year, n}) : msg(Msg::CatalogueLoadedFile, {c.year, path, n})) << "\n";
}

static void cmd_weights(const Cli& cli, int year, const std::string& code, const std::vector<std::string>& weights) {
  Store s = cli.open();
  Catalogue weighted = with_weights(loaded_catalogue(s.db, year), code, weights);
  Batch b(s);
  load_catalogue(b, weighted);
  b.commit();
  std::cout << msg(Msg::WeightsPublished, {upper_ascii(code), std::to_string(year), std::to_string(last_seq(s.db, s.device))})
            << "\n";
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
  auto* cat = app.add_subcommand("catalogue", msg(Msg::HelpCatalogue));
  cat->require_subcommand(1);
  auto* load = cat->add_subcommand("load", msg(Msg::HelpCatalogueLoad));
  auto file = std::make_shared<std::string>();
  auto load_year = std::make_shared<int>(0);
  load->add_option("FILE", *file, msg(Msg::HelpCatalogueFile));
  load->add_option("--year", *load_year, msg(Msg::HelpCatalogueYear))
      ->check(CLI::Range(2000, 2100));
  load->callback([&cli, file, load_year] { cmd_load(cli, *file, *load_year); });
  auto* show = cat->add_subcommand("show", msg(Msg::HelpCatalogueShow));
  auto year = std::make_shared<int>(0);
  auto as_json = std::make_shared<bool>(false);
  show->add_option("--year", *year, msg(Msg::HelpOnlyYear));
  show->add_flag("--json", *as_json, msg(Msg::HelpCatalogueJson));
  show->callback([&cli, year, as_json] { cmd_show(cli, *year, *as_json); });
  auto* weights = cat->add_subcommand("weights", msg(Msg::HelpCatalogueWeights));
  auto wyear = std::make_shared<int>(0);
  auto code = std::make_shared<std::string>();
  auto parts = std::make_shared<std::vector<std::string>>();
  weights->add_option("--year", *wyear, msg(Msg::HelpCatalogueWeightsYear))->required();
  weights->add_option("--indicator", *code, msg(Msg::HelpCompositeIndicator))->required();
  weights->add_option("WEIGHTS", *parts, msg(Msg::HelpWeights))->required();
  weights->callback([&cli, wyear, code, parts] { cmd_weights(cli, *wyear, *code, *parts); });
}

}  // namespace kinerja
