// Catalogue parsing, loading and lookup (catalogue.hpp).
#include "client/catalogue.hpp"

#include <set>

#include "client/embedded.hpp"
#include "client/error.hpp"
#include "client/number.hpp"

namespace kinerja {

static std::string str_field(const json& o, const std::string& name, const std::string& where) {
  auto it = o.find(name);
  if (it == o.end() || !it->is_string() || it->get<std::string>().empty())
    throw bad_input(where + ": field '" + name + "' is missing or not a non-empty string");
  return it->get<std::string>();
}

static std::string one_of(const json& o, const std::string& name, const std::string& where,
                          const std::set<std::string>& allowed) {
  std::string v = str_field(o, name, where);
  if (!allowed.count(v)) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw bad_input(where + ": " + name + " '" + v + "' is not one of " + list);
  }
  return v;
}

static Indicator parse_indicator(const json& j, const std::string& where, const std::string& sasaran,
                                 const std::string& year) {
  if (!j.is_object()) throw bad_input(where + " is not an object");
  Indicator i;
  i.code = str_field(j, "code", where);
  i.name = str_field(j, "name", where);
  i.unit = one_of(j, "unit", where, {"persen", "indeks", "nilai", "rupiah", "jumlah"});
  i.polarity = one_of(j, "polarity", where, {"higher", "lower"});
  i.method = one_of(j, "method", where, {"ratio", "direct", "weighted"});
  i.rollup = one_of(j, "rollup", where, {"sum", "last", "weighted"});
  i.decimals = static_cast<int>(parse_count(str_field(j, "decimals", where), where + ": decimals"));
  if (i.decimals > 6) throw bad_input(where + ": decimals must be 0-6");
  if (j.contains("cap")) i.cap = parse_decimal(str_field(j, "cap", where), where + ": cap");
  if (j.contains("source"))
    i.source = one_of(j, "source", where,
                      {"manual", "case:proyustisia", "case:tak", "survey:SKM", "survey:IPK", "survey:ILK", "survey:IIO",
                       "survey:IIO/25", "rb"});
  if (i.method == "ratio" && i.rollup != "sum") throw bad_input(where + ": a ratio indicator rolls up by sum");
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

Catalogue parse_catalogue(const json& raw) {
  if (!raw.is_object()) throw bad_input("catalogue: not a JSON object");
  json doc = normalize(raw);
  Catalogue c;
  c.year = str_field(doc, "year", "catalogue");
  parse_count(c.year, "catalogue: year");
  std::string renstra = str_field(doc, "renstra", "catalogue");
  if (renstra.size() != 9 || renstra[4] != '-')
    throw bad_input("catalogue: renstra '" + renstra + "' must be a period like 2020-2024");
  c.renstra_from = static_cast<int>(parse_count(renstra.substr(0, 4), "catalogue: renstra"));
  c.renstra_to = static_cast<int>(parse_count(renstra.substr(5), "catalogue: renstra"));
  auto ss = doc.find("sasaran");
  if (ss == doc.end() || !ss->is_array() || ss->empty()) throw bad_input("catalogue: field 'sasaran' must be a non-empty list");
  std::set<std::string> codes;
  for (size_t k = 0; k < ss->size(); ++k) {
    const json& sj = (*ss)[k];
    std::string where = "catalogue: sasaran[" + std::to_string(k) + "]";
    if (!sj.is_object()) throw bad_input(where + " is not an object");
    Sasaran s{str_field(sj, "code", where), str_field(sj, "name", where), {}};
    auto is = sj.find("indicators");
    if (is == sj.end() || !is->is_array() || is->empty()) throw bad_input(where + ": field 'indicators' must be a non-empty list");
    for (size_t n = 0; n < is->size(); ++n) {
      Indicator i = parse_indicator((*is)[n], where + ".indicators[" + std::to_string(n) + "]", s.code, c.year);
      if (!codes.insert(i.code).second) throw bad_input("catalogue: indicator code '" + i.code + "' appears twice");
      s.indicators.push_back(i);
    }
    c.sasaran.push_back(std::move(s));
  }
  c.source = doc;
  return c;
}

std::optional<json> shipped_catalogue(const std::string& year) {
  auto f = embedded_file("catalogue/" + year + ".json");
  if (!f) return std::nullopt;
  return json::parse(*f);
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

}  // namespace kinerja
