// The language of the command line: closest names to a mistyped one (closest.hpp) and the
// message catalogue (messages.hpp).
#include <catch2/catch.hpp>

#include <cstdlib>

#include "client/closest.hpp"
#include "client/messages.hpp"

using namespace kinerja;

TEST_CASE("edit distance counts a swap of two adjacent letters as one edit") {
  CHECK(edit_distance("report", "report") == 0);
  CHECK(edit_distance("reprot", "report") == 1);
  CHECK(edit_distance("opne", "open") == 1);
  CHECK(edit_distance("--indikator", "--indicator") == 1);
  CHECK(edit_distance("Report", "report") == 0);
  CHECK(edit_distance("", "pk") == 2);
  CHECK(edit_distance("lkjp", "lkjip") == 1);
}

TEST_CASE("closest suggests a name at most two edits away, never a far or short one") {
  std::vector<std::string> commands{"record", "report", "rebuild", "rb", "risk"};
  CHECK(closest("reprot", commands) == "report");
  CHECK(closest("recrod", commands) == "record");
  CHECK(closest("rebiuld", commands) == "rebuild");
  CHECK_FALSE(closest("zzzzzz", commands));
  CHECK_FALSE(closest("x", commands));
}

TEST_CASE("messages are Indonesian by default and English with KINERJA_LANG=en") {
  const char* old = std::getenv("KINERJA_LANG");
  std::string saved = old ? old : "";
  unsetenv("KINERJA_LANG");
  CHECK(msg(Msg::Required, {"--year"}) == "--year: wajib diisi");
  CHECK(msg(Msg::DidYouMean, {"perintah 'reprot' tidak dikenal", "report"}) ==
        "perintah 'reprot' tidak dikenal; maksud Anda: report?");
  setenv("KINERJA_LANG", "en", 1);
  CHECK(msg(Msg::Required, {"--year"}) == "--year: is required");
  CHECK(msg(Msg::NoCatalogueLoaded, {"2022"}) ==
        "--year: no catalogue is loaded for 2022 (load the shipped one with `kinerja catalogue load --year 2022`)");
  if (old)
    setenv("KINERJA_LANG", saved.c_str(), 1);
  else
    unsetenv("KINERJA_LANG");
}
