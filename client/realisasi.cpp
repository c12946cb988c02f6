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

void value_inputs(const Db& db, const Indicator& ind, int year, std::vector<Component>& out) {
  if (ind.source != "manual") return;  // a register is the only source of its indicators
  for (const auto& c : list_cells(db, "value", ind.code + "/")) {
    Period p = parse_period(c.body.at("period").get<std::string>());
    if (p.year != year) continue;
    Component k{"value", p.str(), c.body.value("part", ""), {}, {}, {}, {}, c.body.value("note", ""), {op_ref(c)}};
    auto get = [&](const char* f) { return c.body.contains(f) ? std::optional(Rational::parse(c.body[f].get<std::string>())) : std::nullopt; };
    k.numerator = get("numerator");
    k.denominator = get("denominator");
    k.value = get("value");
    k.respondents = get("respondents");
    out.push_back(std::move(k));
  }
}

// Orders periods by where they end in the year: a month, then its quarter, then the year.
static std::tuple<int, int, int> period_end(const std::string& text) {
  Period p = parse_period(text);
  int month = p.kind == PeriodKind::Month ? p.index : p.kind == PeriodKind::Quarter ? 3 * p.index : 12;
  return {p.year, month, static_cast<int>(p.kind == PeriodKind::Month ? 0 : p.kind == PeriodKind::Quarter ? 1 : 2)};
}

std::vector<Component> collect_inputs(const Db& db, const Indicator& ind, int year) {
  std::vector<Component> out;
  for (auto source : kSources) source(db, ind, year, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Component& a, const Component& b) { return period_end(a.period) < period_end(b.period); });
  return out;
}

}  // namespace kinerja
