// Recording and importing realisasi entries (entry.hpp).
#include "client/entry.hpp"

#include <algorithm>
#include <map>

#include "client/any_case.hpp"
#include "client/catalogue.hpp"
#include "client/csv.hpp"
#include "client/error.hpp"
#include "client/ledger.hpp"
#include "client/number.hpp"
#include "client/period.hpp"
#include "client/realisasi.hpp"

namespace kinerja {

struct Checked {
  std::string key;
  json body;
};

static std::string field_name(const EntryInput& e, const std::string& field) {
  return e.where.empty() ? field : e.where + ", column " + field;
}

// find_indicator() reads every stored catalogue: within one call, look each (code, year) up once.
class IndicatorCache {
 public:
  explicit IndicatorCache(const Db& db) : db_(db) {}
  const std::optional<Indicator>& get(const std::string& code, int year) {
    auto key = std::make_pair(code, year);
    auto it = found_.find(key);
    if (it == found_.end()) it = found_.emplace(key, find_indicator(db_, code, year)).first;
    return it->second;
  }

 private:
  const Db& db_;
  std::map<std::pair<std::string, int>, std::optional<Indicator>> found_;
};

// A rekap: the yearly total of a register-sourced indicator for a year the register holds
// nothing for (realisasi.hpp).
static void check_rekap(const Db& db, const Indicator& ind, const Period& p, const EntryInput& e) {
  std::string what = e.indicator + " " + std::to_string(p.year);
  if (ind.source == "manual")
    throw bad_input(field_name(e, "rekap") + ": " + e.indicator +
                    " is recorded by hand, not counted from a register; record its year without --rekap");
  if (p.kind != PeriodKind::Year)
    throw bad_input(field_name(e, "period") + ": a rekap is the total of a whole year: give the year, e.g. " +
                    std::to_string(p.year));
  if (size_t n = register_ops(db, ind, p.year).size())
    throw bad_input(field_name(e, "rekap") + ": the register has entries for " + what + " (" + std::to_string(n) +
                    " op in " + source_register(ind.source) + "); a rekap is only for a year the register holds nothing for");
}

static Checked check(const Db& db, IndicatorCache& indicators, EntryInput e,
                     std::map<std::string, PeriodKind>& granularity) {
  e.indicator = upper_ascii(e.indicator);
  e.part = upper_ascii(e.part);
  if (e.indicator.empty()) throw bad_input(field_name(e, "indicator") + ": is empty");
  Period p = parse_period(e.period, field_name(e, "period"));
  const auto& ind = indicators.get(e.indicator, p.year);
  if (!ind)
    throw bad_input(field_name(e, "indicator") + ": '" + e.indicator + "' is not in the catalogue for " +
                    std::to_string(p.year) + " (see `kinerja catalogue show`)");
  if (!e.rekap.empty()) check_rekap(db, *ind, p, e);
  if (ind->source != "manual" && e.rekap.empty())
    throw bad_input(field_name(e, "indicator") + ": " + e.indicator + " " + std::to_string(p.year) +
                    " is counted from " + source_register(ind->source) + " (catalogue source '" + ind->source +
                    "'), not recorded by hand; a year's total reported before the register existed is recorded with --rekap SOURCE");
  std::string gkey = e.indicator + "/" + std::to_string(p.year);
  auto [it, fresh] = granularity.emplace(gkey, p.kind);
  if (!fresh && it->second != p.kind)
    throw bad_input(field_name(e, "period") + ": " + e.indicator + " " + std::to_string(p.year) + " is recorded per " +
                    kind_name(it->second) + ", so '" + e.period + "' (a " + kind_name(p.kind) +
                    ") would count twice; record per " + kind_name(it->second));
  json body{{"indicator", e.indicator}, {"period", p.str()}};
  if (!e.note.empty()) body["note"] = e.note;
  if (!e.rekap.empty()) body["rekap"] = e.rekap;
  std::string key = e.indicator + "/" + p.str();
  if (!e.part.empty()) {
    std::string parts;
    for (const auto& part : ind->parts) parts += (parts.empty() ? "" : ", ") + part.code;
    if (ind->parts.empty())
      throw bad_input(field_name(e, "component") + ": " + e.indicator + " is not a composite index (it has no components)");
    if (std::none_of(ind->parts.begin(), ind->parts.end(), [&](const IndicatorPart& part) { return part.code == e.part; }))
      throw bad_input(field_name(e, "component") + ": '" + e.part + "' is not a component of " + e.indicator + " (" + parts + ")");
    body["part"] = e.part;
    key += "/" + e.part;
  }
  if (ind->method == "ratio") {
    if (!e.value.empty())
      throw bad_input(field_name(e, "value") + ": " + e.indicator + " is a ratio: give numerator and denominator, not a value");
    if (e.numerator.empty()) throw bad_input(field_name(e, "numerator") + ": is required for " + e.indicator);
    if (e.denominator.empty()) throw bad_input(field_name(e, "denominator") + ": is required for " + e.indicator);
    int64_t n = parse_count(e.numerator, field_name(e, "numerator"));
    int64_t d = parse_count(e.denominator, field_name(e, "denominator"));
    if (n > d)
      throw bad_input(field_name(e, "numerator") + ": " + std::to_string(n) + " is greater than the denominator " +
                      std::to_string(d));
    body["numerator"] = std::to_string(n);
    body["denominator"] = std::to_string(d);
  } else {
    if (!e.numerator.empty() || !e.denominator.empty())
      throw bad_input(field_name(e, "numerator") + ": " + e.indicator + " takes a value, not numerator/denominator");
    if (e.value.empty()) throw bad_input(field_name(e, "value") + ": is required for " + e.indicator);
    std::string v = parse_decimal(e.value, field_name(e, "value"));
    check_unit_range(*ind, v, field_name(e, "value"));
    body["value"] = v;
  }
  return Checked{key, body};
}

// The period kind already used for each indicator and year in the store.
static std::map<std::string, PeriodKind> recorded_granularity(const Db& db) {
  std::map<std::string, PeriodKind> out;
  for (const auto& c : list_cells(db, "value")) {
    Period p = parse_period(c.body.at("period").get<std::string>());
    out.emplace(c.body.at("indicator").get<std::string>() + "/" + std::to_string(p.year), p.kind);
  }
  return out;
}

// Checks and appends entries one at a time, all in one Batch: nothing is kept per entry
// but the line of its row, and an entry that fails its check leaves the store as it was
// (the Batch never commits). A row for a cell an earlier row of the same file wrote is
// skipped when it says the same, bad input naming both lines when it does not.
class EntryWriter {
 public:
  explicit EntryWriter(Store& s)
      : db_(s.db),
        batch_(s),
        device_(s.device),
        first_seq_(last_seq(s.db, s.device) + 1),
        written_(s.db, "SELECT device, seq, body FROM cells WHERE type='value' AND key=?"),
        granularity_(recorded_granularity(s.db)),
        indicators_(s.db) {}

  // LINE: the entry's line in a file, 0 on the command line.
  void add(const EntryInput& e, int line = 0) {
    Checked c = check(db_, indicators_, e, granularity_);
    if (int earlier = earlier_line(c.key)) {
      if (earlier_body_ != c.body)
        throw bad_input(e.where + ": " + c.key + " is on line " + std::to_string(earlier) +
                        " already, with other figures; keep one row per indicator and period");
      ++result_.repeated;
      return;
    }
    const Op& op = batch_.append("value", c.key, std::move(c.body));
    if (op.body.contains("base")) ++result_.corrections;
    result_.last_seq = op.seq;
    lines_.push_back(line);
  }

  RecordResult commit() {
    if (batch_.size() == 0) throw bad_input("nothing to record: no entries given");
    batch_.commit();
    result_.ops = batch_.size();
    return result_;
  }

 private:
  // The line of the row of this batch that wrote cell KEY (its body into earlier_body_), or 0.
  int earlier_line(const std::string& key) {
    written_.reset();
    written_.bind(1, key);
    if (!written_.step() || written_.text(0) != device_ || written_.i64(1) < first_seq_) return 0;
    earlier_body_ = json::parse(written_.text(2));
    earlier_body_.erase("base");
    return lines_.at(static_cast<size_t>(written_.i64(1) - first_seq_));
  }

  const Db& db_;
  Batch batch_;
  std::string device_;
  int64_t first_seq_;
  Stmt written_;
  json earlier_body_;
  std::vector<int> lines_;  // the line of each op of the batch, in order
  std::map<std::string, PeriodKind> granularity_;
  IndicatorCache indicators_;
  RecordResult result_;
};

RecordResult record_entries(Store& s, const std::vector<EntryInput>& entries) {
  EntryWriter w(s);
  for (const auto& e : entries) w.add(e);
  return w.commit();
}

const Columns& entry_columns() {
  static const Columns c{{"indicator", "period"}, {"value", "numerator", "denominator", "note", "component", "rekap"}};
  return c;
}

RecordResult import_entries(Store& s, const std::string& path) {
  EntryWriter w(s);
  for_each_csv_row(path, entry_columns().required, entry_columns().optional,
                   [&](const CsvRow& row) {
                     auto f = [&row](const char* name) {  // "" for an optional column the file lacks
                       auto it = row.fields.find(name);
                       return it == row.fields.end() ? std::string() : it->second;
                     };
                     w.add(EntryInput{f("indicator"), f("period"), f("value"), f("numerator"), f("denominator"),
                                      f("note"), path + ": line " + std::to_string(row.line), f("component"), f("rekap")},
                           row.line);
                   });
  return w.commit();
}

json current_values(const Db& db, const std::string& indicator, int year) {
  json out = json::array();
  for (const auto& c : list_cells(db, "value", indicator.empty() ? "" : indicator + "/")) {
    Period p = parse_period(c.body.at("period").get<std::string>());
    if (year && p.year != year) continue;
    json j{{"indicator", c.body.at("indicator")}, {"period", p.str()}, {"device", c.device},
           {"seq", std::to_string(c.seq)}, {"hlc", c.hlc}};
    for (const char* f : {"value", "numerator", "denominator", "note", "part", "rekap"})
      if (c.body.contains(f)) j[f] = c.body[f];
    out.push_back(j);
  }
  return out;
}

}  // namespace kinerja
