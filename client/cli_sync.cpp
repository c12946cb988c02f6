// Sync commands: enrol, sync, recover, conflicts, and bundle export|receipt|import (sync
// without a link, sync/bundle_office.hpp).
#include <unistd.h>

#include <iostream>
#include <optional>

#include "client/cli.hpp"
#include "client/conflicts.hpp"
#include "client/error.hpp"
#include "client/format_id.hpp"
#include "client/ledger.hpp"
#include "sync/bundle_office.hpp"
#include "sync/interrupt.hpp"
#include "sync/progress.hpp"
#include "sync/rejections.hpp"
#include "sync/sync_client.hpp"
#include "sync/sync_state.hpp"

namespace kinerja {

static void cmd_enrol(const Cli& cli, const std::string& hub, const std::string& code) {
  Store s = cli.open();
  EnrolResponse r = enrol(s, hub, code, settings_from_env());
  std::cout << "Device " << s.device << " of office " << r.office << " enrolled with hub " << hub << " (hub key "
            << r.hub.device << ")\n";
  if (!r.name.empty()) std::cout << "Kantor: " << r.office << " " << r.name << " (kanwil " << r.kanwil << "), dari hub\n";
}

static void print_rejections(const Store& s, const std::vector<Rejection>& rs) {
  for (const auto& x : rs)
    std::cout << "REJECTED by the hub: op " << x.device << "#" << x.seq << " " << rejected_cell(s.db, x) << " ("
              << x.reason << "); it stays in the log, listed by `kinerja status`\n";
}

// Ops taken from the hub (pulled, imported or recovered) that failed their checks.
static void print_skipped(const char* how, const std::vector<std::string>& skipped) {
  for (const auto& x : skipped)
    std::cout << "SKIPPED " << how << " op: " << x << "; it stays in the log and counts in no figure\n";
}

static int cmd_sync(const Cli& cli, const std::string& hub, bool as_json, bool metered) {
  Store s = cli.open();
  SyncSettings settings = settings_from_env();
  settings.metered = settings.metered || metered;
  // Progress only for a person at a terminal; Ctrl-C stops the sync between writes.
  std::optional<TerminalProgress> progress;
  if (!as_json && isatty(STDERR_FILENO)) progress.emplace();
  StopOnInterrupt stop;
  int64_t acked_before = acked_seq(s.db), pending = last_seq(s.db, s.device) - acked_before;
  SyncReport r;
  try {
    r = progress ? run_sync(s, hub, settings, progress->batches(), progress->transfer())
                 : run_sync(s, hub, settings, nullptr);
  } catch (const Interrupted&) {
    progress.reset();
    std::string said = "dihentikan: " + id_from_fixed(std::to_string(acked_seq(s.db) - acked_before)) + " dari " +
                       id_from_fixed(std::to_string(pending)) + " op diterima hub";
    if (as_json) print_json(json{{"ok", "false"}, {"error", said}});
    std::cerr << "kinerja: " << said << "\n";
    throw ExitStatus{static_cast<int>(ErrorKind::Failure)};
  } catch (const Error& e) {
    progress.reset();
    if (as_json) print_json(json{{"ok", "false"}, {"error", e.what()}});
    throw;
  }
  progress.reset();
  if (as_json) {
    print_json(to_json(r));
  } else {
    std::cout << "Synced with " << r.hub << ": pushed " << r.push.ops << " op(s) in " << r.push.batches
              << " batch(es), hub holds up to seq " << r.push.acked << "; pulled " << r.pull.ops << " op(s); "
              << r.bytes_sent << " bytes sent, " << r.retries << " retr" << (r.retries == 1 ? "y" : "ies") << "\n";
    if (r.evidence.skipped)
      std::cout << "Evidence files not transferred: the link is metered\n";
    else if (r.evidence.uploaded + r.evidence.downloaded + r.evidence.pending)
      std::cout << "Evidence files: " << r.evidence.uploaded << " uploaded, " << r.evidence.downloaded << " downloaded, "
                << r.evidence.pending << " pending\n";
    print_skipped("pulled", r.pull.skipped);
    print_rejections(s, r.push.new_rejections);
  }
  return r.push.new_rejections.empty() ? 0 : static_cast<int>(ErrorKind::Conflict);
}

static int cmd_recover(const Cli& cli, const std::string& hub) {
  Store s = cli.open();
  RecoverResult r = run_recover(s, hub, settings_from_env());
  if (!r.forked.empty()) {
    std::cout << "NOT RECOVERED: this store's ops from seq " << r.forked.front().seq << " on were written after it was "
              << "rolled back, at seqs where the hub holds other ops of this device. They cannot be pushed, and "
              << "recover does not overwrite them; they stay in this store:\n";
    for (const auto& op : r.forked)
      std::cout << "  seq " << op.seq << " " << op.type << " " << op.key << " " << op.body.dump() << "\n";
    std::cout << "Keep this store file; start a new store for this device (`kinerja init`, `kinerja enrol` with a new "
              << "code, `kinerja sync`: it gets every op the hub holds) and record these entries again there.\n";
    return static_cast<int>(ErrorKind::Conflict);
  }
  print_skipped("recovered", r.skipped);
  if (r.to == r.from)
    std::cout << "Nothing to recover: the store holds every op of this device the hub has (up to seq " << r.to << ")\n";
  else
    std::cout << "Recovered ops " << r.from + 1 << "-" << r.to << " of this device from the hub, verified against its "
              << "signed checkpoints; the store holds them again up to seq " << r.to << "\n";
  return 0;
}

static void add_bundle_commands(CLI::App& app, Cli& cli) {
  auto* bundle = app.add_subcommand("bundle", "Sync without a link: files carried by USB stick or e-mail");
  bundle->require_subcommand(1);
  auto* exp = bundle->add_subcommand("export", "Write this device's unacknowledged ops (and evidence files) for the hub");
  auto out = std::make_shared<std::string>();
  auto metered = std::make_shared<bool>(false);
  exp->add_option("--out", *out, "The bundle file to write")->required();
  exp->add_flag("--metered", *metered, "Ops only: leave the evidence files out");
  exp->callback([&cli, out, metered] {
    Store s = cli.open();
    OfficeBundleExport r = export_office_bundle(s, *out, *metered);
    if (r.ops == 0) {
      std::cout << "Nothing to export: the hub acknowledged every op of this device\n";
      return;
    }
    std::cout << "Wrote " << *out << ": ops " << r.first << "-" << r.last << " (" << r.ops << " of " << r.pending
              << " unacknowledged), " << r.files << " evidence file(s)";
    if (r.files_left) std::cout << ", " << r.files_left << " left out" << (*metered ? " (metered)" : "");
    std::cout << ". On the hub: kinerja-hub bundle import " << *out << "; then here: kinerja bundle receipt RECEIPT\n";
  });
  auto* receipt = bundle->add_subcommand("receipt", "Take the hub's receipt for a bundle: its ops are acknowledged");
  auto rfile = std::make_shared<std::string>();
  receipt->add_option("RECEIPT", *rfile, "The receipt file written by `kinerja-hub bundle import`")->required();
  receipt->callback([&cli, rfile] {
    Store s = cli.open();
    ReceiptResult r = take_receipt(s, *rfile);
    std::cout << "Receipt " << *rfile << ": the hub holds this device's ops up to seq " << r.acked
              << (r.acked > r.acked_before ? " (newly acknowledged: " + std::to_string(r.acked - r.acked_before) + ")"
                                           : " (nothing new)")
              << "\n";
    print_rejections(s, r.new_rejections);
    if (!r.new_rejections.empty()) throw ExitStatus{static_cast<int>(ErrorKind::Conflict)};
  });
  auto* imp = bundle->add_subcommand("import", "Apply the office's pull written by `kinerja-hub bundle export`");
  auto ifile = std::make_shared<std::string>();
  imp->add_option("BUNDLE", *ifile, "The bundle file")->required();
  imp->callback([&cli, ifile] {
    Store s = cli.open();
    PullImport r = import_pull_bundle(s, *ifile);
    std::cout << "Applied " << *ifile << ": " << r.ops << " new op(s) in " << r.pages << " page(s)\n";
    print_skipped("pulled", r.skipped);
  });
}

static json op_summary(const Op& op) {
  return json{{"device", op.device}, {"seq", std::to_string(op.seq)}, {"hlc", op.hlc}, {"hash", op.hash}, {"body", op.body}};
}

static void cmd_conflicts(const Cli& cli, bool as_json) {
  Store s = cli.open();
  auto pairs = list_conflicts(s.db);
  if (as_json) {
    json out = json::array();
    for (const auto& p : pairs)
      out.push_back(json{{"type", p.winner.type}, {"key", p.winner.key}, {"winner", op_summary(p.winner)},
                         {"other", op_summary(p.other)}});
    return print_json(out);
  }
  if (pairs.empty()) {
    std::cout << "No concurrent writes.\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : pairs)
    rows.push_back({p.winner.type, p.winner.key, p.winner.device + "#" + std::to_string(p.winner.seq),
                    p.winner.body.dump(), p.other.device + "#" + std::to_string(p.other.seq), p.other.body.dump()});
  print_table({"type", "key", "menang (winner)", "isi", "kalah (other)", "isi"}, rows);
}

void add_sync_commands(CLI::App& app, Cli& cli) {
  auto* enrol_cmd = app.add_subcommand("enrol", "Enrol this device with the kanwil hub using a one-time code");
  auto hub = std::make_shared<std::string>();
  auto code = std::make_shared<std::string>();
  enrol_cmd->add_option("--hub", *hub, "The hub URL, e.g. https://kinerja.kanwil.example:8443")->required();
  enrol_cmd->add_option("--code", *code, "The code printed by `kinerja-hub enrol`")->required();
  enrol_cmd->callback([&cli, hub, code] { cmd_enrol(cli, *hub, *code); });

  auto* sync = app.add_subcommand("sync", "Push this device's ops to the hub, then pull the office's and the kanwil's");
  auto sync_hub = std::make_shared<std::string>();
  auto sync_json = std::make_shared<bool>(false);
  sync->add_option("--hub", *sync_hub, "Another URL for the enrolled hub (e.g. through a proxy)");
  auto sync_metered = std::make_shared<bool>(false);
  sync->add_flag("--json", *sync_json, "Print one JSON summary object");
  sync->add_flag("--metered", *sync_metered, "A metered link: sync the ops only, not evidence files (also KINERJA_METERED=1)");
  sync->callback([&cli, sync_hub, sync_json, sync_metered] {
    if (int rc = cmd_sync(cli, *sync_hub, *sync_json, *sync_metered)) throw ExitStatus{rc};
  });

  auto* recover = app.add_subcommand(
      "recover", "After a rollback (restored copy, crash): take this device's ops the hub holds back into the store");
  auto recover_hub = std::make_shared<std::string>();
  recover->add_option("--hub", *recover_hub, "Another URL for the enrolled hub (e.g. through a proxy)");
  recover->callback([&cli, recover_hub] {
    if (int rc = cmd_recover(cli, *recover_hub)) throw ExitStatus{rc};
  });

  auto* conflicts = app.add_subcommand("conflicts", "Pairs of writes to the same cell that did not see each other");
  auto conflicts_json = std::make_shared<bool>(false);
  conflicts->add_flag("--json", *conflicts_json, "Print a JSON array");
  conflicts->callback([&cli, conflicts_json] { cmd_conflicts(cli, *conflicts_json); });

  add_bundle_commands(app, cli);
}

}  // namespace kinerja
