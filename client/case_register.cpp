// The field case register (case_register.hpp).
#include "client/case_register.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "client/any_case.hpp"
#include "client/csv.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/period.hpp"

namespace kinerja {

static const std::set<std::string> kKinds{"proyustisia", "tak"};
static const std::set<std::string> kStatuses{"ditangani", "ditindaklanjuti", "selesai", "dihentikan"};

// "--name" on the command line, "FILE: line N, column COLUMN" in a CSV file.
static std::string field(const std::string& where, const std::string& option, const std::string& column) {
  return where.empty() ? "--" + option : where + ", column " + column;
}

// V in its canonical (small-letter) form if it is one of ALLOWED in any case.
static std::string one_of(const std::string& v, const std::set<std::string>& allowed, const std::string& f) {
  if (allowed.count(lower_ascii(v))) return lower_ascii(v);
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : "|") + a;
  throw bad_input(f + ": '" + v + "' is not one of " + list);
}

static void check_ref(const std::string& ref, const std::string& f) {
  if (ref.empty()) throw bad_input(f + ": the case reference is empty");
  if (ref.size() > 120) throw bad_input(f + ": the case reference is longer than 120 characters");
  if (ref.front() == ' ' || ref.back() == ' ') throw bad_input(f + ": '" + ref + "' starts or ends with a space");
  for (unsigned char c : ref)
    if (c < 0x20 || c == '|') throw bad_input(f + ": '" + ref + "' contains '|' or a control character");
}

// The case REF of the register, unless it is voided (Error(BadInput) naming F then).
static std::optional<Cell> live_case(const Db& db, const std::string& ref, const std::string& f) {
  auto cell = get_cell(db, "case", ref);
  if (!cell) return std::nullopt;
  if (auto v = void_of(voids_of(db, "case"), *cell))
    throw bad_input(f + ": kasus '" + ref + "' telah dibatalkan (alasan: " + v->reason + ")");
  return cell;
}

// Checks C's fields and the refs opened earlier in the same batch; returns its body.
static json checked_open(const CaseOpen& c, const std::string& where, std::map<std::string, std::string>& opened) {
  std::string kind = one_of(c.kind, kKinds, field(where, "kind", "kind"));
  check_ref(c.ref, field(where, "ref", "ref"));
  std::string date = parse_date(c.date, field(where, "date", "date"));
  if (!opened.emplace(c.ref, date).second)
    throw bad_input(field(where, "ref", "ref") + ": case '" + c.ref + "' appears twice");
  json body{{"kind", kind}, {"ref", c.ref}, {"date", date}};
  if (!c.subject.empty()) body["subject"] = c.subject;
  if (!c.location.empty()) body["location"] = c.location;
  return body;
}

static std::string already_open(const Cell& old) {
  return "case '" + old.key + "' is already in the register (" + body_text(old.body, "kind") + ", opened " +
         body_text(old.body, "date") + ")";
}

struct CheckedUpdate {
  std::string key;
  json body;
};

static CheckedUpdate checked_update(const Db& db, const CaseUpdate& u, const std::string& where,
                                    const std::map<std::string, std::string>& opened) {
  std::string ref_field = where.empty() ? "REF" : field(where, "ref", "ref");
  check_ref(u.ref, ref_field);
  std::string status = one_of(u.status, kStatuses, field(where, "status", "status"));
  std::string open_date;
  if (auto it = opened.find(u.ref); it != opened.end()) {
    open_date = it->second;
  } else if (auto cell = live_case(db, u.ref, ref_field)) {
    open_date = cell->body.at("date").get<std::string>();
  } else {
    throw bad_input(ref_field + ": no case '" + u.ref + "' in the register (open it with `kinerja case open`)");
  }
  std::string date = u.date.empty() ? today() : parse_date(u.date, field(where, "date", "status_date"));
  if (date < open_date)
    throw bad_input(field(where, "date", "status_date") + ": " + date + " is before the case was opened (" + open_date + ")");
  json body{{"ref", u.ref}, {"date", date}, {"status", status}};
  if (!u.note.empty()) body["note"] = u.note;
  return CheckedUpdate{u.ref + "|" + date + "|" + status, body};
}

void open_case(Store& s, const CaseOpen& c) {
  if (auto old = get_cell(s.db, "case", c.ref)) throw bad_input("--ref: " + already_open(*old));
  import_cases(s, {CaseRow{c, {}, ""}});
}

void update_case(Store& s, const CaseUpdate& u) {
  CheckedUpdate cu = checked_update(s.db, u, "", {});
  Batch b(s);
  b.append("case.status", cu.key, cu.body);
  b.commit();
}

// Error(BadInput) naming the column of the first field in which BODY (a row of a file)
// contradicts OLD, the opening in the register.
static void check_same_opening(const Cell& old, const json& body, const std::string& where) {
  for (const char* name : {"kind", "date", "subject", "location"}) {
    std::string was = body_text(old.body, name), now = body.value(name, "");
    if (was != now)
      throw bad_input(field(where, name, name) + ": '" + now + "' differs from the register's '" + was + "' for " +
                      already_open(old) + "; a case opened by mistake is voided (`kinerja case void`), not changed");
  }
}

CaseImport import_cases(Store& s, const std::vector<CaseRow>& rows) {
  if (rows.empty()) throw bad_input("nothing to record: no cases given");
  std::map<std::string, std::string> opened;
  struct Pending {
    std::string type, key;
    json body;
  };
  std::vector<Pending> ops;
  CaseImport r;
  Voids voids = voids_of(s.db, "case");
  for (const auto& row : rows) {
    json body = checked_open(row.open, row.where, opened);
    auto old = get_cell(s.db, "case", row.open.ref);
    if (old && void_of(voids, *old)) {
      ++r.voided;
      continue;
    }
    if (old) {
      check_same_opening(*old, body, row.where);
    } else {
      ops.push_back({"case", row.open.ref, std::move(body)});
      ++r.opened;
    }
    bool event = false;
    if (!row.update.status.empty()) {
      CaseUpdate u = row.update;
      u.ref = row.open.ref;
      CheckedUpdate cu = checked_update(s.db, u, row.where, opened);
      event = !get_cell(s.db, "case.status", cu.key);
      if (event) ops.push_back({"case.status", cu.key, cu.body});
    }
    if (old) ++(event ? r.updated : r.unchanged);
  }
  if (ops.empty()) return r;
  Batch b(s);
  for (auto& p : ops) b.append(p.type, p.key, std::move(p.body));
  b.commit();
  r.ops = b.size();
  return r;
}

void void_case(Store& s, const std::string& ref, const std::string& reason) {
  auto cell = get_cell(s.db, "case", ref);
  if (!cell) throw bad_input("REF: tidak ada kasus '" + ref + "' di register (lihat `kinerja case list`)");
  void_entry(s, *cell, reason, "kasus '" + ref + "'");
}

const Columns& case_columns() {
  static const Columns c{{"kind", "ref", "date"}, {"subject", "location", "status", "status_date", "note"}};
  return c;
}

const std::set<std::string>& case_kinds() { return kKinds; }
const std::set<std::string>& case_statuses() { return kStatuses; }

std::vector<CaseRow> read_cases_csv(const std::string& path) {
  std::vector<CaseRow> out;
  for (auto& row : read_csv(path, case_columns().required, case_columns().optional)) {
    auto& f = row.fields;
    std::string where = path + ": line " + std::to_string(row.line);
    if (f["status"].empty() && (!f["status_date"].empty() || !f["note"].empty()))
      throw bad_input(where + ", column status: is required when status_date or note is given");
    out.push_back(CaseRow{CaseOpen{f["kind"], f["ref"], f["date"], f["subject"], f["location"]},
                          CaseUpdate{f["ref"], f["status"], f["status_date"].empty() ? f["date"] : f["status_date"], f["note"]},
                          where});
  }
  return out;
}

std::vector<Case> list_cases(const Db& db, int year, bool with_voided) {
  std::map<std::string, std::vector<CaseEvent>> events;
  for (const auto& c : list_cells(db, "case.status")) {
    const json& b = c.body;
    events[body_text(b, "ref")].push_back(CaseEvent{body_text(b, "date"), body_text(b, "status"), body_text(b, "note"), c.hlc, c.device, op_ref(c)});
  }
  std::vector<Case> out;
  Voids voids = voids_of(db, "case");
  for (const auto& c : list_cells(db, "case")) {
    const json& b = c.body;
    Case k{body_text(b, "kind"), body_text(b, "ref"), body_text(b, "date"), body_text(b, "subject"), body_text(b, "location"), "ditangani", body_text(b, "date"), {}, op_ref(c), void_of(voids, c)};
    if ((year && date_year(k.date) != year) || (k.voided && !with_voided)) continue;
    if (auto it = events.find(k.ref); it != events.end()) {
      k.events = it->second;
      std::sort(k.events.begin(), k.events.end(), [](const CaseEvent& x, const CaseEvent& y) {
        return std::tie(x.date, x.hlc, x.device) < std::tie(y.date, y.hlc, y.device);
      });
      k.status = k.events.back().status;
      k.status_date = k.events.back().date;
    }
    out.push_back(std::move(k));
  }
  std::stable_sort(out.begin(), out.end(), [](const Case& x, const Case& y) { return x.date < y.date; });
  return out;
}

static bool followed_up(const std::string& kind, const std::string& status) {
  return status == "selesai" || (kind == "proyustisia" && status == "ditindaklanjuti");
}

// C's latest status event dated on or before END ("": its latest), or nothing (ditangani).
static const CaseEvent* status_on(const Case& c, const std::string& end) {
  for (auto e = c.events.rbegin(); e != c.events.rend(); ++e)
    if (end.empty() || e->date <= end) return &*e;
  return nullptr;
}

CaseCounts case_counts(const Db& db, const std::string& kind, int year, int quarter) {
  std::string end = quarter ? quarter_end(year, quarter) : "";
  CaseCounts n;
  for (const auto& c : list_cases(db, year)) {
    if (c.kind != kind || (!end.empty() && c.date > end)) continue;
    const CaseEvent* e = status_on(c, end);
    ++n.denominator;
    n.numerator += followed_up(c.kind, e ? e->status : "ditangani");
    n.ops.push_back(c.op);
    if (e) n.ops.push_back(e->op);
  }
  return n;
}

void case_inputs(const Db& db, const Indicator& ind, int year, int quarter, std::vector<Component>& out) {
  if (ind.source.rfind("case:", 0) != 0) return;
  std::string kind = ind.source.substr(5);
  CaseCounts n = case_counts(db, kind, year, quarter);
  Component k;
  k.source = "kasus";
  k.period = quarter ? Period{year, PeriodKind::Quarter, quarter}.str() : std::to_string(year);
  k.numerator = Rational(n.numerator);
  k.denominator = Rational(n.denominator);
  k.note = "register kasus " + kind + ": " + std::to_string(n.denominator) + " kasus dibuka " +
           (quarter ? "s.d. " + quarter_end(year, quarter) + ", status pada tanggal itu" : std::to_string(year));
  k.ops = std::move(n.ops);
  out.push_back(std::move(k));
}

}  // namespace kinerja
