// The year-on-year table of one indicator (e.g. the five years of a Renstra period):
// per year target, Renstra target, the summed inputs, realisasi, capaian, capaian against
// the Renstra target and the change of the printed capaian from the year before. Years
// without data, or with a denominator of 0, show "-". A year whose figure is a rekap (a
// total reported before the register existed) says so in its last column and a footnote.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/capaian.hpp"
#include "client/report_table.hpp"

namespace kinerja {

struct TrendYear {
  int year = 0;
  std::optional<IndicatorFigures> figures;  // nothing when no catalogue knows the indicator that year
  std::optional<Rational> numerator, denominator;  // Σ over the year, for ratio indicators with inputs
  std::optional<Rational> change;                  // printed capaian minus the previous year's
  std::string rekap;                               // where a rekap year's total was reported; "" otherwise
};

struct Trend {
  std::string code, name;
  int from = 0, to = 0;
  std::vector<TrendYear> years;
};

// Error(BadInput) when no catalogue knows CODE in any year of FROM..TO or the range is wrong.
Trend trend_figures(const Db& db, const std::string& code, int from, int to);

std::vector<std::string> trend_header();
// The table as a ReportTable (id "trend.CODE").
ReportTable trend_table(const Trend& t);
json trend_json(const Trend& t);

}  // namespace kinerja
