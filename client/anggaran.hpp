// The budget (anggaran) row of the PK table: pagu (allocation) and realisasi (spending) of
// a year and the penyerapan (absorption) = realisasi / pagu × 100. Today it reads the
// figures set with `kinerja target budget`; the DIPA budget register extends pk_budget()
// (e.g. summing its lines when no PK row was set), and every caller follows.
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
// realisasi / pagu × 100, or nothing when either is missing or the pagu is 0.
std::optional<Rational> penyerapan(const BudgetRow& b);

}  // namespace kinerja
