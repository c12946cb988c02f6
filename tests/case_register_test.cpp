// The field case register: opening, status events, counting PROYUSTISIA and TAK, refusing
// bad input and manual records of register-backed indicators, convergence across devices.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "client/case_register.hpp"
#include "client/entry.hpp"
#include "client/error.hpp"
#include "tests/office_fixture.hpp"
#include "tests/require_bad_input.hpp"

using namespace kinerja;
using test::require_bad_input;

TEST_CASE("case register reproduces Semarang's 2020-2024 PROYUSTISIA and TAK history", "[case]") {
  test::Office o;
  // schema/domain.md: TAK handled = completed 3, 31, 88, 36, 85; pro yustisia 0, 1, 0, 0, 1.
  std::vector<CaseRow> rows;
  const std::map<int, int> tak{{2020, 3}, {2021, 31}, {2022, 88}, {2023, 36}, {2024, 85}};
  for (auto [year, n] : tak)
    for (int i = 1; i <= n; ++i) {
      std::string ref = "TAK-" + std::to_string(i) + "/" + std::to_string(year);
      std::string date = std::to_string(year) + "-03-0" + std::to_string(1 + i % 9);
      rows.push_back({{"tak", ref, date, "", ""}, {ref, "selesai", date, ""}, ""});
    }
  for (int year : {2021, 2024}) {
    std::string ref = "PY-1/" + std::to_string(year);
    rows.push_back({{"proyustisia", ref, std::to_string(year) + "-05-14", "", ""}, {ref, "ditindaklanjuti", "", ""}, ""});
    rows.back().update.date = std::to_string(year) + "-06-20";
  }
  import_cases(o.store, rows);
  for (auto [year, n] : tak) {
    CaseCounts c = case_counts(o.store.db, "tak", year);
    CHECK(c.numerator == n);
    CHECK(c.denominator == n);
  }
  for (int year : {2020, 2021, 2022, 2023, 2024}) {
    CaseCounts c = case_counts(o.store.db, "proyustisia", year);
    int expected = year == 2021 || year == 2024 ? 1 : 0;
    CHECK(c.numerator == expected);
    CHECK(c.denominator == expected);  // 0 cases: no realisasi, never 0%
  }
  CHECK(list_cases(o.store.db, 2022).size() == 88);
}

TEST_CASE("a case's status is its latest event by date: stopped cases stay in the denominator", "[case]") {
  test::Office o;
  open_case(o.store, {"proyustisia", "PY-7/2024", "2024-02-01", "WNA X", "Pelabuhan Tanjung Emas"});
  open_case(o.store, {"proyustisia", "PY-8/2024", "2024-02-03", "", ""});
  open_case(o.store, {"tak", "TAK-9/2024", "2024-02-03", "", ""});
  CHECK(case_counts(o.store.db, "proyustisia", 2024).denominator == 2);
  CHECK(case_counts(o.store.db, "proyustisia", 2024).numerator == 0);

  update_case(o.store, {"PY-7/2024", "ditindaklanjuti", "2024-04-01", "P21"});
  update_case(o.store, {"PY-8/2024", "dihentikan", "2024-04-02", ""});
  // Recorded later but dated earlier: does not undo the follow-up.
  update_case(o.store, {"PY-7/2024", "ditangani", "2024-03-01", "penyidikan"});
  update_case(o.store, {"TAK-9/2024", "ditindaklanjuti", "2024-03-01", ""});

  auto cases = list_cases(o.store.db, 2024);
  REQUIRE(cases.size() == 3);
  CHECK(cases[0].ref == "PY-7/2024");
  CHECK(cases[0].status == "ditindaklanjuti");
  CHECK(cases[0].events.size() == 2);
  CHECK(cases[0].location == "Pelabuhan Tanjung Emas");
  CaseCounts py = case_counts(o.store.db, "proyustisia", 2024);
  CHECK(py.numerator == 1);
  CHECK(py.denominator == 2);
  CaseCounts tak = case_counts(o.store.db, "tak", 2024);  // TAK counts only selesai
  CHECK(tak.numerator == 0);
  CHECK(tak.denominator == 1);
  CHECK(rebuild_state(o.store.db, true).differences.empty());
}

// Delivers FROM's own ops that TO lacks, as sync would.
static void deliver(test::Office& from, test::Office& to) {
  std::vector<Op> ops;
  int64_t held = last_seq(to.store.db, from.store.device);
  for_each_op(from.store.db, [&](const Op& op) {
    if (op.device == from.store.device && op.seq > held) ops.push_back(op);
    return true;
  });
  Tx tx(to.store.db);
  for (const auto& op : ops) ingest_op(to.store.db, op);
  tx.commit();
}

TEST_CASE("two devices updating one case offline converge to the same status", "[case]") {
  test::Office a, b;
  open_case(a.store, {"tak", "TAK-1/2024", "2024-01-10", "", ""});
  deliver(a, b);
  update_case(a.store, {"TAK-1/2024", "selesai", "2024-01-20", "deportasi"});
  update_case(b.store, {"TAK-1/2024", "dihentikan", "2024-01-20", ""});
  update_case(b.store, {"TAK-1/2024", "selesai", "2024-01-20", "dicatat juga di B"});  // the same event as A's
  deliver(a, b);
  deliver(b, a);
  auto ca = list_cases(a.store.db), cb = list_cases(b.store.db);
  REQUIRE(ca.size() == 1);
  REQUIRE(cb.size() == 1);
  CHECK(ca[0].status == cb[0].status);
  CHECK(ca[0].status == "selesai");  // B's selesai came after its dihentikan on that date
  CHECK(ca[0].events.size() == 2);   // selesai and dihentikan, each one cell
  CHECK(cb[0].events.size() == 2);
  CHECK(ca[0].events.back().note == cb[0].events.back().note);
  CHECK(case_counts(a.store.db, "tak", 2024).numerator == case_counts(b.store.db, "tak", 2024).numerator);
}

TEST_CASE("bad case input is refused and nothing is written", "[case]") {
  test::Office o;
  open_case(o.store, {"tak", "TAK-1/2024", "2024-01-10", "", ""});
  int64_t before = o.ops();
  require_bad_input([&] { open_case(o.store, {"tak", "TAK-1/2024", "2024-02-10", "", ""}); }, "already in the register");
  require_bad_input([&] { open_case(o.store, {"pidana", "X-1", "2024-02-10", "", ""}); }, "--kind: 'pidana' is not one of");
  require_bad_input([&] { open_case(o.store, {"tak", "X-1", "2024-02-30", "", ""}); }, "--date: '2024-02-30'");
  require_bad_input([&] { open_case(o.store, {"tak", "X|1", "2024-02-10", "", ""}); }, "--ref");
  require_bad_input([&] { update_case(o.store, {"TAK-2/2024", "selesai", "2024-02-10", ""}); }, "no case 'TAK-2/2024'");
  require_bad_input([&] { update_case(o.store, {"TAK-1/2024", "beres", "2024-02-10", ""}); }, "--status: 'beres'");
  require_bad_input([&] { update_case(o.store, {"TAK-1/2024", "selesai", "2024-01-09", ""}); }, "before the case was opened");
  CHECK(o.ops() == before);
}

TEST_CASE("a case CSV imports all or nothing, naming the line of the first fault", "[case]") {
  test::Office o;
  std::string path = (o.dir / "cases.csv").string();
  std::ofstream(path) << "kind,ref,date,status,status_date\n"
                         "tak,T-1,2024-01-02,selesai,2024-01-05\n"
                         "tak,T-2,2024-01-03,,\n"
                         "tak,T-1,2024-01-04,,\n";
  int64_t before = o.ops();
  require_bad_input([&] { import_cases(o.store, read_cases_csv(path)); }, "cases.csv: line 4, column ref: case 'T-1' appears twice");
  CHECK(o.ops() == before);
  std::ofstream(path) << "kind,ref,date,status,status_date\n"
                         "tak,T-1,2024-01-02,selesai,2024-01-05\n"
                         "tak,T-2,2024-01-03,,\n";
  CHECK(import_cases(o.store, read_cases_csv(path)).ops == 3);
  CaseCounts n = case_counts(o.store.db, "tak", 2024);
  CHECK(n.numerator == 1);
  CHECK(n.denominator == 2);
}

TEST_CASE("a manual record of a register-backed indicator is refused, naming the register", "[case]") {
  test::Office o;
  int64_t before = o.ops();
  require_bad_input([&] { record_entries(o.store, {EntryInput{"TAK", "2024", "", "85", "85", "", ""}}); },
                    "TAK 2024 is counted from the case register (`kinerja case open`");
  require_bad_input([&] { record_entries(o.store, {EntryInput{"PROYUSTISIA", "2021", "", "1", "1", "", ""}}); },
                    "case register");
  CHECK(o.ops() == before);
  record_entries(o.store, {EntryInput{"LAYANAN", "2024", "", "82856", "85832", "", ""}});  // manual stays manual
  CHECK(o.ops() == before + 1);
}
