// The hub's push rules: a device pushes only its own ops for its own office; each batch
// must continue the device's chain (no gap, right prev, right hash) and end with a valid
// checkpoint signature, or nothing of it is stored. Held ops are a no-op; a held seq with
// other content is a fork, quarantined and never stored over. Ops on a period the kanwil
// has locked (judged at arrival, by hub time) are held as chain links but rejected.
#pragma once
#include "sync/hub_store.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

// Throws ProtocolError (4xx) when the batch is refused as a whole.
PushResult accept_push(Hub& hub, const Caller& caller, const PushBatch& batch);

}  // namespace kinerja
