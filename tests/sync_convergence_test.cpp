// Convergence: two devices of one office edit offline (the same cell included) and sync in
// several orders, several times, one of them with its clock 3 days behind; afterwards
// both stores and the hub's view show identical values, both writes stay in every log,
// and the concurrent pair is listed on both devices with the same winner.
#include <catch2/catch.hpp>

#include "client/conflicts.hpp"
#include "client/state.hpp"
#include "sync_fixture.hpp"

using namespace kinerja;
using namespace kinerja::test;

namespace {

constexpr const char* kThreeDaysBehind = "-259200000";

// Runs F with the device clock 3 days behind (KINERJA_CLOCK_OFFSET_MS).
template <class F>
void skewed(F&& f) {
  ::setenv("KINERJA_CLOCK_OFFSET_MS", kThreeDaysBehind, 1);
  try {
    f();
  } catch (...) {
    ::unsetenv("KINERJA_CLOCK_OFFSET_MS");
    throw;
  }
  ::unsetenv("KINERJA_CLOCK_OFFSET_MS");
}

int64_t ops_on(const Store& s, const std::string& key) {
  return count(s.db, "SELECT COUNT(*) FROM ops WHERE type='value' AND key=?", key);
}

}  // namespace

TEST_CASE("sync: two devices of one office converge whatever the order, with a skewed clock", "[sync][convergence]") {
  HubAndOffice f;
  TempDir& dir = f.dir;
  HubProcess& hub = f.hub;
  Store& a = f.a;
  enrol_store(f.hub_db, hub.url, a);
  std::optional<Store> b_store;
  skewed([&] { b_store.emplace(make_office_store(dir.file("b.db"))); });
  Store& b = *b_store;
  enrol_store(dir.file("hub.db"), hub.url, b);

  // Offline, both write ILK 2024-Q1; each also writes a cell of its own.
  record(a, "2024-Q1", "3.1");
  record(a, "2024-Q2", "3.2");
  skewed([&] {
    record(b, "2024-Q1", "3.3");
    record(b, "2024-Q3", "2.5");
  });

  SECTION("a first, then b, then a") {
    sync(a);
    skewed([&] { sync(b); });
    sync(a);
  }
  SECTION("b first, then a, then b, and again") {
    skewed([&] { sync(b); });
    sync(a);
    skewed([&] { sync(b); });
    sync(a);
    skewed([&] { sync(b); });
  }
  SECTION("each twice in a row") {
    sync(a);
    sync(a);
    skewed([&] {
      sync(b);
      sync(b);
    });
    sync(a);
  }

  json on_a = current_values(a.db, "", 0), on_b = current_values(b.db, "", 0);
  Hub h = open_hub(dir.file("hub.db"));
  CHECK(on_a.size() == 3);
  CHECK(on_a == on_b);
  CHECK(office_view(h, "407973") == on_a);
  // The device 3 days behind wrote concurrently: the larger (hlc, device) wins everywhere.
  CHECK(get_cell(a.db, "value", "ILK/2024-Q1")->body["value"] == "3.1");
  CHECK(ops_on(a, "ILK/2024-Q1") == 2);
  CHECK(ops_on(b, "ILK/2024-Q1") == 2);
  auto pairs_a = list_conflicts(a.db), pairs_b = list_conflicts(b.db);
  REQUIRE(pairs_a.size() == 1);
  REQUIRE(pairs_b.size() == 1);
  CHECK(pairs_a[0].winner.hash == pairs_b[0].winner.hash);
  CHECK(pairs_a[0].winner.device == a.device);
  CHECK(pairs_a[0].other.body["value"] == "3.3");
  CHECK(verify_ledger(a.db).ok);
  CHECK(verify_ledger(b.db).ok);
  CHECK(rebuild_state(b.db, true).differences.empty());

  // Having seen a's write, b's correction orders after it despite b's clock: it wins.
  skewed([&] {
    record(b, "2024-Q1", "3.6");
    sync(b);
  });
  sync(a);
  CHECK(get_cell(a.db, "value", "ILK/2024-Q1")->body["value"] == "3.6");
  CHECK(current_values(a.db, "", 0) == current_values(b.db, "", 0));
  CHECK(office_view(h, "407973") == current_values(b.db, "", 0));
  // b, the other's device, wrote after seeing both sides: the pair is settled on both.
  CHECK(list_conflicts(a.db).empty());
  CHECK(list_conflicts(b.db).empty());
}
