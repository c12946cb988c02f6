// Bundles at the hub (sync/bundle.hpp): a device's push bundle is taken exactly as its push
// would be (accept_push: the same checks, chain rules, locks and idempotence; a bundle
// refused stores nothing), once the file is signed by the key the device enrolled with, and
// answered with a receipt signed by the hub's key; an office's pull is written as a bundle.
#pragma once
#include <cstdint>
#include <string>

#include "sync/hub_store.hpp"

namespace kinerja {

struct BundleImport {
  std::string device, office;
  int64_t ops = 0, fresh = 0, acked = 0, rejections = 0, files = 0;
};

// Applies the push bundle PATH and writes the receipt to RECEIPT_PATH. Error(BadInput) for a
// file that is not a readable bundle; Error(Conflict) when refused (another hub, an unknown
// or revoked device, a signature that does not verify, a refused op).
BundleImport import_push_bundle(Hub& hub, const std::string& path, const std::string& receipt_path);

struct BundleExport {
  int64_t ops = 0, pages = 0;
  std::string cursor;  // where the next bundle for the office starts (--since)
  bool more = false;   // the office has more than one bundle holds: export again from CURSOR
};

// Writes OFFICE's pull from cursor SINCE ("" = from the start) to PATH, signed by the hub.
BundleExport export_pull_bundle(const Hub& hub, const std::string& office, const std::string& since,
                                const std::string& path);

}  // namespace kinerja
