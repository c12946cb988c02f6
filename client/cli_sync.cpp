// Sync commands: enrol, sync, recover, conflicts.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "client/cli.hpp"
#include "client/conflicts.hpp"
#include "client/error.hpp"
#include "sync/rejections.hpp"
#include "sync/sync_client.hpp"

namespace kinerja {

static void cmd_enrol(const Cli& cli, const std::string& hub, const std::string& code) {
  Store s = cli.open();
  EnrolResponse r = enrol(s, hub, code, settings_from_env());
  std::cout << "Device " << s.device << " of office " << r.office << " enrolled with hub " << hub << " (hub key "
            << r.hub.device << ")\n";
  if (!r.name.empty()) std::cout << "Kantor: " << r.office << " " << r.name << " (kanwil " << r.kanwil << "), dari hub\n";
}

// Progress on a terminal: ops and bytes sent of the total, and the rate.
static SyncProgress terminal_progress() {
  if (!isatty(STDERR_FILENO)) return nullptr;
  auto start = std::chrono::steady_clock::now();
  return [start](const char* phase, int64_t done, int64_t total, int64_t bytes) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
    if (total >= 0)
      std::fprintf(stderr, "\r%s: %lld/%lld ops, %lld kB on the wire, %.0f ops/s   ", phase,
                   static_cast<long long>(done), static_cast<long long>(total), static_cast<long long>(bytes / 1024), rate);
    else
      std::fprintf(stderr, "\r%s: %lld ops, %lld kB received   ", phase, static_cast<long long>(done),
                   static_cast<long long>(bytes / 1024));
    std::fflush(stderr);
  };
}

static int cmd_sync(const Cli& cli, const std::string& hub, bool as_json, bool metered) {
  Store s = cli.open();
  SyncSettings settings = settings_from_env();
  settings.metered = settings.metered || metered;
  SyncProgress progress = as_json ? nullptr : terminal_progress();
  SyncReport r;
  try {
    r = run_sync(s, hub, settings, progress);
  } catch (const Error& e) {
    if (progress) std::fprintf(stderr, "\n");
    if (as_json) print_json(json{{"ok", "false"}, {"error", e.what()}});
    throw;
  }
  if (progress) std::fprintf(stderr, "\n");
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
    for (const auto& x : r.pull.skipped)
      std::cout << "SKIPPED pulled op: " << x << "; it stays in the log and counts in no figure\n";
    for (const auto& x : r.push.new_rejections)
      std::cout << "REJECTED by the hub: op " << x.device << "#" << x.seq << " " << rejected_cell(s.db, x) << " ("
                << x.reason << "); it stays in the log, listed by `kinerja status`\n";
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
  for (const auto& x : r.skipped)
    std::cout << "SKIPPED recovered op: " << x << "; it stays in the log and counts in no figure\n";
  if (r.to == r.from)
    std::cout << "Nothing to recover: the store holds every op of this device the hub has (up to seq " << r.to << ")\n";
  else
    std::cout << "Recovered ops " << r.from + 1 << "-" << r.to << " of this device from the hub, verified against its "
              << "signed checkpoints; the store holds them again up to seq " << r.to << "\n";
  return 0;
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
}

}  // namespace kinerja
