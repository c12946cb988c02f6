// Pull: fetches, page by page, what the hub holds for this office (the office's other
// devices and the hub's own chain), verifies every op (hash, chain link, signed
// checkpoint by a key learnt from the hub at enrolment) and applies the page, its
// rejections and its cursor in one transaction: the cursor never runs ahead of the state.
#pragma once
#include <cstdint>

#include "client/sqlite.hpp"
#include "sync/protocol.hpp"
#include "sync/push.hpp"
#include "sync/transport.hpp"

namespace kinerja {

struct PullStats {
  int64_t ops = 0, pages = 0;
};

// Applies one page; returns how many of its ops were new. Throws Error(Conflict) when an
// op or key does not verify (nothing of the page is applied).
int64_t apply_pull_page(Db& db, const PullPage& page);

PullStats pull_all(Store& s, Transport& t, const SyncSettings& settings, const SyncProgress& progress);

}  // namespace kinerja
