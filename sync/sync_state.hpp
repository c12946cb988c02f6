// What a store remembers about its hub, kept in the store's `meta` table: the hub URL,
// this device's bearer token, the hub's device id and public key (learnt at enrolment),
// the highest seq the hub acknowledged, the pull cursor, the last successful sync and the
// push batch and pull page sizes that worked on the link to the last hub synced with.
#pragma once
#include <cstdint>
#include <string>

#include "client/canonical.hpp"
#include "client/store.hpp"

namespace kinerja {

inline constexpr const char* kMetaHubUrl = "sync.hub_url";
inline constexpr const char* kMetaToken = "sync.token";
inline constexpr const char* kMetaHubDevice = "sync.hub_device";
inline constexpr const char* kMetaHubKey = "sync.hub_key";
inline constexpr const char* kMetaAcked = "sync.acked_seq";
inline constexpr const char* kMetaCursor = "sync.cursor";
inline constexpr const char* kMetaLastSync = "sync.last_sync_at";
inline constexpr const char* kMetaLink = "sync.link";

// The batch sizes (ops) that worked on the link to HUB; 0 when unknown.
struct LinkSizes {
  std::string hub;
  int64_t push_ops = 0, pull_ops = 0;
};
// The sizes remembered for HUB_URL; zeros when the last sync was with another hub or the
// entry is unreadable.
LinkSizes link_sizes(const Db& db, const std::string& hub_url);
void remember_link_sizes(Db& db, const LinkSizes& sizes);

int64_t acked_seq(const Db& db);

// For `kinerja status`: hub, ops not yet acknowledged, last successful sync, pending rejections.
json sync_status(const Store& s);

}  // namespace kinerja
