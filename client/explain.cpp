// Explaining figures (explain.hpp).
#include "client/explain.hpp"

#include <sstream>

#include "client/error.hpp"
#include "client/format_id.hpp"
#include "client/period.hpp"

namespace kinerja {

static std::string ops_text(const std::vector<OpRef>& ops) {
  std::string out;
  for (const auto& o : ops)
    out += (out.empty() ? "" : ", ") + std::string("op seq ") + std::to_string(o.seq) + " device " + o.device.substr(0, 12) +
           " (" + o.type + " " + o.key + ")";
  return out;
}

static std::string component_text(const Component& c) {
  std::ostringstream os;
  os << parse_period(c.period).label();
  if (!c.part.empty()) os << " komponen " << c.part;
  if (c.numerator) os << ": pembilang " << c.numerator->exact() << ", penyebut " << c.denominator->exact();
  if (c.value) os << ": nilai " << c.value->exact();
  if (c.respondents) os << ", responden " << c.respondents->exact();
  os << "  [" << c.source << "; " << ops_text(c.ops) << "]";
  if (!c.note.empty()) os << "  \"" << c.note << "\"";
  return os.str();
}

static std::string printed(const std::optional<Rational>& v, int decimals, bool percent) {
  if (!v) return "-";
  return v->exact() + " → dicetak " + (percent ? id_percent(v, decimals) : id_number(v, decimals));
}

std::string explain_indicator(const IndicatorFigures& f) {
  const Indicator& i = f.ind;
  bool pct = i.unit == "persen";
  std::ostringstream os;
  os << i.code << " " << f.year << ": " << i.name << "\n"
     << "  satuan " << i.unit << ", polaritas " << (i.polarity == "lower" ? "lower is better" : "higher is better")
     << (i.cap ? ", batas capaian " + *i.cap + "%" : "") << ", metode " << i.method << ", rollup " << i.rollup
     << ", katalog " << i.catalogue_year << ", sasaran " << i.sasaran << "\n";
  os << "Input (" << f.inputs.size() << "):\n";
  for (const auto& c : f.inputs) os << "  " << component_text(c) << "\n";
  os << "Realisasi = " << f.realisasi.formula << "\n  = " << printed(f.realisasi.value, i.decimals, pct) << "\n";
  os << "Target = ";
  if (f.target)
    os << f.target->value.exact() << "  [" << ops_text({f.target->op}) << "]\n";
  else
    os << "- (kinerja target set --year " << f.year << " --indicator " << i.code << " --value V)\n";
  os << "Capaian = "
     << (i.polarity == "lower" ? "(2 × target − realisasi) / target × 100" : "realisasi / target × 100")
     << (i.cap ? ", paling tinggi " + *i.cap : "");
  if (f.target && f.realisasi.value)
    os << " = " << (i.polarity == "lower" ? "(2 × " + f.target->value.exact() + " − " + f.realisasi.value->exact() + ")"
                                          : f.realisasi.value->exact())
       << " / " << f.target->value.exact() << " × 100";
  os << "\n  = " << printed(f.capaian, kCapaianDecimals, true) << "\n";
  if (f.national) {
    os << "Rata-rata nasional = " << f.national->value.exact() << "  [" << ops_text({f.national->op}) << "]\n"
       << "Terhadap nasional = capaian tercetak / rata-rata nasional × 100 = "
       << (f.capaian_printed ? f.capaian_printed->fixed(kCapaianDecimals) : "-") << " / " << f.national->value.exact()
       << " × 100\n  = " << printed(f.against_national, kCapaianDecimals, true) << "\n";
  }
  if (f.renstra_target)
    os << "Target Renstra " << f.year << " = " << f.renstra_target->exact() << " (katalog " << i.catalogue_year
       << "); capaian terhadap Renstra = " << printed(f.capaian_renstra, kCapaianDecimals, true) << "\n";
  return os.str();
}

static json ops_json(const std::vector<OpRef>& ops) {
  json out = json::array();
  for (const auto& o : ops)
    out.push_back({{"device", o.device}, {"seq", std::to_string(o.seq)}, {"type", o.type}, {"key", o.key}});
  return out;
}

static json figure_json(const std::optional<Rational>& v, int decimals) {
  if (!v) return nullptr;
  return {{"exact", v->exact()}, {"printed", v->fixed(decimals)}};
}

json explain_indicator_json(const IndicatorFigures& f) {
  const Indicator& i = f.ind;
  json inputs = json::array();
  for (const auto& c : f.inputs) {
    json j{{"source", c.source}, {"period", c.period}, {"note", c.note}, {"ops", ops_json(c.ops)}};
    if (!c.part.empty()) j["part"] = c.part;
    for (auto [name, v] : {std::pair{"numerator", &c.numerator}, {"denominator", &c.denominator}, {"value", &c.value},
                           {"respondents", &c.respondents}})
      if (*v) j[name] = (*v)->exact();
    inputs.push_back(j);
  }
  auto stated = [](const std::optional<Stated>& s) {
    return s ? json{{"value", s->value.exact()}, {"ops", ops_json({s->op})}} : json(nullptr);
  };
  return {{"indicator", i.code},
          {"name", i.name},
          {"year", std::to_string(f.year)},
          {"unit", i.unit},
          {"polarity", i.polarity},
          {"cap", i.cap ? json(*i.cap) : json(nullptr)},
          {"method", i.method},
          {"rollup", i.rollup},
          {"source", i.source},
          {"catalogue", i.catalogue_year},
          {"sasaran", i.sasaran},
          {"inputs", inputs},
          {"realisasi", {{"formula", f.realisasi.formula}, {"value", figure_json(f.realisasi.value, i.decimals)}}},
          {"target", stated(f.target)},
          {"capaian",
           {{"formula", i.polarity == "lower" ? "(2 × target − realisasi) / target × 100" : "realisasi / target × 100"},
            {"value", figure_json(f.capaian, kCapaianDecimals)}}},
          {"national", {{"average", stated(f.national)}, {"against", figure_json(f.against_national, kCapaianDecimals)}}},
          {"renstra",
           {{"target", f.renstra_target ? json(f.renstra_target->exact()) : json(nullptr)},
            {"capaian", figure_json(f.capaian_renstra, kCapaianDecimals)}}}};
}

static std::string mean_text(const std::vector<std::pair<std::string, std::optional<Rational>>>& items,
                             const std::optional<Rational>& mean) {
  std::ostringstream os;
  std::string terms;
  size_t n = 0;
  for (const auto& [label, v] : items) {
    os << "  " << label << ": " << (v ? v->exact() + " → dicetak " + id_percent(v) : "- (tidak dihitung)") << "\n";
    if (v) {
      terms += (terms.empty() ? "" : " + ") + v->fixed(kCapaianDecimals);
      ++n;
    }
  }
  os << "Rata-rata dari angka tercetak = (" << terms << ") / " << n << "\n  = " << printed(mean, kCapaianDecimals, true)
     << "\n";
  return os.str();
}

std::string explain_sasaran(const PkFigures& pk, const std::string& code) {
  for (size_t n = 0; n < pk.sasaran.size(); ++n) {
    const SasaranFigures& s = pk.sasaran[n];
    if (s.code != code && std::to_string(n + 1) != code) continue;
    std::vector<std::pair<std::string, std::optional<Rational>>> items;
    for (const auto& f : s.indicators) items.emplace_back("capaian " + f.ind.code, f.capaian);
    return "Sasaran " + s.code + " " + std::to_string(pk.year) + ": " + s.name +
           "\nCapaian sasaran = rata-rata capaian indikator, masing-masing dibulatkan ke 2 desimal seperti tercetak\n" +
           mean_text(items, s.capaian);
  }
  throw bad_input("--sasaran: '" + code + "' is not a sasaran of the " + std::to_string(pk.year) + " catalogue");
}

std::string explain_overall(const PkFigures& pk) {
  std::vector<std::pair<std::string, std::optional<Rational>>> items;
  for (const auto& s : pk.sasaran) items.emplace_back("rata-rata sasaran " + s.code, s.capaian);
  return "Capaian kinerja keseluruhan " + std::to_string(pk.year) +
         " = rata-rata capaian sasaran (bukan rata-rata indikator), masing-masing seperti tercetak\n" +
         mean_text(items, pk.capaian);
}

std::string explain_anggaran(const PkFigures& pk) {
  std::ostringstream os;
  const BudgetRow& b = pk.anggaran;
  os << "Anggaran " << pk.year << " (" << (b.source.empty() ? "belum ada data" : b.source) << "; " << ops_text(b.ops)
     << ")\n"
     << "  pagu " << id_rupiah(b.pagu) << ", realisasi " << id_rupiah(b.realisasi) << "\n";
  for (const auto& w : b.warnings) os << "  peringatan: " << w << "\n";
  os << "Penyerapan = realisasi / pagu × 100\n  = " << printed(pk.penyerapan, kCapaianDecimals, true) << "\n";
  return os.str();
}

std::string explain_nka(const NkaScore& n) {
  std::ostringstream os;
  os << n.formula << "\n";
  for (const auto& c : n.components) {
    os << c.component.name << " = " << printed(c.nilai, 2, false);
    if (c.nilai) os << "; × " << c.component.bobot.exact() << " = " << (c.component.bobot * *c.nilai).exact();
    os << "\n";
    for (const auto& t : c.terms) {
      os << "  " << t.term.input << " " << (t.input ? t.input->exact() : "belum dicatat");
      if (t.term.input == "EFISIENSI" && t.nilai)
        os << " → nilai efisiensi 50 + 50 × E / 20 (E dibatasi [−20; 20]) = " << t.nilai->exact();
      if (t.nilai) os << " × " << t.term.bobot.exact() << " = " << (t.term.bobot * *t.nilai).exact();
      if (!t.source.empty()) os << "  [" << t.source << "; " << ops_text(t.ops) << "]";
      os << "\n";
    }
  }
  os << "NKA " << n.year << " = " << printed(n.nka, 2, false) << "\n";
  return os.str();
}

}  // namespace kinerja
