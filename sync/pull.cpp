// Pull (pull.hpp).
#include "sync/pull.hpp"

#include <set>

#include "client/device_key.hpp"
#include "client/error.hpp"
#include "client/ledger.hpp"
#include "sync/rejections.hpp"
#include "sync/sync_state.hpp"

namespace kinerja {

static void learn_device(Db& db, const DeviceInfo& d) {
  if (device_id_for(d.public_key) != d.device) throw conflict("the hub sent device " + d.device + " with a key that is not its own");
  if (d.role == "hub" && (meta_get(db, kMetaHubDevice) != d.device || meta_get(db, kMetaHubKey) != d.public_key))
    throw conflict("the hub presented key " + d.device + ", not the one learnt at enrolment");
  Stmt known(db, "SELECT public_key FROM devices WHERE device=?");
  known.bind(1, d.device);
  if (known.step()) {
    if (known.text(0) != d.public_key) throw conflict("the hub sent another public key for known device " + d.device);
    return;
  }
  Stmt(db, "INSERT INTO devices(device, public_key, office, role) VALUES(?,?,?,?)")
      .bind(1, d.device).bind(2, d.public_key).bind(3, d.office).bind(4, d.role == "hub" ? "hub" : "office").run();
}

int64_t apply_pull_page(Db& db, const PullPage& page, std::vector<std::string>& skipped) {
  Tx tx(db);
  for (const auto& d : page.devices) learn_device(db, d);
  int64_t fresh = 0;
  std::set<std::string> touched;
  Stmt known(db, "SELECT 1 FROM devices WHERE device=?");
  Ingest ingest(db);
  for (const auto& op : page.ops) {
    if (op.v != kOpVersion)
      throw failure("pulled op " + op.device + "#" + std::to_string(op.seq) + " has op version " + op.v +
                    ", newer than this kinerja knows (" + kOpVersion + "): upgrade kinerja; nothing was dropped");
    known.bind(1, op.device);
    bool ok = known.step();
    known.reset();
    if (!ok) throw conflict("pulled op " + op.device + "#" + std::to_string(op.seq) + " is from an unknown device");
    if (ingest.add(op)) ++fresh;
    touched.insert(op.device);
  }
  ingest.finish();
  skipped.insert(skipped.end(), ingest.skipped().begin(), ingest.skipped().end());
  for (const auto& c : page.checkpoints) ingest_checkpoint(db, c);
  for (const auto& d : touched) {
    Stmt cp(db, "SELECT 1 FROM checkpoints WHERE device=? AND seq=?");
    cp.bind(1, d).bind(2, last_seq(db, d));
    if (!cp.step()) throw conflict("pulled ops of device " + d + " are not covered by a signed checkpoint");
  }
  record_rejections(db, page.rejections);
  meta_set(db, kMetaCursor, page.cursor);
  tx.commit();
  return fresh;
}

PullStats pull_all(Store& s, Transport& t, const SyncSettings& settings, BatchSize& size,
                   const SyncProgress& progress) {
  PullStats st;
  int failures = 0;
  for (bool more = true; more;) {
    std::string path = "/v1/pull?limit=" + std::to_string(size.ops()) + "&cursor=" + meta_get(s.db, kMetaCursor).value_or("");
    Attempt at = t.get_once(path);
    if (!at.answer) {
      if (++failures >= settings.attempts) throw gave_up(t.url(path), failures, at.cause);
      size.failed();
      t.back_off(failures);
      continue;
    }
    failures = 0;
    const HubAnswer& a = *at.answer;
    expect_2xx(a, "the pull");
    PullPage page = decode_answer(pull_page_from_json, a.body);
    st.ops += apply_pull_page(s.db, page, st.skipped);
    ++st.pages;
    more = page.more;
    size.completed(static_cast<int64_t>(page.ops.size()), at.elapsed_ms);
    if (progress) progress("pull", st.ops, -1, t.bytes_received());
  }
  return st;
}

}  // namespace kinerja
