// Bundles at the hub (hub_bundle.hpp).
#include "sync/hub_bundle.hpp"

#include "client/ledger.hpp"
#include "sync/bundle.hpp"
#include "sync/hub_blobs.hpp"
#include "sync/hub_pull.hpp"
#include "sync/hub_push.hpp"

namespace kinerja {

BundleImport import_push_bundle(Hub& hub, const std::string& path, const std::string& receipt_path) {
  SignedFile f = read_signed_file(path, "push");
  PushBundle b = decode_bundle(push_bundle_from_json, f, path);
  if (b.hub != hub.device)
    throw conflict(path + ": the bundle is for hub " + b.hub + ", this hub is " + hub.device + ": refused, nothing stored");
  Stmt dev(hub.db, "SELECT public_key, office FROM devices WHERE device=? AND role='office'");
  dev.bind(1, f.signer);
  if (!dev.step())
    throw conflict(path + ": device " + f.signer + " is not enrolled with this hub: refused, nothing stored");
  Caller who{f.signer, dev.text(1)};
  if (!signed_by(f, dev.text(0)))
    throw conflict(path + ": the bundle's signature does not verify with the key of device " + f.signer +
                   " (altered, or not made by it): refused, nothing stored");
  check_active(hub, who.device, who.office, 403);
  if (b.office != who.office)
    throw conflict(path + ": the bundle is for office " + b.office + ", device " + who.device + " is of office " +
                   who.office + ": refused, nothing stored");
  for (const auto& file : b.files)
    if (sha256_hex(file.bytes) != file.sha256)
      throw conflict(path + ": evidence file " + file.sha256 + " does not hash to its name: refused, nothing stored");
  BundleImport r{who.device, who.office, static_cast<int64_t>(b.batch.ops.size())};
  int64_t before = last_seq(hub.db, who.device);
  try {
    accept_push(hub, who, b.batch);
  } catch (const ProtocolError& e) {
    throw ProtocolError(e.status, e.code, path + ": refused (" + e.code + "), nothing stored: " + e.what(), e.acked);
  }
  for (const auto& file : b.files) store_blob(hub, who.office, file.sha256, file.sha256, file.bytes);
  mark_synced(hub, who.device);
  int64_t first = b.batch.ops.empty() ? 0 : b.batch.ops.front().seq;
  Receipt receipt{hub.device, who.office, who.device, f.sha256, own_head_rejections(hub, who.device, first - 1)};
  write_signed_file(receipt_path, "receipt", hub.device, hub.key, to_json(receipt));
  r.acked = receipt.head.head;
  r.fresh = r.acked - before;
  r.rejections = static_cast<int64_t>(receipt.head.page.rejections.size());
  r.files = static_cast<int64_t>(b.files.size());
  return r;
}

BundleExport export_pull_bundle(const Hub& hub, const std::string& office, const std::string& since,
                                const std::string& path) {
  Stmt known(hub.db, "SELECT 1 FROM offices WHERE office=?");
  known.bind(1, office);
  if (!known.step()) throw bad_input("--office: office " + office + " is not served by this hub");
  PullBundle b{hub.device, office, since, {}};
  BundleExport r;
  r.cursor = since;
  size_t bytes = 0;
  for (r.more = true; r.more && bytes < kMaxBundleJson / 4;) {
    PullPage page = pull_page(hub, office, "", r.cursor, 5000);
    r.more = page.more;
    r.cursor = page.cursor;
    r.ops += static_cast<int64_t>(page.ops.size());
    ++r.pages;
    bytes += to_json(page).dump().size();
    b.pages.push_back(std::move(page));
  }
  write_signed_file(path, "pull", hub.device, hub.key, to_json(b));
  return r;
}

}  // namespace kinerja
