// Sync entry points (sync_client.hpp).
#include "sync/sync_client.hpp"

#include "client/error.hpp"
#include "client/ledger.hpp"
#include "client/office_identity.hpp"
#include "sync/recover.hpp"
#include "sync/sync_state.hpp"
#include "sync/utc_time.hpp"

namespace kinerja {

EnrolResponse enrol(Store& s, const std::string& hub_url, const std::string& code, const SyncSettings& settings) {
  if (hub_url.empty()) throw bad_input("--hub: the hub URL is required, e.g. http://127.0.0.1:8080");
  if (code.empty()) throw bad_input("--code: the enrolment code printed by `kinerja-hub enrol` is required");
  Transport t(hub_url, "", settings);
  DeviceKey key = load_key(s);
  EnrolRequest req{code, s.office, s.device, key.public_hex, ""};
  req.sig = sign_hex(key, enrol_message(req));
  HubAnswer a = t.post("/v1/enrol", to_json(req));
  expect_2xx(a, "the enrolment");
  EnrolResponse r = decode_answer(enrol_response_from_json, a.body);
  if (r.hub.role != "hub" || device_id_for(r.hub.public_key) != r.hub.device)
    throw failure("the hub's answer names a hub key that does not match its device id");
  Tx tx(s.db);
  Stmt known(s.db, "SELECT public_key FROM devices WHERE device=?");
  known.bind(1, r.hub.device);
  if (!known.step())
    Stmt(s.db, "INSERT INTO devices(device, public_key, office, role) VALUES(?,?,'*','hub')")
        .bind(1, r.hub.device).bind(2, r.hub.public_key).run();
  // Another hub (a new hub store, e.g. after the hub key was replaced): pull it from the start.
  if (meta_get(s.db, kMetaHubDevice).value_or(r.hub.device) != r.hub.device) meta_set(s.db, kMetaCursor, "");
  meta_set(s.db, kMetaHubUrl, hub_url);
  meta_set(s.db, kMetaToken, r.token);
  meta_set(s.db, kMetaHubDevice, r.hub.device);
  meta_set(s.db, kMetaHubKey, r.hub.public_key);
  meta_set(s.db, kMetaAcked, "0");
  tx.commit();
  // The office's name and kanwil are the hub's: a store that typed others takes them now
  // (the hub's own op, pulled at the next sync, outranks both: client/office_identity.hpp).
  OfficeIdentity typed = office_identity(s.db, s.office);
  if (!r.name.empty() && (typed.name != r.name || typed.kanwil != r.kanwil)) {
    Batch b(s);
    b.append("office", s.office, json{{"name", r.name}, {"kanwil", r.kanwil}});
    b.commit();
  }
  return r;
}

HubLink hub_link(const Store& s, const std::string& hub_url) {
  auto token = meta_get(s.db, kMetaToken);
  if (!token) throw bad_input("this device is not enrolled: run `kinerja enrol --hub URL --code CODE` first");
  return HubLink{hub_url.empty() ? meta_get(s.db, kMetaHubUrl).value_or("") : hub_url, *token};
}

SyncReport run_sync(Store& s, const std::string& hub_url, const SyncSettings& settings, const SyncProgress& progress) {
  HubLink link = hub_link(s, hub_url);
  SyncReport r;
  r.hub = link.url;
  Transport t(r.hub, link.token, settings);
  if (std::string problem = hub_rollback_problem(s, t); !problem.empty()) throw conflict(problem);
  // The sizes reached are remembered for the next sync with this hub, also when this one
  // fails; a size fixed by the environment is not a measure of the link and is not kept.
  LinkSizes known = link_sizes(s.db, r.hub);
  BatchSize push_size(known.push_ops, settings.batch_ops, !settings.adaptive_push, settings.timeout_ms);
  BatchSize pull_size(known.pull_ops, settings.pull_ops, !settings.adaptive_pull, settings.timeout_ms);
  auto remember = [&] {
    remember_link_sizes(s.db, LinkSizes{r.hub, settings.adaptive_push ? push_size.ops() : known.push_ops,
                                        settings.adaptive_pull ? pull_size.ops() : known.pull_ops});
  };
  try {
    r.push = push_pending(s, t, settings, push_size, progress);
    r.pull = pull_all(s, t, settings, pull_size, progress);
  } catch (const Error&) {
    remember();
    throw;
  }
  remember();
  r.evidence = sync_evidence(s, t, settings);
  r.finished_at = utc_now();
  meta_set(s.db, kMetaLastSync, r.finished_at);
  r.bytes_sent = t.bytes_sent();
  r.bytes_received = t.bytes_received();
  r.retries = t.retries();
  r.unacked = last_seq(s.db, s.device) - acked_seq(s.db);
  return r;
}

RecoverResult run_recover(Store& s, const std::string& hub_url, const SyncSettings& settings) {
  HubLink link = hub_link(s, hub_url);
  Transport t(link.url, link.token, settings);
  return recover_own_ops(s, t, settings);
}

json to_json(const SyncReport& r) {
  json rej = json::array();
  for (const auto& x : r.push.new_rejections) rej.push_back(to_json(x));
  json skipped = json::array();
  for (const auto& x : r.pull.skipped) skipped.push_back(x);
  return json{{"ok", "true"},
              {"hub", r.hub},
              {"pushed_ops", std::to_string(r.push.ops)},
              {"push_batches", std::to_string(r.push.batches)},
              {"acked_seq", std::to_string(r.push.acked)},
              {"unacked_ops", std::to_string(r.unacked)},
              {"pulled_ops", std::to_string(r.pull.ops)},
              {"pull_pages", std::to_string(r.pull.pages)},
              {"bytes_sent", std::to_string(r.bytes_sent)},
              {"bytes_received", std::to_string(r.bytes_received)},
              {"retries", std::to_string(r.retries)},
              {"rejections", std::move(rej)},
              {"skipped", std::move(skipped)},
              {"evidence_uploaded", std::to_string(r.evidence.uploaded)},
              {"evidence_downloaded", std::to_string(r.evidence.downloaded)},
              {"evidence_pending", std::to_string(r.evidence.pending)},
              {"evidence_skipped", r.evidence.skipped ? "true" : "false"},
              {"finished_at", r.finished_at}};
}

}  // namespace kinerja
