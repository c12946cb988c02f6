// Catalogue parsing, loading and lookup (catalogue.hpp).
#include "client/catalogue.hpp"

#include <set>

#include "client/decimal.hpp"
#include "client/embedded.hpp"
#include "client/error.hpp"
#include "client/json_schema.hpp"
#include "client/number.hpp"

namespace kinerja {

// The catalogue JSON Schema shipped in the binary, compiled once.
static const JsonSchema& catalogue_schema() {
  static const JsonSchema schema = compile_schema(json::parse(*embedded_file("catalogue/catalogue.schema.json")));
  return schema;
}

static std::string str(const json& o, const char* name) { return string_field(o, name, "catalogue field"); }

static void check_weights(const Indicator& i, const std::string& where) {
  size_t weighted = 0;
  Rational sum;
  for (const auto& p : i.parts)
    if (p.weight) {
      ++weighted;
      sum = sum + Rational::parse(*p.weight);
    }
  if (weighted != 0 && weighted != i.parts.size())
    throw bad_input(where + ".components: either every component of " + i.code + " has a weight or none has");
  if (weighted != 0 && sum != Rational(100))
    throw bad_input(where + ".components: the weights of " + i.code + " sum to " + sum.exact() + ", not 100");
}

static Indicator parse_indicator(const json& j, const std::string& where, const std::string& sasaran,
                                 const std::string& year) {
  Indicator i;
  i.code = str(j, "code");
  i.name = str(j, "name");
  i.unit = str(j, "unit");
  i.polarity = str(j, "polarity");
  i.method = str(j, "method");
  i.rollup = str(j, "rollup");
  i.decimals = std::stoi(str(j, "decimals"));
  if (j.contains("cap")) i.cap = str(j, "cap");
  if (j.contains("renstra_targets"))
    for (const auto& [y, t] : j["renstra_targets"].items()) i.renstra_targets[y] = t.get<std::string>();
  if (j.contains("components"))
    for (const auto& p : j["components"])
      i.parts.push_back({str(p, "code"), str(p, "name"), p.contains("weight") ? std::optional(str(p, "weight")) : std::nullopt});
  if (j.contains("source")) i.source = str(j, "source");
  if (i.method == "ratio" && i.rollup != "sum") throw bad_input(where + ": a ratio indicator rolls up by sum");
  if (i.method == "weighted" && i.rollup != "weighted") throw bad_input(where + ": a weighted indicator rolls up by weighted");
  check_weights(i, where);
  i.sasaran = sasaran;
  i.catalogue_year = year;
  return i;
}

std::string source_register(const std::string& source) {
  if (source.rfind("case:", 0) == 0) return "the case register (`kinerja case open` / `kinerja case update`)";
  if (source.rfind("survey:", 0) == 0) return "the survey register (`kinerja survey record` / `kinerja survey import`)";
  if (source == "rb") return "the RB action plan (`kinerja rb add` / `kinerja rb done`)";
  return "manual entry";
}

Catalogue parse_catalogue(const json& doc) {
  if (auto why = schema_violation(catalogue_schema(), doc); !why.empty()) throw bad_input("catalogue: " + why);
  Catalogue c;
  c.year = str(doc, "year");
  std::string renstra = str(doc, "renstra");
  c.renstra_from = std::stoi(renstra.substr(0, 4));
  c.renstra_to = std::stoi(renstra.substr(5));
  if (c.renstra_from > c.renstra_to) throw bad_input("catalogue: renstra '" + renstra + "' ends before it starts");
  std::set<std::string> codes;
  const json& ss = doc.at("sasaran");
  for (size_t k = 0; k < ss.size(); ++k) {
    std::string where = "catalogue: sasaran[" + std::to_string(k) + "]";
    Sasaran s{str(ss[k], "code"), str(ss[k], "name"), {}};
    const json& is = ss[k].at("indicators");
    for (size_t n = 0; n < is.size(); ++n) {
      Indicator i = parse_indicator(is[n], where + ".indicators[" + std::to_string(n) + "]", s.code, c.year);
      if (!codes.insert(i.code).second) throw bad_input("catalogue: indicator code '" + i.code + "' appears twice");
      s.indicators.push_back(i);
    }
    c.sasaran.push_back(std::move(s));
  }
  c.source = doc;
  return c;
}

Catalogue with_weights(const Catalogue& c, const std::string& code, const std::vector<std::string>& weights) {
  json doc = c.source;
  json* ind = nullptr;
  for (auto& s : doc["sasaran"])
    for (auto& i : s["indicators"])
      if (i["code"] == code) ind = &i;
  if (!ind) throw bad_input("--indicator: '" + code + "' is not in the " + c.year + " catalogue");
  if (!ind->contains("components")) throw bad_input("--indicator: " + code + " is not a composite index (it has no components)");
  std::set<std::string> codes;
  std::string parts;
  for (const auto& p : (*ind)["components"]) {
    codes.insert(p["code"].get<std::string>());
    parts += (parts.empty() ? "" : ", ") + p["code"].get<std::string>();
  }
  std::map<std::string, std::string> given;
  Rational sum;
  for (const auto& w : weights) {
    size_t eq = w.find('=');
    std::string part = w.substr(0, eq);
    if (eq == std::string::npos) throw bad_input("weights: '" + w + "' is not PART=WEIGHT (e.g. PENGAWASAN=20)");
    std::string v = parse_decimal(w.substr(eq + 1), "weights " + part);
    if (compare_decimal(v, "0") < 0) throw bad_input("weights " + part + ": " + v + " must not be negative");
    if (!codes.count(part)) throw bad_input("weights: '" + part + "' is not a component of " + code + " (" + parts + ")");
    if (!given.emplace(part, v).second) throw bad_input("weights: " + part + " is given twice");
    sum = sum + Rational::parse(v);
  }
  for (auto& p : (*ind)["components"]) {
    auto it = given.find(p["code"].get<std::string>());
    if (it == given.end())
      throw bad_input("weights: no weight for " + p["code"].get<std::string>() + " (components of " + code + ": " + parts + ")");
    p["weight"] = it->second;
  }
  if (sum != Rational(100)) throw bad_input("weights: the weights of " + code + " sum to " + sum.exact() + ", not 100");
  return parse_catalogue(doc);
}

std::optional<json> shipped_catalogue(const std::string& year) {
  auto f = embedded_file("catalogue/" + year + ".json");
  if (!f) return std::nullopt;
  return json::parse(*f);
}

std::string shipped_catalogue_years() {
  std::set<std::string> years;
  for (const auto& f : embedded_files()) {
    std::string_view name = f.path;
    if (name.size() == 19 && name.starts_with("catalogue/20") && name.ends_with(".json"))  // catalogue/YYYY.json
      years.emplace(name.substr(10, 4));
  }
  std::string out;
  for (const auto& y : years) out += (out.empty() ? "" : ", ") + y;
  return out;
}

void load_catalogue(Batch& b, const Catalogue& c) { b.append("catalogue", c.year, json{{"catalogue", c.source}}); }

std::vector<Catalogue> stored_catalogues(const Db& db) {
  std::vector<Catalogue> out;
  for (const auto& cell : list_cells(db, "catalogue")) out.push_back(parse_catalogue(cell.body.at("catalogue")));
  return out;
}

std::optional<Catalogue> catalogue_for_year(const Db& db, int year) {
  auto cell = get_cell(db, "catalogue", std::to_string(year));
  if (!cell) return std::nullopt;
  return parse_catalogue(cell->body.at("catalogue"));
}

Catalogue loaded_catalogue(const Db& db, int year) {
  auto cat = catalogue_for_year(db, year);
  if (cat) return *cat;
  std::string y = std::to_string(year);
  if (shipped_catalogue(y))
    throw bad_input("--year: no catalogue is loaded for " + y + " (load the shipped one with `kinerja catalogue load --year " +
                    y + "`)");
  throw bad_input("--year: no catalogue is loaded for " + y + ", and none is shipped for it (shipped: " +
                  shipped_catalogue_years() + "); load the year's catalogue file with `kinerja catalogue load FILE`");
}

void check_sasaran(const Catalogue& cat, const std::string& code, const std::string& indicator) {
  auto codes = [](const auto& items) {
    std::string out;
    for (const auto& x : items) out += (out.empty() ? "" : ", ") + x.code;
    return out;
  };
  for (const auto& s : cat.sasaran) {
    if (s.code != code) continue;
    if (indicator.empty()) return;
    for (const auto& i : s.indicators)
      if (i.code == indicator) return;
    throw bad_input("--indicator: " + indicator + " is not an indicator of sasaran " + code + " in " + cat.year + " (" +
                    codes(s.indicators) + ")");
  }
  throw bad_input("--sasaran: " + code + " is not a sasaran of the " + cat.year + " catalogue (" + codes(cat.sasaran) +
                  ")");
}

std::optional<Indicator> find_indicator(const Db& db, const std::string& code, int year) {
  std::optional<Indicator> found;
  for (const auto& c : stored_catalogues(db)) {
    bool exact = c.year == std::to_string(year);
    if (!exact && (year < c.renstra_from || year > c.renstra_to)) continue;
    for (const auto& s : c.sasaran)
      for (const auto& i : s.indicators)
        if (i.code == code && (exact || !found || found->catalogue_year < c.year)) {
          if (exact) return i;
          found = i;
        }
  }
  return found;
}

void check_unit_range(const Indicator& ind, const std::string& v, const std::string& field) {
  auto in = [&](const char* lo, const char* hi) { return compare_decimal(v, lo) >= 0 && compare_decimal(v, hi) <= 0; };
  if (compare_decimal(v, "0") < 0) throw bad_input(field + ": " + v + " must not be negative");
  if (ind.unit == "indeks" && !in("1", "4"))
    throw bad_input(field + ": " + v + " is outside [1; 4] for the index " + ind.code);
  if ((ind.unit == "persen" || ind.unit == "nilai") && !in("0", "100"))
    throw bad_input(field + ": " + v + " is outside [0; 100] for " + ind.code + " (" + ind.unit + ")");
  if ((ind.unit == "rupiah" || ind.unit == "jumlah") && v.find('.') != std::string::npos)
    throw bad_input(field + ": " + v + " must be a whole number for " + ind.code + " (" + ind.unit + ")");
}

}  // namespace kinerja
