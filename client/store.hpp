// The office store: one SQLite file per office (WAL, foreign keys, synchronous=FULL unless
// $KINERJA_SYNCHRONOUS says otherwise), created and migrated from schema/client/*.sql by
// PRAGMA user_version, with the device key in a 0600 file beside it (PATH.key).
#pragma once
#include <optional>
#include <string>

#include "client/device_key.hpp"
#include "client/sqlite.hpp"

namespace kinerja {

struct Store {
  std::string path;
  Db db;
  std::string office;  // satker code
  std::string device;  // this device's id
  std::string author;  // default NIP for ops, may be empty
};

struct OfficeInfo {
  std::string office, name, kanwil, author;
};

// The store path from --store, else $KINERJA_STORE, else ./kinerja.db.
std::string resolve_store_path(const std::string& flag);
std::string key_path(const std::string& store_path);

// Creates a new store and device key; refuses when either exists. Does not write ops.
Store create_store(const std::string& path, const OfficeInfo& info);
// Opens an existing store, migrating it; refuses a schema newer than this binary. A missing
// file is bad input (exit 2): the path the user gave names no store.
Store open_store(const std::string& path);

// Applies schema/DIR/*.sql migrations above the file's user_version (shared with the hub).
void migrate(Db& db, const std::string& dir, const std::string& what);

std::optional<std::string> meta_get(const Db& db, const std::string& key);
void meta_set(Db& db, const std::string& key, const std::string& value);

DeviceKey load_key(const Store& s);

}  // namespace kinerja
