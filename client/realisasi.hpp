// The inputs of an indicator's realisasi (measured value) in a year, gathered from every
// source that records them, each with the ops behind it. The engine (capaian.hpp) only
// sees these components, so a new source plugs in here and nothing else changes.
//
// Adding a source (e.g. the case, survey, RB action-plan registers): write
//   void NAME_inputs(const Db&, const Indicator&, int year, int quarter, std::vector<Component>&)
// in the register's own file, appending one Component per period (or per respondent
// month), and list it in kSources in realisasi.cpp. QUARTER 1-4 asks for the figures up to
// the end of that triwulan: a source of dated inputs may ignore it (collect_inputs drops
// what lies after), a source of yearly totals (cases, RB) gives its cumulative total at
// the quarter's end as a component of period YYYY-Qn.
//
// A rekap (`kinerja record --rekap`) is the yearly total an office reported before a
// register existed, recorded for a register-sourced indicator in a year the register holds
// nothing for; a year with a rekap counts the rekap alone.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/catalogue.hpp"
#include "client/decimal.hpp"
#include "client/trace.hpp"

namespace kinerja {

struct Component {
  std::string source;  // what recorded it: "value" (kinerja record/import), "rekap", "kasus", "survei", "rb"
  std::string period;  // canonical period text: 2024, 2024-Q1, 2024-01
  std::string part;    // component code of a composite index; "" for the indicator itself
  // A ratio indicator's counts (both set), or a value (with respondents for a survey month).
  std::optional<Rational> numerator, denominator, value, respondents;
  std::string note;
  std::vector<OpRef> ops;  // the ops that wrote these inputs
};

using InputSource = void (*)(const Db& db, const Indicator& ind, int year, int quarter, std::vector<Component>& out);

// Every component recorded for IND in YEAR (QUARTER 1-4: up to the end of that triwulan,
// where a year's value does not count), from all sources, ordered by period.
std::vector<Component> collect_inputs(const Db& db, const Indicator& ind, int year, int quarter = 0);

// The source of `kinerja record` / `kinerja import`: cells of type "value" (for an
// indicator counted from a register, only its rekap years).
void value_inputs(const Db& db, const Indicator& ind, int year, int quarter, std::vector<Component>& out);

// The ops of the registers' entries behind IND in YEAR (empty for a manual indicator).
std::vector<OpRef> register_ops(const Db& db, const Indicator& ind, int year);

}  // namespace kinerja
