// IKPA (Indikator Kinerja Pelaksanaan Anggaran): the values the Treasury gives an office for
// each indicator of the year's reference (ikpa_reference.hpp), and the score computed from them:
//
//   nilai akhir        = nilai × bobot / 100                 per indicator
//   total              = Σ nilai akhir (unrounded)
//   konversi           = Σ bobot of the indicators assessed / 100   (1 when all are)
//   nilai akhir IKPA   = total / konversi − Σ deductions (pengurang), rounded only when printed
//   aspect value       = unweighted mean of the raw values of the aspect's indicators
//
// Cells: ("ikpa.record", "2024/PENYERAPAN") the year's value of an indicator, or
// ("ikpa.record", "2024/PENYERAPAN/06") its value as of a month {year, period, indicator,
// [month,] value}; entering a cell again is a correction. The year's value of an indicator is
// its yearly entry, else the value of its latest month.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/ikpa_reference.hpp"
#include "client/register_entry.hpp"
#include "client/report_table.hpp"
#include "client/trace.hpp"

namespace kinerja {

// As typed on the command line or in a CSV row; month 0 = the year's value.
struct IkpaInput {
  int year = 0;
  int month = 0;
  std::string indicator, value;
};

// TEXT as typed ("78,18") when it is a decimal in [LOW; 100], as stored ("78.18"); else
// Error(BadInput) naming FIELD.
std::string checked_score(const std::string& text, const std::string& field, const Rational& low);

// Checks the indicator against the year's reference and the value (a decimal in [0; 100]),
// then writes one op; on bad input Error(BadInput) naming the field, nothing written.
CellWrite record_ikpa(Store& s, const IkpaInput& in);

struct IkpaValue {
  IkpaIndicator indicator;
  std::optional<Rational> nilai;     // absent: not assessed
  std::optional<Rational> akhir;     // nilai × bobot / 100 (absent for a deduction)
  int month = 0;                     // the month the value is as of; 0 = the yearly value
  std::vector<OpRef> ops;
};

struct IkpaScore {
  int year = 0;
  IkpaReference reference;
  std::vector<IkpaValue> values;  // in the reference's order
  Rational total, konversi, pengurang;
  std::optional<Rational> nilai;                           // absent while nothing is assessed
  std::map<std::string, std::optional<Rational>> aspects;  // perencanaan, pelaksanaan, hasil
  std::string newest_hlc;
};

// The year's IKPA; absent when the year has no reference or no value recorded.
std::optional<IkpaScore> ikpa_score(const Db& db, int year);

// `report ikpa`: "ikpa.indikator" (per indicator: aspek, nilai, bobot, nilai akhir, then
// total, konversi, pengurang and nilai akhir IKPA) and "ikpa.aspek" (the three aspect
// values). Empty when the year has no value recorded.
std::vector<ReportTable> ikpa_tables(const Db& db, int year);

}  // namespace kinerja
