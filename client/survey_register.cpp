// The survey register (survey_register.hpp).
#include "client/survey_register.hpp"

#include <algorithm>
#include <set>

#include "client/any_case.hpp"
#include "client/csv.hpp"
#include "client/error.hpp"
#include "client/format_id.hpp"
#include "client/number.hpp"
#include "client/period.hpp"

namespace kinerja {

const std::vector<std::string>& survey_names() {
  static const std::vector<std::string> names{"SKM", "IIO", "IPK", "ILK"};
  return names;
}

std::string survey_title(const std::string& survey) {
  if (survey == "SKM") return "Survei Kepuasan Masyarakat (IKM)";
  if (survey == "IIO") return "Indeks Integritas Organisasi (IIO)";
  if (survey == "IPK") return "Indeks Pengamanan Keimigrasian (IPK)";
  if (survey == "ILK") return "Indeks Kepuasan Unit Kerja terhadap Layanan Kesekretariatan (ILK)";
  return survey;
}

// "--name" on the command line, "FILE: line N, column COLUMN" in a CSV file.
static std::string field(const SurveyInput& in, const std::string& option, const std::string& column) {
  return in.where.empty() ? "--" + option : in.where + ", column " + column;
}

// A value of SURVEY: an index within [1; 4], IIO within [0; 100]; returns the canonical decimal.
static std::string checked_value(const std::string& survey, const std::string& text, const std::string& f) {
  if (text.empty()) throw bad_input(f + ": is required");
  std::string v = parse_decimal(text, f);
  bool iio = survey == "IIO";
  const char* lo = iio ? "0" : "1";
  const char* hi = iio ? "100" : "4";
  if (compare_decimal(v, lo) < 0 || compare_decimal(v, hi) > 0)
    throw bad_input(f + ": " + v + " is outside [" + lo + "; " + hi + "] for " + survey +
                    (iio ? " (a 0-100 score)" : " (an index 1-4)"));
  return v;
}

static json checked_elements(const SurveyInput& in, const std::string& f) {
  json out = json::object();
  for (const auto& e : in.elements) {
    size_t eq = e.find('=');
    std::string name = e.substr(0, eq);
    if (eq == std::string::npos || name.empty())
      throw bad_input(f + ": '" + e + "' is not NAME=VALUE (e.g. U1=3,52)");
    if (name.size() > 40 || name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-") !=
                                std::string::npos)
      throw bad_input(f + ": element name '" + name + "' must be letters, digits, '_', '.' or '-' (at most 40)");
    if (out.contains(name)) throw bad_input(f + ": element '" + name + "' is given twice");
    out[name] = checked_value(in.survey, e.substr(eq + 1), f + " " + name);
  }
  return out;
}

struct Checked {
  std::string key;
  json body;
};

// The cell key SURVEY/YYYY-MM of a month, the survey's name in capitals whatever its case
// as typed; Error(BadInput) naming IN's fields.
static std::string month_key(SurveyInput in) {
  in.survey = upper_ascii(in.survey);
  const auto& names = survey_names();
  if (std::find(names.begin(), names.end(), in.survey) == names.end())
    throw bad_input(field(in, "survey", "survey") + ": '" + in.survey + "' is not one of SKM|IIO|IPK|ILK");
  std::string period_field = field(in, "period", "period");
  Period p = parse_period(in.period, period_field);
  if (p.kind != PeriodKind::Month)
    throw bad_input(period_field + ": '" + in.period + "' is not a month; surveys are recorded per month (YYYY-MM)");
  return in.survey + "/" + p.str();
}

static Checked check(SurveyInput in) {
  in.survey = upper_ascii(in.survey);
  std::string key = month_key(in);
  json body{{"survey", in.survey}, {"period", key.substr(key.find('/') + 1)}};
  body["value"] = checked_value(in.survey, in.value, field(in, "value", "value"));
  std::string respondents_field = field(in, "respondents", "respondents");
  if (in.respondents.empty()) throw bad_input(respondents_field + ": is required");
  body["respondents"] = std::to_string(parse_count(in.respondents, respondents_field));
  json elements = checked_elements(in, field(in, "element", "elements"));
  if (!elements.empty()) body["elements"] = elements;
  if (!in.note.empty()) body["note"] = in.note;
  return Checked{key, body};
}

static SurveyMonth month_of(const Cell& c) {
  const json& b = c.body;
  Period p = parse_period(b.at("period").get<std::string>());
  SurveyMonth m{b.at("survey").get<std::string>(), p.year, p.index, Rational::parse(b.at("value").get<std::string>()),
                std::stoll(b.at("respondents").get<std::string>()), {}, b.value("note", ""), c.hlc, op_ref(c), std::nullopt};
  if (b.contains("elements"))
    for (const auto& [name, v] : b["elements"].items()) m.elements.emplace(name, Rational::parse(v.get<std::string>()));
  return m;
}

SurveyRecordResult record_surveys(Store& s, const std::vector<SurveyInput>& months) {
  if (months.empty()) throw bad_input("nothing to record: no survey months given");
  std::vector<Checked> checked;
  std::set<std::string> keys;
  for (const auto& in : months) {
    checked.push_back(check(in));
    if (!keys.insert(checked.back().key).second)
      throw bad_input(field(in, "period", "period") + ": " + in.survey + " " + checked.back().body["period"].get<std::string>() +
                      " appears twice");
  }
  SurveyRecordResult r;
  Batch b(s);
  for (auto& c : checked) {
    const Op& op = b.append("survey", c.key, std::move(c.body));
    if (op.body.contains("base")) ++r.corrections;
    Cell cell{op.type, op.key, op.hlc, op.device, op.hash, op.seq, op.body};
    for (auto& w : survey_warnings(month_of(cell))) r.warnings.push_back(std::move(w.text));
  }
  b.commit();
  r.ops = b.size();
  return r;
}

const Columns& survey_columns() {
  static const Columns c{{"survey", "period", "value", "respondents"}, {"elements", "note"}};
  return c;
}

std::vector<SurveyInput> read_surveys_csv(const std::string& path) {
  std::vector<SurveyInput> out;
  for (auto& row : read_csv(path, survey_columns().required, survey_columns().optional)) {
    auto& f = row.fields;
    SurveyInput in{f["survey"], f["period"], f["value"], f["respondents"], {}, f["note"],
                   path + ": line " + std::to_string(row.line)};
    const std::string& list = f["elements"];
    for (size_t from = 0; from < list.size();) {
      size_t semi = std::min(list.find(';', from), list.size());
      in.elements.push_back(list.substr(from, semi - from));
      from = semi + 1;
    }
    out.push_back(std::move(in));
  }
  return out;
}

void void_survey(Store& s, const std::string& survey, const std::string& period, const std::string& reason) {
  SurveyInput in;
  in.survey = survey;
  in.period = period;
  std::string key = month_key(in);
  auto cell = get_cell(s.db, "survey", key);
  if (!cell) throw bad_input("--period: tidak ada survei " + survey + " " + period + " di register (lihat `kinerja survey list`)");
  void_entry(s, *cell, reason, "survei " + survey + " " + body_text(cell->body, "period"));
}

std::vector<SurveyMonth> list_surveys(const Db& db, int year, const std::string& survey, bool with_voided) {
  std::vector<SurveyMonth> out;
  Voids voids = voids_of(db, "survey");
  for (const auto& c : list_cells(db, "survey", survey.empty() ? "" : survey + "/")) {
    SurveyMonth m = month_of(c);
    m.voided = void_of(voids, c);
    if (m.year == year && (with_voided || !m.voided)) out.push_back(std::move(m));
  }
  const auto& names = survey_names();
  auto rank = [&](const std::string& s) { return std::find(names.begin(), names.end(), s) - names.begin(); };
  std::stable_sort(out.begin(), out.end(), [&](const SurveyMonth& a, const SurveyMonth& b) {
    return std::pair(rank(a.survey), a.month) < std::pair(rank(b.survey), b.month);
  });
  return out;
}

std::vector<SurveyWarning> survey_warnings(const SurveyMonth& m) {
  std::vector<SurveyWarning> out;
  std::string what = m.survey + " " + month_name(m.month) + " " + std::to_string(m.year);
  if (m.respondents < 30)
    out.push_back({"responden < 30", what + ": " + std::to_string(m.respondents) + " responden, kurang dari 30"});
  if (!m.elements.empty()) {
    Rational sum;
    for (const auto& [name, v] : m.elements) sum = sum + v;
    Rational mean = sum / Rational(static_cast<int64_t>(m.elements.size()));
    Rational gap = mean > m.value ? mean - m.value : m.value - mean;
    if (gap > Rational::fraction(1, 100))
      out.push_back({"unsur ≠ nilai", what + ": rata-rata " + std::to_string(m.elements.size()) + " unsur " +
                                          id_number(mean, 4) + " berbeda " + id_number(gap, 4) + " dari nilai " +
                                          id_number(m.value, 4) + " (lebih dari 0,01)"});
  }
  return out;
}

SurveyYear survey_year(const std::vector<SurveyMonth>& months) {
  SurveyYear y;
  Rational sum;
  for (const auto& m : months) {
    sum = sum + m.value * Rational(m.respondents);
    y.respondents += m.respondents;
  }
  if (y.respondents > 0) y.value = sum / Rational(y.respondents);
  return y;
}

std::string ikm_category(const Rational& ikm) {
  if (ikm < Rational::parse("2.6")) return "D";
  if (ikm < Rational::parse("3.0644")) return "C";
  if (ikm < Rational::parse("3.5324")) return "B";
  return "A";
}

std::string ikm_category_name(const std::string& category) {
  if (category == "A") return "Sangat Baik";
  if (category == "B") return "Baik";
  if (category == "C") return "Kurang Baik";
  return "Tidak Baik";
}

void survey_inputs(const Db& db, const Indicator& ind, int year, int, std::vector<Component>& out) {
  if (ind.source.rfind("survey:", 0) != 0) return;
  std::string survey = ind.source.substr(7);
  Rational divisor(1);
  if (size_t slash = survey.find('/'); slash != std::string::npos) {
    divisor = Rational::parse(survey.substr(slash + 1));
    survey = survey.substr(0, slash);
  }
  for (const auto& m : list_surveys(db, year, survey)) {
    Component k;
    k.source = "survei";
    k.period = Period{m.year, PeriodKind::Month, m.month}.str();
    k.value = m.value / divisor;
    k.respondents = Rational(m.respondents);
    k.note = "survei " + survey + (divisor == Rational(1) ? "" : " / " + divisor.exact()) + (m.note.empty() ? "" : ": " + m.note);
    k.ops.push_back(m.op);
    out.push_back(std::move(k));
  }
}

}  // namespace kinerja
