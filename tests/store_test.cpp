// The office store (client/store.hpp): creation, schema versions, the device key file and
// the append-only triggers as a person with the `sqlite3` shell meets them.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "client/error.hpp"
#include "client/ledger.hpp"
#include "client/store.hpp"
#include "tests/temp_store.hpp"

using namespace kinerja;

static int file_mode(const std::string& path) {
  struct stat st{};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

TEST_CASE("a new store is WAL, migrated, and its device key is mode 0600", "[store]") {
  test::TempDir dir;
  std::string path = dir.file("office.db");
  Store s = test::make_store(path);
  CHECK(file_mode(key_path(path)) == 0600);
  Db raw(path);
  CHECK(query_i64(raw, "PRAGMA user_version") >= 1);
  Stmt mode(raw, "PRAGMA journal_mode");
  REQUIRE(mode.step());
  CHECK(mode.text(0) == "wal");
  CHECK(query_i64(s.db, "PRAGMA synchronous") == 2);  // FULL
  CHECK(query_i64(s.db, "PRAGMA foreign_keys") == 1);
  CHECK_THROWS_WITH(create_store(path, OfficeInfo{"407973", "x", "JATENG", ""}), Catch::Contains("already exists"));
}

TEST_CASE("reopening a store keeps its identity", "[store]") {
  test::TempDir dir;
  std::string path = dir.file("office.db");
  std::string device = test::make_store(path).device;
  Store s = open_store(path);
  CHECK(s.office == "407973");
  CHECK(s.device == device);
  CHECK(s.author == "199001");
  CHECK_THROWS_WITH(open_store(dir.file("missing.db")), Catch::Contains("no store at"));
}

TEST_CASE("a store whose schema is newer than the binary refuses to open", "[store]") {
  test::TempDir dir;
  std::string path = dir.file("office.db");
  test::make_store(path);
  int64_t version;
  {
    Db raw(path);
    version = query_i64(raw, "PRAGMA user_version");
    raw.exec("PRAGMA user_version=" + std::to_string(version + 1));
  }
  try {
    open_store(path);
    FAIL("a newer store was opened");
  } catch (const Error& e) {
    CHECK(e.kind == ErrorKind::Failure);
    CHECK_THAT(e.what(), Catch::Contains("schema version " + std::to_string(version + 1)) &&
                             Catch::Contains("upgrade kinerja"));
  }
  Db raw(path);
  CHECK(query_i64(raw, "PRAGMA user_version") == version + 1);  // left as it was
}

TEST_CASE("a device key readable by others or belonging elsewhere is refused", "[store]") {
  test::TempDir dir;
  std::string path = dir.file("office.db");
  Store s = test::make_store(path);
  REQUIRE(::chmod(key_path(path).c_str(), 0644) == 0);
  CHECK_THROWS_WITH(Batch(s), Catch::Contains("readable by others"));
  REQUIRE(::chmod(key_path(path).c_str(), 0600) == 0);
  test::make_store(dir.file("other.db"));
  std::filesystem::remove(key_path(path));
  std::filesystem::copy_file(key_path(dir.file("other.db")), key_path(path));
  CHECK_THROWS_WITH(Batch(s), Catch::Contains("does not belong to this store"));
  std::filesystem::remove(key_path(path));
  CHECK_THROWS_WITH(Batch(s), Catch::Contains("is missing"));
  CHECK(op_count(s.db) == 2);
}

TEST_CASE("UPDATE and DELETE of ops and checkpoints fail in the sqlite3 shell", "[store]") {
  test::TempDir dir;
  std::string path = dir.file("office.db");
  Store s = test::make_store(path);
  for (const char* sql : {"UPDATE ops SET author='x' WHERE seq=1", "DELETE FROM ops WHERE seq=2",
                          "UPDATE checkpoints SET sig='00'", "DELETE FROM checkpoints"}) {
    INFO(sql);
    CHECK(test::run("sqlite3 '" + path + "' \"" + sql + "\" 2>/dev/null") != 0);
  }
  CHECK(op_count(s.db) == 2);
  CHECK(query_i64(s.db, "SELECT COUNT(*) FROM checkpoints") == 1);
  CHECK(query_i64(s.db, "SELECT COUNT(*) FROM ops WHERE author='x'") == 0);
  CHECK(verify_ledger(s.db).ok);
}
