// Year-on-year table (report_trend.hpp).
#include "client/report_trend.hpp"

#include "client/error.hpp"
#include "client/format_id.hpp"
#include "client/report_pk.hpp"

namespace kinerja {

Trend trend_figures(const Db& db, const std::string& code, int from, int to) {
  if (from < 2000 || to > 2100 || from > to || to - from > 20)
    throw bad_input("--from/--to: " + std::to_string(from) + "-" + std::to_string(to) +
                    " is not a range of at most 20 years within 2000-2100");
  Trend t{code, "", from, to, {}};
  std::optional<Rational> previous;
  for (int y = from; y <= to; ++y) {
    TrendYear ty{y, std::nullopt, std::nullopt, std::nullopt, std::nullopt, ""};
    if (auto ind = find_indicator(db, code, y)) {
      if (t.name.empty() || ind->catalogue_year == std::to_string(y)) t.name = ind->name;
      IndicatorFigures f = indicator_figures(db, *ind, y);
      if (ind->method == "ratio" && !f.inputs.empty()) {
        ty.numerator = ty.denominator = Rational(0);
        for (const auto& c : f.inputs)
          if (c.numerator && c.denominator) {
            ty.numerator = *ty.numerator + *c.numerator;
            ty.denominator = *ty.denominator + *c.denominator;
          }
      }
      for (const auto& c : f.inputs)
        if (c.source == "rekap") ty.rekap = c.note;
      if (previous && f.capaian_printed) ty.change = *f.capaian_printed - *previous;
      previous = f.capaian_printed;
      ty.figures = std::move(f);
    } else {
      previous.reset();
    }
    t.years.push_back(std::move(ty));
  }
  if (t.name.empty())
    throw bad_input("--indicator: '" + code + "' is in no loaded catalogue for " + std::to_string(from) + "-" +
                    std::to_string(to) + " (see `kinerja catalogue show`)");
  return t;
}

std::vector<std::string> trend_header() {
  return {"Tahun", "Pembilang", "Penyebut", "Target", "Target Renstra", "Realisasi", "Capaian", "Capaian thd Renstra",
          "Perubahan", "Keterangan"};
}

static std::optional<Rational> target_value(const IndicatorFigures& f) {
  return f.target ? std::optional(f.target->value) : std::nullopt;
}

ReportTable trend_table(const Trend& t) {
  ReportTable out;
  out.id = "trend." + t.code;
  out.title = "Capaian " + t.code + " " + std::to_string(t.from) + "–" + std::to_string(t.to) + ": " + t.name;
  out.header = trend_header();
  for (const auto& y : t.years) {
    std::vector<PkCell> row{text_cell(std::to_string(y.year))};
    if (!y.figures) {
      for (size_t i = 1; i < out.header.size(); ++i) row.push_back(text_cell("-"));
      out.notes.push_back(std::to_string(y.year) + ": " + t.code + " tidak ada dalam katalog tahun itu");
      out.rows.push_back(std::move(row));
      continue;
    }
    const IndicatorFigures& f = *y.figures;
    std::string change = y.change ? (y.change->is_negative() ? "" : "+") + id_number(y.change, kCapaianDecimals) : "-";
    row.insert(row.end(), {number_cell(y.numerator, 0), number_cell(y.denominator, 0), unit_cell(f.ind, target_value(f)),
                           unit_cell(f.ind, f.renstra_target), unit_cell(f.ind, f.realisasi.value),
                           percent_cell(f.capaian, kCapaianDecimals), percent_cell(f.capaian_renstra, kCapaianDecimals),
                           text_cell(change), text_cell(y.rekap.empty() ? "" : "rekap")});
    if (!y.rekap.empty())
      out.notes.push_back(std::to_string(y.year) + ": rekap — total tahunan yang dilaporkan (" + y.rekap +
                          "), dicatat dengan `kinerja record --rekap`, bukan dihitung dari register");
    out.rows.push_back(std::move(row));
  }
  return out;
}

json trend_json(const Trend& t) {
  json years = json::array();
  for (const auto& y : t.years) {
    json j{{"year", std::to_string(y.year)}};
    const IndicatorFigures* f = y.figures ? &*y.figures : nullptr;
    int d = f ? f->ind.decimals : 2;
    j["numerator"] = json_number(y.numerator, 0);
    j["denominator"] = json_number(y.denominator, 0);
    j["target"] = json_number(f ? target_value(*f) : std::nullopt, d);
    j["renstra_target"] = json_number(f ? f->renstra_target : std::nullopt, d);
    j["realisasi"] = json_number(f ? f->realisasi.value : std::nullopt, d);
    j["capaian"] = json_number(f ? f->capaian : std::nullopt, kCapaianDecimals);
    j["capaian_renstra"] = json_number(f ? f->capaian_renstra : std::nullopt, kCapaianDecimals);
    j["change"] = json_number(y.change, kCapaianDecimals);
    j["rekap"] = y.rekap.empty() ? json(nullptr) : json(y.rekap);
    years.push_back(j);
  }
  return json{{"indicator", t.code}, {"name", t.name}, {"from", std::to_string(t.from)}, {"to", std::to_string(t.to)},
              {"years", years}};
}

}  // namespace kinerja
