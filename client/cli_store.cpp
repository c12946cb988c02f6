// Store-level commands: init, status, log, verify (with the rollback check against the
// hub, sync/recover.hpp), rebuild.
#include <iostream>

#include "client/catalogue.hpp"
#include "client/cli.hpp"
#include "client/error.hpp"
#include "client/ledger.hpp"
#include "client/office_identity.hpp"
#include "sync/sync_client.hpp"
#include "sync/sync_state.hpp"

namespace kinerja {

static void check_office_code(const std::string& office) {
  if (office.size() != 6 || office.find_first_not_of("0123456789") != std::string::npos)
    throw bad_input("--office: '" + office + "' must be the six-digit satker code, e.g. 407973");
}

static void cmd_init(const Cli& cli, const OfficeInfo& info, const std::vector<std::string>& years) {
  check_office_code(info.office);
  if (info.name.empty() != info.kanwil.empty())
    throw bad_input(info.name.empty() ? "--name: wajib bersama --kanwil (atau hilangkan keduanya: nama dan kanwil diambil dari hub saat enrol)"
                                      : "--kanwil: wajib bersama --name, mis. JATENG (atau hilangkan keduanya: nama dan kanwil diambil dari hub saat enrol)");
  std::vector<Catalogue> catalogues;
  for (const auto& y : years) {
    auto doc = shipped_catalogue(y);
    if (!doc) throw bad_input("--year: no catalogue is shipped for " + y + " (shipped: " + shipped_catalogue_years() + ")");
    catalogues.push_back(parse_catalogue(*doc));
  }
  std::string path = cli.store_path();
  Store s = create_store(path, info);
  Batch b(s);
  if (!info.name.empty()) b.append("office", info.office, json{{"name", info.name}, {"kanwil", info.kanwil}});
  for (const auto& c : catalogues) load_catalogue(b, c);
  b.commit();
  std::cout << "Created store " << path << " for " << info.office << " "
            << (info.name.empty() ? "(nama dan kanwil dari hub saat enrol)" : info.name + " (kanwil " + info.kanwil + ")")
            << ", device " << s.device << ", key " << key_path(path) << "\n";
  for (const auto& c : catalogues) std::cout << "Loaded the " << c.year << " indicator catalogue\n";
}

static json status_json(const Store& s) {
  OfficeIdentity office = office_identity(s.db, s.office);
  json years = json::array();
  for (const auto& c : list_cells(s.db, "catalogue")) years.push_back(c.key);
  return json{{"office", s.office},
              {"name", office.name},
              {"kanwil", office.kanwil},
              {"device", s.device},
              {"author", s.author},
              {"store", s.path},
              {"ops", std::to_string(op_count(s.db))},
              {"last_seq", std::to_string(last_seq(s.db, s.device))},
              {"catalogues", years},
              {"sync", sync_status(s)}};
}

static void cmd_status(const Cli& cli, bool as_json) {
  Store s = cli.open();
  json j = status_json(s);
  if (as_json) return print_json(j);
  std::cout << "Kantor:     " << j["office"].get<std::string>() << " " << j["name"].get<std::string>() << "\n"
            << "Kanwil:     " << j["kanwil"].get<std::string>() << "\n"
            << "Device:     " << j["device"].get<std::string>() << "\n"
            << "Store:      " << j["store"].get<std::string>() << "\n"
            << "Ops:        " << j["ops"].get<std::string>() << " (last seq of this device "
            << j["last_seq"].get<std::string>() << ")\n"
            << "Catalogues: ";
  for (const auto& y : j["catalogues"]) std::cout << y.get<std::string>() << " ";
  const json& sy = j["sync"];
  std::cout << "\nHub:        " << (sy["hub"].get<std::string>().empty() ? "(not enrolled)" : sy["hub"].get<std::string>())
            << "\nUnsynced:   " << sy["unacked_ops"].get<std::string>() << " op(s) not yet acknowledged by the hub"
            << "\nLast sync:  " << (sy["last_sync"].get<std::string>().empty() ? "never" : sy["last_sync"].get<std::string>())
            << "\n";
  for (const auto& r : sy["rejections"])
    std::cout << "Rejected:   op " << r["device"].get<std::string>() << "#" << r["seq"].get<std::string>() << " "
              << r["cell"].get<std::string>() << " (" << r["reason"].get<std::string>() << "), kept in the log\n";
}

static void cmd_log(const Cli& cli, bool as_json, int64_t limit) {
  if (limit < 0) throw bad_input("--limit: must be 0 or more, got " + std::to_string(limit));
  Store s = cli.open();
  int64_t total = op_count(s.db);
  int64_t skip = limit > 0 && total > limit ? total - limit : 0;
  Stmt first(s.db, "SELECT COALESCE((SELECT id FROM ops ORDER BY id LIMIT 1 OFFSET ?), 0)");
  first.bind(1, skip);
  first.step();
  int64_t after = skip > 0 ? first.i64(0) - 1 : 0;
  json out = json::array();
  std::vector<std::vector<std::string>> rows;
  for_each_op(
      s.db,
      [&](const Op& op) {
        if (as_json) {
          out.push_back(op_to_json(op));
        } else {
          json body = op.body;
          body.erase("base");
          rows.push_back({op.device, std::to_string(op.seq), op.hlc, op.type, op.key,
                          op.body.contains("base") ? "ya" : "", body.dump().substr(0, 80)});
        }
        return true;
      },
      after);
  if (as_json) return print_json(out);
  print_table({"device", "seq", "hlc", "type", "key", "koreksi", "body"}, rows);
}

// The rollback check of `verify`: against the acknowledged seq in meta and, when the store
// is enrolled and not OFFLINE, the head the hub answers (one attempt; unreachable is a note).
static std::string rollback_check(const Store& s, bool offline) {
  std::string problem = rollback_problem(s, nullptr);
  if (!problem.empty() || offline || !meta_get(s.db, kMetaToken)) return problem;
  SyncSettings settings = settings_from_env();
  settings.attempts = 1;
  try {
    HubLink link = hub_link(s, "");
    Transport t(link.url, link.token, settings);
    return hub_rollback_problem(s, t);
  } catch (const Error& e) {
    if (e.kind != ErrorKind::Failure) throw;
    std::cerr << "kinerja: note: the hub was not reached (" << e.what()
              << "); the store was checked against the seq it last acknowledged only\n";
    return "";
  }
}

static int cmd_verify(const Cli& cli, bool as_json, bool offline) {
  Store s = cli.open();
  VerifyResult r = verify_ledger(s.db);
  std::string rolled_back = r.ok ? rollback_check(s, offline) : "";
  if (!rolled_back.empty()) {
    r.ok = false;
    r.device = s.device;
    r.seq = last_seq(s.db, s.device);
    r.reason = rolled_back;
  }
  if (as_json) {
    json j{{"ok", r.ok ? "true" : "false"}, {"ops", std::to_string(r.ops)}, {"devices", std::to_string(r.devices)},
           {"checkpoints", std::to_string(r.checkpoints)}};
    if (!r.ok) j.update({{"device", r.device}, {"seq", std::to_string(r.seq)}, {"reason", r.reason}});
    for (const auto& x : r.invalid)
      j["invalid"].push_back({{"device", x.device}, {"seq", std::to_string(x.seq)}, {"reason", x.reason}});
    if (!rolled_back.empty()) j["rolled_back"] = "true";
    print_json(j);
  } else if (r.ok) {
    std::cout << "ok: " << r.ops << " ops from " << r.devices << " device(s), " << r.checkpoints
              << " signed checkpoints; every link and signature is valid\n";
  } else if (!rolled_back.empty()) {
    std::cout << "ROLLED BACK: " << rolled_back << "\n";
  } else {
    std::cout << "BROKEN at seq " << r.seq << " of device " << r.device << ": " << r.reason << "\n";
  }
  if (!as_json)
    for (const auto& x : r.invalid)
      std::cout << "invalid op, kept in the log and left out of every figure: " << x.reason << "\n";
  return r.ok ? 0 : !rolled_back.empty() ? static_cast<int>(ErrorKind::Conflict) : 1;
}

static int cmd_rebuild(const Cli& cli, bool check_only, bool as_json) {
  Store s = cli.open();
  RebuildResult r = rebuild_state(s.db, check_only);
  bool same = r.differences.empty();
  if (as_json) {
    print_json(json{{"ops", std::to_string(r.ops)}, {"cells", std::to_string(r.cells)},
                    {"identical", same ? "true" : "false"}, {"differences", r.differences}});
  } else {
    std::cout << "Replayed " << r.ops << " ops into " << r.cells << " cells: "
              << (same ? "state is identical to the log" : "state DIFFERS from the log") << "\n";
    for (const auto& d : r.differences) std::cout << "  " << d << "\n";
    if (!same && !check_only) std::cout << "The state was replaced by the replayed log.\n";
  }
  return same || !check_only ? 0 : 1;
}

void add_store_commands(CLI::App& app, Cli& cli) {
  auto* init = app.add_subcommand("init", "Create the office store, its device key, and load indicator catalogues");
  auto info = std::make_shared<OfficeInfo>();
  auto years = std::make_shared<std::vector<std::string>>(std::vector<std::string>{"2023", "2024", "2025"});
  init->add_option("--office", info->office, "Six-digit satker code, e.g. 407973")->required();
  init->add_option("--name", info->name,
                   "Office name, e.g. \"Kantor Imigrasi Kelas I Khusus TPI Semarang\"; a device joining an office "
                   "the hub knows leaves it out: `enrol` takes the name from the hub");
  init->add_option("--kanwil", info->kanwil, "Parent kanwil code, e.g. JATENG (with --name)");
  init->add_option("--author", info->author, "NIP of the officer recording on this device");
  init->add_option("--year", *years, "Load the shipped catalogue of these years (default: 2023 2024 2025)");
  init->callback([&cli, info, years] { cmd_init(cli, *info, *years); });

  auto* status = app.add_subcommand("status", "Office, device, op count, last seq and store path");
  auto status_json_flag = std::make_shared<bool>(false);
  status->add_flag("--json", *status_json_flag, "Print one JSON object");
  status->callback([&cli, status_json_flag] { cmd_status(cli, *status_json_flag); });

  auto* log = app.add_subcommand("log", "The ops of the ledger, newest last");
  auto log_json = std::make_shared<bool>(false);
  auto limit = std::make_shared<int64_t>(0);
  log->add_flag("--json", *log_json, "Print the ops as a JSON array");
  log->add_option("--limit", *limit, "Only the newest N ops (0: all)");
  log->callback([&cli, log_json, limit] { cmd_log(cli, *log_json, *limit); });

  auto* verify = app.add_subcommand("verify", "Re-check every chain link, hash and checkpoint signature, and that the store holds what the hub acknowledged");
  auto verify_json = std::make_shared<bool>(false);
  auto verify_offline = std::make_shared<bool>(false);
  verify->add_flag("--json", *verify_json, "Print one JSON object");
  verify->add_flag("--offline", *verify_offline, "Do not ask the enrolled hub for this device's head (rollback check)");
  verify->callback([&cli, verify_json, verify_offline] {
    if (int rc = cmd_verify(cli, *verify_json, *verify_offline)) throw ExitStatus{rc};
  });

  auto* rebuild = app.add_subcommand("rebuild", "Replay the log into fresh state (--check: only compare)");
  auto check = std::make_shared<bool>(false);
  auto rebuild_json = std::make_shared<bool>(false);
  rebuild->add_flag("--check", *check, "Compare the replayed state with the stored one; change nothing");
  rebuild->add_flag("--json", *rebuild_json, "Print one JSON object");
  rebuild->callback([&cli, check, rebuild_json] {
    if (int rc = cmd_rebuild(cli, *check, *rebuild_json)) throw ExitStatus{rc};
  });
}

}  // namespace kinerja
