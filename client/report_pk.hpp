// The "Realisasi Perjanjian Kinerja" table of a year (LKjIP): per sasaran its indicators
// with target, realisasi and capaian, the sasaran's average, the budget row and the
// overall capaian. pk_lines() lays the table out once with typed cells; each format
// (text table, Markdown, CSV here; HTML in report_html, XLSX in report_xlsx) renders them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/capaian.hpp"

namespace kinerja {

struct PkCell {
  enum class Kind { Text, Percent, Number, Rupiah } kind = Kind::Text;
  std::string text;               // Kind::Text
  std::optional<Rational> value;  // the others; absent prints "-"
  int decimals = 2;
};

struct PkLine {
  enum class Kind { Sasaran, Indicator, Average, Budget, Overall } kind;
  std::vector<PkCell> cells;  // one per pk_header() column
};

std::vector<std::string> pk_header();
std::vector<PkLine> pk_lines(const PkFigures& pk);

// A cell for people ("111,11%", "Rp 4.780.958.000", "3,99", "-") or machines ("111.11").
std::string people_text(const PkCell& c);
std::string plain_text(const PkCell& c);
// Title lines: "Realisasi Perjanjian Kinerja 2024", the office.
std::string pk_title(const PkFigures& pk);

// A figure in JSON: a string with '.' and DECIMALS digits, or null when absent.
json json_number(const std::optional<Rational>& v, int decimals);
// The issue-3 JSON shape; numbers are strings with '.' and the output decimals, absent ones null.
json pk_json(const PkFigures& pk);
std::string pk_markdown(const PkFigures& pk);
std::string pk_csv(const PkFigures& pk);  // RFC 4180, machine numbers ('.'), "-" for absent

// The figure of an indicator in its unit for output: percentages and scores as a cell.
PkCell unit_cell(const Indicator& ind, const std::optional<Rational>& v);

}  // namespace kinerja
