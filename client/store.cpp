// Opening, creating and migrating the office store (store.hpp).
#include "client/store.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "client/embedded.hpp"
#include "client/error.hpp"

namespace kinerja {

std::string resolve_store_path(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("KINERJA_STORE"); env && *env) return env;
  return "kinerja.db";
}

std::string key_path(const std::string& store_path) { return store_path + ".key"; }

static void configure(Db& db) {
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA foreign_keys=ON");
  db.exec("PRAGMA cache_size=-32768");  // 32 MiB (the default 2 MiB spills a large import's pages mid-transaction)
  std::string sync = "FULL";
  if (const char* env = std::getenv("KINERJA_SYNCHRONOUS"); env && *env) sync = env;
  if (sync != "FULL" && sync != "NORMAL" && sync != "OFF")
    throw bad_input("KINERJA_SYNCHRONOUS must be FULL, NORMAL or OFF, got '" + sync + "'");
  db.exec("PRAGMA synchronous=" + sync);
}

void migrate(Db& db, const std::string& dir, const std::string& what) {
  std::vector<std::pair<int, std::string_view>> steps;
  for (const auto& f : embedded_files()) {
    std::string_view p = f.path;
    if (p.substr(0, dir.size() + 1) != dir + "/" || p.size() < dir.size() + 5 || p.substr(p.size() - 4) != ".sql")
      continue;
    steps.emplace_back(std::stoi(std::string(p.substr(dir.size() + 1, 3))), f.content);
  }
  std::sort(steps.begin(), steps.end());
  int have = static_cast<int>(query_i64(db, "PRAGMA user_version"));
  int newest = steps.empty() ? 0 : steps.back().first;
  if (have > newest)
    throw failure(what + " has schema version " + std::to_string(have) + " but this binary knows only up to " +
                  std::to_string(newest) + ": upgrade kinerja before opening it");
  for (const auto& [version, sql] : steps) {
    if (version <= have) continue;
    Tx tx(db);
    db.exec(std::string(sql));
    db.exec("PRAGMA user_version=" + std::to_string(version));
    tx.commit();
  }
}

std::optional<std::string> meta_get(const Db& db, const std::string& key) {
  Stmt s(db, "SELECT value FROM meta WHERE key=?");
  s.bind(1, key);
  if (s.step()) return s.text(0);
  return std::nullopt;
}

void meta_set(Db& db, const std::string& key, const std::string& value) {
  Stmt s(db, "INSERT INTO meta(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
  s.bind(1, key).bind(2, value).run();
}

static void load_identity(Store& s) {
  s.office = meta_get(s.db, "office").value_or("");
  s.device = meta_get(s.db, "device").value_or("");
  s.author = meta_get(s.db, "author").value_or("");
  if (s.office.empty() || s.device.empty())
    throw failure(s.path + " is not an initialised kinerja store (no office or device): run `kinerja init`");
}

Store create_store(const std::string& path, const OfficeInfo& info) {
  if (std::filesystem::exists(path)) throw bad_input("a store already exists at " + path);
  if (std::filesystem::exists(key_path(path)))
    throw bad_input("a device key already exists at " + key_path(path) + "; move it away first");
  DeviceKey key = generate_device_key();
  Store s{path, Db(path), info.office, device_id_for(key.public_hex), info.author};
  configure(s.db);
  migrate(s.db, "client", "store " + path);
  Tx tx(s.db);
  meta_set(s.db, "office", info.office);
  meta_set(s.db, "device", s.device);
  meta_set(s.db, "author", info.author);
  meta_set(s.db, "public_key", key.public_hex);
  Stmt(s.db, "INSERT INTO devices(device, public_key, office, role) VALUES(?,?,?,'office')")
      .bind(1, s.device).bind(2, key.public_hex).bind(3, info.office).run();
  save_device_key(key_path(path), key);
  tx.commit();
  return s;
}

Store open_store(const std::string& path) {
  if (!std::filesystem::exists(path))
    throw bad_input("no store at " + path + "; run `kinerja init` first (or pass --store / set KINERJA_STORE)");
  Store s{path, Db(path, SQLITE_OPEN_READWRITE), "", "", ""};
  configure(s.db);
  migrate(s.db, "client", "store " + path);
  load_identity(s);
  return s;
}

DeviceKey load_key(const Store& s) {
  std::string kp = key_path(s.path);
  struct stat st{};
  if (::stat(kp.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
    throw failure("device key " + kp + " is readable by others: run chmod 600 " + kp);
  DeviceKey k = load_device_key(kp);
  if (device_id_for(k.public_hex) != s.device) throw failure("device key " + kp + " does not belong to this store");
  return k;
}

}  // namespace kinerja
