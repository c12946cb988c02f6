// Register entries: IDs and text fields (register_entry.hpp).
#include "client/register_entry.hpp"

#include <cctype>

#include "client/error.hpp"
#include "client/period.hpp"
#include "client/state.hpp"

namespace kinerja {

std::string canonical_entry_id(const std::string& id) {
  std::string out = id;
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string next_entry_id(const Store& s, const std::string& prefix) {
  return canonical_entry_id(prefix + "-" + s.device.substr(1, 4) + "-" + std::to_string(last_seq(s.db, s.device) + 1));
}

std::string checked_text(const std::string& v, const std::string& field, size_t max) {
  if (v.find_first_not_of(" \t") == std::string::npos) throw bad_input(field + ": is empty");
  if (v.size() > max) throw bad_input(field + ": is longer than " + std::to_string(max) + " characters");
  return v;
}

std::string input_field(const std::string& where, const std::string& name) {
  return where.empty() ? "--" + name : where + ", column " + name;
}

std::string checked_year(int year, const std::string& where) {
  return parse_period(std::to_string(year), input_field(where, "year")).str();
}

int year_of(const std::string& text, const std::string& field) {
  Period p = parse_period(text, field);
  if (p.kind != PeriodKind::Year) throw bad_input(field + ": '" + text + "' is not a year");
  return p.year;
}

void check_month(int64_t month, const std::string& field) {
  if (month < 1 || month > 12) throw bad_input(field + ": " + std::to_string(month) + " is outside 1-12");
}

std::string month_text(int month) { return (month < 10 ? "0" : "") + std::to_string(month); }

CellWrite write_cell(Store& s, const std::string& type, const std::string& key, json body) {
  CellWrite w{key, get_cell(s.db, type, key).has_value(), 0};
  Batch b(s);
  w.seq = b.append(type, key, std::move(body)).seq;
  b.commit();
  return w;
}

}  // namespace kinerja
