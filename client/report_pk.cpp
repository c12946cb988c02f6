// The Realisasi PK table (report_pk.hpp).
#include "client/report_pk.hpp"

#include <sstream>

#include "client/format_id.hpp"
#include "client/period.hpp"
#include "client/report_table.hpp"

namespace kinerja {

static PkCell txt(std::string s) { return text_cell(std::move(s)); }
static PkCell pct(const std::optional<Rational>& v) { return percent_cell(v, kCapaianDecimals); }
static PkCell rp(const std::optional<Rational>& v) { return rupiah_cell(v); }

PkCell unit_cell(const Indicator& ind, const std::optional<Rational>& v) {
  if (ind.unit == "persen") return percent_cell(v, ind.decimals);
  if (ind.unit == "rupiah") return rp(v);
  return number_cell(v, ind.decimals);
}

std::vector<std::string> pk_header() {
  return {"No", "Sasaran Kegiatan / Indikator Kinerja", "Target", "Realisasi", "Capaian", "Rata-rata Nasional",
          "Terhadap Nasional"};
}

std::vector<PkLine> pk_lines(const PkFigures& pk) {
  std::vector<PkLine> out;
  int n = 0;
  for (const auto& s : pk.sasaran) {
    std::string no = std::to_string(++n);
    out.push_back({PkLine::Kind::Sasaran, {txt(no), txt(s.name), txt(""), txt(""), txt(""), txt(""), txt("")}});
    int k = 0;
    for (const auto& f : s.indicators) {
      std::optional<Rational> national = f.national ? std::optional(f.national->value) : std::nullopt;
      out.push_back({PkLine::Kind::Indicator,
                     {txt(no + "." + std::to_string(++k)), txt(f.ind.name),
                      unit_cell(f.ind, f.target ? std::optional(f.target->value) : std::nullopt),
                      unit_cell(f.ind, f.realisasi.value), pct(f.capaian), pct(national), pct(f.against_national)}});
    }
    out.push_back({PkLine::Kind::Average,
                   {txt(""), txt("Rata-rata capaian sasaran " + no), txt(""), txt(""), pct(s.capaian), txt(""), txt("")}});
  }
  out.push_back({PkLine::Kind::Overall,
                 {txt(""), txt("Capaian kinerja keseluruhan"), txt(""), txt(""), pct(pk.capaian), txt(""), txt("")}});
  out.push_back({PkLine::Kind::Budget,
                 {txt(""), txt("Anggaran (pagu, realisasi, penyerapan)"), rp(pk.anggaran.pagu), rp(pk.anggaran.realisasi),
                  pct(pk.penyerapan), txt(""), txt("")}});
  return out;
}

std::string pk_title(const PkFigures& pk) {
  std::string when = pk.quarter ? "s.d. " + Period{pk.year, PeriodKind::Quarter, pk.quarter}.label() : std::to_string(pk.year);
  return "Realisasi Perjanjian Kinerja " + when + " — " + pk.office + " " + pk.office_name;
}

json json_number(const std::optional<Rational>& v, int decimals) { return v ? json(v->fixed(decimals)) : json(nullptr); }

json pk_json(const PkFigures& pk) {
  json sasaran = json::array();
  for (const auto& s : pk.sasaran) {
    json indicators = json::array();
    for (const auto& f : s.indicators) {
      json i{{"code", f.ind.code},
             {"name", f.ind.name},
             {"unit", f.ind.unit},
             {"target", json_number(f.target ? std::optional(f.target->value) : std::nullopt, f.ind.decimals)},
             {"realisasi", json_number(f.realisasi.value, f.ind.decimals)},
             {"capaian", json_number(f.capaian, kCapaianDecimals)}};
      if (f.national)
        i["nasional"] = {{"capaian", f.national->value.fixed(kCapaianDecimals)},
                         {"perbandingan", json_number(f.against_national, kCapaianDecimals)}};
      indicators.push_back(i);
    }
    sasaran.push_back(
        {{"code", s.code}, {"name", s.name}, {"capaian", json_number(s.capaian, kCapaianDecimals)}, {"indicators", indicators}});
  }
  json out{{"office", pk.office},
           {"office_name", pk.office_name},
           {"year", std::to_string(pk.year)},
           {"sasaran", sasaran},
              {"capaian", json_number(pk.capaian, kCapaianDecimals)},
              {"anggaran",
               {{"pagu", json_number(pk.anggaran.pagu, 0)},
                {"realisasi", json_number(pk.anggaran.realisasi, 0)},
                {"capaian", json_number(pk.penyerapan, kCapaianDecimals)}}}};
  if (pk.quarter) out["quarter"] = std::to_string(pk.quarter);
  return out;
}

ReportTable pk_table(const PkFigures& pk) {
  ReportTable t;
  t.id = "pk";
  t.title = pk_title(pk);
  t.header = pk_header();
  for (auto& l : pk_lines(pk)) {
    if (l.kind != PkLine::Kind::Indicator) t.strong_rows.insert(t.rows.size());
    t.rows.push_back(std::move(l.cells));
  }
  std::string y = std::to_string(pk.year), q = std::to_string(pk.quarter);
  std::string when = pk.quarter ? "s.d. " + Period{pk.year, PeriodKind::Quarter, pk.quarter}.label() : y;
  for (const auto& s : pk.sasaran)
    for (const auto& f : s.indicators) {
      if (!f.target)
        t.notes.push_back(f.ind.code + ": target " + (pk.quarter ? "triwulan " + q + " " : "") + y +
                          " belum ditetapkan (kinerja target set --year " + y + " --indicator " + f.ind.code +
                          " --value V" + (pk.quarter ? " --quarter " + q : "") + ")");
      if (f.capaian) continue;
      std::string why = f.realisasi.value ? "tanpa target"
                                          : "tidak ada realisasi " + when + " (" +
                                                (f.inputs.empty() ? "belum ada data" : "penyebut 0") + ")";
      t.notes.push_back(f.ind.code + ": " + why + ", capaian ditampilkan \"-\" dan tidak dihitung dalam rata-rata");
    }
  if (!pk.anggaran.pagu) t.notes.push_back("Anggaran: pagu " + std::to_string(pk.year) + " belum dicatat");
  for (const auto& w : pk.anggaran.warnings) t.notes.push_back("Anggaran: " + w);
  return t;
}

std::string pk_markdown(const PkFigures& pk) { return table_markdown(pk_table(pk), "#"); }
std::string pk_csv(const PkFigures& pk) { return table_csv(pk_table(pk)); }

}  // namespace kinerja
