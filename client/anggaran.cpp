// The PK budget row (anggaran.hpp).
#include "client/anggaran.hpp"

#include "client/budget_map.hpp"
#include "client/format_id.hpp"
#include "client/pk_version.hpp"
#include "client/state.hpp"

namespace kinerja {

BudgetRow pk_budget(const Db& db, int year) {
  BudgetRow mapped = mapped_budget(db, year);
  return mapped.ops.empty() ? stated_budget(db, year) : mapped;
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
  if (versions.size() > 1) {
    std::string earlier;
    for (size_t n = 0; n + 1 < versions.size(); ++n)
      earlier += (n ? ", " : "") + std::string("versi ") + std::to_string(versions[n].version) + " " + versions[n].date +
                 " " + id_rupiah(versions[n].pagu);
    b.warnings.push_back("pagu PK versi " + std::to_string(v.version) + " (" + v.date + ": " + v.reason +
                         "); versi sebelumnya: " + earlier);
  }
  return b;
}

std::optional<Rational> penyerapan(const BudgetRow& b) {
  if (!b.pagu || !b.realisasi || b.pagu->is_zero()) return std::nullopt;
  return *b.realisasi / *b.pagu * Rational(100);
}

}  // namespace kinerja
