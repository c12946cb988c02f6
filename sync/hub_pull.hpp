// The hub's pull: in hub order, what an office may see (its devices' ops and the hub's
// own chain), with the checkpoints and rejections that go with them, the devices whose
// keys verify them, and an opaque cursor. A page ends only where every chain in it is
// covered by a signed checkpoint, so a client can verify a page before applying it.
#pragma once
#include <cstdint>
#include <string>

#include "sync/hub_store.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

// OFFICE's ops after CURSOR ("" = from the start), leaving out EXCLUDE_DEVICE's own ops
// (the caller already has them; "" leaves none out). At least LIMIT ops unless at the end.
PullPage pull_page(const Hub& hub, const std::string& office, const std::string& exclude_device,
                   const std::string& cursor, int64_t limit);

// DEVICE's own ops after seq AFTER, by seq (pages end at a signed checkpoint, as above),
// and the device's head: what a store rolled back below the hub's head recovers.
// GET /v1/head: DEVICE's head and the rejections of its ops after seq AFTER (at most
// kMaxHeadRejections, `more` when there are others), without ops: what a client that lost
// a push's answer needs to know what the hub stored.
inline constexpr int64_t kMaxHeadRejections = 10000;
OwnOps own_head_rejections(const Hub& hub, const std::string& device, int64_t after);

OwnOps own_ops(const Hub& hub, const std::string& device, int64_t after, int64_t limit);

}  // namespace kinerja
