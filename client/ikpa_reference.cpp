// The budget scores' reference data (ikpa_reference.hpp).
#include "client/ikpa_reference.hpp"

#include <algorithm>
#include <set>

#include "client/embedded.hpp"
#include "client/error.hpp"
#include "client/state.hpp"

namespace kinerja {

const std::vector<std::string>& nka_input_codes() {
  static const std::vector<std::string> codes{"CRO",         "SBK_PENGGUNAAN", "SBK_EFISIENSI", "EFISIENSI",
                                              "KONSISTENSI", "PENYERAPAN",     "IKPA"};
  return codes;
}

namespace {

const std::vector<std::string> kAspects{"perencanaan", "pelaksanaan", "hasil"};

// Every field of a reference document is read through these, so a wrong type or an unknown
// key is a message naming its path, never a json exception.
void only_keys(const json& obj, const std::string& path, std::initializer_list<const char*> keys) {
  if (!obj.is_object()) throw bad_input("ikpa: " + path + " is not an object");
  for (const auto& [k, v] : obj.items())
    if (std::none_of(keys.begin(), keys.end(), [&](const char* known) { return k == known; }))
      throw bad_input("ikpa: " + path + (path.empty() ? "" : ".") + k + " is not a known field");
}

std::string text(const json& obj, const std::string& path, const char* name) {
  auto it = obj.find(name);
  std::string where = path + (path.empty() ? "" : ".") + name;
  if (it == obj.end()) throw bad_input("ikpa: " + where + " is missing");
  if (!it->is_string() || it->get_ref<const std::string&>().empty() || it->get_ref<const std::string&>().size() > 200)
    throw bad_input("ikpa: " + where + " is not a text of 1-200 bytes");
  return it->get<std::string>();
}

// A weight: a decimal string as stored ("10", "0.435"), 0 < w.
Rational weight(const json& obj, const std::string& path, const char* name) {
  std::string t = text(obj, path, name);
  std::string where = path + "." + name;
  Rational r;
  try {
    r = Rational::parse(t);
  } catch (const Error&) {
    throw bad_input("ikpa: " + where + ": '" + t + "' is not a decimal written with '.' (e.g. \"10\" or \"0.75\")");
  }
  if (r <= Rational(0)) throw bad_input("ikpa: " + where + " must be above 0, got " + t);
  return r;
}

const json& array(const json& obj, const std::string& path, const char* name) {
  auto it = obj.find(name);
  std::string where = path + (path.empty() ? "" : ".") + name;
  if (it == obj.end() || !it->is_array() || it->empty() || it->size() > 50)
    throw bad_input("ikpa: " + where + " must be a list of 1-50 entries");
  return *it;
}

std::string sum_text(const Rational& r) { return r.exact(); }

IkpaIndicator indicator(const json& j, const std::string& path, std::set<std::string>& codes) {
  only_keys(j, path, {"code", "name", "aspect", "bobot", "pengurang"});
  IkpaIndicator i;
  i.code = text(j, path, "code");
  if (!codes.insert(i.code).second) throw bad_input("ikpa: " + path + ".code: " + i.code + " appears twice");
  i.name = text(j, path, "name");
  i.aspect = text(j, path, "aspect");
  if (std::find(kAspects.begin(), kAspects.end(), i.aspect) == kAspects.end())
    throw bad_input("ikpa: " + path + ".aspect: '" + i.aspect + "' is not perencanaan, pelaksanaan or hasil");
  if (j.contains("pengurang")) {
    if (j["pengurang"] != "true" && j["pengurang"] != "false") throw bad_input("ikpa: " + path + ".pengurang must be true or false");
    i.pengurang = j["pengurang"] == "true";
  }
  if (i.pengurang && j.contains("bobot"))
    throw bad_input("ikpa: " + path + ": a deduction (pengurang) has no bobot");
  if (!i.pengurang) i.bobot = weight(j, path, "bobot");
  return i;
}

NkaComponent component(const json& j, const std::string& path, std::set<std::string>& codes) {
  only_keys(j, path, {"code", "name", "bobot", "terms"});
  NkaComponent c{text(j, path, "code"), text(j, path, "name"), weight(j, path, "bobot"), {}};
  if (!codes.insert(c.code).second) throw bad_input("ikpa: " + path + ".code: " + c.code + " appears twice");
  const json& terms = array(j, path, "terms");
  Rational sum;
  std::set<std::string> inputs;
  for (size_t n = 0; n < terms.size(); ++n) {
    std::string tp = path + ".terms[" + std::to_string(n) + "]";
    only_keys(terms[n], tp, {"input", "bobot"});
    NkaTerm t{text(terms[n], tp, "input"), weight(terms[n], tp, "bobot")};
    const auto& known = nka_input_codes();
    if (std::find(known.begin(), known.end(), t.input) == known.end())
      throw bad_input("ikpa: " + tp + ".input: '" + t.input + "' is not an NKA input (CRO, SBK_PENGGUNAAN, " +
                      "SBK_EFISIENSI, EFISIENSI, KONSISTENSI, PENYERAPAN, IKPA)");
    if (!inputs.insert(t.input).second) throw bad_input("ikpa: " + tp + ".input: " + t.input + " appears twice");
    sum = sum + t.bobot;
    c.terms.push_back(t);
  }
  if (sum != Rational(1))
    throw bad_input("ikpa: " + path + ".terms: the weights sum to " + sum_text(sum) + ", not 1");
  return c;
}

}  // namespace

IkpaReference parse_ikpa_reference(const json& typed) {
  json doc;  // as ops store it: every scalar a string (booleans "true"/"false")
  try {
    doc = normalize(typed);
  } catch (const std::exception&) {
    throw bad_input("ikpa: write weights as strings (\"0.75\"), not as floating-point numbers");
  }
  only_keys(doc, "", {"year", "source", "indicators", "nka"});
  IkpaReference r;
  std::string year = text(doc, "", "year");
  if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos || year < "2000" || year > "2100")
    throw bad_input("ikpa: year: '" + year + "' is not a year such as 2024");
  r.year = std::stoi(year);
  r.source = text(doc, "", "source");
  const json& inds = array(doc, "", "indicators");
  std::set<std::string> codes;
  Rational sum;
  for (size_t n = 0; n < inds.size(); ++n) {
    r.indicators.push_back(indicator(inds[n], "indicators[" + std::to_string(n) + "]", codes));
    if (r.indicators.back().bobot) sum = sum + *r.indicators.back().bobot;
  }
  if (sum != Rational(100))
    throw bad_input("ikpa: indicators: the weights (bobot) sum to " + sum_text(sum) + ", not 100 (deductions aside)");
  auto nka = doc.find("nka");
  if (nka == doc.end()) throw bad_input("ikpa: nka is missing");
  only_keys(*nka, "nka", {"components"});
  const json& comps = array(*nka, "nka", "components");
  std::set<std::string> comp_codes;
  Rational csum;
  for (size_t n = 0; n < comps.size(); ++n) {
    r.nka.push_back(component(comps[n], "nka.components[" + std::to_string(n) + "]", comp_codes));
    csum = csum + r.nka.back().bobot;
  }
  if (csum != Rational(1))
    throw bad_input("ikpa: nka.components: the weights sum to " + sum_text(csum) + ", not 1");
  r.doc = doc;
  return r;
}

std::optional<IkpaReference> ikpa_reference(const Db& db, int year) {
  std::string y = std::to_string(year);
  if (auto cell = get_cell(db, "ikpa.reference", y)) {
    IkpaReference r = parse_ikpa_reference(cell->body.at("reference"));
    if (r.year == year) return r;
  }
  if (auto shipped = embedded_file("ikpa/" + y + ".json")) return parse_ikpa_reference(json::parse(*shipped));
  return std::nullopt;
}

IkpaReference require_ikpa_reference(const Db& db, int year, const std::string& field) {
  if (auto r = ikpa_reference(db, year)) return *r;
  std::set<std::string> years;
  for (const auto& f : embedded_files())
    if (f.path.rfind("ikpa/", 0) == 0) years.insert(std::string(f.path.substr(5, 4)));
  for (const auto& c : list_cells(db, "ikpa.reference")) years.insert(c.key);
  std::string have;
  for (const auto& y : years) have += (have.empty() ? "" : ", ") + y;
  throw bad_input(field + ": no IKPA/NKA reference for " + std::to_string(year) + " (available: " + have +
                  "); load one with `kinerja ikpa reference load FILE`");
}

json ikpa_reference_body(const IkpaReference& r) { return json{{"year", std::to_string(r.year)}, {"reference", r.doc}}; }

}  // namespace kinerja
