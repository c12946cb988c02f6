// The sync progress line for people on a slow link (sync/progress.hpp).
#include <catch2/catch.hpp>

#include "sync/progress.hpp"

using namespace kinerja;

TEST_CASE("a push's progress line: ops and bytes of the total, rate and time left", "[progress]") {
  ProgressFigures f{"push", 1200, 3000, 98304, 245760, 4198.4, 35};
  CHECK(progress_line(f) == "push: 1.200/3.000 ops, 96,0 kB of ~240,0 kB, 4,1 kB/s, ~0:35 left");
  f.seconds_left = 3 * 3600 + 62;
  CHECK(progress_line(f) == "push: 1.200/3.000 ops, 96,0 kB of ~240,0 kB, 4,1 kB/s, ~3:01:02 left");
}

TEST_CASE("a progress line leaves out what is not known yet", "[progress]") {
  CHECK(progress_line(ProgressFigures{"push", 0, 3000, 512, -1, 0, -1}) == "push: 0/3.000 ops, 0,5 kB, 0,0 kB/s");
  CHECK(progress_line(ProgressFigures{"pull", 12345, -1, 2 << 20, -1, 1536, -1}) ==
        "pull: 12.345 ops, 2.048,0 kB, 1,5 kB/s");
}
