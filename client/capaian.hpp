// The calculation engine: from the inputs of realisasi.hpp and the targets of target.hpp
// to the figures of the Realisasi Perjanjian Kinerja table, exactly (Rational), rounding
// only where the office prints: realisasi (measured value) per the indicator's method and
// roll-up, capaian (achievement) with polarity and cap, the sasaran average and the overall
// average of the *printed* capaian (schema/domain.md: 114,36 not 114,35), the comparison with the
// national average and with the Renstra target.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/anggaran.hpp"
#include "client/catalogue.hpp"
#include "client/realisasi.hpp"
#include "client/target.hpp"

namespace kinerja {

// Capaian and every percentage derived from it are printed with 2 decimals.
constexpr int kCapaianDecimals = 2;

struct Realisasi {
  std::optional<Rational> value;  // nothing: no data, or a denominator of 0 (printed "-")
  std::string formula;            // how it was computed, with the numbers, for explain
};

// The realisasi of IND from its components (collect_inputs): ratio = Σ numerators /
// Σ denominators × 100; otherwise by roll-up: `last` value, `sum` of values, `weighted`
// Σ(value × respondents) / Σ respondents (a value without respondents is the year value
// when no month has respondents); a composite index with published weights = Σ weight ×
// part value / 100 once every part has a value.
Realisasi compute_realisasi(const Indicator& ind, const std::vector<Component>& inputs);

// Higher is better: realisasi / target × 100; lower: (2 × target − realisasi) / target × 100;
// never above the indicator's cap. Nothing when either is missing or the target is 0.
std::optional<Rational> compute_capaian(const Indicator& ind, const std::optional<Rational>& target,
                                        const std::optional<Rational>& realisasi);

// The mean of the values present, each first rounded half-up to DECIMALS as printed;
// nothing when none is present.
std::optional<Rational> mean_of_printed(const std::vector<std::optional<Rational>>& values, int decimals);

struct IndicatorFigures {
  Indicator ind;
  int year = 0;
  std::vector<Component> inputs;
  Realisasi realisasi;
  std::optional<Stated> target;
  std::optional<Rational> capaian;           // exact
  std::optional<Rational> capaian_printed;   // rounded to kCapaianDecimals: what derived figures use
  std::optional<Stated> national;            // national average capaian
  std::optional<Rational> against_national;  // capaian_printed / national × 100
  std::optional<Rational> renstra_target;    // from the catalogue, when it has one for the year
  std::optional<Rational> capaian_renstra;   // realisasi against the Renstra target
};

struct SasaranFigures {
  std::string code, name;
  std::vector<IndicatorFigures> indicators;
  std::optional<Rational> capaian;  // mean of the indicators' printed capaian
};

struct PkFigures {
  std::string office, office_name;
  int year = 0;
  int quarter = 0;  // 1-4: the table up to the end of that triwulan (s.d. TW); 0: the year
  std::vector<SasaranFigures> sasaran;
  std::optional<Rational> capaian;  // mean of the sasaran's printed averages
  BudgetRow anggaran;
  std::optional<Rational> penyerapan;
};

// QUARTER 1-4: cumulative up to the end of that triwulan (s.d. TW) — only the month and
// quarter inputs up to its end count, against the quarter's target (`target set --quarter`);
// no national or Renstra comparison, which are yearly.
IndicatorFigures indicator_figures(const Db& db, const Indicator& ind, int year, int quarter = 0);
// The whole PK table of YEAR (or up to the end of QUARTER, without the yearly budget row);
// throws Error(BadInput) when no catalogue is loaded for the year.
PkFigures pk_figures(const Store& s, int year, int quarter = 0);

}  // namespace kinerja
