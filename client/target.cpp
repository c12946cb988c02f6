// Targets, the PK budget row and national averages (target.hpp).
#include "client/target.hpp"

#include "client/catalogue.hpp"
#include "client/error.hpp"
#include "client/ledger.hpp"
#include "client/number.hpp"
#include "client/period.hpp"

namespace kinerja {

static std::string year_text(int year) { return parse_period(std::to_string(year), "--year").str(); }

// CODE as YEAR's catalogue has it: a target or national average of an indicator the PK of
// the year does not list would be kept and never shown.
static Indicator indicator_in(const Db& db, const std::string& code, int year) {
  Catalogue cat = loaded_catalogue(db, year);
  std::string codes;
  for (const auto& s : cat.sasaran)
    for (const auto& i : s.indicators) {
      if (i.code == code) return i;
      codes += (codes.empty() ? "" : ", ") + i.code;
    }
  throw bad_input("--indicator: '" + code + "' is not in the catalogue for " + std::to_string(year) + " (" + codes + ")");
}

static std::string positive(const std::string& text, const std::string& field) {
  std::string v = parse_decimal(text, field);
  if (compare_decimal(v, "0") <= 0) throw bad_input(field + ": " + v + " must be greater than 0");
  return v;
}

static int64_t write(Store& s, const std::string& type, const std::string& key, json body) {
  Batch b(s);
  int64_t seq = b.append(type, key, std::move(body)).seq;
  b.commit();
  return seq;
}

int64_t set_target(Store& s, int year, const std::string& indicator, const std::string& value, int quarter) {
  std::string y = year_text(year);
  if (quarter < 0 || quarter > 4) throw bad_input("--quarter: " + std::to_string(quarter) + " is outside 1-4");
  Indicator ind = indicator_in(s.db, indicator, year);
  std::string v = parse_decimal(value, "--value");
  check_unit_range(ind, v, "--value");
  v = positive(v, "--value");
  std::string period = quarter ? y + "-Q" + std::to_string(quarter) : y;
  return write(s, "target", indicator + "/" + period, json{{"indicator", indicator}, {"period", period}, {"value", v}});
}

int64_t set_budget(Store& s, int year, const std::string& pagu, const std::string& realisasi, std::string* warning) {
  std::string y = year_text(year);
  int64_t p = parse_money(pagu, "--pagu");
  json body{{"year", y}, {"pagu", std::to_string(p)}};
  std::string spent = realisasi;
  if (auto old = get_cell(s.db, "budget", y); spent.empty() && old && old->body.contains("realisasi"))
    spent = old->body["realisasi"].get<std::string>();  // a new pagu keeps the realisasi recorded before
  if (!spent.empty()) {
    int64_t r = parse_money(spent, "--realisasi");
    if (r > p && warning) *warning = "realisasi " + std::to_string(r) + " is above the pagu " + std::to_string(p);
    body["realisasi"] = std::to_string(r);
  }
  return write(s, "budget", y, body);
}

int64_t set_national(Store& s, int year, const std::string& indicator, const std::string& capaian) {
  std::string y = year_text(year);
  indicator_in(s.db, indicator, year);
  std::string v = positive(capaian, "--capaian");
  return write(s, "national", indicator + "/" + y, json{{"indicator", indicator}, {"year", y}, {"capaian", v}});
}

static std::optional<Stated> stated(const Db& db, const std::string& type, const std::string& key, const char* field) {
  auto c = get_cell(db, type, key);
  if (!c) return std::nullopt;
  return Stated{Rational::parse(c->body.at(field).get<std::string>()), op_ref(*c)};
}

std::optional<Stated> target_of(const Db& db, const std::string& indicator, int year, int quarter) {
  std::string period = std::to_string(year) + (quarter ? "-Q" + std::to_string(quarter) : "");
  return stated(db, "target", indicator + "/" + period, "value");
}

std::optional<Stated> national_of(const Db& db, const std::string& indicator, int year) {
  return stated(db, "national", indicator + "/" + std::to_string(year), "capaian");
}

}  // namespace kinerja
