// The ledger (client/ledger.hpp): appending, chaining, signing, verifying, corrections,
// and detection of a log altered behind the triggers' back.
#include <catch2/catch.hpp>

#include "client/device_key.hpp"
#include "client/entry.hpp"
#include "client/error.hpp"
#include "client/ledger.hpp"
#include "client/state.hpp"
#include "tests/temp_store.hpp"

using namespace kinerja;

// Appends N ops to cells value/K0..K(N-1), one Batch, returns the head seq.
static int64_t append_values(Store& s, int n, const std::string& prefix = "K") {
  Batch b(s);
  for (int i = 0; i < n; ++i) b.append("value", prefix + std::to_string(i), test::test_value(std::to_string(i)));
  b.commit();
  return last_seq(s.db, s.device);
}

static std::vector<Op> all_ops(const Db& db) {
  std::vector<Op> out;
  for_each_op(db, [&](const Op& op) {
    out.push_back(op);
    return true;
  });
  return out;
}

TEST_CASE("appended ops form a chain with one signed checkpoint per commit", "[ledger]") {
  test::TempDir dir;
  Store s = test::make_store(dir.file("office.db"));
  int64_t base = last_seq(s.db, s.device);
  CHECK(base == 2);  // the office op and the 2024 catalogue
  append_values(s, 5);
  append_values(s, 3, "L");
  auto ops = all_ops(s.db);
  REQUIRE(ops.size() == 10);
  std::string prev = kZeroHash;
  for (size_t i = 0; i < ops.size(); ++i) {
    CHECK(ops[i].seq == static_cast<int64_t>(i + 1));
    CHECK(ops[i].prev == prev);
    CHECK(ops[i].hash == compute_hash(ops[i]));
    CHECK(ops[i].office == "407973");
    CHECK(ops[i].author == "199001");
    if (i) CHECK(ops[i - 1].hlc < ops[i].hlc);
    prev = ops[i].hash;
  }
  CHECK(query_i64(s.db, "SELECT COUNT(*) FROM checkpoints") == 3);
  CHECK(query_i64(s.db, "SELECT MAX(seq) FROM checkpoints") == 10);
  VerifyResult r = verify_ledger(s.db);
  CHECK(r.ok);
  CHECK(r.ops == 10);
  CHECK(r.devices == 1);
  CHECK(r.checkpoints == 3);
}

TEST_CASE("a Batch that is not committed writes nothing", "[ledger]") {
  test::TempDir dir;
  Store s = test::make_store(dir.file("office.db"));
  {
    Batch b(s);
    b.append("value", "K", test::test_value("1"));
    CHECK(b.size() == 1);
  }
  CHECK(op_count(s.db) == 2);
  CHECK_FALSE(get_cell(s.db, "value", "K"));
  append_values(s, 1);
  CHECK(last_seq(s.db, s.device) == 3);
  CHECK(verify_ledger(s.db).ok);
}

TEST_CASE("a correction supersedes the value and both ops stay in the log", "[ledger]") {
  test::TempDir dir;
  Store s = test::make_store(dir.file("office.db"));
  EntryInput e{"ILK", "2024", "3,80", "", "", "first survey", ""};
  RecordResult first = record_entries(s, {e});
  CHECK(first.corrections == 0);
  e.value = "3.99";
  e.note = "corrected";
  RecordResult second = record_entries(s, {e});
  CHECK(second.corrections == 1);
  std::vector<Op> cell_ops;
  for (const auto& op : all_ops(s.db))
    if (op.type == "value" && op.key == "ILK/2024") cell_ops.push_back(op);
  REQUIRE(cell_ops.size() == 2);
  CHECK(cell_ops[0].body["value"] == "3.8");
  CHECK_FALSE(cell_ops[0].body.contains("base"));
  CHECK(cell_ops[1].body["value"] == "3.99");
  CHECK(cell_ops[1].body["base"] == cell_ops[0].hash);
  auto cell = get_cell(s.db, "value", "ILK/2024");
  REQUIRE(cell);
  CHECK(cell->body["value"] == "3.99");
  CHECK(cell->hash == cell_ops[1].hash);
  CHECK(verify_ledger(s.db).ok);
}

TEST_CASE("a hand-edited op body is found and named by its seq", "[ledger]") {
  test::TempDir dir;
  Store s = test::make_store(dir.file("office.db"));
  append_values(s, 10);  // seq 3..12
  Db raw(dir.file("office.db"));
  CHECK_THROWS_WITH(raw.exec("UPDATE ops SET body='{\"value\":\"999\"}' WHERE seq=7"), Catch::Contains("append-only"));
  CHECK(verify_ledger(s.db).ok);
  raw.exec("DROP TRIGGER ops_append_only_update");
  raw.exec("UPDATE ops SET body='{\"value\":\"999\"}' WHERE seq=7");
  raw.exec("UPDATE ops SET body='{\"value\":\"998\"}' WHERE seq=9");
  VerifyResult r = verify_ledger(s.db);
  CHECK_FALSE(r.ok);
  CHECK(r.seq == 7);
  CHECK(r.device == s.device);
  CHECK_THAT(r.reason, Catch::Contains("hash does not match"));
}

TEST_CASE("a re-hashed chain, a deleted op and a dropped checkpoint are each found", "[ledger]") {
  test::TempDir dir;
  Store s = test::make_store(dir.file("office.db"));
  append_values(s, 4);  // seq 3..6, one checkpoint at 6
  append_values(s, 4, "L");  // seq 7..10, checkpoint at 10
  Db raw(dir.file("office.db"));
  raw.exec("DROP TRIGGER ops_append_only_update; DROP TRIGGER ops_append_only_delete;"
           "DROP TRIGGER checkpoints_append_only_delete");

  SECTION("an op whose hash was recomputed breaks the next link") {
    Stmt get(raw, (std::string("SELECT ") + kOpColumns + " FROM ops WHERE seq=5").c_str());
    REQUIRE(get.step());
    Op op = op_from_row(get);
    op.body["value"] = "1000";
    op.hash = compute_hash(op);
    Stmt(raw, "UPDATE ops SET body=?, hash=? WHERE seq=5").bind(1, canonical_text(op.body)).bind(2, op.hash).run();
    VerifyResult r = verify_ledger(s.db);
    CHECK_FALSE(r.ok);
    CHECK(r.seq == 6);
    CHECK_THAT(r.reason, Catch::Contains("prev does not match"));
  }
  SECTION("a deleted op leaves a gap") {
    raw.exec("DELETE FROM ops WHERE seq=8");
    VerifyResult r = verify_ledger(s.db);
    CHECK_FALSE(r.ok);
    CHECK(r.seq == 8);
    CHECK_THAT(r.reason, Catch::Contains("missing"));
  }
  SECTION("the newest ops without their checkpoint are unsigned") {
    raw.exec("DELETE FROM checkpoints WHERE seq=10");
    VerifyResult r = verify_ledger(s.db);
    CHECK_FALSE(r.ok);
    CHECK(r.seq == 7);
    CHECK_THAT(r.reason, Catch::Contains("after the last signed checkpoint"));
  }
}

TEST_CASE("a rewritten chain with a forged checkpoint signature is found", "[ledger]") {
  test::TempDir dir;
  Store s = test::make_store(dir.file("office.db"));
  append_values(s, 5);  // seq 3..7, checkpoint at 7
  Db raw(dir.file("office.db"));
  raw.exec("DROP TRIGGER ops_append_only_update; DROP TRIGGER checkpoints_append_only_update");
  // The forger rewrites seq 4 and re-hashes every later op, so every link is consistent...
  std::vector<Op> ops = all_ops(raw);
  std::string prev = ops[2].hash;
  for (size_t i = 3; i < ops.size(); ++i) {
    if (ops[i].seq == 4) ops[i].body["value"] = "1000";
    ops[i].prev = prev;
    ops[i].hash = compute_hash(ops[i]);
    prev = ops[i].hash;
    Stmt(raw, "UPDATE ops SET body=?, prev=?, hash=? WHERE seq=?")
        .bind(1, canonical_text(ops[i].body)).bind(2, ops[i].prev).bind(3, ops[i].hash).bind(4, ops[i].seq).run();
  }
  SECTION("...but the old checkpoint names the old head") {
    VerifyResult r = verify_ledger(s.db);
    CHECK_FALSE(r.ok);
    CHECK(r.seq == 7);
    CHECK_THAT(r.reason, Catch::Contains("another hash"));
  }
  SECTION("...and a checkpoint over the new head signed with another key is refused") {
    Checkpoint c{s.device, 7, prev, ""};
    c.sig = sign_hex(generate_device_key(), checkpoint_message(c));
    Stmt(raw, "UPDATE checkpoints SET hash=?, sig=? WHERE seq=7").bind(1, c.hash).bind(2, c.sig).run();
    VerifyResult r = verify_ledger(s.db);
    CHECK_FALSE(r.ok);
    CHECK(r.seq == 7);
    CHECK_THAT(r.reason, Catch::Contains("signature is invalid"));
  }
  SECTION("...and a malformed signature is refused, not a crash") {
    Stmt(raw, "UPDATE checkpoints SET hash=?, sig='zz' WHERE seq=7").bind(1, prev).run();
    VerifyResult r = verify_ledger(s.db);
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.reason, Catch::Contains("signature is invalid"));
  }
}

TEST_CASE("another device's ops are ingested in chain order, idempotently", "[ledger]") {
  test::TempDir dir;
  Store a = test::make_store(dir.file("a.db"));
  Store b = test::make_store(dir.file("b.db"));
  append_values(a, 3);
  Stmt(b.db, "INSERT INTO devices(device, public_key, office) VALUES(?,?,?)")
      .bind(1, a.device).bind(2, *meta_get(a.db, "public_key")).bind(3, a.office).run();
  auto ops = all_ops(a.db);
  Stmt cp(a.db, "SELECT seq, hash, sig FROM checkpoints WHERE device=? ORDER BY seq DESC LIMIT 1");
  cp.bind(1, a.device);
  REQUIRE(cp.step());
  Checkpoint head{a.device, cp.i64(0), cp.text(1), cp.text(2)};
  {
    Tx tx(b.db);
    CHECK_THROWS_WITH(ingest_op(b.db, ops[1]), Catch::Contains("gap"));
    for (const auto& op : ops) CHECK(ingest_op(b.db, op));
    CHECK_FALSE(ingest_op(b.db, ops[2]));  // already held: a no-op
    Op fork = ops[2];
    fork.body["value"] = "fork";
    fork.hash = compute_hash(fork);
    CHECK_THROWS_AS(ingest_op(b.db, fork), Error);
    Checkpoint forged = head;
    forged.sig = sign_hex(generate_device_key(), checkpoint_message(head));
    CHECK_THROWS_WITH(ingest_checkpoint(b.db, forged), Catch::Contains("signature is invalid"));
    ingest_checkpoint(b.db, head);
    tx.commit();
  }
  VerifyResult r = verify_ledger(b.db);
  CHECK(r.ok);
  CHECK(r.devices == 2);
  CHECK(r.ops == static_cast<int64_t>(ops.size()) + 2);
  CHECK(get_cell(b.db, "value", "K2"));
}
