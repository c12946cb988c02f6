// Concurrent writes (conflicts.hpp).
#include "client/conflicts.hpp"

#include <tuple>

#include "client/ledger.hpp"

namespace kinerja {

static Op op_by_id(Stmt& one, int64_t id) {
  one.bind(1, id);
  one.step();
  Op op = op_from_row(one);
  one.reset();
  op.body.erase("base");
  return op;
}

std::vector<ConflictPair> list_conflicts(const Db& db) {
  Stmt pairs(db,
             "SELECT a.id, b.id FROM ops a JOIN ops b ON a.type=b.type AND a.key=b.key AND a.hash<b.hash "
             "WHERE COALESCE(json_extract(a.body,'$.base'),'') = COALESCE(json_extract(b.body,'$.base'),'') "
             "AND json_remove(a.body,'$.base') <> json_remove(b.body,'$.base') ORDER BY a.type, a.key, a.hlc, b.hlc");
  Stmt one(db, std::string("SELECT ") + kOpColumns + " FROM ops WHERE id=?");
  std::vector<ConflictPair> out;
  while (pairs.step()) {
    Op a = op_by_id(one, pairs.i64(0)), b = op_by_id(one, pairs.i64(1));
    if (std::tie(a.hlc, a.device) < std::tie(b.hlc, b.device)) std::swap(a, b);
    out.push_back(ConflictPair{std::move(a), std::move(b)});
  }
  return out;
}

}  // namespace kinerja
