// A store rolled back below what the hub acknowledged (a copy restored from before the last
// sync, a WAL tail lost in a power cut): finding it, against the acknowledged seq kept in
// meta and the head the hub answers for this device, and `kinerja recover`, which takes
// this device's own ops back from the hub, verified as any pulled op (hash, chain link,
// checkpoint signed by this device's key). Ops written after the rollback at seqs the hub
// holds with other content are a fork: recover lists them, keeps them and refuses.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "client/store.hpp"
#include "sync/protocol.hpp"
#include "sync/transport.hpp"

namespace kinerja {

// GET /v1/own after seq AFTER: the hub's head for this device and its ops after AFTER.
OwnOps fetch_own_ops(Transport& t, int64_t after, int64_t limit);

// GET /v1/head after seq AFTER: the hub's head for this device and the rejections of its
// ops after AFTER (all of them, in as many small answers as needed), without ops.
OwnOps fetch_head(Transport& t, int64_t after);

// What is wrong with the store's own chain against what the hub acknowledged (meta's
// acked seq and, when HUB is given, the hub's head), ending with the advice to run
// `kinerja recover`; "" when the store holds all of it.
std::string rollback_problem(const Store& s, const OwnOps* hub);

// rollback_problem() with the head the hub answers now.
std::string hub_rollback_problem(const Store& s, Transport& t);

struct RecoverResult {
  int64_t from = 0, to = 0;  // this device's last seq in the store before and after
  std::vector<Op> forked;    // ops of the store at seqs the hub holds otherwise: nothing was recovered
  std::vector<std::string> skipped;  // recovered ops kept but left out of the state (Ingest::skipped)
};

// Appends the device's ops the hub holds beyond the store's head, page by page (each in
// one transaction), unless the store forked from the hub (then RecoverResult::forked).
RecoverResult recover_own_ops(Store& s, Transport& t, const SyncSettings& settings);

}  // namespace kinerja
