// Materialised state (state.hpp).
#include "client/state.hpp"

#include "client/error.hpp"
#include "client/ledger.hpp"

namespace kinerja {

StateWriter::StateWriter(Db& db, const std::string& table)
    : upsert_(db, "INSERT INTO " + table +
                      "(type,key,hlc,device,seq,hash,body) VALUES(?,?,?,?,?,?,?) "
                      "ON CONFLICT(type,key) DO UPDATE SET hlc=excluded.hlc, device=excluded.device, "
                      "seq=excluded.seq, hash=excluded.hash, body=excluded.body "
                      "WHERE (excluded.hlc, excluded.device) > (hlc, device)") {}

void StateWriter::apply(const Op& op, const std::string& body_text) {
  upsert_.bind_static(1, op.type).bind_static(2, op.key).bind_static(3, op.hlc).bind_static(4, op.device);
  upsert_.bind(5, op.seq).bind_static(6, op.hash).bind_static(7, body_text).run();
}

static Cell read_cell(const Stmt& s) {
  return Cell{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.i64(5), json::parse(s.text(6))};
}

std::optional<Cell> get_cell(const Db& db, const std::string& type, const std::string& key) {
  Stmt s(db, "SELECT type,key,hlc,device,hash,seq,body FROM cells WHERE type=? AND key=?");
  s.bind(1, type).bind(2, key);
  if (s.step()) return read_cell(s);
  return std::nullopt;
}

std::vector<Cell> list_cells(const Db& db, const std::string& type, const std::string& prefix) {
  Stmt s(db, "SELECT type,key,hlc,device,hash,seq,body FROM cells WHERE type=? AND substr(key,1,?)=? ORDER BY key");
  s.bind(1, type).bind(2, static_cast<int64_t>(prefix.size())).bind(3, prefix);
  std::vector<Cell> out;
  while (s.step()) out.push_back(read_cell(s));
  return out;
}

int64_t replay_log(Db& db, StateWriter& w, const std::string& only_cells) {
  std::string sql = std::string("SELECT ") + kOpColumns +
                    " FROM ops o WHERE NOT EXISTS "
                    "(SELECT 1 FROM sync_rejections r WHERE r.device=o.device AND r.seq=o.seq)";
  if (!only_cells.empty())
    sql += " AND EXISTS (SELECT 1 FROM " + only_cells + " c WHERE c.type=o.type AND c.key=o.key)";
  Stmt all(db, sql + " ORDER BY id");
  int64_t n = 0;
  for (; all.step(); ++n) w.apply(op_head_from_row(all), all.text(8));
  return n;
}

RebuildResult rebuild_state(Db& db, bool check_only) {
  RebuildResult r;
  Tx tx(db);
  db.exec("DROP TABLE IF EXISTS temp.fresh_cells");
  db.exec("CREATE TEMP TABLE fresh_cells (type TEXT NOT NULL, key TEXT NOT NULL, hlc TEXT NOT NULL, "
          "device TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, body TEXT NOT NULL, "
          "PRIMARY KEY (type, key)) WITHOUT ROWID");
  {
    StateWriter w(db, "temp.fresh_cells");
    r.ops = replay_log(db, w);
  }
  r.cells = query_i64(db, "SELECT COUNT(*) FROM temp.fresh_cells");
  Stmt diff(db,
            "SELECT type, key, CASE WHEN EXISTS (SELECT 1 FROM temp.fresh_cells f WHERE f.type=d.type AND f.key=d.key) "
            "THEN 'differs from the log' ELSE 'is not in the log' END "
            "FROM (SELECT * FROM cells EXCEPT SELECT * FROM temp.fresh_cells) d "
            "UNION SELECT type, key, 'missing from the state' FROM temp.fresh_cells f "
            "WHERE NOT EXISTS (SELECT 1 FROM cells c WHERE c.type=f.type AND c.key=f.key) "
            "ORDER BY 1, 2 LIMIT 100");
  while (diff.step()) r.differences.push_back(diff.text(0) + " " + diff.text(1) + ": " + diff.text(2));
  if (!check_only) {
    db.exec("DELETE FROM cells");
    db.exec("INSERT INTO cells SELECT * FROM temp.fresh_cells");
  }
  db.exec("DROP TABLE temp.fresh_cells");
  tx.commit();
  return r;
}

}  // namespace kinerja
