// Implementation of the SQLite RAII layer (sqlite.hpp).
#include "client/sqlite.hpp"

#include "client/error.hpp"

namespace kinerja {

static Error sql_error(sqlite3* db, const std::string& what) {
  return failure(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

Db::Db(const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    Error e = sql_error(db_, "cannot open " + path);
    sqlite3_close(db_);
    db_ = nullptr;
    throw e;
  }
  sqlite3_busy_timeout(db_, 10000);
  sqlite3_extended_result_codes(db_, 1);
}

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    if (db_) sqlite3_close(db_);
    db_ = o.db_;
    o.db_ = nullptr;
  }
  return *this;
}

Db::~Db() {
  if (db_) sqlite3_close(db_);
}

void Db::exec(const std::string& sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : "unknown error";
    sqlite3_free(msg);
    throw failure("SQL failed: " + m);
  }
}

Stmt::Stmt(const Db& db, std::string_view sql) {
  if (sqlite3_prepare_v2(db.raw(), sql.data(), static_cast<int>(sql.size()), &st_, nullptr) != SQLITE_OK)
    throw sql_error(db.raw(), "cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
}

Stmt::~Stmt() { sqlite3_finalize(st_); }

Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind_static(int i, std::string_view v) {
  sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  return *this;
}
Stmt& Stmt::bind(int i, int64_t v) {
  sqlite3_bind_int64(st_, i, v);
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(st_, i);
  return *this;
}
Stmt& Stmt::bind_blob(int i, const void* p, int n) {
  sqlite3_bind_blob(st_, i, p, n, SQLITE_TRANSIENT);
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(st_);
  std::string msg = sqlite3_errmsg(db);
  sqlite3_reset(st_);
  throw failure("SQL failed: " + msg);
}

void Stmt::run() {
  while (step()) {
  }
  reset();
}

void Stmt::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}

std::string Stmt::text(int col) const {
  auto p = sqlite3_column_text(st_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(st_, col)) : std::string();
}
int64_t Stmt::i64(int col) const { return sqlite3_column_int64(st_, col); }
bool Stmt::is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
std::string Stmt::blob(int col) const {
  auto p = static_cast<const char*>(sqlite3_column_blob(st_, col));
  return p ? std::string(p, sqlite3_column_bytes(st_, col)) : std::string();
}

Tx::Tx(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
Tx::~Tx() {
  if (!done_) sqlite3_exec(db_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
}
void Tx::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

int64_t query_i64(const Db& db, std::string_view sql) {
  Stmt s(db, sql);
  return s.step() ? s.i64(0) : 0;
}

}  // namespace kinerja
