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

struct Write {
  int64_t id;
  std::string content;  // body without base
};

// Streams the log sorted by (type, key, base): writes that did not see each other are
// neighbours, so one pass finds every group without a quadratic join.
std::vector<ConflictPair> list_conflicts(const Db& db) {
  Stmt all(db,
           "SELECT id, type, key, COALESCE(json_extract(body,'$.base'),''), json_remove(body,'$.base') FROM ops "
           "ORDER BY type, key, 4, hlc, device");
  Stmt one(db, std::string("SELECT ") + kOpColumns + " FROM ops WHERE id=?");
  std::vector<ConflictPair> out;
  std::vector<Write> group;
  std::tuple<std::string, std::string, std::string> group_key;
  auto flush = [&] {
    for (size_t i = 0; i < group.size(); ++i)
      for (size_t j = i + 1; j < group.size(); ++j)
        if (group[i].content != group[j].content)
          out.push_back(ConflictPair{op_by_id(one, group[j].id), op_by_id(one, group[i].id)});  // j is later: the winner
    group.clear();
  };
  while (all.step()) {
    auto k = std::make_tuple(all.text(1), all.text(2), all.text(3));
    if (k != group_key) flush();
    group_key = std::move(k);
    group.push_back(Write{all.i64(0), all.text(4)});
  }
  flush();
  return out;
}

}  // namespace kinerja
