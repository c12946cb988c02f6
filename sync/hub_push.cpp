// The hub's push rules (hub_push.hpp).
#include "sync/hub_push.hpp"

#include "client/chain.hpp"
#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/op_rules.hpp"
#include "client/period_lock.hpp"
#include "client/store.hpp"
#include "sync/utc_time.hpp"

namespace kinerja {

static ProtocolError refuse(int status, const std::string& code, const std::string& message, int64_t acked = -1) {
  return ProtocolError{status, code, message, acked};
}

static std::string op_name(const Op& op) { return "op " + op.device + "#" + std::to_string(op.seq); }

// Keeps a fork for the kanwil to look at, at most kQuarantinePerDevice per device: past
// that, forks are refused without being stored, so garbage cannot fill the hub.
static constexpr int64_t kQuarantinePerDevice = 10;

static void quarantine(Hub& hub, const Op& op) {
  Stmt n(hub.db, "SELECT COUNT(*) FROM quarantine WHERE device=?");
  n.bind(1, op.device);
  n.step();
  if (n.i64(0) >= kQuarantinePerDevice) return;
  Tx tx(hub.db);
  Stmt(hub.db, "INSERT INTO quarantine(office,device,seq,hash,op,at) VALUES(?,?,?,?,?,?)")
      .bind(1, op.office).bind(2, op.device).bind(3, op.seq).bind(4, op.hash).bind(5, op_to_json(op).dump())
      .bind(6, utc_now()).run();
  tx.commit();
}

// Refuses OP before anything is stored: the caller's own op, of a type an office may
// write, well-formed (check_op), and not stamped further ahead of the hub's clock than
// the hub allows.
static void check_fresh_op(const Hub& hub, const Caller& caller, const Op& op) {
  if (op.v != kOpVersion)
    throw refuse(400, "op_version", op_name(op) + " has op version " + op.v + "; this hub knows " + kOpVersion);
  if (op.device != caller.device)
    throw refuse(403, "device_scope", op_name(op) + " belongs to another device than the token's");
  if (op.office != caller.office)
    throw refuse(403, "office_scope", op_name(op) + " is for office " + op.office + ", this device pushes only for " +
                                          caller.office);
  if (kanwil_only(op.type))
    throw refuse(403, "kanwil_only", op_name(op) + ": only the kanwil's hub may write " + op.type + " ops");
  try {
    check_op(op);
  } catch (const Error& e) {
    throw refuse(400, "bad_op", e.what());
  }
  int64_t limit = wall_clock_ms() + hub.max_clock_ahead_ms;
  if (parse_hlc(op.hlc).ms > limit)
    throw refuse(400, "clock_ahead", op_name(op) + " is stamped " + op.hlc + ", more than " +
                                         std::to_string(hub.max_clock_ahead_ms / 3600000) +
                                         " h ahead of the hub's clock: set the device's clock right");
}

// A gap or a broken prev link, as the hub answers it.
static ProtocolError link_refusal(Link l, const Op& op, const ChainHead& head, int64_t held) {
  return refuse(409, l == Link::Gap ? "chain_gap" : "bad_prev", link_problem(l, op, head), held);
}

PushResult accept_push(Hub& hub, const Caller& caller, const PushBatch& batch) {
  std::vector<std::string> bodies;
  bodies.reserve(batch.ops.size());
  for (const auto& op : batch.ops) {
    check_fresh_op(hub, caller, op);
    bodies.push_back(canonical_text(op.body));
    if (!hash_matches(op, bodies.back()))
      throw refuse(409, "bad_hash", op_name(op) + ": hash does not match its content");
  }
  // The batch is one stretch of the chain, in order, signed at its last op: so the
  // signature covers every op of it, whichever of them the hub already holds.
  auto none = [](int64_t) { return std::string(); };
  for (size_t i = 1; i < batch.ops.size(); ++i) {
    ChainHead before{batch.ops[i - 1].seq, batch.ops[i - 1].hash};
    Link l = check_link(before, batch.ops[i], none);
    if (l == Link::Gap || l == Link::BadPrev) throw link_refusal(l, batch.ops[i], before, -1);
    if (l != Link::Next)
      throw refuse(409, "bad_batch", "the batch's ops are not in seq order: " + op_name(batch.ops[i]) + " follows seq " +
                                         std::to_string(before.seq));
  }
  Stmt head_q(hub.db, "SELECT seq, hash FROM ops WHERE device=? ORDER BY seq DESC LIMIT 1");
  head_q.bind(1, caller.device);
  ChainHead head;
  if (head_q.step()) head = ChainHead{head_q.i64(0), head_q.text(1)};
  const int64_t held = head.seq;
  const Checkpoint& c = batch.checkpoint;
  if (!batch.ops.empty()) {
    const Op& last = batch.ops.back();
    Stmt key(hub.db, "SELECT public_key FROM devices WHERE device=?");
    key.bind(1, caller.device);
    key.step();
    if (!checkpoint_covers(c, caller.device, ChainHead{last.seq, last.hash}, key.text(0)))
      throw refuse(409, "bad_checkpoint", "the batch's checkpoint signature does not cover its last op", held);
  }
  Stmt held_q(hub.db, "SELECT hash FROM ops WHERE device=? AND seq=?");
  auto held_hash = [&](int64_t seq) {
    held_q.bind(1, caller.device).bind(2, seq);
    std::string h = held_q.step() ? held_q.text(0) : "";
    held_q.reset();
    return h;
  };
  std::vector<size_t> fresh;
  for (size_t i = 0; i < batch.ops.size(); ++i) {
    const Op& op = batch.ops[i];
    switch (Link l = check_link(head, op, held_hash)) {
      case Link::Held: continue;
      case Link::Next: break;
      case Link::Fork:
        quarantine(hub, op);
        throw refuse(409, "fork", op_name(op) + " differs from the op the hub holds at that seq: quarantined", held);
      case Link::Gap:
      case Link::BadPrev: throw link_refusal(l, op, head, held);
    }
    head = ChainHead{op.seq, op.hash};
    fresh.push_back(i);
  }
  Tx tx(hub.db);
  std::vector<PeriodLock> locks;
  Stmt lq(hub.db, "SELECT period, substr(locked_at,1,10) FROM locks WHERE office=?");
  lq.bind(1, caller.office);
  while (lq.step()) locks.push_back(PeriodLock{parse_period(lq.text(0)), lq.text(1)});
  std::string now = utc_now();
  Stmt ins(hub.db,
           "INSERT INTO ops(v,office,device,seq,hlc,author,type,key,body,prev,hash,received_at) "
           "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
  Stmt rej(hub.db, "INSERT INTO rejections(device,seq,hash,office,reason,at) VALUES(?,?,?,?,'period_locked',?)");
  std::string max_hlc;
  for (size_t i : fresh) {
    const Op* op = &batch.ops[i];
    ins.bind(1, op->v).bind(2, op->office).bind(3, op->device).bind(4, op->seq).bind(5, op->hlc).bind(6, op->author);
    ins.bind(7, op->type).bind(8, op->key).bind(9, bodies[i]).bind(10, op->prev).bind(11, op->hash);
    ins.bind(12, now).run();
    if (covering_lock(locks, *op)) rej.bind(1, op->device).bind(2, op->seq).bind(3, op->hash).bind(4, op->office).bind(5, now).run();
    if (op->hlc > max_hlc) max_hlc = op->hlc;
  }
  if (!fresh.empty()) {
    Stmt(hub.db, "INSERT OR IGNORE INTO checkpoints(device,seq,hash,sig) VALUES(?,?,?,?)")
        .bind(1, c.device).bind(2, c.seq).bind(3, c.hash).bind(4, c.sig).run();
    auto last = meta_get(hub.db, "hlc");
    Hlc merged = hlc_merge(last ? parse_hlc(*last) : Hlc{}, parse_hlc(max_hlc));
    meta_set(hub.db, "hlc", format_hlc(merged));
  }
  PushResult r;
  r.acked = head.seq;
  if (!batch.ops.empty()) {
    Stmt rq(hub.db, "SELECT device, seq, hash, reason FROM rejections WHERE device=? AND seq BETWEEN ? AND ? ORDER BY seq");
    rq.bind(1, caller.device).bind(2, batch.ops.front().seq).bind(3, batch.ops.back().seq);
    while (rq.step()) r.rejections.push_back(Rejection{rq.text(0), rq.i64(1), rq.text(2), rq.text(3)});
  }
  tx.commit();
  return r;
}

}  // namespace kinerja
