// The PNBP register (pnbp_register.hpp).
#include "client/pnbp_register.hpp"

#include <map>
#include <set>

#include "client/csv.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/number.hpp"
#include "client/register_entry.hpp"

namespace kinerja {

// An akun (revenue account) is 6 digits: 425121.
static void check_akun(const std::string& akun, const std::string& f) {
  if (akun.size() != 6 || akun.find_first_not_of("0123456789") != std::string::npos)
    throw bad_input(f + ": '" + akun + "' is not an akun (6 digits, e.g. 425121)");
}

struct PnbpOp {
  std::string type, key;
  json body;
};

// The op IN asks for, every field checked; KEYS holds the cells of the same batch so a cell
// given twice is refused.
static PnbpOp checked(const PnbpInput& in, const std::string& where, std::set<std::string>& keys) {
  std::string year = checked_year(in.year, where);
  check_akun(in.akun, input_field(where, "akun"));
  bool target = in.month == 0;
  if (!target) check_month(in.month, input_field(where, "month"));
  int64_t value = parse_money(in.value, input_field(where, "value"));
  PnbpOp op{target ? "pnbp.target" : "pnbp.record", year + "/" + in.akun, json{{"year", year}, {"akun", in.akun}}};
  op.body["period"] = year;
  if (!target) {
    op.key += "/" + month_text(in.month);
    op.body["period"] = year + "-" + month_text(in.month);
    op.body["month"] = month_text(in.month);
  }
  op.body["value"] = std::to_string(value);
  if (!keys.insert(op.type + " " + op.key).second)
    throw bad_input(input_field(where, target ? "akun" : "month") + ": " + (target ? "target " : "realisasi ") + op.key +
                    " appears twice");
  return op;
}

static CellWrite write_one(Store& s, const PnbpInput& in) {
  std::set<std::string> keys;
  PnbpOp op = checked(in, "", keys);
  return write_cell(s, op.type, op.key, std::move(op.body));
}

CellWrite set_pnbp_target(Store& s, const PnbpInput& in) {
  PnbpInput t = in;
  t.month = 0;
  return write_one(s, t);
}

CellWrite record_pnbp(Store& s, const PnbpInput& in) {
  if (in.month == 0) check_month(0, "--month");
  return write_one(s, in);
}

std::vector<PnbpCsvRow> read_pnbp_csv(const std::string& path) {
  std::vector<PnbpCsvRow> out;
  for (auto& row : read_csv(path, {"year", "akun", "value"}, {"month"})) {
    auto& f = row.fields;
    PnbpCsvRow r;
    r.where = path + ": line " + std::to_string(row.line);
    r.in.year = year_of(f["year"], input_field(r.where, "year"));
    r.in.akun = f["akun"];
    r.in.value = f["value"];
    if (!f["month"].empty()) {
      int64_t month = parse_count(f["month"], input_field(r.where, "month"));
      check_month(month, input_field(r.where, "month"));
      r.in.month = static_cast<int>(month);
    }
    out.push_back(std::move(r));
  }
  return out;
}

size_t import_pnbp(Store& s, const std::vector<PnbpCsvRow>& rows) {
  if (rows.empty()) throw bad_input("nothing to record: no PNBP rows given");
  std::set<std::string> keys;
  std::vector<PnbpOp> ops;
  for (const auto& r : rows) ops.push_back(checked(r.in, r.where, keys));
  Batch b(s);
  for (auto& op : ops) b.append(op.type, op.key, std::move(op.body));
  b.commit();
  return b.size();
}

static std::optional<Rational> plus(const std::optional<Rational>& a, const std::optional<Rational>& b) {
  if (!a) return b;
  if (!b) return a;
  return *a + *b;
}

std::vector<PnbpAkun> pnbp_akun(const Db& db, int year) {
  std::string prefix = std::to_string(year) + "/";
  std::map<std::string, PnbpAkun> by_akun;
  auto entry = [&](const Cell& c) -> PnbpAkun& {
    PnbpAkun& a = by_akun[body_text(c.body, "akun")];
    a.year = year;
    a.akun = body_text(c.body, "akun");
    a.ops.push_back(op_ref(c));
    a.newest_hlc = std::max(a.newest_hlc, c.hlc);
    return a;
  };
  for (const auto& c : list_cells(db, "pnbp.target", prefix)) entry(c).target = Rational::parse(body_text(c.body, "value"));
  for (const auto& c : list_cells(db, "pnbp.record", prefix)) {
    PnbpAkun& a = entry(c);
    Rational v = Rational::parse(body_text(c.body, "value"));
    a.months[std::stoi(body_text(c.body, "month")) - 1] = v;
    a.realisasi = plus(a.realisasi, v);
  }
  std::vector<PnbpAkun> out;
  for (auto& [akun, a] : by_akun) out.push_back(std::move(a));
  return out;
}

std::vector<int> pnbp_years(const Db& db) {
  std::set<int> years;
  for (const char* type : {"pnbp.target", "pnbp.record"})
    for (const auto& c : list_cells(db, type)) years.insert(std::stoi(body_text(c.body, "year")));
  return {years.begin(), years.end()};
}

std::optional<Rational> pnbp_capaian(const std::optional<Rational>& target, const std::optional<Rational>& realisasi) {
  if (!target || target->is_zero() || !realisasi) return std::nullopt;
  return *realisasi / *target * Rational(100);
}

// The year's sums over its akun.
struct PnbpTotal {
  std::optional<Rational> target, realisasi;
  std::string newest_hlc;
};

static PnbpTotal total_of(const std::vector<PnbpAkun>& akun) {
  PnbpTotal t;
  for (const auto& a : akun) {
    t.target = plus(t.target, a.target);
    t.realisasi = plus(t.realisasi, a.realisasi);
    t.newest_hlc = std::max(t.newest_hlc, a.newest_hlc);
  }
  return t;
}

static std::vector<PkCell> figures(const std::string& label, const std::optional<Rational>& target,
                                   const std::optional<Rational>& realisasi) {
  return {text_cell(label), rupiah_cell(target), rupiah_cell(realisasi), percent_cell(pnbp_capaian(target, realisasi))};
}

// A note for a row without capaian: "-" is a missing or zero target.
static void note_missing_target(ReportTable& t, const std::string& what, const std::optional<Rational>& target) {
  if (!target) t.notes.push_back(what + ": belum ada target PNBP (kinerja pnbp target); capaian tidak dihitung");
  else if (target->is_zero()) t.notes.push_back(what + ": target PNBP 0; capaian tidak dihitung");
}

std::vector<ReportTable> pnbp_tables(const Db& db, int year) {
  auto akun = pnbp_akun(db, year);
  if (akun.empty()) return {};
  std::string y = std::to_string(year);
  PnbpTotal total = total_of(akun);

  ReportTable per_akun;
  per_akun.id = "pnbp.akun";
  per_akun.title = "Capaian PNBP " + y + " per akun";
  per_akun.header = {"Akun", "Target", "Realisasi", "Capaian"};
  for (const auto& a : akun) {
    per_akun.rows.push_back(figures(a.akun, a.target, a.realisasi));
    note_missing_target(per_akun, "akun " + a.akun, a.target);
  }
  per_akun.strong_rows.insert(per_akun.rows.size());
  per_akun.rows.push_back(figures("Jumlah", total.target, total.realisasi));
  per_akun.data_per = utc_date(parse_hlc(total.newest_hlc).ms);

  ReportTable years;
  years.id = "pnbp.years";
  years.title = "Capaian PNBP per tahun";
  years.header = {"Tahun", "Target", "Realisasi", "Capaian"};
  std::string newest;
  for (int each : pnbp_years(db)) {
    PnbpTotal t = total_of(pnbp_akun(db, each));
    years.rows.push_back(figures(std::to_string(each), t.target, t.realisasi));
    if (each == year) years.strong_rows.insert(years.rows.size() - 1);
    note_missing_target(years, std::to_string(each), t.target);
    newest = std::max(newest, t.newest_hlc);
  }
  years.data_per = utc_date(parse_hlc(newest).ms);
  return {per_akun, years};
}

}  // namespace kinerja
