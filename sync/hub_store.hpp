// The hub store: its SQLite file (schema/hub/*.sql) and its own Ed25519 device key
// (PATH.key, 0600). The hub is a device: what the kanwil authors (catalogue, targets,
// locks) is appended as ops on the hub's own chain, each commit signed by the hub key.
#pragma once
#include <cstdint>
#include <string>

#include "client/device_key.hpp"
#include "client/op.hpp"
#include "client/sqlite.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

struct Hub {
  std::string path;
  Db db;
  std::string device;  // the hub's device id
  DeviceKey key;
  int64_t max_clock_ahead_ms = 24 * 3600 * 1000;  // how far ahead of hub time a pushed op's hlc may be
};

// Opens the hub store, creating it and its key on first use, and migrating it.
Hub open_hub(const std::string& path);

std::string random_hex(size_t bytes);

// Appends one op on the hub's chain with its signed checkpoint, inside the caller's Tx.
// OFFICE is the office the op concerns, or "*" for every office.
Op append_hub_op(Hub& hub, const std::string& office, const std::string& type, const std::string& key, json body);

// The device holding bearer TOKEN; throws ProtocolError 401 when unknown, revoked
// (device_revoked) or of a deactivated office (office_inactive).
struct Caller {
  std::string device, office;
};
Caller authenticate(const Hub& hub, const std::string& token);

// Throws ProtocolError STATUS device_revoked or office_inactive, with the kanwil's reason.
void check_active(const Hub& hub, const std::string& device, const std::string& office, int status);

// Registers a device with a one-time code; the token is returned once and stored hashed.
// The request must be signed by the device key (enrol_message), the code unexpired.
// The same device presenting its used code again (its answer was lost) gets a new token.
EnrolResponse enrol_device(Hub& hub, const EnrolRequest& req);

DeviceInfo hub_device_info(const Hub& hub);

// Records that DEVICE finished a sync (its pull reached the end), by hub time.
void mark_synced(Hub& hub, const std::string& device);

// Records one request in the log table and on stderr.
void log_request(Hub& hub, const std::string& method, const std::string& path, const std::string& office,
                 const std::string& device, int status, const std::string& outcome);

}  // namespace kinerja
