// The materialised state (client/state.hpp): the winner rule and rebuild from the log.
#include <catch2/catch.hpp>

#include "client/ledger.hpp"
#include "client/state.hpp"
#include "tests/temp_store.hpp"

using namespace kinerja;

TEST_CASE("the cell keeps the op with the largest (hlc, device)", "[state]") {
  test::TempDir dir;
  Store s = test::make_store(dir.file("office.db"));
  StateWriter w(s.db);
  Op op;
  op.type = "value";
  op.key = "K";
  op.seq = 1;
  auto apply = [&](const std::string& hlc, const std::string& device, const std::string& v) {
    op.hlc = hlc;
    op.device = device;
    op.hash = v;
    w.apply(op, json{{"value", v}}.dump());
  };
  apply("001000000000000-000001", "dB", "first");
  apply("001000000000000-000000", "dZ", "older clock");
  CHECK(get_cell(s.db, "value", "K")->body["value"] == "first");
  apply("001000000000000-000001", "dA", "same clock, smaller device");
  CHECK(get_cell(s.db, "value", "K")->body["value"] == "first");
  apply("001000000000000-000001", "dC", "same clock, larger device");
  CHECK(get_cell(s.db, "value", "K")->body["value"] == "same clock, larger device");
  apply("001000000000001-000000", "dA", "newer clock");
  auto cell = get_cell(s.db, "value", "K");
  CHECK(cell->body["value"] == "newer clock");
  CHECK(cell->device == "dA");
}

TEST_CASE("rebuild replays the log into identical state and finds a hand-altered cell", "[state]") {
  test::TempDir dir;
  Store s = test::make_store(dir.file("office.db"));
  {
    Batch b(s);
    for (int i = 0; i < 50; ++i) b.append("value", "K" + std::to_string(i % 20), test::test_value(std::to_string(i)));
    b.commit();
  }
  RebuildResult r = rebuild_state(s.db, true);
  CHECK(r.ops == 52);
  CHECK(r.cells == 22);
  CHECK(r.differences.empty());

  s.db.exec("UPDATE cells SET body='{\"value\":\"999\"}' WHERE type='value' AND key='K7'");
  s.db.exec("DELETE FROM cells WHERE type='value' AND key='K3'");
  s.db.exec("INSERT INTO cells SELECT type, 'K99', hlc, device, seq, hash, body FROM cells WHERE key='K1'");
  r = rebuild_state(s.db, true);
  REQUIRE(r.differences.size() == 3);
  CHECK(r.differences[0] == "value K3: missing from the state");
  CHECK(r.differences[1] == "value K7: differs from the log");
  CHECK(r.differences[2] == "value K99: is not in the log");
  CHECK(get_cell(s.db, "value", "K7")->body["value"] == "999");  // --check changes nothing

  r = rebuild_state(s.db, false);
  CHECK(r.differences.size() == 3);
  CHECK_FALSE(get_cell(s.db, "value", "K99"));
  CHECK(get_cell(s.db, "value", "K7")->body["value"] == "47");
  CHECK(get_cell(s.db, "value", "K3")->body["value"] == "43");
  CHECK(rebuild_state(s.db, true).differences.empty());
}
