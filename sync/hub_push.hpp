// The hub's push rules: a device pushes only its own ops for its own office, of types an
// office may write, each well-formed for its type (client/op_rules.hpp) and stamped no
// further ahead than the hub's clock allows. A batch is one stretch of the device's chain
// in seq order, signed at its last op, and must continue what the hub holds (the chain
// rule, client/chain.hpp), or nothing of it is stored. Held ops at its start are a no-op; a
// held seq with other content is a fork, quarantined (a few per device) once the batch's
// signature is valid, and never stored over. Ops on a period the kanwil has locked (judged
// at arrival, by hub time) are held as chain links but rejected.
#pragma once
#include "sync/hub_store.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

// Throws ProtocolError (4xx) when the batch is refused as a whole.
PushResult accept_push(Hub& hub, const Caller& caller, const PushBatch& batch);

}  // namespace kinerja
