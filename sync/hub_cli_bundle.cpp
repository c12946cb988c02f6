// `kinerja-hub bundle import|export`: sync without a link (sync/hub_bundle.hpp).
#include <iostream>

#include "sync/hub_bundle.hpp"
#include "sync/hub_cli.hpp"

namespace kinerja {

void add_hub_bundle_commands(CLI::App& app, HubCli& cli) {
  auto* bundle = app.add_subcommand("bundle", "Sync without a link: files carried by USB stick or e-mail");
  bundle->require_subcommand(1);
  auto* imp = bundle->add_subcommand("import", "Apply a device's bundle exactly as its push; write a signed receipt");
  auto in = std::make_shared<std::array<std::string, 2>>();
  imp->add_option("BUNDLE", (*in)[0], "The file written by `kinerja bundle export`")->required();
  imp->add_option("--receipt", (*in)[1], "The receipt file to write (default BUNDLE.receipt)");
  imp->callback([&cli, in] {
    std::string receipt = (*in)[1].empty() ? (*in)[0] + ".receipt" : (*in)[1];
    Hub hub = cli.open();
    BundleImport r = import_push_bundle(hub, (*in)[0], receipt);
    std::cout << "Imported " << (*in)[0] << " from device " << r.device << " of office " << r.office << ": " << r.fresh
              << " new op(s) of " << r.ops << ", the hub holds up to seq " << r.acked << ", " << r.rejections
              << " rejection(s), " << r.files << " evidence file(s). Receipt for the office: " << receipt << "\n";
  });
  auto* exp = bundle->add_subcommand("export", "Write an office's pull (its devices' ops and the kanwil's) as a bundle");
  auto ex = std::make_shared<std::array<std::string, 3>>();
  exp->add_option("--office", (*ex)[0], "Six-digit satker code")->required();
  exp->add_option("--since", (*ex)[1], "The office's pull cursor (`kinerja status --json`: cursor; default: from the start)");
  exp->add_option("--out", (*ex)[2], "The bundle file to write")->required();
  exp->callback([&cli, ex] {
    Hub hub = cli.open();
    BundleExport r = export_pull_bundle(hub, (*ex)[0], (*ex)[1], (*ex)[2]);
    std::cout << "Wrote " << (*ex)[2] << ": " << r.ops << " op(s) in " << r.pages << " page(s) for office " << (*ex)[0]
              << ", up to cursor " << r.cursor << "\n";
    if (r.more) std::cout << "More remain: export again with --since " << r.cursor << "\n";
  });
}

}  // namespace kinerja
