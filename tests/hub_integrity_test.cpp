// Issue 10, integrity of what the hub stores, each as an enrolled device turned attacker
// would try it against a real kinerja-hub on 127.0.0.1: every pushed op covered by the
// batch's signature, every op checked for its type and clock before anything is stored,
// kanwil-only op types refused from offices, forks quarantined only under a valid
// signature and a few per device, readers that skip what slipped through, and a push that
// refuses to sign ops edited in the store file.
#include <catch2/catch.hpp>

#include "client/hlc.hpp"
#include "client/state.hpp"
#include "sync/hub_admin.hpp"
#include "sync_fixture.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

// Re-links OPS after the op before them (PREV) and re-hashes each: what a device holding
// its own key can make of any content.
void rechain(std::vector<Op>& ops, std::string prev) {
  for (auto& op : ops) {
    op.prev = prev;
    op.hash = compute_hash(op);
    prev = op.hash;
  }
}

HubAnswer push(const Store& s, const std::string& url, const PushBatch& b) {
  return transport_for(s, url).post("/v1/push", to_json(b));
}

// Enrols the fixture's store "a" (with one ILK value recorded first when WITH_VALUE), syncs
// it and returns its ops.
std::vector<Op> synced_ops(HubAndOffice& f, bool with_value) {
  if (with_value) record(f.a, "2024-Q1", "3.5");
  enrol_store(f.hub_db, f.hub.url, f.a);
  sync(f.a);
  return own_ops(f.a);
}

int64_t hub_count(const std::string& hub_db, const std::string& sql, const std::string& arg) {
  return count(open_hub(hub_db).db, sql, arg);
}

// A second device of office 407973, enrolled with its own code.
Store second_device(const TempDir& dir, const std::string& url, const std::string& hub_db) {
  Store b = create_store(dir.file("b.db"), OfficeInfo{"407973", "Kantor Imigrasi 407973", "JATENG", ""});
  Hub hub = open_hub(hub_db);
  enrol(b, url, create_enrol_code(hub, "407973"), settings_from_env());
  return b;
}

}  // namespace

TEST_CASE_METHOD(HubAndOffice, "hub: an unsigned op put before a held one is refused: office-mates keep syncing",
                 "[sync][hub][integrity]") {
  std::vector<Op> ops = synced_ops(*this, true);
  REQUIRE(ops.size() == 3);
  // Op 4, never signed, chained to op 3; then op 3 again with its genuine checkpoint.
  Op forged = ops[2];
  forged.seq = 4;
  forged.key = "ILK/2024-Q2";
  forged.body = json{{"indicator", "ILK"}, {"period", "2024-Q2"}, {"value", "1"}};
  std::vector<Op> one{forged};
  rechain(one, ops[2].hash);
  PushBatch b{{one[0], ops[2]}, signed_batch(a, {ops[2]}).checkpoint};
  HubAnswer r = push(a, hub.url, b);
  CHECK(r.status == 409);
  CHECK(error_code(r) == "bad_batch");
  CHECK(hub_ops_of(hub_db, a.device) == 3);

  Store mate = second_device(dir, hub.url, hub_db);
  CHECK_NOTHROW(sync(mate));
  CHECK(verify_ledger(mate.db).ok);
  CHECK_NOTHROW(office_view(open_hub(hub_db), "407973"));
  CHECK(sync(a).push.acked == 3);  // the victim is not a fork
}

TEST_CASE_METHOD(HubAndOffice, "hub: every op of a batch is checked for its type and clock, not only the last",
                 "[sync][hub][integrity]") {
  enrol_store(hub_db, hub.url, a);
  sync(a);
  record(a, "2024-Q1", "3.5");
  record(a, "2024-Q2", "3.6");
  std::vector<Op> ops = own_ops(a);
  REQUIRE(ops.size() == 4);
  std::vector<Op> fresh{ops[2], ops[3]};
  auto refused = [&](std::vector<Op> batch, int status, const std::string& code) {
    rechain(batch, ops[1].hash);
    HubAnswer r = push(a, hub.url, signed_batch(a, batch));
    CHECK(r.status == status);
    CHECK(error_code(r) == code);
    CHECK(hub_ops_of(hub_db, a.device) == 2);
    return protocol_error_from_json(static_cast<int>(r.status), r.body).what();
  };
  SECTION("a malformed hlc on the first op") {
    fresh[0].hlc = "0";
    CHECK_THAT(refused(fresh, 400, "bad_op"), Catch::Contains("hlc"));
  }
  SECTION("an hlc a hundred years ahead") {
    fresh[0].hlc = format_hlc(Hlc{wall_clock_ms() + 100LL * 365 * 24 * 3600 * 1000, 0});
    refused(fresh, 400, "clock_ahead");
  }
  SECTION("the largest hlc there is") {
    fresh[0].hlc = "999999999999999-999999";
    refused(fresh, 400, "clock_ahead");
  }
  SECTION("a value op without a period") {
    fresh[0].body.erase("period");
    CHECK_THAT(refused(fresh, 400, "bad_op"), Catch::Contains("'period' is missing"));
  }
  SECTION("a numerator that is not a number") {
    fresh[0].body["numerator"] = "abc";
    CHECK_THAT(refused(fresh, 400, "bad_op"), Catch::Contains("'numerator'"));
  }
  SECTION("a catalogue that fails its schema") {
    fresh[0].type = "catalogue";
    fresh[0].key = "2024";
    fresh[0].body = json{{"catalogue", {{"year", "2024"}}}};
    CHECK_THAT(refused(fresh, 400, "bad_op"), Catch::Contains("catalogue"));
  }
  SECTION("an op type the hub does not know") {
    fresh[0].type = "value.evil";
    refused(fresh, 400, "bad_op");
  }
  // The hub's clock did not move, later admin commands work, and the genuine ops go through.
  Hub h = open_hub(hub_db);
  CHECK(parse_hlc(meta_get(h.db, "hlc").value_or(format_hlc(Hlc{}))).ms <= wall_clock_ms() + 60000);
  CHECK_NOTHROW(set_lock(h, "407973", "2023", true));
  CHECK(sync(a).push.acked == 4);
}

TEST_CASE_METHOD(HubAndOffice, "hub: kanwil-only op types from an office device are refused with 403",
                 "[sync][hub][integrity]") {
  std::vector<Op> ops = synced_ops(*this, false);
  for (const auto& [type, key, body] :
       {std::tuple{"risk.scale", "407973", json{{"likelihood", "2"}, {"impact", "2"}}},
        std::tuple{"lock", "407973/2024", json{{"office", "407973"}, {"period", "2024"}, {"state", "unlocked"}}},
        std::tuple{"target.kanwil", "407973/ILK/2024",
                   json{{"office", "407973"}, {"indicator", "ILK"}, {"period", "2024"}, {"value", "1"}}}}) {
    Op op = ops[1];
    op.seq = 3;
    op.type = type;
    op.key = key;
    op.body = body;
    std::vector<Op> batch{op};
    rechain(batch, ops[1].hash);
    HubAnswer r = push(a, hub.url, signed_batch(a, batch));
    CHECK(r.status == 403);
    CHECK(error_code(r) == "kanwil_only");
  }
  CHECK(hub_ops_of(hub_db, a.device) == 2);
}

TEST_CASE_METHOD(HubAndOffice, "hub: a fork is quarantined only under a valid signature, a few per device",
                 "[sync][hub][integrity]") {
  std::vector<Op> ops = synced_ops(*this, true);
  auto fork_of = [&](int i) {
    Op f = ops[2];
    f.body["note"] = "fork " + std::to_string(i);
    f.hash = compute_hash(f);
    return f;
  };
  PushBatch unsigned_fork = signed_batch(a, {ops[2]});
  unsigned_fork.ops = {fork_of(0)};
  HubAnswer r = push(a, hub.url, unsigned_fork);
  CHECK(error_code(r) == "bad_checkpoint");
  CHECK(hub_count(hub_db, "SELECT COUNT(*) FROM quarantine WHERE device=?", a.device) == 0);
  for (int i = 1; i <= 30; ++i) CHECK(error_code(push(a, hub.url, signed_batch(a, {fork_of(i)}))) == "fork");
  CHECK(hub_count(hub_db, "SELECT COUNT(*) FROM quarantine WHERE device=?", a.device) == 10);
}

TEST_CASE_METHOD(HubAndOffice, "an op that slipped into the hub is skipped by readers, named by device and seq",
                 "[sync][hub][integrity]") {
  enrol_store(hub_db, hub.url, a);
  sync(a);
  record(a, "2024-Q1", "3.5");
  std::vector<Op> ops = own_ops(a);
  // As an older hub stored it: a value op with a numerator "abc", signed by the device.
  Op bad = ops[2];
  bad.body = json{{"indicator", "LAYANAN"}, {"period", "2024-Q1"}, {"numerator", "abc"}, {"denominator", "5"}};
  bad.key = "LAYANAN/2024-Q1";
  std::vector<Op> one{bad};
  rechain(one, ops[1].hash);
  PushBatch b = signed_batch(a, one);
  {
    Hub h = open_hub(hub_db);
    Stmt(h.db, "INSERT INTO ops(v,office,device,seq,hlc,author,type,key,body,prev,hash,received_at) "
               "VALUES(?,?,?,?,?,?,?,?,?,?,?,'2026-01-01T00:00:00Z')")
        .bind(1, bad.v).bind(2, bad.office).bind(3, bad.device).bind(4, bad.seq).bind(5, bad.hlc).bind(6, bad.author)
        .bind(7, bad.type).bind(8, bad.key).bind(9, canonical_text(one[0].body)).bind(10, one[0].prev)
        .bind(11, one[0].hash).run();
    Stmt(h.db, "INSERT INTO checkpoints(device,seq,hash,sig) VALUES(?,?,?,?)")
        .bind(1, b.checkpoint.device).bind(2, b.checkpoint.seq).bind(3, b.checkpoint.hash).bind(4, b.checkpoint.sig).run();
  }
  Store mate = second_device(dir, hub.url, hub_db);
  SyncReport r = sync(mate);
  REQUIRE(r.pull.skipped.size() == 1);
  CHECK_THAT(r.pull.skipped[0], Catch::Contains(a.device + "#3") && Catch::Contains("numerator"));
  CHECK_FALSE(get_cell(mate.db, "value", "LAYANAN/2024-Q1"));
  VerifyResult v = verify_ledger(mate.db);
  CHECK(v.ok);
  REQUIRE(v.invalid.size() == 1);
  CHECK(v.invalid[0].seq == 3);
  CHECK_NOTHROW(office_view(open_hub(hub_db), "407973"));
  CHECK(sync(mate).pull.skipped.empty());  // pulled once, kept, not pulled again
}

TEST_CASE_METHOD(HubAndOffice, "sync refuses to sign and push an op edited in the store file", "[sync][integrity]") {
  enrol_store(hub_db, hub.url, a);
  sync(a);
  record(a, "2024-Q1", "3.5");
  std::vector<Op> ops = own_ops(a);
  Op edited = ops.back();
  edited.body["value"] = "4";
  edited.hash = compute_hash(edited);
  a.db.exec("DROP TRIGGER ops_append_only_update");
  Stmt(a.db, "UPDATE ops SET body=?, hash=? WHERE device=? AND seq=?")
      .bind(1, canonical_text(edited.body)).bind(2, edited.hash).bind(3, a.device).bind(4, edited.seq).run();
  CHECK_FALSE(verify_ledger(a.db).ok);
  CHECK_THROWS_WITH(sync(a), Catch::Contains("nothing was pushed"));
  CHECK(hub_ops_of(hub_db, a.device) == 2);
}

TEST_CASE_METHOD(HubAndOffice, "sync refuses to push an op whose content was edited without re-hashing",
                 "[sync][integrity]") {
  enrol_store(hub_db, hub.url, a);
  sync(a);
  record(a, "2024-Q1", "3.5");
  a.db.exec("DROP TRIGGER ops_append_only_update");
  Stmt(a.db, "UPDATE ops SET body=? WHERE device=? AND seq=3")
      .bind(1, canonical_text(json{{"indicator", "ILK"}, {"period", "2024-Q1"}, {"value", "4"}})).bind(2, a.device).run();
  CHECK_THROWS_WITH(sync(a), Catch::Contains("does not match its hash"));
  CHECK(hub_ops_of(hub_db, a.device) == 2);
}
