// The hub's push rules (hub_push.hpp).
#include "sync/hub_push.hpp"

#include <optional>

#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/period.hpp"
#include "client/store.hpp"
#include "sync/utc_time.hpp"

namespace kinerja {

static ProtocolError refuse(int status, const std::string& code, const std::string& message, int64_t acked = -1) {
  return ProtocolError{status, code, message, acked};
}

static std::string op_name(const Op& op) { return "op " + op.device + "#" + std::to_string(op.seq); }

// Whether an entry for period P falls inside the locked period L.
static bool period_covers(const Period& l, const Period& p) {
  if (l.year != p.year) return false;
  switch (l.kind) {
    case PeriodKind::Year: return true;
    case PeriodKind::Quarter:
      return (p.kind == PeriodKind::Quarter && p.index == l.index) ||
             (p.kind == PeriodKind::Month && (p.index - 1) / 3 + 1 == l.index);
    case PeriodKind::Month: return p.kind == PeriodKind::Month && p.index == l.index;
  }
  return false;
}

// The period an op's entry is about: its "period", else the month of its "date" (cases, RB
// completions), else its "year" (RB plan items, risks, innovations).
static std::optional<Period> op_period(const Op& op) {
  auto text = [&op](const char* name) {
    auto it = op.body.find(name);
    return it != op.body.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  std::string p = text("period");
  if (p.empty()) p = text("date").substr(0, 7);
  if (p.empty()) p = text("year");
  if (p.empty()) return std::nullopt;
  try {
    return parse_period(p);
  } catch (const Error&) {
    return std::nullopt;
  }
}

static bool on_locked_period(const std::vector<Period>& locks, const Op& op) {
  if (locks.empty()) return false;
  std::optional<Period> p = op_period(op);
  if (!p) return false;
  for (const auto& l : locks)
    if (period_covers(l, *p)) return true;
  return false;
}

static void quarantine(Hub& hub, const Op& op) {
  Tx tx(hub.db);
  Stmt(hub.db, "INSERT INTO quarantine(office,device,seq,hash,op,at) VALUES(?,?,?,?,?,?)")
      .bind(1, op.office).bind(2, op.device).bind(3, op.seq).bind(4, op.hash).bind(5, op_to_json(op).dump())
      .bind(6, utc_now()).run();
  tx.commit();
}

PushResult accept_push(Hub& hub, const Caller& caller, const PushBatch& batch) {
  for (const auto& op : batch.ops) {
    if (op.v != kOpVersion)
      throw refuse(400, "op_version", op_name(op) + " has op version " + op.v + "; this hub knows " + kOpVersion);
    if (op.device != caller.device)
      throw refuse(403, "device_scope", op_name(op) + " belongs to another device than the token's");
    if (op.office != caller.office)
      throw refuse(403, "office_scope", op_name(op) + " is for office " + op.office + ", this device pushes only for " +
                                            caller.office);
    if (compute_hash(op) != op.hash) throw refuse(409, "bad_hash", op_name(op) + ": hash does not match its content");
  }
  Stmt head_q(hub.db, "SELECT seq, hash FROM ops WHERE device=? ORDER BY seq DESC LIMIT 1");
  head_q.bind(1, caller.device);
  int64_t head = 0;
  std::string head_hash = kZeroHash;
  if (head_q.step()) {
    head = head_q.i64(0);
    head_hash = head_q.text(1);
  }
  int64_t held = head;
  Stmt held_q(hub.db, "SELECT hash FROM ops WHERE device=? AND seq=?");
  std::vector<const Op*> fresh;
  for (const auto& op : batch.ops) {
    if (op.seq <= held) {
      held_q.bind(1, op.device).bind(2, op.seq);
      held_q.step();
      bool same = held_q.text(0) == op.hash;
      held_q.reset();
      if (same) continue;
      quarantine(hub, op);
      throw refuse(409, "fork", op_name(op) + " differs from the op the hub holds at that seq: quarantined", held);
    }
    if (op.seq != head + 1)
      throw refuse(409, "chain_gap", op_name(op) + " leaves a gap: the hub holds up to seq " + std::to_string(held), held);
    if (op.prev != head_hash) throw refuse(409, "bad_prev", op_name(op) + ": prev does not match the chain", held);
    head = op.seq;
    head_hash = op.hash;
    fresh.push_back(&op);
  }
  const Checkpoint& c = batch.checkpoint;
  if (!batch.ops.empty()) {
    const Op& last = batch.ops.back();
    Stmt key(hub.db, "SELECT public_key FROM devices WHERE device=?");
    key.bind(1, caller.device);
    key.step();
    if (c.device != caller.device || c.seq != last.seq || c.hash != last.hash ||
        !verify_sig(key.text(0), checkpoint_message(c), c.sig))
      throw refuse(409, "bad_checkpoint", "the batch's checkpoint signature does not cover its last op", held);
  }
  Tx tx(hub.db);
  std::vector<Period> locks;
  Stmt lq(hub.db, "SELECT period FROM locks WHERE office=?");
  lq.bind(1, caller.office);
  while (lq.step()) locks.push_back(parse_period(lq.text(0)));
  std::string now = utc_now();
  Stmt ins(hub.db,
           "INSERT INTO ops(v,office,device,seq,hlc,author,type,key,body,prev,hash,received_at) "
           "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
  Stmt rej(hub.db, "INSERT INTO rejections(device,seq,hash,office,reason,at) VALUES(?,?,?,?,'period_locked',?)");
  std::string max_hlc;
  for (const Op* op : fresh) {
    ins.bind(1, op->v).bind(2, op->office).bind(3, op->device).bind(4, op->seq).bind(5, op->hlc).bind(6, op->author);
    ins.bind(7, op->type).bind(8, op->key).bind(9, canonical_text(op->body)).bind(10, op->prev).bind(11, op->hash);
    ins.bind(12, now).run();
    if (on_locked_period(locks, *op)) rej.bind(1, op->device).bind(2, op->seq).bind(3, op->hash).bind(4, op->office).bind(5, now).run();
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
  r.acked = head;
  if (!batch.ops.empty()) {
    Stmt rq(hub.db, "SELECT device, seq, hash, reason FROM rejections WHERE device=? AND seq BETWEEN ? AND ? ORDER BY seq");
    rq.bind(1, caller.device).bind(2, batch.ops.front().seq).bind(3, batch.ops.back().seq);
    while (rq.step()) r.rejections.push_back(Rejection{rq.text(0), rq.i64(1), rq.text(2), rq.text(3)});
  }
  tx.commit();
  return r;
}

}  // namespace kinerja
