// The RB action plan register (rb_register.hpp).
#include "client/rb_register.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "client/csv.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/period.hpp"
#include "client/register_entry.hpp"

namespace kinerja {

// "--name" on the command line, "FILE: line N, column COLUMN" in a CSV file.
static std::string field(const std::string& where, const std::string& option, const std::string& column) {
  return where.empty() ? "--" + option : where + ", column " + column;
}

static json checked_item(const RbItemInput& in, const std::string& where) {
  if (in.year < 2000 || in.year > 2100) throw bad_input(field(where, "year", "year") + ": give the plan's year, 2000-2100");
  Period due = parse_period(in.due, field(where, "due", "due"));
  if (due.kind != PeriodKind::Quarter)
    throw bad_input(field(where, "due", "due") + ": '" + in.due + "' is not a quarter (use YYYY-Qn, e.g. " +
                    std::to_string(in.year) + "-Q2)");
  if (due.year != in.year)
    throw bad_input(field(where, "due", "due") + ": " + in.due + " is not in the plan's year " + std::to_string(in.year));
  json body{{"year", std::to_string(in.year)},
            {"area", checked_text(in.area, field(where, "area", "area"))},
            {"action", checked_text(in.action, field(where, "action", "action"))},
            {"due", due.str()}};
  for (auto [v, name] : {std::pair{&in.program, "program"}, std::pair{&in.output, "output"}, std::pair{&in.target, "target"}})
    if (!v->empty()) body[name] = checked_text(*v, field(where, name, name));
  if (!in.owner.empty()) {
    if (in.owner.size() > 30 || in.owner.find_first_not_of("0123456789 ") != std::string::npos)
      throw bad_input(field(where, "owner", "owner") + ": '" + in.owner + "' is not a NIP (digits)");
    body["owner"] = in.owner;
  }
  return body;
}

// Action item ID of the plan; Error(BadInput) naming F when there is none or it is cancelled.
static Cell live_item(const Db& db, const std::string& id, const std::string& f) {
  auto cell = get_cell(db, "rb", canonical_entry_id(id));
  if (!cell) throw bad_input(f + ": no action item '" + id + "' in the RB plan (see `kinerja rb list`)");
  if (auto v = void_of(voids_of(db, "rb"), *cell))
    throw bad_input(f + ": rencana aksi '" + cell->key + "' telah dibatalkan (alasan: " + v->reason + ")");
  return *cell;
}

// Checks IN against the store (its ID) or the item being added in the same row.
static void check_done(const Store& s, const RbDoneInput& in, bool new_item, const std::string& where) {
  if (!new_item) live_item(s.db, in.id, "ID");
  if (!in.date.empty()) parse_date(in.date, field(where, "date", "done"));
  if (in.evidence.empty()) throw bad_input(field(where, "evidence", "evidence") + ": an item done needs its evidence (a file or a URL)");
  check_evidence(s.path, in.evidence, field(where, "evidence", "evidence"));
}

// Stores the evidence (a file into the store's evidence folder) and returns the done body.
static json done_body(const Store& s, const std::string& id, const RbDoneInput& in, const std::string& where) {
  json body{{"id", id}, {"date", in.date.empty() ? today() : parse_date(in.date, field(where, "date", "done"))}};
  Evidence e = take_evidence(s.path, in.evidence, field(where, "evidence", "evidence"));
  if (!e.url.empty()) {
    body["evidence_url"] = e.url;
  } else {
    body["evidence_sha256"] = e.sha256;
    body["evidence_size"] = std::to_string(e.size);
    body["evidence_name"] = e.name;
  }
  return body;
}

void mark_rb_done(Store& s, const RbDoneInput& in) {
  check_done(s, in, false, "");
  std::string id = canonical_entry_id(in.id);
  json body = done_body(s, id, in, "");
  Batch b(s);
  b.append("rb.done", id, std::move(body));
  b.commit();
}

// An item as a file names it when it has no ID column: its year, area and action.
static std::string item_name(const json& body) {
  return body_text(body, "year") + "|" + body_text(body, "area") + "|" + body_text(body, "action");
}

// Whether writing BODY to a cell holding OLD would change any of FIELDS.
static bool differs(const json& old, const json& body, std::initializer_list<const char*> fields) {
  for (const char* f : fields)
    if (body_text(old, f) != body_text(body, f)) return true;
  return false;
}

using ItemsByName = std::multimap<std::string, Cell>;

// The plan's item that row R names, if any: the item of its ID, else the one of the same
// year, area and action, or of the same due quarter as well when the file (BY_DUE) or the
// plan holds that action more than once. CANCELLED is set when it is a cancelled one.
static std::optional<Cell> row_item(const Db& db, const RbRow& r, const json& item, const ItemsByName& plan,
                                    const Voids& voids, bool by_due, bool& cancelled) {
  std::vector<Cell> found;
  if (!r.id.empty()) {
    auto c = get_cell(db, "rb", canonical_entry_id(r.id));
    if (!c) throw bad_input(r.where + ", column id: no action item '" + r.id + "' in the RB plan (see `kinerja rb list`)");
    found.push_back(*c);
  } else {
    auto [from, to] = plan.equal_range(item_name(item));
    size_t live = 0;
    for (auto it = from; it != to; ++it) live += !void_of(voids, it->second);
    for (auto it = from; it != to; ++it)
      if (!(by_due || live > 1) || body_text(it->second.body, "due") == body_text(item, "due")) found.push_back(it->second);
  }
  std::vector<Cell> live;
  for (const auto& c : found)
    if (!void_of(voids, c)) live.push_back(c);
  cancelled = live.empty() && !found.empty();
  if (live.size() > 1) {
    std::string ids;
    for (const auto& c : live) ids += (ids.empty() ? "" : ", ") + c.key;
    throw bad_input(r.where + ": the plan has " + std::to_string(live.size()) + " items " + item_name(item) + " due " +
                    body_text(item, "due") + " (" + ids +
                    "); cancel the extra ones (`kinerja rb cancel`) or name the item in an id column");
  }
  if (live.empty()) return std::nullopt;
  return live.front();
}

RbImport import_rb(Store& s, const std::vector<RbRow>& rows) {
  if (rows.empty()) throw bad_input("nothing to record: no action items given");
  Voids voids = voids_of(s.db, "rb");
  ItemsByName plan;
  for (auto& c : list_cells(s.db, "rb")) plan.emplace(item_name(c.body), std::move(c));
  std::vector<json> items(rows.size());
  std::map<std::string, int> in_file;  // rows per item name
  for (size_t i = 0; i < rows.size(); ++i) {
    items[i] = checked_item(rows[i].item, rows[i].where);
    ++in_file[item_name(items[i])];
  }
  std::map<std::string, std::string> seen;  // the item's ID, name or name and due -> the row that names it
  std::vector<std::optional<Cell>> old(rows.size());
  std::vector<bool> skip(rows.size());
  RbImport r;
  for (size_t i = 0; i < rows.size(); ++i) {
    bool cancelled = false, by_due = in_file[item_name(items[i])] > 1;
    old[i] = row_item(s.db, rows[i], items[i], plan, voids, by_due, cancelled);
    std::string which = old[i] ? old[i]->key : item_name(items[i]) + (by_due ? " " + body_text(items[i], "due") : "");
    if (auto [it, fresh] = seen.emplace(which, rows[i].where); !fresh)
      throw bad_input(rows[i].where + ": the same action item as " + it->second + " (" + which + ")");
    skip[i] = cancelled;
    r.voided += cancelled;
    if (!cancelled && !rows[i].done.date.empty()) check_done(s, rows[i].done, true, rows[i].where);
  }
  std::vector<json> done(rows.size());
  for (size_t i = 0; i < rows.size(); ++i)
    if (!skip[i] && !rows[i].done.date.empty()) done[i] = done_body(s, "", rows[i].done, rows[i].where);
  Batch b(s);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (skip[i]) continue;
    size_t before = b.size();
    std::string id = old[i] ? old[i]->key : next_entry_id(s, "RB");
    items[i]["id"] = id;
    if (!old[i] || differs(old[i]->body, items[i], {"year", "area", "action", "due", "owner", "program", "output", "target"}))
      b.append("rb", id, std::move(items[i]));
    if (!done[i].is_null()) {
      done[i]["id"] = id;
      auto was = get_cell(s.db, "rb.done", id);
      if (!was || differs(was->body, done[i], {"date", "evidence_url", "evidence_sha256"})) b.append("rb.done", id, std::move(done[i]));
    }
    if (!old[i]) r.ids.push_back(id);
    else ++(b.size() > before ? r.updated : r.unchanged);
  }
  if (b.size()) b.commit();
  return r;
}

std::string add_rb_item(Store& s, const RbItemInput& in) {
  json item = checked_item(in, "");
  Voids voids = voids_of(s.db, "rb");
  for (const auto& c : list_cells(s.db, "rb"))
    if (item_name(c.body) == item_name(item) && body_text(c.body, "due") == body_text(item, "due") && !void_of(voids, c))
      throw bad_input("--action: the " + std::to_string(in.year) + " plan has this action item of " + in.area + " due " +
                      body_text(item, "due") + " already (" + c.key + ")");
  RbRow row;
  row.item = in;
  return import_rb(s, {row}).ids.front();
}

const Columns& rb_columns() {
  static const Columns c{{"year", "area", "action", "due"}, {"owner", "program", "output", "target", "done", "evidence", "id"}};
  return c;
}

std::vector<RbRow> read_rb_csv(const std::string& path) {
  std::vector<RbRow> out;
  for (auto& row : read_csv(path, rb_columns().required, rb_columns().optional)) {
    auto& f = row.fields;
    std::string where = path + ": line " + std::to_string(row.line);
    if (f["done"].empty() && !f["evidence"].empty())
      throw bad_input(where + ", column done: is required when evidence is given");
    const std::string& y = f["year"];
    if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos)
      throw bad_input(where + ", column year: '" + y + "' is not a year");
    std::string evidence = evidence_beside(path, f["evidence"], where + ", column evidence");
    out.push_back(RbRow{RbItemInput{std::stoi(y), f["area"], f["action"], f["due"], f["owner"], f["program"], f["output"],
                                    f["target"]},
                        RbDoneInput{"", evidence, f["done"]}, where, f["id"]});
  }
  return out;
}

std::vector<RbItem> list_rb(const Db& db, int year, bool with_voided) {
  std::vector<RbItem> out;
  Voids voids = voids_of(db, "rb");
  for (const auto& c : list_cells(db, "rb")) {
    const json& b = c.body;
    RbItem it;
    it.id = c.key;
    it.year = std::stoi(body_text(b, "year"));
    it.voided = void_of(voids, c);
    if ((year && it.year != year) || (it.voided && !with_voided)) continue;
    it.area = body_text(b, "area");
    it.action = body_text(b, "action");
    it.due = body_text(b, "due");
    it.owner = body_text(b, "owner");
    it.program = body_text(b, "program");
    it.output = body_text(b, "output");
    it.target = body_text(b, "target");
    it.quarter = parse_period(it.due).index;
    it.op = op_ref(c);
    it.hlc = c.hlc;
    if (auto d = get_cell(db, "rb.done", c.key)) {
      it.hlc = std::max(it.hlc, d->hlc);
      it.done_date = body_text(d->body, "date");
      it.evidence = Evidence{body_text(d->body, "evidence_url"), body_text(d->body, "evidence_sha256"), body_text(d->body, "evidence_name"),
                             d->body.contains("evidence_size") ? std::stoll(body_text(d->body, "evidence_size")) : 0};
      it.done_op = op_ref(*d);
    }
    out.push_back(std::move(it));
  }
  std::stable_sort(out.begin(), out.end(), [](const RbItem& x, const RbItem& y) { return x.due < y.due; });
  return out;
}

// The RB portal's name of the end of quarter Q: B03, B06, B09, B12.
static std::string portal_quarter(int q) { return (q < 4 ? "B0" : "B") + std::to_string(3 * q); }

// Done by the end of quarter Q of its year: planned by then and completed on or before it.
static bool done_by(const RbItem& it, int q) {
  return it.quarter <= q && !it.done_date.empty() && it.done_date <= quarter_end(it.year, q);
}

std::vector<RbQuarter> rb_quarters(const Db& db, int year) {
  std::vector<RbQuarter> out;
  for (int q = 1; q <= 4; ++q) out.push_back(RbQuarter{q, 0, 0, quarter_end(year, q)});
  for (const auto& it : list_rb(db, year))
    for (auto& r : out) {
      r.planned += it.quarter <= r.quarter;
      r.done += done_by(it, r.quarter);
    }
  return out;
}

static std::string status_of(const RbItem& it, const std::string& today_date) {
  if (it.done_date.empty())
    return today_date > quarter_end(it.year, it.quarter) ? "belum terlaksana (lewat batas)" : "belum terlaksana";
  return (done_by(it, it.quarter) ? "terlaksana " : "terlaksana terlambat ") + it.done_date;
}

std::vector<ReportTable> rb_tables(const Db& db, int year) {
  auto items = list_rb(db, year);
  if (items.empty()) return {};
  std::string y = std::to_string(year), now = today(), newest;
  ReportTable q{"rb.quarter", "Pelaksanaan Rencana Aksi RB " + y + " per triwulan (kumulatif)",
                {"Periode", "Akhir triwulan", "Rencana aksi", "Terlaksana", "Persentase"}, {}, {}, {}, ""};
  for (const auto& r : rb_quarters(db, year)) {
    std::optional<Rational> pct;
    if (r.planned) pct = Rational(r.done) / Rational(r.planned) * Rational(100);
    q.rows.push_back({text_cell(portal_quarter(r.quarter)), text_cell(r.end),
                      number_cell(Rational(r.planned), 0), number_cell(Rational(r.done), 0), percent_cell(pct)});
  }
  q.notes.push_back("Rencana aksi dihitung pada triwulan batas waktunya; yang terlaksana setelah batas dihitung pada "
                    "triwulan pelaksanaannya, yang terlaksana setelah akhir tahun tidak dihitung untuk tahun " + y + ".");
  ReportTable l{"rb.items", "Rencana Aksi RB " + y,
                {"ID", "Area perubahan", "Program", "Rencana aksi", "Output", "Target", "Batas waktu", "Penanggung jawab", "Status", "Data dukung"}, {}, {}, {}, ""};
  int64_t overdue = 0, late = 0;
  for (const auto& it : items) {
    std::string ev = !it.evidence.url.empty() ? it.evidence.url
                     : it.evidence.sha256.empty() ? ""
                                                  : it.evidence.name + " (sha256 " + it.evidence.sha256.substr(0, 12) + ")";
    std::string status = status_of(it, now);
    overdue += it.done_date.empty() && now > quarter_end(it.year, it.quarter);
    late += !it.done_date.empty() && !done_by(it, it.quarter);
    l.rows.push_back({text_cell(it.id), text_cell(it.area), text_cell(it.program), text_cell(it.action),
                      text_cell(it.output), text_cell(it.target),
                      text_cell(Period{it.year, PeriodKind::Quarter, it.quarter}.label()), text_cell(it.owner),
                      text_cell(status), text_cell(ev)});
    newest = std::max(newest, it.hlc);
  }
  q.data_per = l.data_per = utc_date(parse_hlc(newest).ms);
  if (overdue) l.notes.push_back(std::to_string(overdue) + " rencana aksi lewat batas waktu dan belum terlaksana.");
  if (late) l.notes.push_back(std::to_string(late) + " rencana aksi terlaksana setelah batas waktunya.");
  for (const auto& it : list_rb(db, year, true))
    if (it.voided) l.notes.push_back(void_note("rb", it.id + " " + it.action, *it.voided));
  return {q, l};
}

void rb_inputs(const Db& db, const Indicator& ind, int year, int quarter, std::vector<Component>& out) {
  if (ind.source != "rb") return;
  int q = quarter ? quarter : 4;
  Component k;
  k.source = "rb";
  k.period = quarter ? Period{year, PeriodKind::Quarter, quarter}.str() : std::to_string(year);
  int64_t planned = 0, done = 0;
  for (const auto& it : list_rb(db, year)) {
    if (it.quarter > q) continue;
    ++planned;
    k.ops.push_back(it.op);
    if (!done_by(it, q)) continue;
    ++done;
    k.ops.push_back(it.done_op);
  }
  k.numerator = Rational(done);
  k.denominator = Rational(planned);
  k.note = "rencana aksi RB " + std::to_string(year) + (quarter ? " s.d. " + portal_quarter(q) : "") +
           ": " + std::to_string(done) + " terlaksana dari " + std::to_string(planned) + " direncanakan";
  out.push_back(std::move(k));
}

std::vector<std::string> rb_evidence(const Db& db) {
  std::set<std::string> out;
  for (const auto& c : list_cells(db, "rb.done")) {
    std::string h = body_text(c.body, "evidence_sha256");
    if (is_sha256(h)) out.insert(h);
  }
  return {out.begin(), out.end()};
}

}  // namespace kinerja
