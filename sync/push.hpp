// Push: sends this device's ops the hub has not acknowledged, in batches bounded by count
// (adapting to the link, batch_size.hpp) and bytes, each ending with a checkpoint signed at
// send time. The acknowledged seq is stored after every batch, so an interrupted push
// resumes from the last acknowledged batch; a batch sent twice is a no-op at the hub. After
// a failed attempt the client asks the hub for its head before sending anything again, so
// a lost answer costs one small request, not the batch.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "client/store.hpp"
#include "sync/batch_size.hpp"
#include "sync/protocol.hpp"
#include "sync/transport.hpp"

namespace kinerja {

// Called as a push starts (0 done), after each batch and pull page: ops done of total (-1: unknown), bytes.
using SyncProgress = std::function<void(const char* phase, int64_t done, int64_t total, int64_t bytes)>;

struct PushStats {
  int64_t ops = 0, batches = 0, acked = 0;
  std::vector<Rejection> new_rejections;
};

// The ops after seq AFTER (at most OPS, about MAX_BYTES of JSON), each hashed as it is
// read, with a checkpoint signed now by KEY over the last: one batch as the hub takes it
// (also in a bundle, sync/bundle_office.hpp). Error(Failure) for an op that fails its hash.
PushBatch read_batch(const Store& s, const DeviceKey& key, int64_t after, int64_t ops, int64_t max_bytes);

// Refuses to sign and send the ops after seq AFTER unless their chain is sound (see
// verify_unpushed): an op edited in the file and re-hashed no longer matches the checkpoint
// signed when it was written; read_batch hashes each op's content before signing its batch.
void check_unpushed(const Store& s, int64_t after);

// Takes what the hub says it holds of this device (HUB: its head after a failed attempt, or
// a bundle's receipt): the head and the rejections of the ops after ST.acked are recorded
// with the new acknowledged seq. Returns the hub's head; below ST.acked (nothing recorded)
// when it lost ops. Error(Conflict) when the store holds less than the hub (a rollback).
int64_t take_hub_head(Store& s, const OwnOps& hub, PushStats& st);

// Throws Error(Conflict) when the hub refuses a batch, Error(Failure) when it cannot be
// reached. SIZE adapts as batches complete or fail.
PushStats push_pending(Store& s, Transport& t, const SyncSettings& settings, BatchSize& size,
                       const SyncProgress& progress);

}  // namespace kinerja
