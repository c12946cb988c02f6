// What a store remembers about its hub, kept in the store's `meta` table: the hub URL,
// this device's bearer token, the hub's device id and public key (learnt at enrolment),
// the highest seq the hub acknowledged, the pull cursor and the last successful sync.
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

int64_t acked_seq(const Db& db);

// For `kinerja status`: hub, ops not yet acknowledged, last successful sync, rejections.
json sync_status(const Store& s);

}  // namespace kinerja
