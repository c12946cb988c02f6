// The client's sync entry points: enrol this device with a hub, and one sync (push then
// pull). A sync is successful only when both finished; only then is the time recorded.
#pragma once
#include <cstdint>
#include <string>

#include "client/store.hpp"
#include "sync/evidence_sync.hpp"
#include "sync/pull.hpp"
#include "sync/push.hpp"
#include "sync/recover.hpp"

namespace kinerja {

// Registers the device's public key with the hub using a one-time CODE; stores the hub
// URL, the token and the hub's key in meta and the hub in `devices`. When the hub names the
// office otherwise than the store (or the store was made with `init --office` alone), an
// `office` op records the hub's name and kanwil.
EnrolResponse enrol(Store& s, const std::string& hub_url, const std::string& code, const SyncSettings& settings);

struct SyncReport {
  PushStats push;
  PullStats pull;
  EvidenceStats evidence;
  int64_t bytes_sent = 0, bytes_received = 0, unacked = 0;
  int retries = 0;
  std::string hub, finished_at;
};

// HUB_URL "" uses the enrolled hub. Throws on failure; nothing is reported as synced then.
// A store rolled back below what the hub acknowledged is Error(Conflict), before any push.
SyncReport run_sync(Store& s, const std::string& hub_url, const SyncSettings& settings, const SyncProgress& progress);

json to_json(const SyncReport& r);

// The hub (HUB_URL, "" the enrolled one) and this device's token; Error(BadInput) when the
// device is not enrolled.
struct HubLink {
  std::string url, token;
};
HubLink hub_link(const Store& s, const std::string& hub_url);

// `kinerja recover` against HUB_URL ("" the enrolled hub): recover_own_ops().
RecoverResult run_recover(Store& s, const std::string& hub_url, const SyncSettings& settings);

}  // namespace kinerja
