// The budget register (budget_register.hpp).
#include "client/budget_register.hpp"

#include <map>
#include <set>

#include "client/csv.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/format_id.hpp"
#include "client/hlc.hpp"
#include "client/number.hpp"
#include "client/period.hpp"
#include "client/register_entry.hpp"

namespace kinerja {

static const std::map<std::string, std::string> kJenis{
    {"51", "Belanja Pegawai"}, {"52", "Belanja Barang"}, {"53", "Belanja Modal"}};
static const std::map<std::string, std::string> kSumber{
    {"RM", "Rupiah Murni"}, {"PNBP", "Penerimaan Negara Bukan Pajak"}};

std::string jenis_label(const std::string& jenis) {
  auto it = kJenis.find(jenis);
  return it == kJenis.end() ? jenis : jenis + " " + it->second;
}

static std::vector<std::string> codes(const std::map<std::string, std::string>& labels) {
  std::vector<std::string> out;
  for (const auto& [code, label] : labels) out.push_back(code);
  return out;
}

std::vector<std::string> jenis_codes() { return codes(kJenis); }
std::vector<std::string> sumber_codes() { return codes(kSumber); }

std::string sumber_label(const std::string& sumber) {
  auto it = kSumber.find(sumber);
  return it == kSumber.end() ? sumber : sumber + " (" + it->second + ")";
}

// kegiatan.KRO.RO as the DIPA writes it: three parts of 4, 3 and 3 capital letters or digits
// (5254.8AA.001, 5254.8HB.U01, 5254.EBA.Z07, 6232.6BA.956).
void check_activity(const std::string& code, const std::string& f) {
  auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); };
  bool ok = code.size() == 12 && code[4] == '.' && code[8] == '.';
  for (size_t i = 0; ok && i < code.size(); ++i)
    if (i != 4 && i != 8) ok = alnum(code[i]);
  if (!ok)
    throw bad_input(f + ": '" + code +
                    "' is not an activity code kegiatan.KRO.RO (NNNN.XXX.NNN: 4, 3 and 3 capital letters or digits, "
                    "e.g. 5254.8AA.001 or 5254.8HB.U01)");
}

static void check_code(const std::string& v, const std::map<std::string, std::string>& allowed, const std::string& f,
                       const std::string& what) {
  if (allowed.count(v)) return;
  std::string list;
  for (const auto& [code, name] : allowed) list += (list.empty() ? "" : ", ") + code + " (" + name + ")";
  throw bad_input(f + ": '" + v + "' is not a " + what + "; use one of " + list);
}

static std::string line_key(const std::string& year, const std::string& activity, const std::string& jenis,
                            const std::string& sumber) {
  return year + "/" + activity + "/" + jenis + "/" + sumber;
}

struct Pending {
  std::string type, key;
  json body;
};

// The body of the line's next version, checked against the store and the lines written
// earlier in the same batch (LINES: key -> version).
static Pending checked_line(const Db& db, const BudgetLineInput& in, const std::string& where,
                            std::map<std::string, int>& lines) {
  std::string year = checked_year(in.year, where);
  check_activity(in.activity, input_field(where, "activity"));
  checked_text(in.name, input_field(where, "name"), 200);
  check_code(in.jenis, kJenis, input_field(where, "jenis"), "jenis belanja");
  check_code(in.sumber, kSumber, input_field(where, "sumber"), "sumber dana");
  int64_t pagu = parse_money(in.pagu, input_field(where, "pagu"));
  if (!in.satuan.empty()) checked_text(in.satuan, input_field(where, "satuan"), 200);
  if (!in.reason.empty()) checked_text(in.reason, input_field(where, "reason"));
  if (!in.satuan.empty() && in.volume.empty())
    throw bad_input(input_field(where, "satuan") + ": needs a volume (e.g. --volume 75351 --satuan dokumen)");
  std::string key = line_key(year, in.activity, in.jenis, in.sumber);
  if (lines.count(key)) throw bad_input(input_field(where, "activity") + ": budget line " + key + " appears twice");
  int version = 1;
  if (auto old = get_cell(db, "budget.line", key)) {
    version = std::stoi(body_text(old->body, "version")) + 1;
    if (in.reason.empty())
      throw bad_input(input_field(where, "reason") + ": budget line " + key + " already has version " +
                      std::to_string(version - 1) + " (pagu " + id_rupiah(Rational::parse(body_text(old->body, "pagu"))) +
                      "); a revision needs a reason");
  }
  lines[key] = version;
  json body{{"year", year},     {"period", year},        {"activity", in.activity},
            {"name", in.name},   {"jenis", in.jenis},     {"sumber", in.sumber},
            {"pagu", std::to_string(pagu)}, {"version", std::to_string(version)}};
  if (!in.volume.empty()) body["volume"] = std::to_string(parse_count(in.volume, input_field(where, "volume")));
  if (!in.satuan.empty()) body["satuan"] = in.satuan;
  if (!in.reason.empty()) body["reason"] = in.reason;
  return Pending{"budget.line", key, body};
}

// The line a spend goes to: the only line of the activity matching the jenis and sumber
// given, among the store's lines and LINES (written earlier in the same batch).
static std::string spend_line(const Db& db, const BudgetSpendInput& in, const std::string& year,
                              const std::string& where, const std::map<std::string, int>& lines) {
  if (!in.jenis.empty()) check_code(in.jenis, kJenis, input_field(where, "jenis"), "jenis belanja");
  if (!in.sumber.empty()) check_code(in.sumber, kSumber, input_field(where, "sumber"), "sumber dana");
  std::string prefix = year + "/" + in.activity + "/";
  std::set<std::string> keys;
  for (const auto& c : list_cells(db, "budget.line", prefix)) keys.insert(c.key);
  for (const auto& [key, version] : lines)
    if (key.rfind(prefix, 0) == 0) keys.insert(key);
  std::vector<std::string> found;
  for (const auto& key : keys) {
    std::string rest = key.substr(prefix.size());  // JENIS/SUMBER
    std::string jenis = rest.substr(0, rest.find('/')), sumber = rest.substr(rest.find('/') + 1);
    if ((in.jenis.empty() || in.jenis == jenis) && (in.sumber.empty() || in.sumber == sumber)) found.push_back(key);
  }
  std::string wanted = prefix + (in.jenis.empty() ? "*" : in.jenis) + "/" + (in.sumber.empty() ? "*" : in.sumber);
  if (found.empty())
    throw bad_input(input_field(where, "activity") + ": no budget line " + wanted +
                    " in the register (add it with `kinerja budget line`)");
  if (found.size() > 1) {
    std::string list;
    for (const auto& key : found) list += (list.empty() ? "" : ", ") + key.substr(prefix.size());
    throw bad_input(input_field(where, "jenis") + ": activity " + in.activity + " has " + std::to_string(found.size()) +
                    " budget lines in " + year + " (" + list + "); give --jenis and --sumber");
  }
  return found[0];
}

static Pending checked_spend(const Db& db, const BudgetSpendInput& in, const std::string& where,
                             const std::map<std::string, int>& lines, std::set<std::string>& spends) {
  std::string year = checked_year(in.year, where);
  check_activity(in.activity, input_field(where, "activity"));
  check_month(in.month, input_field(where, "month"));
  int64_t amount = parse_money(in.amount, input_field(where, "amount"));
  std::string line = spend_line(db, in, year, where, lines);
  if (auto c = get_cell(db, "budget.line", line); c && !lines.count(line))
    if (auto v = void_of(voids_of(db, "budget.line"), *c))
      throw bad_input(input_field(where, "activity") + ": baris anggaran " + line + " telah dibatalkan (alasan: " + v->reason +
                      "); revisi barisnya dulu (`kinerja budget line --reason …`)");
  std::string key = line + "/" + month_text(in.month);
  if (!spends.insert(key).second) throw bad_input(input_field(where, "month") + ": realisasi " + key + " appears twice");
  std::string rest = line.substr(year.size() + in.activity.size() + 2);
  return Pending{"budget.spend", key,
                 json{{"year", year},
                      {"period", year + "-" + month_text(in.month)},
                      {"activity", in.activity},
                      {"jenis", rest.substr(0, rest.find('/'))},
                      {"sumber", rest.substr(rest.find('/') + 1)},
                      {"month", month_text(in.month)},
                      {"amount", std::to_string(amount)}}};
}

static const BudgetLine* find_line(const std::vector<BudgetLine>& lines, const std::string& key) {
  for (const auto& l : lines)
    if (line_key(std::to_string(l.year), l.activity, l.jenis, l.sumber) == key) return &l;
  return nullptr;
}

static bool spent(const BudgetLine& l) {
  for (const auto& m : l.months)
    if (m) return true;
  return false;
}

void add_line(BudgetRow& r, const BudgetLine& l) {
  r.pagu = r.pagu.value_or(Rational(0)) + l.pagu;
  if (spent(l)) r.realisasi = r.realisasi.value_or(Rational(0)) + l.realisasi;
  r.ops.insert(r.ops.end(), l.ops.begin(), l.ops.end());
}

static BudgetRow line_row(const BudgetLine& l) {
  BudgetRow r;
  add_line(r, l);
  return r;
}

static std::string over_pagu(const std::string& what, const BudgetRow& r) {
  if (!r.pagu || !r.realisasi || *r.realisasi <= *r.pagu) return "";
  return "realisasi " + what + " " + id_rupiah(r.realisasi) + " melebihi pagu " + id_rupiah(r.pagu);
}

BudgetWrite set_budget_line(Store& s, const BudgetLineInput& in) {
  std::map<std::string, int> lines;
  Pending p = checked_line(s.db, in, "", lines);
  Batch b(s);
  BudgetWrite w{p.key, lines[p.key], false, b.append(p.type, p.key, p.body).seq, {}};
  b.commit();
  if (auto warning = over_pagu(p.key, line_row(*find_line(budget_lines(s.db, in.year), p.key))); !warning.empty())
    w.warnings.push_back(warning);
  return w;
}

BudgetWrite record_budget_spend(Store& s, const BudgetSpendInput& in) {
  std::set<std::string> spends;
  Pending p = checked_spend(s.db, in, "", {}, spends);
  BudgetWrite w{p.key.substr(0, p.key.rfind('/')), 0, get_cell(s.db, "budget.spend", p.key).has_value(), 0, {}};
  Batch b(s);
  w.seq = b.append(p.type, p.key, p.body).seq;
  b.commit();
  if (auto warning = over_pagu(w.key, line_row(*find_line(budget_lines(s.db, in.year), w.key))); !warning.empty())
    w.warnings.push_back(warning);
  return w;
}

const Columns& budget_columns() {
  static const Columns c{{"year", "activity", "jenis", "sumber"}, {"name", "pagu", "volume", "satuan", "reason", "month", "amount"}};
  return c;
}

std::vector<BudgetCsvRow> read_budget_csv(const std::string& path) {
  std::vector<BudgetCsvRow> out;
  for (auto& row : read_csv(path, budget_columns().required, budget_columns().optional)) {
    auto& f = row.fields;
    BudgetCsvRow r;
    r.where = path + ": line " + std::to_string(row.line);
    int year = year_of(f["year"], input_field(r.where, "year"));
    r.is_spend = !f["month"].empty() || !f["amount"].empty();
    if (r.is_spend) {
      for (const char* line_only : {"name", "pagu", "volume", "satuan", "reason"})
        if (!f[line_only].empty())
          throw bad_input(input_field(r.where, line_only) + ": a realisasi row (with month and amount) has no " + line_only);
      int64_t month = parse_count(f["month"], input_field(r.where, "month"));
      check_month(month, input_field(r.where, "month"));
      r.spend = BudgetSpendInput{year, f["activity"], f["jenis"], f["sumber"], static_cast<int>(month), f["amount"]};
    } else {
      r.line = BudgetLineInput{year,        f["activity"], f["name"],   f["jenis"], f["sumber"],
                               f["pagu"],   f["volume"],   f["satuan"], f["reason"]};
    }
    out.push_back(std::move(r));
  }
  return out;
}

size_t import_budget(Store& s, const std::vector<BudgetCsvRow>& rows) {
  if (rows.empty()) throw bad_input("nothing to record: no budget rows given");
  std::map<std::string, int> lines;
  std::set<std::string> spends;
  std::vector<Pending> ops;
  for (const auto& r : rows)
    ops.push_back(r.is_spend ? checked_spend(s.db, r.spend, r.where, lines, spends) : checked_line(s.db, r.line, r.where, lines));
  Batch b(s);
  for (auto& p : ops) b.append(p.type, p.key, std::move(p.body));
  b.commit();
  return b.size();
}

void void_budget(Store& s, const BudgetSpendInput& in, const std::string& reason) {
  std::string year = checked_year(in.year, "");
  check_activity(in.activity, "--activity");
  std::string key = spend_line(s.db, in, year, "", {});
  if (in.month) {
    check_month(in.month, "--month");
    key += "/" + month_text(in.month);
  }
  const char* type = in.month ? "budget.spend" : "budget.line";
  auto cell = get_cell(s.db, type, key);
  if (!cell) throw bad_input("--month: tidak ada realisasi " + key + " di register (lihat `kinerja budget list`)");
  void_entry(s, *cell, reason, std::string(in.month ? "realisasi " : "baris anggaran ") + key);
}

// What the voided cell C of a budget line or month was, for people.
static std::string budget_entry_text(const Cell& c) {
  const json& b = c.body;
  std::string what = body_text(b, "activity") + " " + body_text(b, "jenis") + "/" + body_text(b, "sumber");
  if (c.type == "budget.line") return what + " pagu " + id_rupiah(Rational::parse(body_text(b, "pagu")));
  return what + " " + month_name(std::stoi(body_text(b, "month"))) + " " + body_text(b, "year") + " " +
         id_rupiah(Rational::parse(body_text(b, "amount")));
}

std::vector<VoidedBudget> voided_budget(const Db& db, int year) {
  std::vector<VoidedBudget> out;
  for (const char* type : {"budget.line", "budget.spend"}) {
    Voids voids = voids_of(db, type);
    for (const auto& c : list_cells(db, type, std::to_string(year) + "/"))
      if (auto v = void_of(voids, c)) out.push_back(VoidedBudget{type, c.key, budget_entry_text(c), *v});
  }
  return out;
}

std::vector<BudgetLine> budget_lines(const Db& db, int year) {
  std::string prefix = std::to_string(year) + "/";
  std::vector<BudgetLine> out;
  std::map<std::string, size_t> at;
  Voids line_voids = voids_of(db, "budget.line"), spend_voids = voids_of(db, "budget.spend");
  for (const auto& c : list_cells(db, "budget.line", prefix)) {
    if (void_of(line_voids, c)) continue;
    const json& b = c.body;
    BudgetLine l;
    l.year = year;
    l.activity = body_text(b, "activity");
    l.name = body_text(b, "name");
    l.jenis = body_text(b, "jenis");
    l.sumber = body_text(b, "sumber");
    l.satuan = body_text(b, "satuan");
    l.reason = body_text(b, "reason");
    l.pagu = Rational::parse(body_text(b, "pagu"));
    if (b.contains("volume")) l.volume = std::stoll(body_text(b, "volume"));
    l.version = std::stoi(body_text(b, "version"));
    l.ops.push_back(op_ref(c));
    l.newest_hlc = c.hlc;
    at[c.key] = out.size();
    out.push_back(std::move(l));
  }
  for (const auto& c : list_cells(db, "budget.spend", prefix)) {
    auto it = at.find(c.key.substr(0, c.key.rfind('/')));
    // A spend arrives with its line; alone (or with its line voided) it has nothing to count against.
    if (it == at.end() || void_of(spend_voids, c)) continue;
    BudgetLine& l = out[it->second];
    Rational amount = Rational::parse(body_text(c.body, "amount"));
    l.months[std::stoi(body_text(c.body, "month")) - 1] = amount;
    l.realisasi = l.realisasi + amount;
    l.ops.push_back(op_ref(c));
    l.newest_hlc = std::max(l.newest_hlc, c.hlc);
  }
  return out;
}

ReportTable budget_sums_table(std::string id, std::string title, std::vector<std::string> label_header,
                              const std::vector<BudgetGroup>& groups, const BudgetRow& total,
                              const std::vector<BudgetGroup>& after) {
  ReportTable t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.header = std::move(label_header);
  for (const char* h : {"Pagu", "Realisasi", "Penyerapan"}) t.header.push_back(h);
  auto row = [&](const std::vector<std::string>& label, const BudgetRow& r) {
    std::vector<PkCell> cells;
    for (const auto& l : label) cells.push_back(text_cell(l));
    for (auto c : {rupiah_cell(r.pagu), rupiah_cell(r.realisasi), percent_cell(penyerapan(r))}) cells.push_back(c);
    t.rows.push_back(std::move(cells));
    if (auto w = over_pagu(label[0] == "Jumlah" ? "seluruh baris" : label[0], r); !w.empty()) t.notes.push_back(w);
  };
  auto rows = [&](const std::vector<BudgetGroup>& list) {
    for (const auto& g : list) {
      if (g.strong) t.strong_rows.insert(t.rows.size());
      row(g.label, g.sum);
    }
  };
  rows(groups);
  std::vector<std::string> jumlah(t.header.size() - 3, "");
  jumlah[0] = "Jumlah";
  t.strong_rows.insert(t.rows.size());
  row(jumlah, total);
  rows(after);
  return t;
}

// Groups the lines by KEY, in key order, each labelled by LABEL of its first line.
template <typename Key, typename Label>
static std::vector<BudgetGroup> group_by(const std::vector<BudgetLine>& lines, Key key, Label label) {
  std::map<std::string, BudgetGroup> groups;
  for (const auto& l : lines) {
    auto [it, fresh] = groups.try_emplace(key(l));
    if (fresh) it->second.label = label(l);
    add_line(it->second.sum, l);
  }
  std::vector<BudgetGroup> out;
  for (auto& [k, g] : groups) out.push_back(std::move(g));
  return out;
}

static ReportTable monthly_table(const std::string& year, const std::vector<BudgetLine>& lines, const BudgetRow& total) {
  ReportTable t;
  t.id = "budget.monthly";
  t.title = "Realisasi anggaran kumulatif per bulan " + year;
  t.header = {"Bulan", "Realisasi", "Realisasi kumulatif", "Penyerapan kumulatif"};
  int last = 0;
  for (const auto& l : lines)
    for (int m = 1; m <= 12; ++m)
      if (l.months[m - 1]) last = std::max(last, m);
  Rational cumulative;
  for (int m = 1; m <= 12; ++m) {
    if (m > last) {
      t.rows.push_back(
          {text_cell(month_name(m)), rupiah_cell(std::nullopt), rupiah_cell(std::nullopt), percent_cell(std::nullopt)});
      continue;
    }
    Rational month;
    for (const auto& l : lines) month = month + l.months[m - 1].value_or(Rational(0));
    cumulative = cumulative + month;
    BudgetRow so_far;
    so_far.pagu = total.pagu;
    so_far.realisasi = cumulative;
    t.rows.push_back(
        {text_cell(month_name(m)), rupiah_cell(month), rupiah_cell(cumulative), percent_cell(penyerapan(so_far))});
    if (auto w = over_pagu("kumulatif s.d. " + month_name(m), so_far); !w.empty() && m == last) t.notes.push_back(w);
  }
  return t;
}

static ReportTable line_table(const std::string& year, const std::vector<BudgetLine>& lines) {
  ReportTable t;
  t.id = "budget.line";
  t.title = "Rincian baris anggaran (DIPA) " + year;
  t.header = {"Kode", "Uraian", "Jenis belanja", "Sumber dana", "Volume", "Pagu", "Realisasi", "Penyerapan", "Versi"};
  for (const auto& l : lines) {
    BudgetRow r = line_row(l);
    std::string volume = l.volume ? id_number(Rational(*l.volume), 0) + (l.satuan.empty() ? "" : " " + l.satuan) : "";
    t.rows.push_back({text_cell(l.activity), text_cell(l.name), text_cell(l.jenis), text_cell(l.sumber),
                      text_cell(volume), rupiah_cell(r.pagu), rupiah_cell(r.realisasi), percent_cell(penyerapan(r)),
                      text_cell(std::to_string(l.version))});
    std::string key = l.activity + " " + l.jenis + "/" + l.sumber;
    if (auto w = over_pagu(key, r); !w.empty()) t.notes.push_back(w);
    if (l.version > 1) t.notes.push_back(key + " revisi versi " + std::to_string(l.version) + ": " + l.reason);
  }
  return t;
}

std::vector<ReportTable> budget_tables(const Db& db, int year) {
  auto lines = budget_lines(db, year);
  if (lines.empty()) return {};
  BudgetRow total;
  std::string newest;
  for (const auto& l : lines) {
    add_line(total, l);
    newest = std::max(newest, l.newest_hlc);
  }
  std::string y = std::to_string(year);
  std::vector<ReportTable> out;
  out.push_back(budget_sums_table(
      "budget.activity", "Penyerapan anggaran " + y + " per kegiatan", {"Kode", "Kegiatan"},
      group_by(lines, [](const BudgetLine& l) { return l.activity; },
               [](const BudgetLine& l) { return std::vector<std::string>{l.activity, l.name}; }),
      total));
  out.push_back(budget_sums_table(
      "budget.jenis", "Penyerapan anggaran " + y + " per jenis belanja", {"Jenis belanja"},
      group_by(lines, [](const BudgetLine& l) { return l.jenis; },
               [](const BudgetLine& l) { return std::vector<std::string>{jenis_label(l.jenis)}; }),
      total));
  out.push_back(budget_sums_table(
      "budget.sumber", "Penyerapan anggaran " + y + " per sumber dana", {"Sumber dana"},
      group_by(lines, [](const BudgetLine& l) { return l.sumber; },
               [](const BudgetLine& l) { return std::vector<std::string>{sumber_label(l.sumber)}; }),
      total));
  out.push_back(monthly_table(y, lines, total));
  out.push_back(line_table(y, lines));
  for (const auto& v : voided_budget(db, year)) out.back().notes.push_back(void_note(v.type, v.what, v.v));
  for (auto& t : out) t.data_per = utc_date(parse_hlc(newest).ms);
  return out;
}

}  // namespace kinerja
