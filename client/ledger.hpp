// The ledger: the append-only, hash-chained op log of a store. A Batch appends this
// device's next ops in one transaction, writes their state in the same transaction and
// ends with one signed checkpoint over the new chain head. verify_ledger() re-checks
// every link and signature; an Ingest takes ops of other devices (from sync).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/chain.hpp"
#include "client/hlc.hpp"
#include "client/op.hpp"
#include "client/period_lock.hpp"
#include "client/state.hpp"
#include "client/store.hpp"

namespace kinerja {

class Batch {
 public:
  explicit Batch(Store& s);
  // Appends an op writing cell (TYPE, KEY). BODY gets "base": the hash of the cell's
  // current winner, so a later reader can tell a correction from a concurrent write.
  // The op returned is valid until the next append: a Batch keeps only the chain head,
  // so its memory does not grow with the number of ops. An op on a period the kanwil has
  // locked (a lock this store has pulled, period_lock.hpp) is Error(Conflict): every
  // register writes through here, so none writes on a locked period.
  const Op& append(const std::string& type, const std::string& key, json body);
  // Signs the checkpoint and commits. Without commit() nothing is written.
  void commit();
  size_t size() const { return count_; }

 private:
  Store& store_;
  Tx tx_;
  DeviceKey key_;
  Hlc clock_;
  int64_t seq_ = 0;
  std::string prev_;
  Stmt insert_;
  Stmt cell_hash_;
  StateWriter state_;
  std::vector<PeriodLock> locks_;
  Op last_;
  size_t count_ = 0;
};

// Reads ops in log order (local arrival); F returns false to stop.
void for_each_op(const Db& db, const std::function<bool(const Op&)>& f, int64_t after_id = 0);
Op op_from_row(const Stmt& s);  // columns: v,office,device,seq,hlc,author,type,key,body,prev,hash
Op op_head_from_row(const Stmt& s);  // the same, but the body is left as text in column 8
extern const char* const kOpColumns;

int64_t op_count(const Db& db);
int64_t last_seq(const Db& db, const std::string& device);

// An op whose chain link is sound but whose content a reader must not use (op_problem).
struct InvalidOp {
  std::string device;
  int64_t seq = 0;
  std::string reason;
};

struct VerifyResult {
  bool ok = true;
  int64_t ops = 0, devices = 0, checkpoints = 0;
  std::string device;  // where the first break is
  int64_t seq = 0;
  std::string reason;
  std::vector<InvalidOp> invalid;  // kept in the log, left out of the state
};
VerifyResult verify_ledger(const Db& db);
// The chain checks of verify_ledger for this store's own DEVICE, from the op after seq
// AFTER to its head, without re-hashing contents: each stored hash linked to the one before
// and every op covered by a checkpoint signed when it was written. A push runs it before it
// signs anything and hashes each op's content as it reads the op into a batch (push.cpp):
// an op edited and re-hashed breaks a link or a checkpoint, one edited but not re-hashed
// fails its hash before its batch is signed.
VerifyResult verify_unpushed(const Db& db, const std::string& device, int64_t after);

// Why OP must not count: malformed for its type (op_rules.hpp), or of a kanwil-only type
// but not FROM_HUB. "" when it may.
std::string op_problem(const Op& op, bool from_hub);

// Takes ops of any device (pulled from the hub) into the log, inside the caller's
// transaction: statements are prepared once and each device's head is read once, so a
// page of ops costs one insert and one state write per op.
class Ingest {
 public:
  explicit Ingest(Db& db);
  // Checks OP's hash and its link to the device's head (chain.hpp) and inserts it. An op
  // that may count is applied to state; one that may not (op_problem) is kept in the log
  // as a link of its chain, recorded in sync_rejections as `invalid_op`, left out of the
  // state and listed by skipped(). Returns false if the op is already held (same hash);
  // throws Error(Conflict) for a bad hash, a fork (same seq, other content) or a gap.
  bool add(const Op& op);
  // Advances the store's clock past every op applied.
  void finish();
  // "op DEVICE#SEQ …: why" for each op added but left out of the state.
  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  struct Device {
    ChainHead head;
    bool hub = false;
  };
  Device& device(const std::string& id);

  Db& db_;
  Stmt held_, head_, role_, insert_, skip_;
  StateWriter state_;
  Hlc clock_;
  std::map<std::string, Device> devices_;
  std::vector<std::string> skipped_;
};

// One op through an Ingest (tests, single ops).
bool ingest_op(Db& db, const Op& op);
void ingest_checkpoint(Db& db, const Checkpoint& c);  // verifies the signature

}  // namespace kinerja
