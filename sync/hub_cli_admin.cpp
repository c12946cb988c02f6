// `kinerja-hub` admin subcommands: office add|rename|deactivate|activate, enrol, device
// list|revoke, lock, unlock, catalogue publish, ikpa publish, target set, offices, show.
#include <iostream>
#include <tuple>

#include "sync/hub_admin.hpp"
#include "sync/hub_cli.hpp"

namespace kinerja {

void add_hub_admin_commands(CLI::App& app, HubCli& cli) {
  auto* office = app.add_subcommand("office", "Offices this hub serves");
  office->require_subcommand(1);
  auto* add = office->add_subcommand("add", "Add an office (its name and kanwil reach its devices at enrol and sync)");
  auto o = std::make_shared<std::array<std::string, 3>>();
  add->add_option("--office", (*o)[0], "Six-digit satker code")->required();
  add->add_option("--name", (*o)[1], "Office name")->required();
  add->add_option("--kanwil", (*o)[2], "Kanwil code, e.g. JATENG")->required();
  add->callback([&cli, o] {
    Hub hub = cli.open();
    bool added = add_office(hub, (*o)[0], (*o)[1], (*o)[2]);
    std::cout << "Office " << (*o)[0] << " " << (*o)[1] << " (kanwil " << (*o)[2] << (added ? ") added\n" : ") already was added\n");
  });
  auto* rename = office->add_subcommand("rename", "Rename an office: its devices take the new name at their next sync");
  auto rn = std::make_shared<std::array<std::string, 2>>();
  rename->add_option("--office", (*rn)[0], "Six-digit satker code")->required();
  rename->add_option("--name", (*rn)[1], "The office's new name")->required();
  rename->callback([&cli, rn] {
    Hub hub = cli.open();
    rename_office(hub, (*rn)[0], (*rn)[1]);
    std::cout << "Office " << (*rn)[0] << " renamed " << (*rn)[1] << ": its devices take the name at their next sync\n";
  });
  for (bool active : {false, true}) {
    auto* cmd = office->add_subcommand(active ? "activate" : "deactivate",
                                       active ? "Let a deactivated office's devices sync again"
                                              : "Refuse every device of an office (office_inactive); its data stays");
    auto which = std::make_shared<std::string>();
    cmd->add_option("--office", *which, "Six-digit satker code")->required();
    cmd->callback([&cli, which, active] {
      Hub hub = cli.open();
      bool changed = set_office_active(hub, *which, active);
      std::cout << "Office " << *which << (changed ? " is now " : " already was ")
                << (active ? "active\n" : "inactive: its devices are refused, its data stays\n");
    });
  }

  auto* enrol = app.add_subcommand("enrol", "Print a one-time code that enrols one device of an office");
  auto e = std::make_shared<std::array<std::string, 2>>(std::array<std::string, 2>{"", "72h"});
  enrol->add_option("--office", (*e)[0], "Six-digit satker code")->required();
  enrol->add_option("--expires", (*e)[1], "How long the code is valid, by hub time: 30m, 24h, 3d, ... (default 72h)");
  enrol->callback([&cli, e] {
    int64_t valid_ms = parse_code_validity((*e)[1]);
    Hub hub = cli.open();
    std::cout << create_enrol_code(hub, (*e)[0], valid_ms) << std::endl;
    std::cerr << "One-time code for one device of office " << (*e)[0] << ", valid for " << (*e)[1] << "\n";
  });

  auto* device = app.add_subcommand("device", "Enrolled devices");
  device->require_subcommand(1);
  auto* dlist = device->add_subcommand("list", "Devices: enrolled, last sync, ops held, status");
  auto dl = std::make_shared<std::pair<std::string, bool>>("", false);
  dlist->add_option("--office", dl->first, "Six-digit satker code (default: every office)");
  dlist->add_flag("--json", dl->second, "Print a JSON array");
  dlist->callback([&cli, dl] {
    Hub hub = cli.open();
    json all = devices_summary(hub, dl->first);
    if (dl->second) {
      std::cout << all.dump(2) << "\n";
      return;
    }
    for (const auto& x : all) {
      auto f = [&x](const char* k) { return x[k].get<std::string>(); };
      std::cout << f("device") << "  office " << f("office") << "  enrolled " << f("enrolled") << "  last sync "
                << (f("last_sync").empty() ? "never" : f("last_sync")) << "  ops " << f("ops_held") << "  "
                << f("status");
      if (f("status") == "revoked") std::cout << " at " << f("revoked_at") << (f("reason").empty() ? "" : ": " + f("reason"));
      std::cout << "\n";
    }
  });
  auto* revoke = device->add_subcommand("revoke", "Refuse a device's token from now on (device_revoked); its ops stay");
  auto rv = std::make_shared<std::array<std::string, 2>>();
  revoke->add_option("--device", (*rv)[0], "The device id, e.g. d7ae306055d082ec6 (see `device list`)")->required();
  revoke->add_option("--reason", (*rv)[1], "Why, shown to the device when it syncs (at most 200 bytes)");
  revoke->callback([&cli, rv] {
    Hub hub = cli.open();
    bool changed = revoke_device(hub, (*rv)[0], (*rv)[1]);
    std::cout << "Device " << (*rv)[0] << (changed ? " revoked: its token is refused, its ops stay on the hub\n"
                                                   : " already was revoked (the first revocation and its reason stand)\n");
  });

  for (bool locking : {true, false}) {
    auto* cmd = app.add_subcommand(locking ? "lock" : "unlock",
                                   locking ? "Lock an office's period: later ops on it are rejected (period_locked)"
                                           : "Unlock an office's period");
    auto lo = std::make_shared<std::array<std::string, 2>>();
    cmd->add_option("--office", (*lo)[0], "Six-digit satker code")->required();
    cmd->add_option("--period", (*lo)[1], "YYYY, YYYY-Qn or YYYY-MM")->required();
    cmd->callback([&cli, lo, locking] {
      Hub hub = cli.open();
      set_lock(hub, (*lo)[0], (*lo)[1], locking);
      std::cout << "Period " << (*lo)[1] << " of office " << (*lo)[0] << (locking ? " locked\n" : " unlocked\n");
    });
  }

  auto* cat = app.add_subcommand("catalogue", "Indicator catalogues offices pull");
  cat->require_subcommand(1);
  auto* publish = cat->add_subcommand("publish", "Publish a catalogue JSON file to every office");
  auto file = std::make_shared<std::string>();
  publish->add_option("FILE", *file, "The catalogue JSON file")->required();
  publish->callback([&cli, file] {
    Hub hub = cli.open();
    std::cout << "Published the " << publish_catalogue(hub, *file) << " catalogue\n";
  });

  auto* ikpa = app.add_subcommand("ikpa", "IKPA weights and the NKA formula of a year, which offices pull");
  ikpa->require_subcommand(1);
  auto* ipublish = ikpa->add_subcommand("publish", "Publish an IKPA/NKA reference JSON file (as schema/ikpa/2024.json) to every office");
  auto ifile = std::make_shared<std::string>();
  ipublish->add_option("FILE", *ifile, "The reference JSON file")->required();
  ipublish->callback([&cli, ifile] {
    Hub hub = cli.open();
    std::cout << "Published the " << publish_ikpa_reference(hub, *ifile) << " IKPA/NKA reference\n";
  });

  auto* target = app.add_subcommand("target", "Kanwil-set targets offices pull");
  target->require_subcommand(1);
  auto* tset = target->add_subcommand("set", "Set an office's target for an indicator and period");
  auto t = std::make_shared<std::array<std::string, 4>>();
  tset->add_option("--office", (*t)[0], "Six-digit satker code")->required();
  tset->add_option("--indicator", (*t)[1], "Indicator code")->required();
  tset->add_option("--period", (*t)[2], "YYYY, YYYY-Qn or YYYY-MM")->required();
  tset->add_option("--value", (*t)[3], "The target value")->required();
  tset->callback([&cli, t] {
    Hub hub = cli.open();
    set_target(hub, (*t)[0], (*t)[1], (*t)[2], (*t)[3]);
    std::cout << "Target of " << (*t)[1] << " " << (*t)[2] << " for office " << (*t)[0] << " set to " << (*t)[3] << "\n";
  });

  auto* scale = app.add_subcommand("risk-scale", "Set the likelihood and impact scales offices score risks on");
  auto sc = std::make_shared<std::tuple<std::string, int, int>>("*", 0, 0);
  scale->add_option("--office", std::get<0>(*sc), "Six-digit satker code (default *: every office)");
  scale->add_option("--likelihood", std::get<1>(*sc), "Highest likelihood value, e.g. 5")->required();
  scale->add_option("--impact", std::get<2>(*sc), "Highest impact value, e.g. 5")->required();
  scale->callback([&cli, sc] {
    Hub hub = cli.open();
    set_risk_scale(hub, std::get<0>(*sc), std::get<1>(*sc), std::get<2>(*sc));
    std::cout << "Risk scales for " << std::get<0>(*sc) << ": likelihood 1-" << std::get<1>(*sc) << ", impact 1-"
              << std::get<2>(*sc) << "\n";
  });

  auto* offices = app.add_subcommand("offices", "Every office: devices, ops held, last sync, pending rejections");
  auto offices_json = std::make_shared<bool>(false);
  offices->add_flag("--json", *offices_json, "Print a JSON array");
  offices->callback([&cli, offices_json] {
    Hub hub = cli.open();
    json all = offices_summary(hub);
    if (*offices_json) {
      std::cout << all.dump(2) << "\n";
      return;
    }
    for (const auto& x : all)
      std::cout << x["office"].get<std::string>() << "  " << x["name"].get<std::string>() << "  "
                << x["status"].get<std::string>() << "  devices "
                << x["devices"].get<std::string>() << "  ops " << x["ops_held"].get<std::string>() << "  last sync "
                << (x["last_sync"].get<std::string>().empty() ? "never" : x["last_sync"].get<std::string>())
                << "  rejections " << x["pending_rejections"].get<std::string>() << "\n";
  });

  auto* show = app.add_subcommand("show", "An office's current values as its synced devices see them (JSON)");
  auto show_office = std::make_shared<std::string>();
  show->add_option("--office", *show_office, "Six-digit satker code")->required();
  auto show_json = std::make_shared<bool>(true);
  show->add_flag("--json", *show_json, "JSON, as `kinerja show --json` prints it (the only format)");
  show->callback([&cli, show_office, show_json] {
    Hub hub = cli.open();
    std::cout << office_view(hub, *show_office).dump(2) << "\n";
  });
}

}  // namespace kinerja
