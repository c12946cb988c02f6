// The PK budget row (anggaran.hpp).
#include "client/anggaran.hpp"

#include "client/budget_register.hpp"
#include "client/pk_version.hpp"
#include "client/state.hpp"

namespace kinerja {

BudgetRow pk_budget(const Db& db, int year) {
  BudgetRow lines = register_budget(db, year);
  return lines.ops.empty() ? stated_budget(db, year) : lines;
}

BudgetRow stated_budget(const Db& db, int year) {
  BudgetRow b;
  if (auto c = get_cell(db, "budget", std::to_string(year))) {
    b.pagu = Rational::parse(c->body.at("pagu").get<std::string>());
    if (c->body.contains("realisasi")) b.realisasi = Rational::parse(c->body["realisasi"].get<std::string>());
    b.ops.push_back(op_ref(*c));
    b.source = "kinerja target budget";
  }
  auto versions = pk_versions(db, year);
  if (versions.empty()) return b;
  const PkVersion& v = versions.back();
  b.pagu = v.pagu;
  b.ops.push_back(v.op);
  b.source = "pagu: PK versi " + std::to_string(v.version) + " (" + v.date + ", kinerja pk version)" +
             (b.ops.size() > 1 ? "; realisasi: kinerja target budget" : "");
  return b;
}

std::optional<Rational> penyerapan(const BudgetRow& b) {
  if (!b.pagu || !b.realisasi || b.pagu->is_zero()) return std::nullopt;
  return *b.realisasi / *b.pagu * Rational(100);
}

}  // namespace kinerja
