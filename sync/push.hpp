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

// Called after each batch (and each pull page) with ops done of total and bytes sent.
using SyncProgress = std::function<void(const char* phase, int64_t done, int64_t total, int64_t bytes)>;

struct PushStats {
  int64_t ops = 0, batches = 0, acked = 0;
  std::vector<Rejection> new_rejections;
};

// Throws Error(Conflict) when the hub refuses a batch, Error(Failure) when it cannot be
// reached. SIZE adapts as batches complete or fail.
PushStats push_pending(Store& s, Transport& t, const SyncSettings& settings, BatchSize& size,
                       const SyncProgress& progress);

}  // namespace kinerja
