// Budget per sasaran of the PK (LKjIP Tabel 16): which RO (activity code kegiatan.KRO.RO of
// a DIPA budget line) funds which sasaran kegiatan of the year's catalogue, and optionally
// which of that sasaran's indicators. This file owns the mapping ops, reading them, the
// PK anggaran row they make (the sum of the mapped ROs' lines, anggaran.hpp) and the table
// of pagu, realisasi and penyerapan per sasaran and indicator with the ROs under each.
//
// Cell ("budget.map", "2024/5254.8HB.U01"): {year, period (= year), activity, sasaran[,
// indicator]}. One mapping per RO and year: mapping the RO again replaces it, and the
// earlier mapping stays in the log.
#pragma once
#include <string>
#include <vector>

#include "client/anggaran.hpp"
#include "client/ledger.hpp"
#include "client/report_table.hpp"

namespace kinerja {

struct BudgetMapInput {
  int year = 0;
  std::string activity, sasaran, indicator;  // indicator "" = the sasaran as a whole
};

struct BudgetMap {
  std::string activity, sasaran, indicator;
  OpRef op;
  std::string hlc;
};

struct BudgetMapWrite {
  std::string key;       // "2024/5254.8HB.U01"
  std::string mapping;   // what the RO is mapped to: "SK1" or "SK1/PROYUSTISIA"
  std::string replaced;  // the mapping it replaces, "" if none
  int64_t seq = 0;
};

// Checks the input against the store (RO code, the year's catalogue, the sasaran and the
// indicator under it, a budget line of the RO in that year), then writes one op; on bad
// input Error(BadInput) naming the flag, nothing written.
BudgetMapWrite set_budget_map(Store& s, const BudgetMapInput& in);

// The mappings of YEAR in RO order.
std::vector<BudgetMap> budget_maps(const Db& db, int year);

// The PK anggaran row from the mappings: the sums of the mapped ROs' lines, with the map
// ops and the lines' ops, and warnings where it differs from the PK total set with
// `kinerja target budget`. No ops when no RO of YEAR is mapped.
BudgetRow mapped_budget(const Db& db, int year);

// The table "budget.sasaran" of YEAR: per sasaran of the catalogue (strong row) the ROs
// mapped to it as a whole, then each indicator with ROs mapped to it and those ROs; the
// "Jumlah" of all mapped ROs (the PK anggaran row), then "Tidak dipetakan": the lines of
// the ROs mapped nowhere, outside the total. Empty when no RO of YEAR is mapped.
std::vector<ReportTable> budget_sasaran_tables(const Db& db, int year);

}  // namespace kinerja
