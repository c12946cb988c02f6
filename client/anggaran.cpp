// The PK budget row (anggaran.hpp).
#include "client/anggaran.hpp"

#include "client/budget_map.hpp"
#include "client/state.hpp"

namespace kinerja {

BudgetRow pk_budget(const Db& db, int year) {
  BudgetRow mapped = mapped_budget(db, year);
  return mapped.ops.empty() ? stated_budget(db, year) : mapped;
}

BudgetRow stated_budget(const Db& db, int year) {
  BudgetRow b;
  auto c = get_cell(db, "budget", std::to_string(year));
  if (!c) return b;
  b.pagu = Rational::parse(c->body.at("pagu").get<std::string>());
  if (c->body.contains("realisasi")) b.realisasi = Rational::parse(c->body["realisasi"].get<std::string>());
  b.ops.push_back(op_ref(*c));
  b.source = "kinerja target budget";
  return b;
}

std::optional<Rational> penyerapan(const BudgetRow& b) {
  if (!b.pagu || !b.realisasi || b.pagu->is_zero()) return std::nullopt;
  return *b.realisasi / *b.pagu * Rational(100);
}

}  // namespace kinerja
