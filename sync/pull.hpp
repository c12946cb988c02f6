// Pull: fetches, page by page, what the hub holds for this office (the office's other
// devices and the hub's own chain), verifies every op (hash, chain link, signed
// checkpoint by a key learnt from the hub at enrolment) and applies the page, its
// rejections and its cursor in one transaction: the cursor never runs ahead of the state.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "client/sqlite.hpp"
#include "sync/protocol.hpp"
#include "sync/push.hpp"
#include "sync/transport.hpp"

namespace kinerja {

struct PullStats {
  int64_t ops = 0, pages = 0;
  std::vector<std::string> skipped;  // ops kept in the log but left out of the state (Ingest::skipped)
};

// Applies one page; returns how many of its ops were new and adds to SKIPPED a line for
// each op kept but left out of the state. Throws Error(Conflict) when an op or key does
// not verify (nothing of the page is applied).
int64_t apply_pull_page(Db& db, const PullPage& page, std::vector<std::string>& skipped);

// Pages have SIZE's current size (ops), which adapts as pages arrive or fail.
PullStats pull_all(Store& s, Transport& t, const SyncSettings& settings, BatchSize& size,
                   const SyncProgress& progress);

}  // namespace kinerja
