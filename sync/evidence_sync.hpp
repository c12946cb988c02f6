// Evidence files in a sync, lazily, after the ops: the files this device holds that the
// hub lacks are uploaded (PUT by SHA-256, which the hub verifies), and the files the
// office's entries reference that this device lacks are downloaded (verified the same way
// before they are kept). Content addressing makes both idempotent, so an interrupted
// transfer resumes with the next sync; nothing is transferred on a metered link.
#pragma once
#include <cstdint>

#include "client/store.hpp"
#include "sync/transport.hpp"

namespace kinerja {

struct EvidenceStats {
  int64_t uploaded = 0, downloaded = 0;
  int64_t pending = 0;   // referenced files still missing here or at the hub (e.g. not yet uploaded by their device)
  bool skipped = false;  // a metered link: nothing transferred
};

// Throws Error(Failure) when the hub cannot be reached, Error(Conflict) when it refuses.
EvidenceStats sync_evidence(Store& s, Transport& t, const SyncSettings& settings);

}  // namespace kinerja
