// The inputs of an indicator's realisasi (measured value) in a year, gathered from every
// source that records them, each with the ops behind it. The engine (capaian.hpp) only
// sees these components, so a new source plugs in here and nothing else changes.
//
// Adding a source (e.g. the case, survey, RB action-plan registers): write
//   void NAME_inputs(const Db&, const Indicator&, int year, std::vector<Component>&)
// in the register's own file, appending one Component per period (or per respondent
// month), and list it in kSources in realisasi.cpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/catalogue.hpp"
#include "client/decimal.hpp"
#include "client/trace.hpp"

namespace kinerja {

struct Component {
  std::string source;  // what recorded it: "value" (kinerja record/import), later "kasus", "survei", …
  std::string period;  // canonical period text: 2024, 2024-Q1, 2024-01
  std::string part;    // component code of a composite index; "" for the indicator itself
  // A ratio indicator's counts (both set), or a value (with respondents for a survey month).
  std::optional<Rational> numerator, denominator, value, respondents;
  std::string note;
  std::vector<OpRef> ops;  // the ops that wrote these inputs
};

using InputSource = void (*)(const Db& db, const Indicator& ind, int year, std::vector<Component>& out);

// Every component recorded for IND in YEAR, from all sources, ordered by period.
std::vector<Component> collect_inputs(const Db& db, const Indicator& ind, int year);

// The source of `kinerja record` / `kinerja import`: cells of type "value".
void value_inputs(const Db& db, const Indicator& ind, int year, std::vector<Component>& out);

}  // namespace kinerja
