// Explaining figures (explain.hpp).
#include "client/explain.hpp"

#include <algorithm>
#include <sstream>

#include "client/error.hpp"
#include "client/format_id.hpp"
#include "client/period.hpp"

namespace kinerja {

// A list of at most this many ops is printed in full; a longer one is summarised per type
// and device (counts and seq ranges) unless the full list is asked for (--ops).
static constexpr size_t kOpsListed = 20;

struct OpGroup {
  std::string type, device;
  std::vector<int64_t> seqs;
};

// OPS per (type, device), in order of first appearance, seqs ascending.
static std::vector<OpGroup> op_groups(const std::vector<OpRef>& ops) {
  std::vector<OpGroup> groups;
  for (const auto& o : ops) {
    auto g = std::find_if(groups.begin(), groups.end(),
                          [&](const OpGroup& x) { return x.type == o.type && x.device == o.device; });
    if (g == groups.end()) g = groups.insert(groups.end(), OpGroup{o.type, o.device, {}});
    g->seqs.push_back(o.seq);
  }
  for (auto& g : groups) std::sort(g.seqs.begin(), g.seqs.end());
  return groups;
}

// "186-412": a group's first and last seq (its ops need not be contiguous).
static std::string seq_span(const OpGroup& g) {
  return std::to_string(g.seqs.front()) + (g.seqs.size() > 1 ? "-" + std::to_string(g.seqs.back()) : "");
}

static std::string ops_text(const std::vector<OpRef>& ops, bool all_ops) {
  std::string out;
  if (all_ops || ops.size() <= kOpsListed) {
    for (const auto& o : ops)
      out += (out.empty() ? "" : ", ") + std::string("op seq ") + std::to_string(o.seq) + " device " +
             o.device.substr(0, 12) + " (" + o.type + " " + o.key + ")";
    return out;
  }
  out = std::to_string(ops.size()) + " op:";
  for (const auto& g : op_groups(ops))
    out += " " + std::to_string(g.seqs.size()) + " " + g.type + " device " + g.device.substr(0, 12) + " seq " +
           seq_span(g) + ";";
  out.pop_back();
  return out + " (daftar lengkap: --ops)";
}

static std::string component_text(const Component& c, bool all_ops) {
  std::ostringstream os;
  os << parse_period(c.period).label();
  if (!c.part.empty()) os << " komponen " << c.part;
  if (c.numerator) os << ": pembilang " << c.numerator->exact() << ", penyebut " << c.denominator->exact();
  if (c.value) os << ": nilai " << c.value->exact();
  if (c.respondents) os << ", responden " << c.respondents->exact();
  os << "  [" << c.source << "; " << ops_text(c.ops, all_ops) << "]";
  if (!c.note.empty()) os << "  \"" << c.note << "\"";
  return os.str();
}

static std::string printed(const std::optional<Rational>& v, int decimals, bool percent) {
  if (!v) return "-";
  return v->exact() + " → dicetak " + (percent ? id_percent(v, decimals) : id_number(v, decimals));
}

std::string explain_indicator(const IndicatorFigures& f, bool all_ops) {
  const Indicator& i = f.ind;
  bool pct = i.unit == "persen";
  std::ostringstream os;
  os << i.code << " " << f.year << ": " << i.name << "\n"
     << "  satuan " << i.unit << ", polaritas " << (i.polarity == "lower" ? "lower is better" : "higher is better")
     << (i.cap ? ", batas capaian " + *i.cap + "%" : "") << ", metode " << i.method << ", rollup " << i.rollup
     << ", katalog " << i.catalogue_year << ", sasaran " << i.sasaran << "\n";
  os << "Input (" << f.inputs.size() << "):\n";
  for (const auto& c : f.inputs) os << "  " << component_text(c, all_ops) << "\n";
  os << "Realisasi = " << f.realisasi.formula << "\n  = " << printed(f.realisasi.value, i.decimals, pct) << "\n";
  os << "Target = ";
  if (f.target)
    os << f.target->value.exact() << "  [" << ops_text({f.target->op}, all_ops) << "]\n";
  else if (i.catalogue_year == std::to_string(f.year))
    os << "- (kinerja target set --year " << f.year << " --indicator " << i.code << " --value V)\n";
  else
    os << "- (" << i.code << " tidak ada dalam katalog " << f.year << ", jadi tidak ada target tahun itu)\n";
  os << "Capaian = "
     << (i.polarity == "lower" ? "(2 × target − realisasi) / target × 100" : "realisasi / target × 100")
     << (i.cap ? ", paling tinggi " + *i.cap : "");
  if (f.target && f.realisasi.value)
    os << " = " << (i.polarity == "lower" ? "(2 × " + f.target->value.exact() + " − " + f.realisasi.value->exact() + ")"
                                          : f.realisasi.value->exact())
       << " / " << f.target->value.exact() << " × 100";
  os << "\n  = " << printed(f.capaian, kCapaianDecimals, true) << "\n";
  if (f.national) {
    os << "Rata-rata nasional = " << f.national->value.exact() << "  [" << ops_text({f.national->op}, all_ops) << "]\n"
       << "Terhadap nasional = capaian tercetak / rata-rata nasional × 100 = "
       << (f.capaian_printed ? f.capaian_printed->fixed(kCapaianDecimals) : "-") << " / " << f.national->value.exact()
       << " × 100\n  = " << printed(f.against_national, kCapaianDecimals, true) << "\n";
  }
  if (f.renstra_target)
    os << "Target Renstra " << f.year << " = " << f.renstra_target->exact() << " (katalog " << i.catalogue_year
       << "); capaian terhadap Renstra = " << printed(f.capaian_renstra, kCapaianDecimals, true) << "\n";
  return os.str();
}

// {"op_groups":[{type, device, count, first, last}], "ops":[{device, seq, type, key}]} into J; "ops"
// only for a short list or when ALL_OPS.
static void put_ops(json& j, const std::vector<OpRef>& ops, bool all_ops) {
  json groups = json::array();
  for (const auto& g : op_groups(ops))
    groups.push_back({{"type", g.type}, {"device", g.device}, {"count", std::to_string(g.seqs.size())},
                      {"first", std::to_string(g.seqs.front())}, {"last", std::to_string(g.seqs.back())}});
  j["op_groups"] = groups;
  if (!all_ops && ops.size() > kOpsListed) return;
  json list = json::array();
  for (const auto& o : ops)
    list.push_back({{"device", o.device}, {"seq", std::to_string(o.seq)}, {"type", o.type}, {"key", o.key}});
  j["ops"] = list;
}

static json figure_json(const std::optional<Rational>& v, int decimals) {
  if (!v) return nullptr;
  return {{"exact", v->exact()}, {"printed", v->fixed(decimals)}};
}

json explain_indicator_json(const IndicatorFigures& f, bool all_ops) {
  const Indicator& i = f.ind;
  json inputs = json::array();
  for (const auto& c : f.inputs) {
    json j{{"source", c.source}, {"period", c.period}, {"note", c.note}};
    put_ops(j, c.ops, all_ops);
    if (!c.part.empty()) j["part"] = c.part;
    for (auto [name, v] : {std::pair{"numerator", &c.numerator}, {"denominator", &c.denominator}, {"value", &c.value},
                           {"respondents", &c.respondents}})
      if (*v) j[name] = (*v)->exact();
    inputs.push_back(j);
  }
  auto stated = [all_ops](const std::optional<Stated>& s) {
    if (!s) return json(nullptr);
    json j{{"value", s->value.exact()}};
    put_ops(j, {s->op}, all_ops);
    return j;
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

std::string explain_anggaran(const PkFigures& pk, bool all_ops) {
  std::ostringstream os;
  const BudgetRow& b = pk.anggaran;
  os << "Anggaran " << pk.year << " (" << (b.source.empty() ? "belum ada data" : b.source) << "; " << ops_text(b.ops, all_ops)
     << ")\n"
     << "  pagu " << id_rupiah(b.pagu) << ", realisasi " << id_rupiah(b.realisasi) << "\n";
  for (const auto& w : b.warnings) os << "  peringatan: " << w << "\n";
  os << "Penyerapan = realisasi / pagu × 100\n  = " << printed(pk.penyerapan, kCapaianDecimals, true) << "\n";
  return os.str();
}

std::string explain_nka(const NkaScore& n, bool all_ops) {
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
      if (!t.source.empty()) os << "  [" << t.source << "; " << ops_text(t.ops, all_ops) << "]";
      os << "\n";
    }
  }
  os << "NKA " << n.year << " = " << printed(n.nka, 2, false) << "\n";
  return os.str();
}

}  // namespace kinerja
