// The ledger (ledger.hpp).
#include "client/ledger.hpp"

#include "client/chain.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/op_rules.hpp"

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
      state_(s.db),
      locks_(pulled_locks(s.db, s.office)) {}

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
  check_op(op);
  if (const PeriodLock* l = covering_lock(locks_, op))
    throw conflict(lock_text(*l) + ": " + type + " " + key +
                   " tidak dicatat; minta kanwil membuka kunci periode itu, lalu sync dan catat lagi");
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

// Checks DEVICE's ops after seq AFTER (whose hash the log holds) up to its head, adding to
// R; returns false at the first break, which R then names. With CONTENT, also re-hashes each
// op's content and lists in R the ops that must not count (op_problem; HUB: the device is
// the hub); without, checks only the stored hashes' links and the signed checkpoints.
static bool verify_chain(const Db& db, const std::string& device, const std::string& public_key, bool hub,
                         int64_t after, bool content, VerifyResult& r) {
  auto broken = [&](int64_t seq, const std::string& why) {
    r.ok = false;
    r.device = device;
    r.seq = seq;
    r.reason = why;
    return false;
  };
  Stmt ops(db, std::string("SELECT ") + kOpColumns + " FROM ops WHERE device=? AND seq>? ORDER BY seq");
  ops.bind(1, device).bind(2, after);
  Stmt cps(db, "SELECT seq, hash, sig FROM checkpoints WHERE device=? AND seq>? ORDER BY seq");
  cps.bind(1, device).bind(2, after);
  bool have_cp = cps.step();
  ChainHead head{after, head_hash(db, device, after)};
  int64_t signed_upto = after;
  auto nothing_held = [](int64_t) { return std::string(); };
  while (ops.step()) {
    Op op = op_head_from_row(ops);  // the hash covers the stored body text as it is
    ++r.ops;
    if (Link l = check_link(head, op, nothing_held); l != Link::Next)
      return l == Link::Gap ? broken(head.seq + 1, "op missing from the chain") : broken(op.seq, link_problem(l, op, head));
    if (content && !hash_matches(op, ops.text(8))) return broken(op.seq, "hash does not match the op's content");
    head = ChainHead{op.seq, op.hash};
    for (; have_cp && cps.i64(0) == op.seq; have_cp = cps.step()) {
      Checkpoint c{device, op.seq, cps.text(1), cps.text(2)};
      if (c.hash != op.hash) return broken(op.seq, "checkpoint names another hash than the op's");
      if (!checkpoint_covers(c, device, head, public_key)) return broken(op.seq, "checkpoint signature is invalid");
      ++r.checkpoints;
      signed_upto = op.seq;
    }
    if (!content) continue;
    std::string why = "op " + device + "#" + std::to_string(op.seq) + ": the body is not JSON";
    op.body = json::parse(ops.text(8), nullptr, false);
    if (!op.body.is_discarded()) why = op_problem(op, hub);
    if (!why.empty()) r.invalid.push_back(InvalidOp{device, op.seq, why});
  }
  if (have_cp) return broken(cps.i64(0), "checkpoint for an op that is not in the log");
  if (signed_upto != head.seq) return broken(signed_upto + 1, "ops after the last signed checkpoint");
  return true;
}

VerifyResult verify_ledger(const Db& db) {
  VerifyResult r;
  Stmt unknown(db, "SELECT device, MIN(seq) FROM ops WHERE device NOT IN (SELECT device FROM devices) GROUP BY device");
  if (unknown.step()) {
    r.ok = false;
    r.device = unknown.text(0);
    r.seq = unknown.i64(1);
    r.reason = "ops from a device whose key is unknown";
    return r;
  }
  Stmt devs(db, "SELECT device, public_key, role FROM devices WHERE device IN (SELECT DISTINCT device FROM ops) ORDER BY device");
  while (devs.step()) {
    ++r.devices;
    if (!verify_chain(db, devs.text(0), devs.text(1), devs.text(2) == "hub", 0, true, r)) break;
  }
  return r;
}

VerifyResult verify_unpushed(const Db& db, const std::string& device, int64_t after) {
  VerifyResult r;
  Stmt key(db, "SELECT public_key FROM devices WHERE device=?");
  key.bind(1, device);
  if (!key.step()) throw failure("the store does not know the key of its own device " + device);
  r.devices = 1;
  verify_chain(db, device, key.text(0), false, after, false, r);
  return r;
}

std::string op_problem(const Op& op, bool from_hub) {
  if (kanwil_only(op.type) && !from_hub)
    return "op " + op.device + "#" + std::to_string(op.seq) + ": only the kanwil's hub may write " + op.type + " ops";
  try {
    check_op(op);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

Ingest::Ingest(Db& db)
    : db_(db),
      held_(db, "SELECT hash FROM ops WHERE device=? AND seq=?"),
      head_(db, "SELECT seq, hash FROM ops WHERE device=? ORDER BY seq DESC LIMIT 1"),
      role_(db, "SELECT role FROM devices WHERE device=?"),
      insert_(db, kInsertOp),
      skip_(db, "INSERT OR IGNORE INTO sync_rejections(device,seq,hash,reason,at) VALUES(?,?,?,'invalid_op',?)"),
      state_(db),
      clock_(load_clock(db)) {}

Ingest::Device& Ingest::device(const std::string& id) {
  auto it = devices_.find(id);
  if (it != devices_.end()) return it->second;
  Device d;
  head_.bind(1, id);
  if (head_.step()) d.head = ChainHead{head_.i64(0), head_.text(1)};
  head_.reset();
  role_.bind(1, id);
  d.hub = role_.step() && role_.text(0) == "hub";
  role_.reset();
  return devices_[id] = d;
}

bool Ingest::add(const Op& op) {
  std::string body_text = canonical_text(op.body);
  if (!hash_matches(op, body_text))
    throw conflict("op " + op.device + "#" + std::to_string(op.seq) + ": hash does not match its content");
  Device& d = device(op.device);
  auto held = [&](int64_t seq) {
    held_.bind(1, op.device).bind(2, seq);
    std::string h = held_.step() ? held_.text(0) : "";
    held_.reset();
    return h;
  };
  Link link = check_link(d.head, op, held);
  if (link == Link::Held) return false;
  if (link != Link::Next) throw conflict(link_problem(link, op, d.head));
  bind_op(insert_, op, body_text);
  insert_.run();
  if (std::string why = op_problem(op, d.hub); !why.empty()) {
    skip_.bind(1, op.device).bind(2, op.seq).bind(3, op.hash).bind(4, today()).run();
    skipped_.push_back(why);
  } else {
    state_.apply(op, body_text);
    clock_ = hlc_merge(clock_, parse_hlc(op.hlc));
  }
  d.head = ChainHead{op.seq, op.hash};
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
  if (!checkpoint_covers(c, c.device, ChainHead{c.seq, head_hash(db, c.device, c.seq)}, key.text(0)))
    throw conflict("checkpoint " + c.device + "#" + std::to_string(c.seq) +
                   ": its signature is invalid or it names another hash than the op's");
  Stmt(db, "INSERT OR IGNORE INTO checkpoints(device,seq,hash,sig) VALUES(?,?,?,?)")
      .bind(1, c.device).bind(2, c.seq).bind(3, c.hash).bind(4, c.sig).run();
}

}  // namespace kinerja
