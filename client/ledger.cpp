// The ledger (ledger.hpp).
#include "client/ledger.hpp"

#include "client/error.hpp"
#include "client/hlc.hpp"

namespace kinerja {

const char* const kOpColumns = "v,office,device,seq,hlc,author,type,key,body,prev,hash";

static constexpr const char* kInsertOp =
    "INSERT INTO ops(v,office,device,seq,hlc,author,type,key,body,prev,hash) VALUES(?,?,?,?,?,?,?,?,?,?,?)";

static Hlc load_clock(const Db& db) {
  auto v = meta_get(db, "hlc");
  return v ? parse_hlc(*v) : Hlc{};
}

// Binds without copies: OP and BODY_TEXT must outlive the statement's run().
static void bind_op(Stmt& s, const Op& op, const std::string& body_text) {
  s.bind_static(1, op.v).bind_static(2, op.office).bind_static(3, op.device).bind(4, op.seq);
  s.bind_static(5, op.hlc).bind_static(6, op.author).bind_static(7, op.type).bind_static(8, op.key);
  s.bind_static(9, body_text).bind_static(10, op.prev).bind_static(11, op.hash);
}

static std::string head_hash(const Db& db, const std::string& device, int64_t seq) {
  if (seq == 0) return kZeroHash;
  Stmt s(db, "SELECT hash FROM ops WHERE device=? AND seq=?");
  s.bind(1, device).bind(2, seq);
  if (!s.step()) throw failure("ledger is missing op " + device + "#" + std::to_string(seq));
  return s.text(0);
}

Batch::Batch(Store& s)
    : store_(s),
      tx_(s.db),
      key_(load_key(s)),
      clock_(load_clock(s.db)),
      seq_(last_seq(s.db, s.device)),
      prev_(head_hash(s.db, s.device, seq_)),
      insert_(s.db, kInsertOp),
      cell_hash_(s.db, "SELECT hash FROM cells WHERE type=? AND key=?"),
      state_(s.db) {}

const Op& Batch::append(const std::string& type, const std::string& key, json body) {
  Op& op = last_;
  op.office = store_.office;
  op.device = store_.device;
  op.seq = ++seq_;
  clock_ = hlc_tick(clock_, wall_clock_ms());
  op.hlc = format_hlc(clock_);
  op.author = store_.author;
  op.type = type;
  op.key = key;
  cell_hash_.bind(1, type).bind(2, key);
  if (cell_hash_.step()) body["base"] = cell_hash_.text(0);
  cell_hash_.reset();
  op.body = normalize(std::move(body));
  op.prev = prev_;
  std::string body_text = canonical_text(op.body);
  op.hash = compute_hash(op, body_text);
  bind_op(insert_, op, body_text);
  insert_.run();
  state_.apply(op, body_text);
  prev_ = op.hash;
  ++count_;
  return op;
}

void Batch::commit() {
  if (count_ > 0) {
    Checkpoint c{store_.device, seq_, prev_, ""};
    c.sig = sign_hex(key_, checkpoint_message(c));
    Stmt(store_.db, "INSERT INTO checkpoints(device,seq,hash,sig) VALUES(?,?,?,?)")
        .bind(1, c.device).bind(2, c.seq).bind(3, c.hash).bind(4, c.sig).run();
    meta_set(store_.db, "hlc", format_hlc(clock_));
  }
  tx_.commit();
}

Op op_head_from_row(const Stmt& s) {
  Op op;
  op.v = s.text(0);
  op.office = s.text(1);
  op.device = s.text(2);
  op.seq = s.i64(3);
  op.hlc = s.text(4);
  op.author = s.text(5);
  op.type = s.text(6);
  op.key = s.text(7);
  op.prev = s.text(9);
  op.hash = s.text(10);
  return op;
}

Op op_from_row(const Stmt& s) {
  Op op = op_head_from_row(s);
  op.body = json::parse(s.text(8));
  return op;
}

void for_each_op(const Db& db, const std::function<bool(const Op&)>& f, int64_t after_id) {
  Stmt s(db, std::string("SELECT ") + kOpColumns + " FROM ops WHERE id>? ORDER BY id");
  s.bind(1, after_id);
  while (s.step())
    if (!f(op_from_row(s))) break;
}

int64_t op_count(const Db& db) { return query_i64(db, "SELECT COUNT(*) FROM ops"); }

int64_t last_seq(const Db& db, const std::string& device) {
  Stmt s(db, "SELECT COALESCE(MAX(seq),0) FROM ops WHERE device=?");
  s.bind(1, device);
  s.step();
  return s.i64(0);
}

VerifyResult verify_ledger(const Db& db) {
  VerifyResult r;
  auto broken = [&](const std::string& device, int64_t seq, const std::string& why) {
    r.ok = false;
    r.device = device;
    r.seq = seq;
    r.reason = why;
    return r;
  };
  Stmt devs(db, "SELECT device, public_key FROM devices WHERE device IN (SELECT DISTINCT device FROM ops) ORDER BY device");
  Stmt unknown(db, "SELECT device, MIN(seq) FROM ops WHERE device NOT IN (SELECT device FROM devices) GROUP BY device");
  if (unknown.step()) return broken(unknown.text(0), unknown.i64(1), "ops from a device whose key is unknown");
  while (devs.step()) {
    std::string device = devs.text(0), pub = devs.text(1);
    ++r.devices;
    Stmt ops(db, std::string("SELECT ") + kOpColumns + " FROM ops WHERE device=? ORDER BY seq");
    ops.bind(1, device);
    Stmt cps(db, "SELECT seq, hash, sig FROM checkpoints WHERE device=? ORDER BY seq");
    cps.bind(1, device);
    bool have_cp = cps.step();
    std::string prev = kZeroHash;
    int64_t expect = 1, signed_upto = 0;
    while (ops.step()) {
      Op op = op_head_from_row(ops);  // the hash covers the stored body text as it is
      ++r.ops;
      if (op.seq != expect) return broken(device, expect, "op missing from the chain");
      if (op.prev != prev) return broken(device, op.seq, "prev does not match the previous op's hash");
      if (compute_hash(op, ops.text(8)) != op.hash) return broken(device, op.seq, "hash does not match the op's content");
      while (have_cp && cps.i64(0) == op.seq) {
        Checkpoint c{device, op.seq, cps.text(1), cps.text(2)};
        if (c.hash != op.hash) return broken(device, op.seq, "checkpoint names another hash than the op's");
        if (!verify_sig(pub, checkpoint_message(c), c.sig)) return broken(device, op.seq, "checkpoint signature is invalid");
        ++r.checkpoints;
        signed_upto = op.seq;
        have_cp = cps.step();
      }
      prev = op.hash;
      ++expect;
    }
    if (have_cp) return broken(device, cps.i64(0), "checkpoint for an op that is not in the log");
    if (signed_upto != expect - 1) return broken(device, signed_upto + 1, "ops after the last signed checkpoint");
  }
  return r;
}

Ingest::Ingest(Db& db)
    : db_(db),
      held_(db, "SELECT hash FROM ops WHERE device=? AND seq=?"),
      head_(db, "SELECT seq, hash FROM ops WHERE device=? ORDER BY seq DESC LIMIT 1"),
      insert_(db, kInsertOp),
      state_(db),
      clock_(load_clock(db)) {}

const Ingest::Head& Ingest::head(const std::string& device) {
  auto it = heads_.find(device);
  if (it != heads_.end()) return it->second;
  Head h{0, kZeroHash};
  head_.bind(1, device);
  if (head_.step()) h = Head{head_.i64(0), head_.text(1)};
  head_.reset();
  return heads_[device] = h;
}

bool Ingest::add(const Op& op) {
  auto name = [&] { return "op " + op.device + "#" + std::to_string(op.seq); };
  std::string body_text = canonical_text(op.body);
  if (compute_hash(op, body_text) != op.hash) throw conflict(name() + ": hash does not match its content");
  const Head& h = head(op.device);
  if (op.seq <= h.seq) {
    held_.bind(1, op.device).bind(2, op.seq);
    bool same = held_.step() && held_.text(0) == op.hash;
    held_.reset();
    if (same) return false;
    throw conflict(name() + " forks the chain: another op holds that seq");
  }
  if (op.seq != h.seq + 1) throw conflict(name() + " leaves a gap after seq " + std::to_string(h.seq));
  if (op.prev != h.hash) throw conflict(name() + ": prev does not match the chain");
  bind_op(insert_, op, body_text);
  insert_.run();
  state_.apply(op, body_text);
  heads_[op.device] = Head{op.seq, op.hash};
  clock_ = hlc_merge(clock_, parse_hlc(op.hlc));
  return true;
}

void Ingest::finish() { meta_set(db_, "hlc", format_hlc(clock_)); }

bool ingest_op(Db& db, const Op& op) {
  Ingest in(db);
  bool fresh = in.add(op);
  in.finish();
  return fresh;
}

void ingest_checkpoint(Db& db, const Checkpoint& c) {
  Stmt key(db, "SELECT public_key FROM devices WHERE device=?");
  key.bind(1, c.device);
  if (!key.step()) throw conflict("checkpoint from unknown device " + c.device);
  if (!verify_sig(key.text(0), checkpoint_message(c), c.sig))
    throw conflict("checkpoint " + c.device + "#" + std::to_string(c.seq) + ": signature is invalid");
  if (head_hash(db, c.device, c.seq) != c.hash)
    throw conflict("checkpoint " + c.device + "#" + std::to_string(c.seq) + " names another hash than the op's");
  Stmt(db, "INSERT OR IGNORE INTO checkpoints(device,seq,hash,sig) VALUES(?,?,?,?)")
      .bind(1, c.device).bind(2, c.seq).bind(3, c.hash).bind(4, c.sig).run();
}

}  // namespace kinerja
