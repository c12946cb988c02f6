// IKPA values and score (ikpa.hpp).
#include "client/ikpa.hpp"

#include <algorithm>

#include "client/date.hpp"
#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/number.hpp"
#include "client/period.hpp"
#include "client/register_entry.hpp"

namespace kinerja {

std::string checked_score(const std::string& text, const std::string& field, const Rational& low) {
  std::string v = parse_decimal(text, field);
  Rational r = Rational::parse(v);
  if (r < low || r > Rational(100))
    throw bad_input(field + ": " + text + " is outside [" + low.exact() + "; 100]");
  return v;
}

CellWrite record_ikpa(Store& s, const IkpaInput& in) {
  std::string year = checked_year(in.year, "");
  if (in.month != 0) check_month(in.month, "--month");
  IkpaReference ref = require_ikpa_reference(s.db, in.year, "--year");
  auto ind = std::find_if(ref.indicators.begin(), ref.indicators.end(),
                          [&](const IkpaIndicator& i) { return i.code == in.indicator; });
  if (ind == ref.indicators.end()) {
    std::string codes;
    for (const auto& i : ref.indicators) codes += (codes.empty() ? "" : ", ") + i.code;
    throw bad_input("--indicator: '" + in.indicator + "' is not an IKPA indicator of " + year + " (" + codes + ")");
  }
  std::string value = checked_score(in.value, "--value", Rational(0));
  std::string key = year + "/" + in.indicator;
  json body{{"year", year}, {"period", year}, {"indicator", in.indicator}, {"value", value}};
  if (in.month != 0) {
    key += "/" + month_text(in.month);
    body["period"] = year + "-" + month_text(in.month);
    body["month"] = month_text(in.month);
  }
  return write_cell(s, "ikpa.record", key, std::move(body));
}

// The year's value of each indicator: its yearly cell, else its latest month's.
static void read_values(const Db& db, IkpaScore& score) {
  std::string prefix = std::to_string(score.year) + "/";
  std::map<std::string, Cell> chosen;
  for (const auto& c : list_cells(db, "ikpa.record", prefix)) {
    std::string code = c.body.value("indicator", "");
    auto it = chosen.find(code);
    bool yearly = !c.body.contains("month");
    bool better = it == chosen.end() || (it->second.body.contains("month") &&
                                         (yearly || c.body.value("month", "") > it->second.body.value("month", "")));
    if (better) chosen[code] = c;
  }
  for (const auto& ind : score.reference.indicators) {
    IkpaValue v{ind, std::nullopt, std::nullopt, 0, {}};
    if (auto it = chosen.find(ind.code); it != chosen.end()) {
      const Cell& c = it->second;
      v.nilai = Rational::parse(c.body.value("value", ""));
      v.month = c.body.contains("month") ? std::stoi(c.body.value("month", "")) : 0;
      v.ops.push_back(op_ref(c));
      score.newest_hlc = std::max(score.newest_hlc, c.hlc);
    }
    score.values.push_back(v);
  }
}

std::optional<IkpaScore> ikpa_score(const Db& db, int year) {
  if (list_cells(db, "ikpa.record", std::to_string(year) + "/").empty()) return std::nullopt;
  auto ref = ikpa_reference(db, year);
  if (!ref) return std::nullopt;
  IkpaScore score;
  score.year = year;
  score.reference = *ref;
  read_values(db, score);
  Rational assessed;
  std::map<std::string, std::pair<Rational, int>> aspect_sums;
  for (auto& v : score.values) {
    if (!v.nilai) continue;
    if (v.indicator.pengurang) {
      score.pengurang = score.pengurang + *v.nilai;
      continue;
    }
    v.akhir = *v.nilai * *v.indicator.bobot / Rational(100);
    score.total = score.total + *v.akhir;
    assessed = assessed + *v.indicator.bobot;
    auto& [sum, n] = aspect_sums[v.indicator.aspect];
    sum = sum + *v.nilai;
    ++n;
  }
  score.konversi = assessed / Rational(100);
  if (!assessed.is_zero()) score.nilai = score.total / score.konversi - score.pengurang;
  for (const char* aspect : {"perencanaan", "pelaksanaan", "hasil"}) {
    auto it = aspect_sums.find(aspect);
    score.aspects[aspect] = it == aspect_sums.end() ? std::nullopt
                                                    : std::optional<Rational>(it->second.first / Rational(it->second.second));
  }
  return score;
}

static std::string aspect_label(const std::string& a) {
  if (a == "perencanaan") return "Perencanaan";
  if (a == "pelaksanaan") return "Pelaksanaan";
  return "Hasil";
}

std::vector<ReportTable> ikpa_tables(const Db& db, int year) {
  auto score = ikpa_score(db, year);
  if (!score) return {};
  std::string y = std::to_string(year);
  std::string data_per = utc_date(parse_hlc(score->newest_hlc).ms);

  ReportTable t;
  t.id = "ikpa.indikator";
  t.title = "Nilai IKPA " + y;
  t.header = {"No", "Indikator", "Aspek", "Nilai", "Bobot", "Nilai Akhir"};
  for (size_t n = 0; n < score->values.size(); ++n) {
    const IkpaValue& v = score->values[n];
    const IkpaIndicator& i = v.indicator;
    t.rows.push_back({text_cell(std::to_string(n + 1)), text_cell(i.name), text_cell(aspect_label(i.aspect)),
                      number_cell(v.nilai, 2), i.pengurang ? text_cell("pengurang") : number_cell(i.bobot, 0),
                      i.pengurang ? number_cell(v.nilai ? std::optional<Rational>(-*v.nilai) : std::nullopt, 2)
                                  : number_cell(v.akhir, 2)});
    if (!v.nilai) t.notes.push_back(i.name + ": belum dinilai; bobotnya tidak dihitung dalam konversi");
    if (v.month) t.notes.push_back(i.name + ": nilai s.d. bulan " + month_name(v.month) + " " + y);
  }
  auto summary = [&](const std::string& label, const PkCell& value) {
    t.strong_rows.insert(t.rows.size());
    t.rows.push_back({text_cell(""), text_cell(label), text_cell(""), text_cell(""), text_cell(""), value});
  };
  summary("Total", number_cell(score->total, 2));
  summary("Konversi bobot", percent_cell(score->konversi * Rational(100)));
  if (!score->pengurang.is_zero()) summary("Pengurang", number_cell(-score->pengurang, 2));
  summary("Nilai Akhir IKPA", number_cell(score->nilai, 2));
  t.notes.push_back("Nilai akhir IKPA = total nilai akhir (tanpa pembulatan) / konversi bobot − pengurang; " +
                    score->reference.source);
  t.data_per = data_per;

  ReportTable a;
  a.id = "ikpa.aspek";
  a.title = "Nilai IKPA " + y + " per aspek";
  a.header = {"Aspek", "Nilai"};
  for (const char* aspect : {"perencanaan", "pelaksanaan", "hasil"})
    a.rows.push_back({text_cell(aspect_label(aspect)), number_cell(score->aspects[aspect], 2)});
  a.notes.push_back("Nilai aspek = rata-rata nilai indikator aspek tersebut (tanpa bobot)");
  a.data_per = data_per;
  return {t, a};
}

}  // namespace kinerja
