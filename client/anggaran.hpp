// The budget (anggaran) row of the PK table: pagu (allocation) and realisasi (spending) of
// a year and the penyerapan (absorption) = realisasi / pagu × 100. The row sums the DIPA
// budget register (budget_register.hpp) when the year has lines there; otherwise it is
// what `kinerja target budget` set, which is then the PK total the lines are checked against.
#pragma once
#include <optional>
#include <vector>

#include "client/decimal.hpp"
#include "client/sqlite.hpp"
#include "client/trace.hpp"

namespace kinerja {

struct BudgetRow {
  std::optional<Rational> pagu, realisasi;
  std::vector<OpRef> ops;  // the ops behind the figures
  std::string source;      // where the figures come from, for explain
};

BudgetRow pk_budget(const Db& db, int year);
// The PK total, whatever the register holds: the pagu of the latest PK version
// (`kinerja pk version`), else the one set with `kinerja target budget`; the realisasi set
// with `kinerja target budget`.
BudgetRow stated_budget(const Db& db, int year);
// realisasi / pagu × 100, or nothing when either is missing or the pagu is 0.
std::optional<Rational> penyerapan(const BudgetRow& b);

}  // namespace kinerja
