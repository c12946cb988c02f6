// The PNBP register (Penerimaan Negara Bukan Pajak, non-tax revenue): the year's target per
// akun (a 6-digit revenue account, e.g. 425121) and the monthly realisasi against it, and the
// capaian report (realisasi / target × 100, uncapped, exact until printed half-up).
//
// Cells: ("pnbp.target", "2024/425121") the target of the akun in the year {year, period
// (= year), akun, value}; setting it again replaces it.
// ("pnbp.record", "2024/425121/03") the realisasi of the akun in a month {year, period
// (2024-03), akun, month, value}; entering the same month again is a correction.
// A month may be recorded before (or without) a target. "period" is what the hub's period
// locks match.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "client/ledger.hpp"
#include "client/register_entry.hpp"
#include "client/report_table.hpp"
#include "client/trace.hpp"

namespace kinerja {

// As typed on the command line or in a CSV row; month 0 = the year's target.
struct PnbpInput {
  int year = 0;
  int month = 0;
  std::string akun, value;
};

// Each validates everything, then writes one op; on bad input Error(BadInput) naming the
// field, nothing written.
CellWrite set_pnbp_target(Store& s, const PnbpInput& in);
CellWrite record_pnbp(Store& s, const PnbpInput& in);

// One row of a PNBP CSV (header year,akun,value[,month]): without month the year's target,
// with month that month's realisasi.
struct PnbpCsvRow {
  PnbpInput in;
  std::string where;  // "FILE: line N"
};
std::vector<PnbpCsvRow> read_pnbp_csv(const std::string& path);
// All rows in one transaction or none. Returns the ops written.
size_t import_pnbp(Store& s, const std::vector<PnbpCsvRow>& rows);

struct PnbpAkun {
  int year = 0;
  std::string akun;
  std::optional<Rational> target;                   // absent until set
  std::array<std::optional<Rational>, 12> months;   // realisasi per month, absent when not entered
  std::optional<Rational> realisasi;                // sum of the months, absent when none entered
  std::vector<OpRef> ops;
  std::string newest_hlc;
};

// The akun of YEAR with a target or a month, in akun order.
std::vector<PnbpAkun> pnbp_akun(const Db& db, int year);
// The years the store has PNBP data for, ascending.
std::vector<int> pnbp_years(const Db& db);

// realisasi / target × 100, exact; absent when the target is absent or 0.
std::optional<Rational> pnbp_capaian(const std::optional<Rational>& target, const std::optional<Rational>& realisasi);

// The PNBP report of YEAR: "pnbp.akun" (per akun and a "Jumlah" row: target, realisasi,
// capaian) and "pnbp.years" (the same totals for each year the store has data for).
// Empty when YEAR has no PNBP data.
std::vector<ReportTable> pnbp_tables(const Db& db, int year);

}  // namespace kinerja
