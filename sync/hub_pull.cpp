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

// Moves the rows of Q (op columns, then sig, rejection reason and a position) into PAGE
// until it holds at least LIMIT ops (or kPageBytes) and ends at a signed op; returns the
// last position taken, AFTER when none.
static int64_t fill_page(Stmt& q, int64_t limit, int64_t after, PullPage& page) {
  size_t bytes = 0;
  bool full = false;
  while (q.step()) {
    if (full) {
      page.more = true;
      break;
    }
    Op op = op_from_row(q);
    after = q.i64(13);
    bytes += q.text(8).size() + 300;
    bool signed_here = !q.is_null(11);
    if (signed_here) page.checkpoints.push_back(Checkpoint{op.device, op.seq, op.hash, q.text(11)});
    if (!q.is_null(12)) page.rejections.push_back(Rejection{op.device, op.seq, op.hash, q.text(12)});
    page.ops.push_back(std::move(op));
    full = signed_here && (static_cast<int64_t>(page.ops.size()) >= limit || bytes >= kPageBytes);
  }
  return after;
}

// The query of a page: the op columns, sig, rejection reason, then POSITION (column 13).
static std::string page_query(const char* position, const char* where) {
  return std::string("SELECT o.v,o.office,o.device,o.seq,o.hlc,o.author,o.type,o.key,o.body,o.prev,o.hash, "
                     "c.sig, r.reason, ") +
         position +
         " FROM ops o "
         "LEFT JOIN checkpoints c ON c.device=o.device AND c.seq=o.seq "
         "LEFT JOIN rejections r ON r.device=o.device AND r.seq=o.seq " +
         where;
}

PullPage pull_page(const Hub& hub, const std::string& office, const std::string& exclude_device,
                   const std::string& cursor, int64_t limit) {
  int64_t after = decode_cursor(cursor);
  PullPage page;
  Stmt devs(hub.db, "SELECT device, public_key, office, role FROM devices WHERE office=? OR role='hub' ORDER BY device");
  devs.bind(1, office);
  while (devs.step()) page.devices.push_back(DeviceInfo{devs.text(0), devs.text(1), devs.text(2), devs.text(3)});
  Stmt q(hub.db, page_query("o.id", "WHERE o.id>? AND ((o.office=? AND o.device<>?) OR o.device=?) ORDER BY o.id"));
  q.bind(1, after).bind(2, office).bind(3, exclude_device).bind(4, hub.device);
  page.cursor = std::string(kCursorPrefix) + std::to_string(fill_page(q, limit, after, page));
  return page;
}

static OwnOps own_head(const Hub& hub, const std::string& device) {
  OwnOps r;
  Stmt head(hub.db, "SELECT seq, hash FROM ops WHERE device=? ORDER BY seq DESC LIMIT 1");
  head.bind(1, device);
  if (head.step()) {
    r.head = head.i64(0);
    r.head_hash = head.text(1);
  }
  return r;
}

OwnOps own_head_rejections(const Hub& hub, const std::string& device, int64_t after) {
  OwnOps r = own_head(hub, device);
  Stmt q(hub.db, "SELECT device, seq, hash, reason FROM rejections WHERE device=? AND seq>? ORDER BY seq LIMIT ?");
  q.bind(1, device).bind(2, after).bind(3, kMaxHeadRejections + 1);
  while (q.step()) {
    if (static_cast<int64_t>(r.page.rejections.size()) == kMaxHeadRejections) {
      r.page.more = true;
      break;
    }
    r.page.rejections.push_back(Rejection{q.text(0), q.i64(1), q.text(2), q.text(3)});
  }
  return r;
}

OwnOps own_ops(const Hub& hub, const std::string& device, int64_t after, int64_t limit) {
  OwnOps r = own_head(hub, device);
  Stmt q(hub.db, page_query("o.seq", "WHERE o.device=? AND o.seq>? ORDER BY o.seq"));
  q.bind(1, device).bind(2, after);
  fill_page(q, limit, after, r.page);
  return r;
}

}  // namespace kinerja
