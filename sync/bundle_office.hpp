// Bundles at the office (sync/bundle.hpp): `kinerja bundle export` writes the device's
// unacknowledged ops (read and signed as a push batch, with the evidence files they name
// unless metered) for the hub it is enrolled with; `kinerja bundle receipt` takes the hub's
// signed receipt as a push's answer (the acknowledged seq and rejections); `kinerja bundle
// import` applies the hub's pull bundle page by page exactly as pulled pages. Receipts and
// pull bundles must be signed by the enrolled hub's key and name this office (and device).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "client/store.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

struct OfficeBundleExport {
  int64_t ops = 0, first = 0, last = 0;  // seqs of the first and last op in the bundle
  int64_t pending = 0;                   // unacknowledged ops, in the bundle or not
  int64_t files = 0, files_left = 0;     // evidence files in it; left out (metered, or too large)
};

// Writes the bundle to PATH; nothing (OfficeBundleExport::ops 0) when every op is acknowledged.
OfficeBundleExport export_office_bundle(Store& s, const std::string& path, bool metered);

struct ReceiptResult {
  int64_t acked_before = 0, acked = 0;
  std::vector<Rejection> new_rejections;
};
ReceiptResult take_receipt(Store& s, const std::string& path);

struct PullImport {
  int64_t ops = 0, pages = 0;
  std::vector<std::string> skipped;  // ops kept but left out of the state (Ingest::skipped)
};
PullImport import_pull_bundle(Store& s, const std::string& path);

}  // namespace kinerja
