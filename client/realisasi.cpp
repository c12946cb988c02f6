// Collecting realisasi inputs from their sources (realisasi.hpp).
#include "client/realisasi.hpp"

#include <algorithm>
#include <tuple>

#include "client/case_register.hpp"
#include "client/period.hpp"
#include "client/rb_register.hpp"
#include "client/survey_register.hpp"

namespace kinerja {

// Every source of realisasi inputs; a register adds its function here.
static const InputSource kSources[] = {value_inputs, case_inputs, survey_inputs, rb_inputs};

void value_inputs(const Db& db, const Indicator& ind, int year, int, std::vector<Component>& out) {
  for (const auto& c : list_cells(db, "value", ind.code + "/")) {
    bool rekap = ind.source != "manual" && c.body.contains("rekap");
    if (ind.source != "manual" && !rekap) continue;  // a register is the only source of its indicators but for a rekap
    Period p = parse_period(c.body.at("period").get<std::string>());
    if (p.year != year) continue;
    std::string note = c.body.value("note", "");
    if (rekap) note = c.body.value("rekap", "") + (note.empty() ? "" : "; " + note);
    Component k{rekap ? "rekap" : "value", p.str(), c.body.value("part", ""), {}, {}, {}, {}, note, {op_ref(c)}};
    auto get = [&](const char* f) { return c.body.contains(f) ? std::optional(Rational::parse(c.body[f].get<std::string>())) : std::nullopt; };
    k.numerator = get("numerator");
    k.denominator = get("denominator");
    k.value = get("value");
    k.respondents = get("respondents");
    out.push_back(std::move(k));
  }
}

std::vector<OpRef> register_ops(const Db& db, const Indicator& ind, int year) {
  std::vector<Component> found;
  for (auto source : kSources)
    if (source != value_inputs) source(db, ind, year, 0, found);
  std::vector<OpRef> ops;
  for (const auto& c : found) ops.insert(ops.end(), c.ops.begin(), c.ops.end());
  return ops;
}

// A year with a rekap counts the rekap alone; register entries made for it later (or on
// another device) are left out, and the rekap's note says how many.
static void keep_rekap_alone(std::vector<Component>& inputs) {
  auto rekap = std::find_if(inputs.begin(), inputs.end(), [](const Component& c) { return c.source == "rekap"; });
  if (rekap == inputs.end()) return;
  size_t left_out = 0;
  for (const auto& c : inputs)
    if (c.source != "rekap") left_out += c.ops.size();
  if (left_out)
    rekap->note += "; " + std::to_string(left_out) + " op register tahun ini tidak dihitung (tahun ini memakai rekap)";
  std::erase_if(inputs, [](const Component& c) { return c.source != "rekap"; });
}

// Whether an input of PERIOD lies in the year up to the end of triwulan QUARTER.
static bool up_to_quarter(const std::string& period, int quarter) {
  Period p = parse_period(period);
  if (p.kind == PeriodKind::Year) return false;
  return (p.kind == PeriodKind::Month ? p.index : 3 * p.index) <= 3 * quarter;
}

// Orders periods by where they end in the year: a month, then its quarter, then the year.
static std::tuple<int, int, int> period_end(const std::string& text) {
  Period p = parse_period(text);
  int month = p.kind == PeriodKind::Month ? p.index : p.kind == PeriodKind::Quarter ? 3 * p.index : 12;
  return {p.year, month, static_cast<int>(p.kind == PeriodKind::Month ? 0 : p.kind == PeriodKind::Quarter ? 1 : 2)};
}

std::vector<Component> collect_inputs(const Db& db, const Indicator& ind, int year, int quarter) {
  std::vector<Component> out;
  for (auto source : kSources) source(db, ind, year, quarter, out);
  keep_rekap_alone(out);
  if (quarter) std::erase_if(out, [quarter](const Component& c) { return !up_to_quarter(c.period, quarter); });
  std::stable_sort(out.begin(), out.end(),
                   [](const Component& a, const Component& b) { return period_end(a.period) < period_end(b.period); });
  return out;
}

}  // namespace kinerja
