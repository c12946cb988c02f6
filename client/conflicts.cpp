// Concurrent writes (conflicts.hpp).
#include "client/conflicts.hpp"

#include <utility>

#include "client/ledger.hpp"
#include "client/store.hpp"

namespace kinerja {

static Op op_by_id(Stmt& one, int64_t id) {
  one.bind(1, id);
  one.step();
  Op op = op_from_row(one);
  one.reset();
  op.body.erase("base");
  return op;
}

struct Write {
  int64_t id;  // local arrival order
  std::string base, content, device, hash;  // content: the body without base
};

// Whether a later write of the cell CELL settled the pair WINNER, OTHER: its base is the
// winner, and its writer held OTHER then — it wrote OTHER itself, or it is this store's device
// (SELF) and OTHER had arrived here before — or it says what OTHER said.
static bool settled(const std::vector<Write>& cell, const Write& winner, const Write& other, const std::string& self) {
  for (const Write& w : cell)
    if (w.base == winner.hash &&
        (w.device == other.device || (w.device == self && w.id > other.id) || w.content == other.content))
      return true;
  return false;
}

// Streams the log sorted by (type, key, base): writes that did not see each other are
// neighbours, so one pass, holding one cell's writes at a time, finds every group without
// a quadratic join.
std::vector<ConflictPair> list_conflicts(const Db& db) {
  Stmt all(db,
           "SELECT id, type, key, COALESCE(json_extract(body,'$.base'),''), json_remove(body,'$.base'), device, hash "
           "FROM ops o WHERE NOT EXISTS (SELECT 1 FROM sync_rejections r WHERE r.device=o.device AND r.seq=o.seq) "
           "ORDER BY type, key, 4, hlc, device");
  Stmt one(db, std::string("SELECT ") + kOpColumns + " FROM ops WHERE id=?");
  std::string self = meta_get(db, "device").value_or("");
  std::vector<ConflictPair> out;
  std::vector<Write> cell;
  std::pair<std::string, std::string> cell_key;
  auto flush = [&] {
    for (size_t i = 0; i < cell.size(); ++i)
      for (size_t j = i + 1; j < cell.size() && cell[j].base == cell[i].base; ++j)  // j is later: the winner
        if (cell[i].content != cell[j].content && !settled(cell, cell[j], cell[i], self))
          out.push_back(ConflictPair{op_by_id(one, cell[j].id), op_by_id(one, cell[i].id)});
    cell.clear();
  };
  while (all.step()) {
    auto k = std::make_pair(all.text(1), all.text(2));
    if (k != cell_key) flush();
    cell_key = std::move(k);
    cell.push_back(Write{all.i64(0), all.text(3), all.text(4), all.text(5), all.text(6)});
  }
  flush();
  return out;
}

}  // namespace kinerja
