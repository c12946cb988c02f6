// NKA inputs and computation (nka.hpp).
#include "client/nka.hpp"

#include <algorithm>
#include <map>

#include "client/anggaran.hpp"
#include "client/budget_register.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/register_entry.hpp"

namespace kinerja {

namespace {

std::string input_label(const std::string& code) {
  static const std::map<std::string, std::string> labels{
      {"CRO", "Capaian Rincian Output (CRO)"},
      {"SBK_PENGGUNAAN", "Penggunaan SBK"},
      {"SBK_EFISIENSI", "Efisiensi SBK"},
      {"EFISIENSI", "Nilai Efisiensi"},
      {"KONSISTENSI", "Konsistensi"},
      {"PENYERAPAN", "Penyerapan anggaran"},
      {"IKPA", "Nilai IKPA"},
  };
  return labels.at(code);
}

// A reference weight as people read it, with at least 2 decimals: "0,435", "0,50", "1,00".
PkCell weight_cell(const Rational& w) {
  std::string exact = w.exact();
  size_t dot = exact.find('.');
  return number_cell(w, dot == std::string::npos ? 2 : std::max(2, static_cast<int>(exact.size() - dot - 1)));
}

std::string people_weight(const Rational& w) { return people_text(weight_cell(w)); }

// 50 + 50·E/20 with E bounded to [−20; 20].
Rational nilai_efisiensi(const Rational& e) {
  Rational bounded = std::clamp(e, Rational(-20), Rational(20));
  return Rational(50) + Rational(50) * bounded / Rational(20);
}

std::vector<std::string> formula_inputs(const IkpaReference& ref) {
  std::vector<std::string> out;
  for (const auto& c : ref.nka)
    for (const auto& t : c.terms)
      if (std::find(out.begin(), out.end(), t.input) == out.end()) out.push_back(t.input);
  return out;
}

std::string formula_text(const IkpaReference& ref) {
  std::string f = "NKA =";
  for (size_t n = 0; n < ref.nka.size(); ++n) {
    const NkaComponent& c = ref.nka[n];
    f += (n ? " + " : " ") + people_weight(c.bobot) + " × ";
    std::string sum;
    for (const auto& t : c.terms)
      sum += (sum.empty() ? "" : " + ") + (t.bobot == Rational(1) ? "" : people_weight(t.bobot) + " × ") + t.input;
    f += c.terms.size() > 1 ? "(" + sum + ")" : sum;
  }
  return f;
}

}  // namespace

CellWrite record_nka(Store& s, const NkaInput& in) {
  std::string year = checked_year(in.year, "");
  IkpaReference ref = require_ikpa_reference(s.db, in.year, "--year");
  auto inputs = formula_inputs(ref);
  if (std::find(inputs.begin(), inputs.end(), in.input) == inputs.end()) {
    std::string names;
    for (const auto& i : inputs) names += (names.empty() ? "" : ", ") + i;
    throw bad_input("--input: '" + in.input + "' is not an input of the " + year + " NKA formula (" + names + ")");
  }
  std::string value = checked_score(in.value, "--value", Rational(in.input == "EFISIENSI" ? -100 : 0));
  std::string key = year + "/" + in.input;
  return write_cell(s, "nka.record", key, json{{"year", year}, {"period", year}, {"input", in.input}, {"value", value}});
}

// The value of INPUT for the year: as typed, else its default (IKPA, PENYERAPAN).
static NkaTermValue term_value(const Db& db, int year, const NkaTerm& term, std::string& newest_hlc) {
  NkaTermValue v{term, std::nullopt, std::nullopt, "", {}};
  std::string y = std::to_string(year);
  if (auto c = get_cell(db, "nka.record", y + "/" + term.input)) {
    v.input = Rational::parse(c->body.value("value", ""));
    v.source = "dicatat (kinerja nka record)";
    v.ops.push_back(op_ref(*c));
    newest_hlc = std::max(newest_hlc, c->hlc);
  } else if (term.input == "IKPA") {
    if (auto ikpa = ikpa_score(db, year); ikpa && ikpa->nilai) {
      v.input = ikpa->nilai->rounded(2);
      v.source = "nilai akhir IKPA " + y + " (kinerja report ikpa), dibulatkan 2 desimal";
      for (const auto& each : ikpa->values) v.ops.insert(v.ops.end(), each.ops.begin(), each.ops.end());
      newest_hlc = std::max(newest_hlc, ikpa->newest_hlc);
    }
  } else if (term.input == "PENYERAPAN") {
    BudgetRow dipa;
    for (const auto& line : budget_lines(db, year)) add_line(dipa, line);
    if (auto p = penyerapan(dipa)) {
      v.input = p->rounded(2);
      v.source = "penyerapan DIPA " + y + " (kinerja budget), dibulatkan 2 desimal";
      v.ops = dipa.ops;
    }
  }
  if (v.input) v.nilai = term.input == "EFISIENSI" ? nilai_efisiensi(*v.input) : *v.input;
  return v;
}

std::optional<NkaScore> nka_score(const Db& db, int year) {
  if (list_cells(db, "nka.record", std::to_string(year) + "/").empty()) return std::nullopt;
  auto ref = ikpa_reference(db, year);
  if (!ref) return std::nullopt;
  NkaScore score;
  score.year = year;
  score.formula = formula_text(*ref);
  std::optional<Rational> nka = Rational(0);
  for (const auto& comp : ref->nka) {
    NkaComponentValue cv{comp, {}, Rational(0)};
    for (const auto& term : comp.terms) {
      cv.terms.push_back(term_value(db, year, term, score.newest_hlc));
      const auto& tv = cv.terms.back();
      cv.nilai = cv.nilai && tv.nilai ? std::optional<Rational>(*cv.nilai + term.bobot * *tv.nilai) : std::nullopt;
    }
    nka = nka && cv.nilai ? std::optional<Rational>(*nka + comp.bobot * *cv.nilai) : std::nullopt;
    score.components.push_back(cv);
  }
  score.nka = nka;
  return score;
}

std::vector<ReportTable> nka_tables(const Db& db, int year) {
  auto score = nka_score(db, year);
  if (!score) return {};
  ReportTable t;
  t.id = "nka";
  t.title = "Nilai Kinerja Anggaran (NKA) " + std::to_string(year);
  t.header = {"Komponen / masukan", "Nilai", "Bobot", "Nilai tertimbang"};
  auto times = [](const Rational& w, const std::optional<Rational>& v) {
    return v ? std::optional<Rational>(w * *v) : std::nullopt;
  };
  for (const auto& cv : score->components) {
    t.strong_rows.insert(t.rows.size());
    t.rows.push_back({text_cell(cv.component.name), number_cell(cv.nilai, 2), weight_cell(cv.component.bobot),
                      number_cell(times(cv.component.bobot, cv.nilai), 2)});
    for (const auto& tv : cv.terms) {
      std::string label = input_label(tv.term.input);
      t.rows.push_back({text_cell("  " + label), number_cell(tv.nilai, 2), weight_cell(tv.term.bobot),
                        number_cell(times(tv.term.bobot, tv.nilai), 2)});
      if (!tv.input)
        t.notes.push_back(label + ": belum dicatat (kinerja nka record --year " + std::to_string(year) + " --input " +
                          tv.term.input + " --value …); NKA tidak dihitung");
      else if (tv.term.input == "EFISIENSI")
        t.notes.push_back(label + " = 50 + 50 × E / 20 dengan E = " + people_text(number_cell(tv.input, 2)) +
                          " dibatasi [−20; 20]; " + tv.source);
      else
        t.notes.push_back(label + ": " + tv.source);
    }
  }
  t.strong_rows.insert(t.rows.size());
  t.rows.push_back({text_cell("Nilai Kinerja Anggaran (NKA)"), text_cell(""), text_cell(""), number_cell(score->nka, 2)});
  t.notes.insert(t.notes.begin(), score->formula + "; dihitung tanpa pembulatan, dibulatkan saat dicetak");
  if (!score->newest_hlc.empty()) t.data_per = utc_date(parse_hlc(score->newest_hlc).ms);
  return {t};
}

}  // namespace kinerja
