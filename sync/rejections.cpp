// Rejected ops (rejections.hpp).
#include "sync/rejections.hpp"

#include "client/error.hpp"
#include "client/state.hpp"
#include "sync/utc_time.hpp"

namespace kinerja {

std::vector<Rejection> record_rejections(Db& db, const std::vector<Rejection>& rs) {
  std::vector<Rejection> fresh;
  Stmt ins(db, "INSERT OR IGNORE INTO sync_rejections(device,seq,hash,reason,at) VALUES(?,?,?,?,?)");
  Stmt cell(db, "SELECT type, key FROM ops WHERE device=? AND seq=? AND hash=?");
  db.exec("CREATE TEMP TABLE IF NOT EXISTS redo_cells (type TEXT, key TEXT, PRIMARY KEY (type, key)) WITHOUT ROWID");
  db.exec("DELETE FROM temp.redo_cells");
  Stmt redo(db, "INSERT OR IGNORE INTO temp.redo_cells(type,key) VALUES(?,?)");
  for (const auto& r : rs) {
    ins.bind(1, r.device).bind(2, r.seq).bind(3, r.hash).bind(4, r.reason).bind(5, utc_now()).run();
    if (db.changes() == 0) continue;
    cell.bind(1, r.device).bind(2, r.seq).bind(3, r.hash);
    if (!cell.step())
      throw failure("the hub rejected op " + r.device + "#" + std::to_string(r.seq) + " that this store does not hold");
    redo.bind(1, cell.text(0)).bind(2, cell.text(1)).run();
    cell.reset();
    fresh.push_back(r);
  }
  if (!fresh.empty()) {
    db.exec("DELETE FROM cells WHERE (type, key) IN (SELECT type, key FROM temp.redo_cells)");
    StateWriter w(db);
    replay_log(db, w, "temp.redo_cells");
  }
  return fresh;
}

static std::vector<Rejection> rejections_where(const Db& db, const std::string& where) {
  std::vector<Rejection> out;
  Stmt s(db,
         "SELECT r.device, r.seq, r.hash, r.reason FROM sync_rejections r "
         "LEFT JOIN ops o ON o.device=r.device AND o.seq=r.seq "
         "LEFT JOIN cells c ON c.type=o.type AND c.key=o.key " +
             where + " ORDER BY r.device, r.seq");
  while (s.step()) out.push_back(Rejection{s.text(0), s.i64(1), s.text(2), s.text(3)});
  return out;
}

std::vector<Rejection> list_rejections(const Db& db) { return rejections_where(db, ""); }

std::vector<Rejection> pending_rejections(const Db& db) {
  return rejections_where(db, "WHERE NOT (r.reason='period_locked' AND COALESCE(c.hlc,'') > o.hlc)");
}

std::string rejected_cell(const Db& db, const Rejection& r) {
  Stmt q(db, "SELECT type, key FROM ops WHERE device=? AND seq=?");
  q.bind(1, r.device).bind(2, r.seq);
  return q.step() ? q.text(0) + " " + q.text(1) : "";
}

}  // namespace kinerja
