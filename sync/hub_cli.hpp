// What the `kinerja-hub` command groups share: the --db option and opening the hub store.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

#include "sync/hub_store.hpp"

namespace kinerja {

struct HubCli {
  std::string db = "hub.db";  // --db
  Hub open() const { return open_hub(db); }
};

// Admin subcommands (hub_cli_admin.cpp): office, enrol, device, lock, unlock, catalogue, target, offices, show.
void add_hub_admin_commands(CLI::App& app, HubCli& cli);
// bundle import|export (hub_cli_bundle.cpp): sync without a link.
void add_hub_bundle_commands(CLI::App& app, HubCli& cli);

}  // namespace kinerja
