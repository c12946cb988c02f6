// Bundles at the office (bundle_office.hpp).
#include "sync/bundle_office.hpp"

#include <algorithm>

#include "client/error.hpp"
#include "client/evidence.hpp"
#include "client/ledger.hpp"
#include "sync/bundle.hpp"
#include "sync/pull.hpp"
#include "sync/push.hpp"
#include "sync/sync_state.hpp"

namespace kinerja {

// The enrolled hub's device id and key; Error(BadInput) when this device is not enrolled.
static DeviceInfo enrolled_hub(const Store& s) {
  auto device = meta_get(s.db, kMetaHubDevice), key = meta_get(s.db, kMetaHubKey);
  if (!device || !key)
    throw bad_input("this device is not enrolled: run `kinerja enrol --hub URL --code CODE` first (a bundle is for "
                    "the hub the device is enrolled with)");
  return DeviceInfo{*device, *key, "*", "hub"};
}

// Refuses F unless the enrolled hub signed it for this office.
static void check_from_hub(const Store& s, const SignedFile& f, const std::string& path, const std::string& office) {
  DeviceInfo hub = enrolled_hub(s);
  if (f.signer != hub.device || !signed_by(f, hub.public_key))
    throw conflict(path + ": not signed by the hub this device is enrolled with (" + hub.device + "): refused");
  if (office != s.office)
    throw conflict(path + ": made for office " + office + ", this store is office " + s.office + ": refused");
}

OfficeBundleExport export_office_bundle(Store& s, const std::string& path, bool metered) {
  DeviceInfo hub = enrolled_hub(s);
  OfficeBundleExport r;
  int64_t acked = acked_seq(s.db), head = last_seq(s.db, s.device);
  r.pending = head - acked;
  if (r.pending == 0) return r;
  check_unpushed(s, acked);
  PushBundle b{hub.device, s.office, read_batch(s, load_key(s), acked, r.pending, kMaxBundleJson / 4), {}};
  r.ops = static_cast<int64_t>(b.batch.ops.size());
  r.first = b.batch.ops.front().seq;
  r.last = b.batch.ops.back().seq;
  std::string dir = evidence_dir(s.path);
  size_t room = kMaxBundleJson / 8;  // base64 makes 4 of 3 bytes
  for (const auto& op : b.batch.ops) {
    std::string h = body_text(op.body, "evidence_sha256");
    if (!is_sha256(h)) continue;
    auto bytes = metered ? std::nullopt : read_blob(dir, h);
    if (!bytes || bytes->size() > room) {
      ++r.files_left;
      continue;
    }
    room -= bytes->size();
    b.files.push_back(BundleFile{h, std::move(*bytes)});
  }
  r.files = static_cast<int64_t>(b.files.size());
  write_signed_file(path, "push", s.device, load_key(s), to_json(b));
  return r;
}

ReceiptResult take_receipt(Store& s, const std::string& path) {
  SignedFile f = read_signed_file(path, "receipt");
  Receipt receipt = decode_bundle(receipt_from_json, f, path);
  check_from_hub(s, f, path, receipt.office);
  if (receipt.device != s.device)
    throw conflict(path + ": a receipt for device " + receipt.device + ", this is device " + s.device + ": refused");
  PushStats st;
  st.acked = acked_seq(s.db);
  ReceiptResult r{st.acked, st.acked, {}};
  r.acked = std::max(take_hub_head(s, receipt.head, st), r.acked_before);
  r.new_rejections = std::move(st.new_rejections);
  return r;
}

PullImport import_pull_bundle(Store& s, const std::string& path) {
  SignedFile f = read_signed_file(path, "pull");
  PullBundle b = decode_bundle(pull_bundle_from_json, f, path);
  check_from_hub(s, f, path, b.office);
  PullImport r;
  for (const auto& page : b.pages) {
    r.ops += apply_pull_page(s.db, page, r.skipped);
    ++r.pages;
  }
  return r;
}

}  // namespace kinerja
