// The calculation engine (capaian.hpp).
#include "client/capaian.hpp"

#include <map>

#include "client/error.hpp"
#include "client/office_identity.hpp"

namespace kinerja {

static std::string text(const Rational& r) { return r.exact(); }

static Realisasi ratio_realisasi(const std::vector<Component>& inputs) {
  Rational num, den;
  size_t n = 0;
  for (const auto& c : inputs)
    if (c.part.empty() && c.numerator && c.denominator) {
      num = num + *c.numerator;
      den = den + *c.denominator;
      ++n;
    }
  std::string sums = text(num) + " / " + text(den);
  if (n == 0) return {std::nullopt, "belum ada data (no inputs recorded)"};
  if (den.is_zero()) return {std::nullopt, "Σ pembilang / Σ penyebut = " + sums + ": penyebut 0, tidak ada realisasi"};
  Rational v = num / den * Rational(100);
  return {v, "Σ pembilang / Σ penyebut × 100 = " + sums + " × 100 = " + text(v)};
}

static Realisasi weighted_realisasi(const std::vector<Component>& inputs) {
  Rational sum, respondents;
  std::optional<Rational> year_value;
  size_t months = 0;
  for (const auto& c : inputs) {
    if (!c.part.empty() || !c.value) continue;
    if (c.respondents) {
      sum = sum + *c.value * *c.respondents;
      respondents = respondents + *c.respondents;
      ++months;
    } else {
      year_value = c.value;
    }
  }
  if (months > 0) {
    if (respondents.is_zero()) return {std::nullopt, "Σ responden = 0: tidak ada realisasi"};
    Rational v = sum / respondents;
    return {v, "Σ(nilai × responden) / Σ responden = " + text(sum) + " / " + text(respondents) + " = " + text(v)};
  }
  if (year_value) return {year_value, "nilai tahunan tanpa data responden = " + text(*year_value)};
  return {std::nullopt, "belum ada data (no inputs recorded)"};
}

static Realisasi rollup_realisasi(const Indicator& ind, const std::vector<Component>& inputs) {
  if (ind.rollup == "weighted") return weighted_realisasi(inputs);
  std::optional<Rational> v;
  for (const auto& c : inputs)
    if (c.part.empty() && c.value) v = ind.rollup == "sum" && v ? *v + *c.value : *c.value;
  if (!v) return {std::nullopt, "belum ada data (no inputs recorded)"};
  return {v, (ind.rollup == "sum" ? "jumlah nilai periode = " : "nilai periode terakhir = ") + text(*v)};
}

// Σ weight × value / 100 over the parts of a composite index, using each part's last value.
static std::optional<Realisasi> composite_realisasi(const Indicator& ind, const std::vector<Component>& inputs) {
  if (ind.parts.empty() || !ind.parts[0].weight) return std::nullopt;
  std::map<std::string, Rational> last;
  for (const auto& c : inputs)
    if (!c.part.empty() && c.value) last[c.part] = *c.value;
  Rational v;
  std::string terms;
  for (const auto& p : ind.parts) {
    auto it = last.find(p.code);
    if (it == last.end()) return std::nullopt;
    v = v + Rational::parse(*p.weight) * it->second / Rational(100);
    terms += (terms.empty() ? "" : " + ") + *p.weight + "% × " + text(it->second);
  }
  return Realisasi{v, "Σ bobot × nilai komponen = " + terms + " = " + text(v)};
}

Realisasi compute_realisasi(const Indicator& ind, const std::vector<Component>& inputs) {
  if (ind.method == "ratio") return ratio_realisasi(inputs);
  if (auto r = composite_realisasi(ind, inputs)) return *r;
  return rollup_realisasi(ind, inputs);
}

std::optional<Rational> compute_capaian(const Indicator& ind, const std::optional<Rational>& target,
                                        const std::optional<Rational>& realisasi) {
  if (!target || !realisasi || target->is_zero()) return std::nullopt;
  Rational c = ind.polarity == "lower" ? (Rational(2) * *target - *realisasi) / *target * Rational(100)
                                       : *realisasi / *target * Rational(100);
  if (ind.cap && c > Rational::parse(*ind.cap)) c = Rational::parse(*ind.cap);
  return c;
}

std::optional<Rational> mean_of_printed(const std::vector<std::optional<Rational>>& values, int decimals) {
  Rational sum;
  int64_t n = 0;
  for (const auto& v : values)
    if (v) {
      sum = sum + v->rounded(decimals);
      ++n;
    }
  if (n == 0) return std::nullopt;
  return sum / Rational(n);
}

IndicatorFigures indicator_figures(const Db& db, const Indicator& ind, int year, int quarter) {
  IndicatorFigures f;
  f.ind = ind;
  f.year = year;
  f.inputs = collect_inputs(db, ind, year, quarter);
  f.realisasi = compute_realisasi(ind, f.inputs);
  f.target = target_of(db, ind.code, year, quarter);
  f.capaian = compute_capaian(ind, f.target ? std::optional(f.target->value) : std::nullopt, f.realisasi.value);
  if (f.capaian) f.capaian_printed = f.capaian->rounded(kCapaianDecimals);
  if (quarter) return f;
  f.national = national_of(db, ind.code, year);
  if (f.national && f.capaian_printed) f.against_national = *f.capaian_printed / f.national->value * Rational(100);
  auto rt = ind.renstra_targets.find(std::to_string(year));
  if (rt != ind.renstra_targets.end()) f.renstra_target = Rational::parse(rt->second);
  f.capaian_renstra = compute_capaian(ind, f.renstra_target, f.realisasi.value);
  return f;
}

PkFigures pk_figures(const Store& s, int year, int quarter) {
  Catalogue cat = loaded_catalogue(s.db, year);
  PkFigures pk;
  pk.office = s.office;
  pk.office_name = office_identity(s.db, s.office).name;
  pk.year = year;
  pk.quarter = quarter;
  std::vector<std::optional<Rational>> sasaran_capaian;
  for (const auto& sk : cat.sasaran) {
    SasaranFigures sf{sk.code, sk.name, {}, std::nullopt};
    std::vector<std::optional<Rational>> capaian;
    for (const auto& ind : sk.indicators) {
      sf.indicators.push_back(indicator_figures(s.db, ind, year, quarter));
      capaian.push_back(sf.indicators.back().capaian);
    }
    sf.capaian = mean_of_printed(capaian, kCapaianDecimals);
    sasaran_capaian.push_back(sf.capaian);
    pk.sasaran.push_back(std::move(sf));
  }
  pk.capaian = mean_of_printed(sasaran_capaian, kCapaianDecimals);
  if (quarter) return pk;
  pk.anggaran = pk_budget(s.db, year);
  pk.penyerapan = penyerapan(pk.anggaran);
  return pk;
}

}  // namespace kinerja
