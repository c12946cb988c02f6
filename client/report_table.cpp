// Rendering of ReportTable (report_table.hpp) as JSON, Markdown and CSV.
#include "client/report_table.hpp"

#include <sstream>
#include <string_view>

#include "client/format_id.hpp"

namespace kinerja {

PkCell text_cell(std::string text) { return PkCell{PkCell::Kind::Text, std::move(text), std::nullopt, 0}; }
PkCell percent_cell(const std::optional<Rational>& v, int decimals) { return PkCell{PkCell::Kind::Percent, "", v, decimals}; }
PkCell number_cell(const std::optional<Rational>& v, int decimals) { return PkCell{PkCell::Kind::Number, "", v, decimals}; }
PkCell rupiah_cell(const std::optional<Rational>& v) { return PkCell{PkCell::Kind::Rupiah, "", v, 0}; }

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

static std::vector<std::vector<std::string>> rows_as(const ReportTable& t, std::string (*text)(const PkCell&)) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : t.rows) {
    std::vector<std::string> cells;
    for (const auto& c : r) cells.push_back(text(c));
    out.push_back(std::move(cells));
  }
  return out;
}

std::vector<std::vector<std::string>> people_rows(const ReportTable& t) { return rows_as(t, people_text); }
std::vector<std::vector<std::string>> plain_rows(const ReportTable& t) { return rows_as(t, plain_text); }

json table_json(const ReportTable& t) {
  return {{"id", t.id},       {"title", t.title}, {"data_per", t.data_per.empty() ? json(nullptr) : json(t.data_per)},
          {"header", t.header}, {"rows", plain_rows(t)}, {"notes", t.notes}};
}

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

bool figure_column(const ReportTable& t, size_t col) {
  for (const auto& r : t.rows)
    if (col < r.size() && r[col].kind != PkCell::Kind::Text) return true;
  return false;
}

std::string table_markdown(const ReportTable& t, const std::string& heading) {
  std::ostringstream os;
  os << heading << " " << md_escape(t.title) << "\n\n|";
  for (const auto& h : t.header) os << " " << md_escape(h) << " |";
  os << "\n|";
  for (size_t i = 0; i < t.header.size(); ++i) os << (figure_column(t, i) ? " ---: |" : " --- |");
  os << "\n";
  auto rows = people_rows(t);
  for (size_t i = 0; i < rows.size(); ++i) {
    bool bold = t.strong_rows.count(i) > 0;
    os << "|";
    for (const auto& c : rows[i]) {
      std::string cell = md_escape(c);
      os << " " << (bold && !cell.empty() ? "**" + cell + "**" : cell) << " |";
    }
    os << "\n";
  }
  if (!t.data_per.empty()) os << "\n_data per " << t.data_per << "_\n";
  for (size_t i = 0; i < t.notes.size(); ++i) os << (i ? "" : "\n") << "[" << i + 1 << "] " << md_escape(t.notes[i]) << "\n";
  return os.str();
}

// A spreadsheet reads a cell starting with = + - @, a tab or a CR as a formula. A plain
// number ("-5", "-1.234,5") or a lone "-" (absent) is harmless and stays as it is.
static bool formula_like(const std::string& s) {
  if (s.empty() || std::string_view("=+-@\t\r").find(s[0]) == std::string_view::npos) return false;
  bool plain_number = (s[0] == '-' || s[0] == '+') && s.find_first_not_of("0123456789.,", 1) == std::string::npos;
  return !plain_number;
}

std::string csv_field(const std::string& s) {
  std::string text = formula_like(s) ? "'" + s : s;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string table_csv(const ReportTable& t) {
  std::ostringstream os;
  auto row = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) os << (i ? "," : "") << csv_field(cells[i]);
    os << "\r\n";
  };
  row(t.header);
  for (const auto& r : plain_rows(t)) row(r);
  return os.str();
}

}  // namespace kinerja
