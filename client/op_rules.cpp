// The op rules (op_rules.hpp): one table of fields per op type.
#include "client/op_rules.hpp"

#include <map>
#include <vector>

#include "client/catalogue.hpp"
#include "client/date.hpp"
#include "client/decimal.hpp"
#include "client/error.hpp"
#include "client/evidence.hpp"
#include "client/hlc.hpp"
#include "client/ikpa_reference.hpp"
#include "client/period.hpp"

namespace kinerja {

namespace {

enum class Kind {
  Text,       // a string of at most 20 000 bytes
  Count,      // a non-negative integer, digits only
  Decimal,    // an exact decimal as stored: "-12.5", "82856"
  Year,       // "2024"
  Period,     // "2024", "2024-Q2", "2024-03"
  Month,      // "1" … "12"
  Date,       // "2024-03-04"
  Sha256,     // 64 lower-case hex digits
  TextList,   // an array of texts
  Decimals,   // an object of decimals (survey elements)
  Catalogue,  // a catalogue document that passes its JSON Schema and rules
  Reference,  // an IKPA/NKA reference document that passes its rules (ikpa_reference.hpp)
  Voidable,   // the type of an op whose entry a void may undo (voidable_type)
};

struct Field {
  const char* name;
  Kind kind;
  bool required;
};

using Rule = std::vector<Field>;

const std::map<std::string, Rule>& rules() {
  static const std::map<std::string, Rule> r{
      {"office", {{"name", Kind::Text, true}, {"kanwil", Kind::Text, true}}},
      {"office.identity", {{"office", Kind::Text, true}, {"name", Kind::Text, true}, {"kanwil", Kind::Text, true}}},
      {"catalogue", {{"catalogue", Kind::Catalogue, true}}},
      {"value",
       {{"indicator", Kind::Text, true}, {"period", Kind::Period, true}, {"numerator", Kind::Count, false},
        {"denominator", Kind::Count, false}, {"value", Kind::Decimal, false}, {"part", Kind::Text, false},
        {"note", Kind::Text, false}, {"rekap", Kind::Text, false}}},
      {"target", {{"indicator", Kind::Text, true}, {"period", Kind::Period, true}, {"value", Kind::Decimal, true}}},
      {"national", {{"indicator", Kind::Text, true}, {"year", Kind::Year, true}, {"capaian", Kind::Decimal, true}}},
      {"budget", {{"year", Kind::Year, true}, {"pagu", Kind::Count, true}, {"realisasi", Kind::Count, false}}},
      {"survey",
       {{"survey", Kind::Text, true}, {"period", Kind::Period, true}, {"value", Kind::Decimal, true},
        {"respondents", Kind::Count, true}, {"elements", Kind::Decimals, false}, {"note", Kind::Text, false}}},
      {"case",
       {{"kind", Kind::Text, true}, {"ref", Kind::Text, true}, {"date", Kind::Date, true},
        {"subject", Kind::Text, false}, {"location", Kind::Text, false}}},
      {"case.status",
       {{"ref", Kind::Text, true}, {"date", Kind::Date, true}, {"status", Kind::Text, true}, {"note", Kind::Text, false}}},
      {"rb",
       {{"year", Kind::Year, true}, {"area", Kind::Text, true}, {"action", Kind::Text, true},
        {"due", Kind::Period, true}, {"id", Kind::Text, false}, {"owner", Kind::Text, false},
        {"program", Kind::Text, false}, {"output", Kind::Text, false}, {"target", Kind::Text, false}}},
      {"rb.done",
       {{"id", Kind::Text, false}, {"date", Kind::Date, true}, {"evidence_url", Kind::Text, false},
        {"evidence_sha256", Kind::Sha256, false}, {"evidence_size", Kind::Count, false},
        {"evidence_name", Kind::Text, false}}},
      {"risk",
       {{"id", Kind::Text, true}, {"year", Kind::Year, true}, {"sasaran", Kind::Text, true},
        {"risiko", Kind::Text, true}, {"perlakuan", Kind::Text, true}, {"keberhasilan", Kind::Text, true},
        {"pj", Kind::TextList, true}, {"indicator", Kind::Text, false}, {"likelihood", Kind::Count, false},
        {"impact", Kind::Count, false}}},
      {"innovation",
       {{"id", Kind::Text, true}, {"year", Kind::Year, true}, {"name", Kind::Text, true},
        {"kepanjangan", Kind::Text, true}, {"kategori", Kind::Text, true}, {"deskripsi", Kind::Text, true},
        {"tujuan", Kind::Text, true}, {"output", Kind::Text, true}, {"cadence", Kind::Text, true},
        {"status", Kind::Text, true}, {"indicators", Kind::TextList, true}, {"risks", Kind::TextList, true},
        {"related", Kind::TextList, true}}},
      {"budget.line",
       {{"year", Kind::Year, true}, {"period", Kind::Year, true}, {"activity", Kind::Text, true},
        {"jenis", Kind::Text, true}, {"sumber", Kind::Text, true}, {"name", Kind::Text, true},
        {"pagu", Kind::Count, true}, {"version", Kind::Count, true}, {"volume", Kind::Count, false},
        {"satuan", Kind::Text, false}, {"reason", Kind::Text, false}}},
      {"budget.spend",
       {{"year", Kind::Year, true}, {"period", Kind::Period, true}, {"activity", Kind::Text, true},
        {"jenis", Kind::Text, true}, {"sumber", Kind::Text, true}, {"month", Kind::Month, true},
        {"amount", Kind::Count, true}}},
      {"budget.map",
       {{"year", Kind::Year, true}, {"period", Kind::Year, true}, {"activity", Kind::Text, true},
        {"sasaran", Kind::Text, true}, {"indicator", Kind::Text, false}}},
      {"pnbp.target",
       {{"year", Kind::Year, true}, {"period", Kind::Year, true}, {"akun", Kind::Text, true},
        {"value", Kind::Count, true}}},
      {"pnbp.record",
       {{"year", Kind::Year, true}, {"period", Kind::Period, true}, {"akun", Kind::Text, true},
        {"month", Kind::Month, true}, {"value", Kind::Count, true}}},
      {"ikpa.reference", {{"year", Kind::Year, true}, {"reference", Kind::Reference, true}}},
      {"ikpa.record",
       {{"year", Kind::Year, true}, {"period", Kind::Period, true}, {"indicator", Kind::Text, true},
        {"month", Kind::Month, false}, {"value", Kind::Decimal, true}}},
      {"nka.record",
       {{"year", Kind::Year, true}, {"period", Kind::Year, true}, {"input", Kind::Text, true},
        {"value", Kind::Decimal, true}}},
      {"pk.version",
       {{"year", Kind::Year, true}, {"period", Kind::Year, true}, {"version", Kind::Count, true},
        {"pagu", Kind::Count, true}, {"date", Kind::Date, true}, {"reason", Kind::Text, true},
        {"place", Kind::Text, false}, {"office_signer", Kind::Text, false}, {"office_nip", Kind::Text, false},
        {"kanwil_signer", Kind::Text, false}, {"kanwil_nip", Kind::Text, false}}},
      {"lock", {{"office", Kind::Text, true}, {"period", Kind::Period, true}, {"state", Kind::Text, true}}},
      {"target.kanwil",
       {{"office", Kind::Text, true}, {"indicator", Kind::Text, true}, {"period", Kind::Period, true},
        {"value", Kind::Decimal, true}}},
      {"risk.scale", {{"likelihood", Kind::Count, true}, {"impact", Kind::Count, true}}},
      {"void",
       {{"target", Kind::Voidable, true}, {"entry", Kind::Text, true}, {"op", Kind::Sha256, true},
        {"period", Kind::Period, true}, {"reason", Kind::Text, true}}},
  };
  return r;
}

bool is_digits(const std::string& s, size_t max) {
  return !s.empty() && s.size() <= max && s.find_first_not_of("0123456789") == std::string::npos;
}

bool is_decimal(const std::string& s) {
  if (s.empty() || s.size() > 40 || s == "-" || s.back() == '.') return false;
  try {
    Rational::parse(s);
    return true;
  } catch (const Error&) {
    return false;
  }
}

bool is_period(const std::string& s) {
  try {
    return parse_period(s).str() == s;
  } catch (const Error&) {
    return false;
  }
}

bool is_date(const std::string& s) {
  try {
    return parse_date(s, "date") == s;
  } catch (const Error&) {
    return false;
  }
}

// Why V is not a valid KIND, or "" when it is.
std::string problem(const json& v, Kind kind) {
  switch (kind) {
    case Kind::TextList:
      if (!v.is_array()) return "is not a list";
      for (const auto& x : v)
        if (!x.is_string() || x.get_ref<const std::string&>().size() > 20000) return "holds an item that is not a text";
      return "";
    case Kind::Decimals:
      if (!v.is_object()) return "is not an object";
      for (const auto& [name, x] : v.items())
        if (!x.is_string() || !is_decimal(x.get<std::string>())) return "holds '" + name + "', which is not a number";
      return "";
    case Kind::Catalogue:
      if (!v.is_object()) return "is not a catalogue document";
      try {
        parse_catalogue(v);
      } catch (const Error& e) {
        return std::string("is not a valid catalogue: ") + e.what();
      }
      return "";
    case Kind::Reference:
      try {
        parse_ikpa_reference(v);
      } catch (const Error& e) {
        return std::string("is not a valid IKPA/NKA reference: ") + e.what();
      }
      return "";
    default:
      break;
  }
  if (!v.is_string()) return "is not a text";
  const std::string& s = v.get_ref<const std::string&>();
  switch (kind) {
    case Kind::Text: return s.size() <= 20000 ? "" : "is longer than 20 000 bytes";
    case Kind::Count: return is_digits(s, 18) ? "" : "'" + s + "' is not a non-negative whole number";
    case Kind::Decimal: return is_decimal(s) ? "" : "'" + s + "' is not a number";
    case Kind::Year: return is_digits(s, 4) && s.size() == 4 ? "" : "'" + s + "' is not a year";
    case Kind::Period: return is_period(s) ? "" : "'" + s + "' is not a period (YYYY, YYYY-Qn or YYYY-MM)";
    case Kind::Month: return is_digits(s, 2) && std::stoi(s) >= 1 && std::stoi(s) <= 12 ? "" : "'" + s + "' is not a month 1-12";
    case Kind::Date: return is_date(s) ? "" : "'" + s + "' is not a date YYYY-MM-DD";
    case Kind::Sha256: return is_sha256(s) ? "" : "is not a SHA-256 in lower-case hex";
    case Kind::Voidable: return voidable_type(s) ? "" : "'" + s.substr(0, 40) + "' is not a type of entry that can be voided";
    default: return "";
  }
}

}  // namespace

bool voidable_type(const std::string& type) {
  for (const char* t : {"case", "rb", "survey", "budget.line", "budget.spend", "risk", "innovation"})
    if (type == t) return true;
  return false;
}

bool kanwil_only(const std::string& type) {
  return type == "lock" || type == "target.kanwil" || type == "risk.scale" || type == "office.identity";
}

void check_op(const Op& op) {
  auto where = [&] { return "op " + op.device + "#" + std::to_string(op.seq) + " (" + op.type + ")"; };
  try {
    parse_hlc(op.hlc);
  } catch (const Error&) {
    throw bad_input(where() + ": hlc '" + op.hlc.substr(0, 40) + "' is not MMMMMMMMMMMMMMM-CCCCCC");
  }
  auto rule = rules().find(op.type);
  if (rule == rules().end()) throw bad_input(where() + ": the op type is not one this version knows");
  if (!op.body.is_object()) throw bad_input(where() + ": the body is not an object");
  auto base = op.body.find("base");
  if (base != op.body.end() && (!base->is_string() || !is_sha256(base->get<std::string>())))
    throw bad_input(where() + ": field 'base' is not the hash of an op");
  for (const Field& f : rule->second) {
    auto it = op.body.find(f.name);
    if (it == op.body.end()) {
      if (f.required) throw bad_input(where() + ": field '" + f.name + "' is missing");
      continue;
    }
    if (std::string why = problem(*it, f.kind); !why.empty()) throw bad_input(where() + ": field '" + f.name + "' " + why);
  }
}

}  // namespace kinerja
