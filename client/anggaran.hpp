// The budget (anggaran) row of the PK table: pagu (allocation) and realisasi (spending) of
// a year and the penyerapan (absorption) = realisasi / pagu × 100. When ROs of the year are
// mapped to the PK's sasaran (`kinerja budget map`, budget_map.hpp), the row sums the DIPA
// lines of those ROs only, never the whole DIPA; otherwise it is the PK total set with
// `kinerja target budget`. A mapped total differing from that stated total is a warning.
#pragma once
#include <optional>
#include <vector>

#include "client/decimal.hpp"
#include "client/sqlite.hpp"
#include "client/trace.hpp"

namespace kinerja {

struct BudgetRow {
  std::optional<Rational> pagu, realisasi;
  std::vector<OpRef> ops;             // the ops behind the figures
  std::string source;                 // where the figures come from, for explain
  std::vector<std::string> warnings;  // about the figures: footnotes of the PK table
};

BudgetRow pk_budget(const Db& db, int year);
// The PK total, whatever the register holds: the pagu of the latest PK version
// (`kinerja pk version`), else the one set with `kinerja target budget`; the realisasi set
// with `kinerja target budget`.
BudgetRow stated_budget(const Db& db, int year);
// realisasi / pagu × 100, or nothing when either is missing or the pagu is 0.
std::optional<Rational> penyerapan(const BudgetRow& b);

}  // namespace kinerja
