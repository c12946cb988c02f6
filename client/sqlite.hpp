// A thin RAII layer over the SQLite C API: a connection (Db), prepared statements (Stmt)
// and a transaction guard (Tx) that rolls back unless committed. Errors become
// kinerja::Error with SQLite's message.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kinerja {

class Db {
 public:
  Db() = default;
  explicit Db(const std::string& path, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Db& operator=(Db&& o) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  sqlite3* raw() const { return db_; }
  void exec(const std::string& sql);
  int64_t changes() const { return sqlite3_changes64(db_); }

 private:
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt(const Db& db, std::string_view sql);
  Stmt(Stmt&& o) noexcept : st_(o.st_) { o.st_ = nullptr; }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Binds by 1-based index; returns *this so calls chain.
  Stmt& bind(int i, std::string_view v);  // SQLite keeps a copy of V
  // Binds V without a copy: V must outlive the next step()/run(); run() and reset() unbind it.
  Stmt& bind_static(int i, std::string_view v);
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind_null(int i);
  Stmt& bind_blob(int i, const void* p, int n);

  bool step();  // true while a row is available
  void run();   // steps to completion, then resets for reuse
  void reset();

  std::string text(int col) const;
  int64_t i64(int col) const;
  bool is_null(int col) const;
  std::string blob(int col) const;

 private:
  sqlite3_stmt* st_ = nullptr;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called.
class Tx {
 public:
  explicit Tx(Db& db);
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  ~Tx();
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

// Runs a query returning one row with one integer column (e.g. COUNT(*)).
int64_t query_i64(const Db& db, std::string_view sql);

}  // namespace kinerja
