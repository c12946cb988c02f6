// Push (push.hpp).
#include "sync/push.hpp"

#include <future>
#include <optional>

#include "client/chain.hpp"
#include "client/error.hpp"
#include "client/ledger.hpp"
#include "sync/recover.hpp"
#include "sync/rejections.hpp"
#include "sync/sync_state.hpp"

namespace kinerja {

// A batch read from the ledger and encoded for the wire.
struct PreparedBatch {
  int64_t first = 0, last = 0, count = 0;  // seqs of its first and last op
  EncodedBody body;
};

static PreparedBatch next_batch(const Store& s, const DeviceKey& key, int64_t after, int64_t ops, int64_t max_bytes) {
  PushBatch b;
  Stmt q(s.db, std::string("SELECT ") + kOpColumns + " FROM ops WHERE device=? AND seq>? ORDER BY seq LIMIT ?");
  q.bind(1, s.device).bind(2, after).bind(3, ops);
  int64_t bytes = 0;
  while (bytes < max_bytes && q.step()) {
    b.ops.push_back(op_from_row(q));
    if (!hash_matches(b.ops.back(), q.text(8)))
      throw failure("op " + s.device + "#" + std::to_string(b.ops.back().seq) +
                    " of this store does not match its hash: nothing more was pushed; see `kinerja verify`");
    bytes += static_cast<int64_t>(q.text(8).size()) + 400;
  }
  if (b.ops.empty()) throw failure("the ledger has no op of this device after seq " + std::to_string(after));
  const Op& last = b.ops.back();
  b.checkpoint = Checkpoint{s.device, last.seq, last.hash, ""};
  b.checkpoint.sig = sign_hex(key, checkpoint_message(b.checkpoint));
  return PreparedBatch{b.ops.front().seq, last.seq, static_cast<int64_t>(b.ops.size()), encode_body(to_json(b))};
}

// Refuses to sign and send the ops after seq AFTER unless their chain is sound (see
// verify_unpushed): an op edited in the file and re-hashed no longer matches the checkpoint
// signed when it was written. next_batch hashes each op's content before signing its batch.
static void check_unpushed(const Store& s, int64_t after) {
  VerifyResult v = verify_unpushed(s.db, s.device, after);
  if (!v.ok)
    throw failure("op " + v.device + "#" + std::to_string(v.seq) + " of this store is broken (" + v.reason +
                  "): nothing was pushed; see `kinerja verify`");
}

// After a push attempt failed (a stall, a reset, an answer lost on the way), asks the hub
// what it holds of this device instead of sending the batch again: its head (the batch may
// have been stored) and the rejections of the ops after ST.acked, which are recorded with
// the new acknowledged seq. Returns what the hub holds; below ST.acked when it lost ops.
static int64_t acked_by_hub(Store& s, Transport& t, PushStats& st) {
  OwnOps hub = fetch_head(t, st.acked);
  if (std::string problem = rollback_problem(s, &hub); !problem.empty()) throw conflict(problem);
  if (hub.head < st.acked) {
    check_unpushed(s, hub.head);
    return hub.head;
  }
  if (hub.head > st.acked) {
    Tx tx(s.db);
    for (auto& rej : record_rejections(s.db, hub.page.rejections)) st.new_rejections.push_back(std::move(rej));
    meta_set(s.db, kMetaAcked, std::to_string(hub.head));
    tx.commit();
    st.ops += hub.head - st.acked;
    ++st.batches;
  }
  return hub.head;
}

// Batches go out one at a time, but while the hub stores batch k this thread reads and
// encodes batch k+1 (the request runs on a worker thread), so client and hub work in
// parallel. A batch prepared ahead is dropped when the hub asks to resend from earlier or
// an attempt failed. Each batch has SIZE's current size.
PushStats push_pending(Store& s, Transport& t, const SyncSettings& settings, BatchSize& size,
                       const SyncProgress& progress) {
  PushStats st;
  DeviceKey key = load_key(s);
  int64_t head = last_seq(s.db, s.device);
  st.acked = acked_seq(s.db);
  int64_t total = head - st.acked, rewinds = 0;
  int failures = 0;
  auto prepare = [&](int64_t after) {
    return after < head ? std::optional(next_batch(s, key, after, size.ops(), settings.batch_bytes)) : std::nullopt;
  };
  if (st.acked < head) check_unpushed(s, st.acked);
  std::optional<PreparedBatch> b = prepare(st.acked);
  while (b) {
    auto sent = std::async(std::launch::async, [&t, &b] { return t.post_once("/v1/push", b->body); });
    std::optional<PreparedBatch> ahead = prepare(b->last);
    Attempt at = sent.get();
    if (!at.answer) {
      if (++failures >= settings.attempts)
        throw gave_up(t.url("/v1/push") + " (ops " + std::to_string(b->first) + ".." + std::to_string(b->last) + ")",
                      failures, at.cause);
      size.failed();
      t.back_off(failures);
      st.acked = acked_by_hub(s, t, st);
      if (progress) progress("push", total - (head - st.acked), total, t.bytes_sent());
      b = prepare(st.acked);
      continue;
    }
    failures = 0;
    const HubAnswer& a = *at.answer;
    if (a.status / 100 != 2) {
      ProtocolError e = refusal(a, "the push");
      if (e.code == "chain_gap" && e.acked >= 0 && e.acked < st.acked && ++rewinds <= 3) {
        st.acked = e.acked;  // the hub holds less than we thought: resend from what it holds
        check_unpushed(s, st.acked);
        b = prepare(st.acked);
        continue;
      }
      throw e;
    }
    PushResult r = decode_answer(push_result_from_json, a.body);
    if (r.acked < b->last)
      throw failure("the hub acknowledged seq " + std::to_string(r.acked) + " of a batch ending at " +
                    std::to_string(b->last));
    Tx tx(s.db);
    for (auto& rej : record_rejections(s.db, r.rejections)) st.new_rejections.push_back(std::move(rej));
    st.acked = std::min(r.acked, head);
    meta_set(s.db, kMetaAcked, std::to_string(st.acked));
    tx.commit();
    st.ops += b->count;
    ++st.batches;
    size.completed(b->count, at.elapsed_ms);
    if (progress) progress("push", total - (head - st.acked), total, t.bytes_sent());
    b = std::move(ahead);
  }
  return st;
}

}  // namespace kinerja
