// The hybrid logical clock (client/hlc.hpp).
#include <catch2/catch.hpp>

#include "client/error.hpp"
#include "client/hlc.hpp"

using namespace kinerja;

TEST_CASE("the clock follows the wall clock and never goes backwards", "[hlc]") {
  Hlc a = hlc_tick(Hlc{}, 1000);
  CHECK((a.ms == 1000 && a.counter == 0));
  Hlc b = hlc_tick(a, 1000);  // same millisecond
  CHECK((b.ms == 1000 && b.counter == 1));
  Hlc c = hlc_tick(b, 400);  // the wall clock stepped back
  CHECK((c.ms == 1000 && c.counter == 2));
  Hlc d = hlc_tick(c, 2000);
  CHECK((d.ms == 2000 && d.counter == 0));
  Hlc full = hlc_tick(Hlc{5000, 999999}, 5000);  // the counter is full: borrow a millisecond
  CHECK((full.ms == 5001 && full.counter == 0));
}

TEST_CASE("merging moves past a clock seen from another node", "[hlc]") {
  Hlc mine{1000, 5};
  Hlc ahead = hlc_merge(mine, Hlc{9000, 2});
  CHECK((ahead.ms == 9000 && ahead.counter == 2));
  Hlc next = hlc_tick(ahead, 1001);  // our wall clock lags the other node's
  CHECK((next.ms == 9000 && next.counter == 3));
  Hlc behind = hlc_merge(mine, Hlc{500, 99});
  CHECK((behind.ms == 1000 && behind.counter == 5));
  Hlc same_ms = hlc_merge(mine, Hlc{1000, 7});
  CHECK(same_ms.counter == 7);
}

TEST_CASE("the text form is fixed-width, round-trips, and sorts like the clock", "[hlc]") {
  CHECK(format_hlc(Hlc{1717200000000, 3}) == "001717200000000-000003");
  Hlc h = parse_hlc("001717200000000-000003");
  CHECK((h.ms == 1717200000000 && h.counter == 3));
  std::vector<Hlc> order{{999, 999999}, {1000, 0}, {1000, 1}, {1000, 10}, {1001, 0}, {10000000000000, 0}};
  for (size_t i = 1; i < order.size(); ++i) CHECK(format_hlc(order[i - 1]) < format_hlc(order[i]));
  for (const char* bad : {"", "1717200000000-3", "001717200000000+000003", "00171720000000a-000003",
                          "001717200000000-0000031", "0017172000000000000003"})
    CHECK_THROWS_AS(parse_hlc(bad), Error);
}
