// Rejected ops (rejections.hpp).
#include "sync/rejections.hpp"

#include "client/error.hpp"
#include "client/ledger.hpp"
#include "client/state.hpp"
#include "sync/utc_time.hpp"

namespace kinerja {

bool record_rejection(Db& db, const Rejection& r) {
  Stmt ins(db, "INSERT OR IGNORE INTO sync_rejections(device,seq,hash,reason,at) VALUES(?,?,?,?,?)");
  ins.bind(1, r.device).bind(2, r.seq).bind(3, r.hash).bind(4, r.reason).bind(5, utc_now()).run();
  if (db.changes() == 0) return false;
  Stmt cell(db, "SELECT type, key FROM ops WHERE device=? AND seq=? AND hash=?");
  cell.bind(1, r.device).bind(2, r.seq).bind(3, r.hash);
  if (!cell.step()) throw failure("the hub rejected op " + r.device + "#" + std::to_string(r.seq) + " that this store does not hold");
  std::string type = cell.text(0), key = cell.text(1);
  Stmt(db, "DELETE FROM cells WHERE type=? AND key=?").bind(1, type).bind(2, key).run();
  StateWriter w(db);
  Stmt ops(db, std::string("SELECT ") + kOpColumns +
                   " FROM ops o WHERE type=? AND key=? AND NOT EXISTS "
                   "(SELECT 1 FROM sync_rejections r WHERE r.device=o.device AND r.seq=o.seq) ORDER BY id");
  ops.bind(1, type).bind(2, key);
  while (ops.step()) w.apply(op_from_row(ops), ops.text(8));
  return true;
}

std::vector<Rejection> list_rejections(const Db& db) {
  std::vector<Rejection> out;
  Stmt s(db, "SELECT device, seq, hash, reason FROM sync_rejections ORDER BY device, seq");
  while (s.step()) out.push_back(Rejection{s.text(0), s.i64(1), s.text(2), s.text(3)});
  return out;
}

}  // namespace kinerja
