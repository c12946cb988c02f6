// Rollback detection and recovery (recover.hpp).
#include "sync/recover.hpp"

#include <algorithm>

#include "client/error.hpp"
#include "client/ledger.hpp"
#include "sync/pull.hpp"
#include "sync/sync_state.hpp"

namespace kinerja {

static OwnOps get_own(Transport& t, const std::string& path) {
  HubAnswer a = t.get(path);
  expect_2xx(a, "to list this device's ops");
  return decode_answer(own_ops_from_json, a.body);
}

OwnOps fetch_own_ops(Transport& t, int64_t after, int64_t limit) {
  return get_own(t, "/v1/own?after=" + std::to_string(after) + "&limit=" + std::to_string(limit));
}

OwnOps fetch_head(Transport& t, int64_t after) {
  OwnOps r = get_own(t, "/v1/head?after=" + std::to_string(after));
  for (OwnOps part = r; part.page.more;) {
    int64_t next = part.page.rejections.empty() ? -1 : part.page.rejections.back().seq;
    if (next <= after || next > r.head)
      throw failure("the hub's head answer says more rejections follow but lists none after seq " +
                    std::to_string(after) + " up to its head " + std::to_string(r.head));
    part = get_own(t, "/v1/head?after=" + std::to_string(after = next));
    r.page.rejections.insert(r.page.rejections.end(), part.page.rejections.begin(), part.page.rejections.end());
  }
  return r;
}

static std::string own_hash(const Store& s, int64_t seq) {
  Stmt q(s.db, "SELECT hash FROM ops WHERE device=? AND seq=?");
  q.bind(1, s.device).bind(2, seq);
  return q.step() ? q.text(0) : "";
}

static constexpr const char* kRecoverAdvice = ": run `kinerja recover` to take this device's ops back from the hub";

std::string rollback_problem(const Store& s, const OwnOps* hub) {
  int64_t local = last_seq(s.db, s.device);
  int64_t acked = std::max(acked_seq(s.db), hub ? hub->head : 0);
  if (acked > local)
    return "this store was rolled back (a copy restored from before a sync, or writes lost in a crash): the hub "
           "acknowledged this device's ops up to seq " +
           std::to_string(acked) + ", the store holds them only up to seq " + std::to_string(local) + kRecoverAdvice;
  if (hub && hub->head > 0 && own_hash(s, hub->head) != hub->head_hash)
    return "this store's op at seq " + std::to_string(hub->head) +
           " differs from the one the hub holds: the store was rolled back, then written again" + kRecoverAdvice;
  return "";
}

std::string hub_rollback_problem(const Store& s, Transport& t) {
  OwnOps hub = fetch_own_ops(t, last_seq(s.db, s.device), 1);
  return rollback_problem(s, &hub);
}

RecoverResult recover_own_ops(Store& s, Transport& t, const SyncSettings& settings) {
  RecoverResult r;
  r.from = r.to = last_seq(s.db, s.device);
  int64_t after = std::min(acked_seq(s.db), r.from);
  for (bool more = true; more;) {
    OwnOps own = fetch_own_ops(t, after, settings.pull_ops);
    PullPage& page = own.page;
    auto fork = std::find_if(page.ops.begin(), page.ops.end(),
                             [&](const Op& op) { return op.seq <= r.from && own_hash(s, op.seq) != op.hash; });
    if (fork != page.ops.end()) {
      Stmt q(s.db, std::string("SELECT ") + kOpColumns + " FROM ops WHERE device=? AND seq>=? ORDER BY seq");
      q.bind(1, s.device).bind(2, fork->seq);
      while (q.step()) r.forked.push_back(op_from_row(q));
      return r;
    }
    if (page.ops.empty()) break;
    page.cursor = meta_get(s.db, kMetaCursor).value_or("");  // own ops leave the pull cursor as it is
    apply_pull_page(s.db, page, r.skipped);
    after = page.ops.back().seq;
    meta_set(s.db, kMetaAcked, std::to_string(after));
    more = page.more;
  }
  r.to = last_seq(s.db, s.device);
  return r;
}

}  // namespace kinerja
