// The RB action plan: items and their completion as ops, the quarter table (B03…B12), the
// RB indicator counted from the plan, evidence kept by SHA-256, and bad input.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "client/canonical.hpp"
#include "client/capaian.hpp"
#include "client/date.hpp"
#include "client/rb_register.hpp"
#include "client/register_entry.hpp"
#include "tests/office_fixture.hpp"
#include "tests/require_bad_input.hpp"

using namespace kinerja;
using test::require_bad_input;

static std::string write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

TEST_CASE("RB 2024: 114 of 114 action items done gives realisasi 100", "[rb]") {
  test::Office o;
  std::vector<RbRow> rows;
  const char* const done_on[] = {"2024-02-15", "2024-05-15", "2024-08-15", "2024-11-15"};
  const int per_quarter[] = {32, 29, 25, 28};  // schema/domain.md: (32+29+25+28) done / 114 planned
  for (int q = 1; q <= 4; ++q)
    for (int i = 0; i < per_quarter[q - 1]; ++i)
      rows.push_back({{2024, "Penguatan Akuntabilitas", "aksi " + std::to_string(i), "2024-Q" + std::to_string(q), "", "", "", ""},
                      {"", "https://data-dukung.example/" + std::to_string(i), done_on[q - 1]},
                      "", ""});
  rows.back().done.date = "2024-12-31";
  int64_t ops = o.ops();
  auto ids = import_rb(o.store, rows).ids;
  REQUIRE(ids.size() == 114);
  REQUIRE(std::set<std::string>(ids.begin(), ids.end()).size() == 114);
  REQUIRE(o.ops() == ops + 228);

  auto q = rb_quarters(o.store.db, 2024);
  REQUIRE(q.size() == 4);
  REQUIRE(q[0].planned == 32);
  REQUIRE(q[1].planned == 61);
  REQUIRE(q[2].planned == 86);
  REQUIRE(q[3].planned == 114);
  REQUIRE(q[3].done == 114);
  REQUIRE(q[3].end == "2024-12-31");

  auto ind = find_indicator(o.store.db, "RB", 2024);
  REQUIRE(ind);
  REQUIRE(ind->source == "rb");
  auto f = indicator_figures(o.store.db, *ind, 2024);
  REQUIRE(f.inputs.size() == 1);
  REQUIRE(f.inputs[0].source == "rb");
  REQUIRE(f.inputs[0].ops.size() == 228);
  REQUIRE(f.realisasi.value);
  REQUIRE(f.realisasi.value->fixed(2) == "100.00");

  auto tables = rb_tables(o.store.db, 2024);
  REQUIRE(tables.size() == 2);
  REQUIRE(tables[0].id == "rb.quarter");
  REQUIRE(plain_rows(tables[0])[3] == std::vector<std::string>{"B12", "2024-12-31", "114", "114", "100.00"});
  REQUIRE(tables[0].data_per == today());  // the date of the newest op behind it
  REQUIRE(tables[1].rows.size() == 114);
}

TEST_CASE("RB quarter table counts late items from the quarter they were done in", "[rb]") {
  test::Office o;
  int n = 0;
  auto add = [&](const std::string& due) { return add_rb_item(o.store, {2024, "Area", "aksi " + std::to_string(++n), due, "", "", "", ""}); };
  std::string a = add("2024-Q1"), b = add("2024-Q1"), c = add("2024-Q3"), d = add("2024-Q4");
  REQUIRE(a != b);
  REQUIRE(a == canonical_entry_id("RB-" + o.store.device.substr(1, 4) + "-" + std::to_string(get_cell(o.store.db, "rb", a)->seq)));
  REQUIRE(a.rfind("RB-" + canonical_entry_id(o.store.device.substr(1, 4)) + "-", 0) == 0);
  mark_rb_done(o.store, {a, "https://x.example/a", "2024-02-01"});
  mark_rb_done(o.store, {b, "https://x.example/b", "2024-08-01"});  // late: counts from B09
  mark_rb_done(o.store, {c, "https://x.example/c", "2024-01-05"});  // early: counts from its due quarter
  mark_rb_done(o.store, {d, "https://x.example/d", "2025-01-02"});  // after the year: not done in 2024
  std::vector<std::pair<int64_t, int64_t>> got;
  for (const auto& r : rb_quarters(o.store.db, 2024)) got.emplace_back(r.planned, r.done);
  REQUIRE(got == std::vector<std::pair<int64_t, int64_t>>{{2, 1}, {2, 1}, {3, 3}, {4, 3}});
  REQUIRE(plain_rows(rb_tables(o.store.db, 2024)[0])[0][4] == "50.00");
  auto f = indicator_figures(o.store.db, *find_indicator(o.store.db, "RB", 2024), 2024);
  REQUIRE(f.realisasi.value->fixed(2) == "75.00");
  REQUIRE(rb_quarters(o.store.db, 2023)[3].planned == 0);
  REQUIRE(rb_tables(o.store.db, 2023).empty());  // no plan, no table
}

TEST_CASE("RB evidence files are kept by SHA-256 beside the store with identical bytes", "[rb][evidence]") {
  test::Office o;
  std::string bytes(100000, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7919 % 251);
  std::string path = write_file(o.dir / "laporan.pdf", bytes);
  std::string id = add_rb_item(o.store, {2024, "Area", "aksi", "2024-Q2", "199001012020121001", "", "", ""});
  mark_rb_done(o.store, {id, path, "2024-06-01"});
  std::string sha = sha256_hex(bytes);
  std::string dir = evidence_dir(o.store.path);
  REQUIRE(dir == o.store.path + ".evidence");
  REQUIRE(std::filesystem::exists(dir + "/" + sha.substr(0, 2) + "/" + sha.substr(2)));
  REQUIRE(read_blob(dir, sha) == bytes);
  auto items = list_rb(o.store.db, 2024);
  REQUIRE(items.size() == 1);
  REQUIRE(items[0].evidence.sha256 == sha);
  REQUIRE(items[0].evidence.name == "laporan.pdf");
  REQUIRE(items[0].evidence.size == 100000);
  REQUIRE(rb_evidence(o.store.db) == std::vector<std::string>{sha});
  // The same bytes again: one blob; bytes that do not match their name are refused.
  mark_rb_done(o.store, {id, write_file(o.dir / "salinan.pdf", bytes), "2024-06-02"});
  size_t files = 0;
  for (auto& e : std::filesystem::recursive_directory_iterator(dir)) files += e.is_regular_file();
  REQUIRE(files == 1);
  REQUIRE_FALSE(put_blob(dir, sha256_hex("other"), "tampered"));
  REQUIRE_FALSE(has_blob(dir, sha256_hex("other")));
  REQUIRE(put_blob(dir, sha256_hex("other"), "other"));
  REQUIRE(read_blob(dir, sha256_hex("other")) == "other");
}

TEST_CASE("RB bad input writes nothing", "[rb]") {
  test::Office o;
  std::string id = add_rb_item(o.store, {2024, "Area", "aksi", "2024-Q2", "", "", "", ""});
  int64_t ops = o.ops();
  require_bad_input([&] { add_rb_item(o.store, {2024, "Area", "aksi", "2024-Q5", "", "", "", ""}); }, "--due: '2024-Q5' triwulannya di luar 1-4");
  require_bad_input([&] { add_rb_item(o.store, {2024, "Area", "aksi", "2023-Q4", "", "", "", ""}); }, "not in the plan's year 2024");
  require_bad_input([&] { add_rb_item(o.store, {2024, "", "aksi", "2024-Q1", "", "", "", ""}); }, "--area: is empty");
  require_bad_input([&] { mark_rb_done(o.store, {"RB-FFFF-9", "https://x.example", ""}); }, "no action item 'RB-FFFF-9'");
  require_bad_input([&] { mark_rb_done(o.store, {id, (o.dir / "missing.pdf").string(), ""}); }, "is not a readable file");
  require_bad_input([&] { mark_rb_done(o.store, {id, o.dir.string(), ""}); }, "is not a readable file");
  require_bad_input([&] { mark_rb_done(o.store, {id, "", ""}); }, "needs its evidence");
  REQUIRE(o.ops() == ops);
  REQUIRE_FALSE(std::filesystem::exists(evidence_dir(o.store.path)));
}
