// `kinerja-hub` admin subcommands: office add, enrol, lock, unlock, catalogue publish,
// target set, offices, show.
#include <iostream>
#include <tuple>

#include "sync/hub_admin.hpp"
#include "sync/hub_cli.hpp"

namespace kinerja {

void add_hub_admin_commands(CLI::App& app, HubCli& cli) {
  auto* office = app.add_subcommand("office", "Offices this hub serves");
  office->require_subcommand(1);
  auto* add = office->add_subcommand("add", "Add (or rename) an office");
  auto o = std::make_shared<std::array<std::string, 3>>();
  add->add_option("--office", (*o)[0], "Six-digit satker code")->required();
  add->add_option("--name", (*o)[1], "Office name")->required();
  add->add_option("--kanwil", (*o)[2], "Kanwil code, e.g. JATENG")->required();
  add->callback([&cli, o] {
    Hub hub = cli.open();
    add_office(hub, (*o)[0], (*o)[1], (*o)[2]);
    std::cout << "Office " << (*o)[0] << " " << (*o)[1] << " (kanwil " << (*o)[2] << ") added\n";
  });

  auto* enrol = app.add_subcommand("enrol", "Print a one-time code that enrols one device of an office");
  auto enrol_office = std::make_shared<std::string>();
  enrol->add_option("--office", *enrol_office, "Six-digit satker code")->required();
  enrol->callback([&cli, enrol_office] {
    Hub hub = cli.open();
    std::cout << create_enrol_code(hub, *enrol_office) << std::endl;
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
      std::cout << x["office"].get<std::string>() << "  " << x["name"].get<std::string>() << "  devices "
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
