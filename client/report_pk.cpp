// The Realisasi PK table (report_pk.hpp).
#include "client/report_pk.hpp"

#include <sstream>

#include "client/format_id.hpp"
#include "client/report_table.hpp"

namespace kinerja {

static PkCell txt(std::string s) { return PkCell{PkCell::Kind::Text, std::move(s), std::nullopt, 0}; }
static PkCell pct(const std::optional<Rational>& v) { return PkCell{PkCell::Kind::Percent, "", v, kCapaianDecimals}; }
static PkCell rp(const std::optional<Rational>& v) { return PkCell{PkCell::Kind::Rupiah, "", v, 0}; }

PkCell unit_cell(const Indicator& ind, const std::optional<Rational>& v) {
  if (ind.unit == "persen") return PkCell{PkCell::Kind::Percent, "", v, ind.decimals};
  if (ind.unit == "rupiah") return rp(v);
  return PkCell{PkCell::Kind::Number, "", v, ind.decimals};
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

std::string people_text(const PkCell& c) {
  switch (c.kind) {
    case PkCell::Kind::Text: return c.text;
    case PkCell::Kind::Percent: return id_percent(c.value, c.decimals);
    case PkCell::Kind::Rupiah: return id_rupiah(c.value);
    case PkCell::Kind::Number: return id_number(c.value, c.decimals);
  }
  return c.text;
}

std::string plain_text(const PkCell& c) { return c.kind == PkCell::Kind::Text ? c.text : plain(c.value, c.decimals); }

std::string pk_title(const PkFigures& pk) {
  return "Realisasi Perjanjian Kinerja " + std::to_string(pk.year) + " — " + pk.office + " " + pk.office_name;
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
  return json{{"office", pk.office},
              {"office_name", pk.office_name},
              {"year", std::to_string(pk.year)},
              {"sasaran", sasaran},
              {"capaian", json_number(pk.capaian, kCapaianDecimals)},
              {"anggaran",
               {{"pagu", json_number(pk.anggaran.pagu, 0)},
                {"realisasi", json_number(pk.anggaran.realisasi, 0)},
                {"capaian", json_number(pk.penyerapan, kCapaianDecimals)}}}};
}

std::string pk_markdown(const PkFigures& pk) {
  std::ostringstream os;
  os << "# " << md_escape(pk_title(pk)) << "\n\n|";
  for (const auto& h : pk_header()) os << " " << h << " |";
  os << "\n|";
  for (size_t i = 0; i < pk_header().size(); ++i) os << (i < 2 ? " --- |" : " ---: |");
  os << "\n";
  for (const auto& l : pk_lines(pk)) {
    bool bold = l.kind != PkLine::Kind::Indicator;
    os << "|";
    for (const auto& c : l.cells) {
      std::string t = md_escape(people_text(c));
      os << " " << (bold && !t.empty() ? "**" + t + "**" : t) << " |";
    }
    os << "\n";
  }
  return os.str();
}

std::string pk_csv(const PkFigures& pk) {
  std::ostringstream os;
  auto row = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) os << (i ? "," : "") << csv_field(cells[i]);
    os << "\r\n";
  };
  row(pk_header());
  for (const auto& l : pk_lines(pk)) {
    std::vector<std::string> cells;
    for (const auto& c : l.cells) cells.push_back(plain_text(c));
    row(cells);
  }
  return os.str();
}

}  // namespace kinerja
