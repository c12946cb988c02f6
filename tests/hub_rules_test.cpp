// The hub's rules, each against a real kinerja-hub process on 127.0.0.1 and real HTTP:
// office scope, chain checks (gap, prev, hash, checkpoint signature), idempotent re-push,
// forks quarantined, period locks judged by hub state (voids too), pull scope, tokens, size
// limit, void ops checked by the op rules.
#include <catch2/catch.hpp>

#include "client/rb_register.hpp"
#include "client/void_register.hpp"
#include "client/state.hpp"
#include "sync/hub_pull.hpp"
#include "sync/rejections.hpp"
#include "sync/sync_state.hpp"
#include "sync_fixture.hpp"

using namespace kinerja;
using namespace kinerja::test;

TEST_CASE_METHOD(HubAndOffice, "hub: a device pushes only for its own office", "[sync][hub]") {
  enrol_store(hub_db, hub.url, a);
  std::vector<Op> ops = own_ops(a);
  ops[0].office = "407974";
  ops[0].hash = compute_hash(ops[0]);
  Transport t = transport_for(a, hub.url);
  HubAnswer r = t.post("/v1/push", to_json(signed_batch(a, {ops[0]})));
  CHECK(r.status == 403);
  CHECK(error_code(r) == "office_scope");
  CHECK(hub_ops_of(hub_db, a.device) == 0);
}

TEST_CASE_METHOD(HubAndOffice, "hub: an op of an unknown version is refused, nothing stored", "[sync][hub]") {
  enrol_store(hub_db, hub.url, a);
  std::vector<Op> ops = own_ops(a);
  ops[0].v = "2";
  ops[0].hash = compute_hash(ops[0]);
  HubAnswer r = transport_for(a, hub.url).post("/v1/push", to_json(signed_batch(a, {ops[0]})));
  CHECK(r.status == 400);
  CHECK(error_code(r) == "op_version");
  CHECK(hub_ops_of(hub_db, a.device) == 0);
  CHECK(sync(a).push.acked == 2);
}

TEST_CASE_METHOD(HubAndOffice, "hub: chain gap, bad prev, bad hash and bad signature reject the whole batch", "[sync][hub]") {
  record(a, "2024-Q1", "3.5");
  record(a, "2024-Q2", "3.6");
  enrol_store(hub_db, hub.url, a);
  std::vector<Op> ops = own_ops(a);
  REQUIRE(ops.size() == 4);
  Transport t = transport_for(a, hub.url);
  auto refused = [&](const PushBatch& b) {
    HubAnswer r = t.post("/v1/push", to_json(b));
    CHECK(r.status == 409);
    CHECK(hub_ops_of(hub_db, a.device) == 0);
    return error_code(r);
  };
  SECTION("a gap") { CHECK(refused(signed_batch(a, {ops[0], ops[2], ops[3]})) == "chain_gap"); }
  SECTION("a bad prev") {
    ops[1].prev = std::string(64, 'a');
    ops[1].hash = compute_hash(ops[1]);
    CHECK(refused(signed_batch(a, {ops[0], ops[1]})) == "bad_prev");
  }
  SECTION("a bad hash") {
    ops[2].body["value"] = "9";
    CHECK(refused(signed_batch(a, ops)) == "bad_hash");
  }
  SECTION("a bad checkpoint signature") {
    PushBatch b = signed_batch(a, ops);
    b.checkpoint.sig[0] = b.checkpoint.sig[0] == '0' ? '1' : '0';
    CHECK(refused(b) == "bad_checkpoint");
  }
  SECTION("a checkpoint that does not cover the last op") {
    PushBatch b = signed_batch(a, {ops[0], ops[1]});
    b.ops.push_back(ops[2]);
    CHECK(refused(b) == "bad_checkpoint");
  }
  // Nothing was stored, so the genuine chain still goes through.
  CHECK(sync(a).push.acked == 4);
  CHECK(hub_ops_of(hub_db, a.device) == 4);
}

TEST_CASE_METHOD(HubAndOffice, "hub: re-pushing held ops is a no-op", "[sync][hub]") {
  record(a, "2024-Q1", "3.5");
  enrol_store(hub_db, hub.url, a);
  CHECK(sync(a).push.ops == 3);
  Transport t = transport_for(a, hub.url);
  HubAnswer r = t.post("/v1/push", to_json(signed_batch(a, own_ops(a))));
  CHECK(r.status == 200);
  CHECK(push_result_from_json(r.body).acked == 3);
  meta_set(a.db, kMetaAcked, "0");  // a lost acknowledgement: the client sends everything again
  SyncReport again = sync(a);
  CHECK(again.push.ops == 3);
  CHECK(again.push.acked == 3);
  CHECK(hub_ops_of(hub_db, a.device) == 3);
  CHECK(sync(a).push.ops == 0);
}

TEST_CASE_METHOD(HubAndOffice, "hub: a held seq with other content is a fork, quarantined, never stored over", "[sync][hub]") {
  record(a, "2024-Q1", "3.5");
  enrol_store(hub_db, hub.url, a);
  sync(a);
  std::vector<Op> ops = own_ops(a);
  Op forged = ops[2];
  forged.body["value"] = "4.9";
  forged.hash = compute_hash(forged);
  Transport t = transport_for(a, hub.url);
  HubAnswer r = t.post("/v1/push", to_json(signed_batch(a, {forged})));
  CHECK(r.status == 409);
  CHECK(error_code(r) == "fork");
  Hub h = open_hub(hub_db);
  CHECK(query_i64(h.db, "SELECT COUNT(*) FROM quarantine") == 1);
  Stmt held(h.db, "SELECT hash FROM ops WHERE device=? AND seq=3");
  held.bind(1, a.device);
  REQUIRE(held.step());
  CHECK(held.text(0) == ops[2].hash);
  CHECK(offices_summary(h)[0]["quarantined"] == "1");
  CHECK(query_i64(h.db, "SELECT COUNT(*) FROM requests WHERE outcome='fork' AND office='407973'") == 1);
}

TEST_CASE_METHOD(HubAndOffice, "hub: register ops and voids are judged by their date, due quarter or year against locks", "[sync][hub]") {
  std::string early = add_rb_item(a, {2024, "Penguatan Akuntabilitas", "reviu renaksi", "2024-Q1", "", "", "", ""});
  std::string late = add_rb_item(a, {2024, "Penguatan Pengawasan", "sosialisasi", "2024-Q3", "", "", "", ""});
  std::string junk = add_rb_item(a, {2024, "Penguatan Pengawasan", "coba", "2024-Q4", "", "", "", ""});
  std::string planned = add_rb_item(a, {2025, "Penguatan Akuntabilitas", "rencana 2025", "2025-Q1", "", "", "", ""});
  enrol_store(hub_db, hub.url, a);
  sync(a);
  {
    Hub h = open_hub(hub_db);
    set_lock(h, "407973", "2024-Q1", true);
    set_lock(h, "407973", "2025", true);
  }
  mark_rb_done(a, {early, "https://sakip.example.go.id/reviu.pdf", "2024-03-28"});  // in the locked Q1: rejected
  mark_rb_done(a, {late, "https://sakip.example.go.id/sosialisasi.pdf", "2024-08-14"});
  add_rb_item(a, {2025, "Penguatan Akuntabilitas", "reviu 2025", "2025-Q1", "", "", "", ""});  // the locked year
  add_rb_item(a, {2024, "Penguatan Pengawasan", "apel", "2024-Q1", "", "", "", ""});  // due in the locked Q1
  void_entry_by_id(a, "rb", junk, "salah input", "rencana aksi");       // the void of an item due in Q4 stands
  void_entry_by_id(a, "rb", planned, "salah input", "rencana aksi");    // of an item of the locked year: rejected
  SyncReport r = sync(a);
  REQUIRE(r.push.new_rejections.size() == 4);
  std::vector<RbItem> items = list_rb(a.db, 2024);
  REQUIRE(items.size() == 2);
  CHECK(items[0].done_date.empty());
  CHECK(items[1].done_date == "2024-08-14");
  CHECK(list_rb(a.db, 2024, true).back().voided->reason == "salah input");
  std::vector<RbItem> y2025 = list_rb(a.db, 2025);
  REQUIRE(y2025.size() == 1);
  CHECK(y2025[0].id == planned);
}

TEST_CASE_METHOD(HubAndOffice, "hub: several rejected ops on several cells in one push: each cell recomputed without them",
                 "[sync][hub]") {
  record(a, "2024-Q1", "3.5");
  record(a, "2024-Q2", "3.9");
  enrol_store(hub_db, hub.url, a);
  sync(a);
  {
    Hub h = open_hub(hub_db);
    set_lock(h, "407973", "2024", true);
  }
  record(a, "2024-Q1", "3.1");
  record(a, "2024-Q2", "3.0");
  record(a, "2024-Q1", "2.9");
  SyncReport r = sync(a);
  CHECK(r.push.new_rejections.size() == 3);
  CHECK(get_cell(a.db, "value", "ILK/2024-Q1")->body["value"] == "3.5");
  CHECK(get_cell(a.db, "value", "ILK/2024-Q2")->body["value"] == "3.9");
  CHECK(rebuild_state(a.db, true).differences.empty());
  Hub h = open_hub(hub_db);
  CHECK(office_view(h, "407973") == current_values(a.db, "", 0));
}

TEST_CASE_METHOD(HubAndOffice, "hub: an op on a locked period is rejected, kept and listed: judged by hub state, not the device clock",
          "[sync][hub]") {
  record(a, "2024-Q1", "3.5");
  enrol_store(hub_db, hub.url, a);
  sync(a);
  {
    Hub h = open_hub(hub_db);
    set_lock(h, "407973", "2024-Q1", true);
  }
  ::setenv("KINERJA_CLOCK_OFFSET_MS", "-259200000", 1);  // the device clock 3 days behind
  record(a, "2024-Q1", "3.1");
  ::unsetenv("KINERJA_CLOCK_OFFSET_MS");
  record(a, "2024-Q2", "3.9");
  SyncReport r = sync(a);
  CHECK(r.push.acked == 5);
  REQUIRE(r.push.new_rejections.size() == 1);
  CHECK(r.push.new_rejections[0].seq == 4);
  CHECK(r.push.new_rejections[0].reason == "period_locked");
  // Kept in the log, listed, and the locked value stands everywhere.
  CHECK(last_seq(a.db, a.device) == 5);
  CHECK(list_rejections(a.db).size() == 1);
  CHECK(get_cell(a.db, "value", "ILK/2024-Q1")->body["value"] == "3.5");
  CHECK(get_cell(a.db, "value", "ILK/2024-Q2")->body["value"] == "3.9");
  CHECK(get_cell(a.db, "lock", "407973/2024-Q1")->body["state"] == "locked");
  CHECK(rebuild_state(a.db, true).differences.empty());
  Hub h = open_hub(hub_db);
  CHECK(office_view(h, "407973") == current_values(a.db, "", 0));
  CHECK(offices_summary(h)[0]["pending_rejections"] == "1");
  // Pushing again reports the same rejections, nothing new.
  meta_set(a.db, kMetaAcked, "0");
  CHECK(sync(a).push.new_rejections.empty());
  // The office pulled the lock: a write on the period is refused at entry, nothing written.
  int64_t head = last_seq(a.db, a.device);
  try {
    record(a, "2024-Q1", "3.3");
    FAIL("a write on a pulled lock's period must be refused");
  } catch (const Error& e) {
    CHECK(e.kind == ErrorKind::Conflict);
    CHECK(std::string(e.what()).find("periode 2024-Q1 dikunci oleh kanwil pada ") == 0);
  }
  CHECK(last_seq(a.db, a.device) == head);
  // After an unlock, pulled, a new entry is accepted; the rejected one stays in the log and
  // rejected, but is no longer pending, here or at the hub.
  set_lock(h, "407973", "2024-Q1", false);
  sync(a);
  record(a, "2024-Q1", "3.4");
  CHECK(sync(a).push.new_rejections.empty());
  CHECK(get_cell(a.db, "value", "ILK/2024-Q1")->body["value"] == "3.4");
  CHECK(list_rejections(a.db).size() == 1);
  CHECK(pending_rejections(a.db).empty());
  CHECK(offices_summary(h)[0]["pending_rejections"] == "0");
  // A locked year covers its quarters.
  set_lock(h, "407973", "2024", true);
  record(a, "2024-Q3", "3.0");
  REQUIRE(sync(a).push.new_rejections.size() == 1);
  CHECK(!get_cell(a.db, "value", "ILK/2024-Q3"));
  CHECK(office_view(h, "407973") == current_values(a.db, "", 0));
}

TEST_CASE_METHOD(HubAndOffice, "hub: a device of office A cannot pull office B's ops: tokens are checked", "[sync][hub]") {
  Store b = make_office_store(dir.file("b.db"), "407974");
  record(b, "2024-Q1", "2.5");
  enrol_store(hub_db, hub.url, a);
  enrol_store(hub_db, hub.url, b);
  sync(b);
  SyncReport r = sync(a);
  // What a pulls is the hub's chain, which every office sees whole (here the two offices'
  // names, office.identity): nothing of b's device.
  std::string hub_device = *meta_get(a.db, kMetaHubDevice);
  CHECK(r.pull.ops == query_i64(a.db, "SELECT COUNT(*) FROM ops WHERE device='" + hub_device + "'"));
  CHECK(query_i64(a.db, "SELECT COUNT(*) FROM ops WHERE office='407974' AND device<>'" + hub_device + "'") == 0);
  CHECK(query_i64(a.db, "SELECT COUNT(*) FROM ops WHERE device='" + b.device + "'") == 0);
  Transport t = transport_for(a, hub.url);
  HubAnswer page = t.get("/v1/pull?office=407974&limit=100");
  REQUIRE(page.status == 200);
  for (const auto& op : pull_page_from_json(page.body).ops) CHECK((op.office != "407974" || op.device == hub_device));
  Transport stranger(hub.url, "kt_not_a_token", settings_from_env());
  CHECK(stranger.get("/v1/pull").status == 401);
  CHECK(stranger.post("/v1/push", to_json(signed_batch(a, own_ops(a)))).status == 401);
  Hub h = open_hub(hub_db);
  CHECK(query_i64(h.db, "SELECT COUNT(*) FROM requests WHERE status=401 AND outcome='bad_token'") == 2);
}

TEST_CASE_METHOD(HubAndOffice, "hub: enrolment codes are one-time and office-bound", "[sync][hub]") {
  Store b = make_office_store(dir.file("b.db"), "407974");
  Hub h = open_hub(hub_db);
  add_office(h, "407973", "Semarang", "JATENG");
  add_office(h, "407974", "Surakarta", "JATENG");
  std::string code = create_enrol_code(h, "407973");
  CHECK_THROWS_WITH(enrol(b, hub.url, code, settings_from_env()), Catch::Contains("office_mismatch"));
  enrol(a, hub.url, code, settings_from_env());
  std::string first_token = *meta_get(a.db, kMetaToken);
  enrol(a, hub.url, code, settings_from_env());  // the same device again: its answer was lost
  CHECK(*meta_get(a.db, kMetaToken) != first_token);
  CHECK(transport_for(a, hub.url).get("/v1/pull").status == 200);
  CHECK(Transport(hub.url, first_token, settings_from_env()).get("/v1/pull").status == 401);
  Store c = make_office_store(dir.file("c.db"), "407973");
  CHECK_THROWS_WITH(enrol(c, hub.url, code, settings_from_env()), Catch::Contains("code_used"));
  CHECK(query_i64(h.db, "SELECT COUNT(*) FROM devices WHERE token_hash IS NOT NULL") == 1);
  CHECK(query_i64(h.db, "SELECT COUNT(*) FROM devices WHERE token_hash LIKE 'kt_%'") == 0);
}

TEST_CASE("hub: a request body above the size limit is refused with 413 and logged", "[sync][hub]") {
  TempDir dir;
  HubProcess hub(dir.file("hub.db"), "--max-body", "1024");
  Store a = make_office_store(dir.file("a.db"));
  EntryInput big;
  big.indicator = "ILK";
  big.period = "2024-Q1";
  big.value = "3.5";
  big.note = random_hex(2048);  // does not compress below the limit
  record_entries(a, {big});
  enrol_store(dir.file("hub.db"), hub.url, a);
  CHECK_THROWS_WITH(sync(a), Catch::Contains("too_large"));
  CHECK(hub_ops_of(dir.file("hub.db"), a.device) == 0);
  // A request refused before any handler ran is logged just after the answer is written.
  Hub h = open_hub(dir.file("hub.db"));
  for (int i = 0; i < 100 && query_i64(h.db, "SELECT COUNT(*) FROM requests WHERE status=413") == 0; ++i) ::usleep(50000);
  CHECK(query_i64(h.db, "SELECT COUNT(*) FROM requests WHERE status=413 AND outcome='too_large'") == 1);
}

TEST_CASE_METHOD(HubAndOffice, "hub: a void naming a type that cannot be voided is refused as bad_op", "[sync][hub]") {
  enrol_store(hub_db, hub.url, a);
  std::vector<Op> ops = own_ops(a);
  Op& op = ops.back();
  op.type = "void";
  op.key = "value|LAYANAN/2024";
  op.body = json{{"target", "value"}, {"entry", "LAYANAN/2024"}, {"op", std::string(64, 'a')}, {"period", "2024"}, {"reason", "x"}};
  op.hash = compute_hash(op);
  HubAnswer r = transport_for(a, hub.url).post("/v1/push", to_json(signed_batch(a, ops)));
  CHECK(r.status == 400);
  CHECK(error_code(r) == "bad_op");
  CHECK(hub_ops_of(hub_db, a.device) == 0);
}
