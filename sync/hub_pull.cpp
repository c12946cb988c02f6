// The hub's pull (hub_pull.hpp).
#include "sync/hub_pull.hpp"

#include "client/ledger.hpp"

namespace kinerja {

static constexpr const char* kCursorPrefix = "k1.";

static int64_t decode_cursor(const std::string& cursor) {
  if (cursor.empty()) return 0;
  std::string digits = cursor.substr(0, 3) == kCursorPrefix ? cursor.substr(3) : "";
  if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
    throw ProtocolError{400, "bad_cursor", "the cursor '" + cursor + "' was not issued by this hub", -1};
  return std::stoll(digits);
}

static constexpr size_t kPageBytes = 4 << 20;

PullPage pull_page(const Hub& hub, const std::string& office, const std::string& exclude_device,
                   const std::string& cursor, int64_t limit) {
  int64_t after = decode_cursor(cursor);
  PullPage page;
  Stmt devs(hub.db, "SELECT device, public_key, office, role FROM devices WHERE office=? OR role='hub' ORDER BY device");
  devs.bind(1, office);
  while (devs.step()) page.devices.push_back(DeviceInfo{devs.text(0), devs.text(1), devs.text(2), devs.text(3)});
  Stmt q(hub.db, "SELECT o.v,o.office,o.device,o.seq,o.hlc,o.author,o.type,o.key,o.body,o.prev,o.hash, "
                 "c.sig, r.reason, o.id FROM ops o "
                 "LEFT JOIN checkpoints c ON c.device=o.device AND c.seq=o.seq "
                 "LEFT JOIN rejections r ON r.device=o.device AND r.seq=o.seq "
                 "WHERE o.id>? AND ((o.office=? AND o.device<>?) OR o.device=?) ORDER BY o.id");
  q.bind(1, after).bind(2, office).bind(3, exclude_device).bind(4, hub.device);
  int64_t last_id = after;
  size_t bytes = 0;
  bool full = false;
  while (q.step()) {
    if (full) {
      page.more = true;
      break;
    }
    Op op = op_from_row(q);
    last_id = q.i64(13);
    bytes += q.text(8).size() + 300;
    bool signed_here = !q.is_null(11);
    if (signed_here) page.checkpoints.push_back(Checkpoint{op.device, op.seq, op.hash, q.text(11)});
    if (!q.is_null(12)) page.rejections.push_back(Rejection{op.device, op.seq, op.hash, q.text(12)});
    page.ops.push_back(std::move(op));
    full = signed_here && (static_cast<int64_t>(page.ops.size()) >= limit || bytes >= kPageBytes);
  }
  page.cursor = std::string(kCursorPrefix) + std::to_string(last_id);
  return page;
}

}  // namespace kinerja
