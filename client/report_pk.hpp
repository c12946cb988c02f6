// The "Realisasi Perjanjian Kinerja" table of a year (LKjIP): per sasaran its indicators
// with target, realisasi and capaian, the sasaran's average, the budget row and the
// overall capaian. pk_lines() lays the table out once with typed cells; each format
// (text table, Markdown, CSV here; HTML in report_html, XLSX in report_xlsx) renders them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/capaian.hpp"
#include "client/report_table.hpp"

namespace kinerja {

struct PkLine {
  enum class Kind { Sasaran, Indicator, Average, Budget, Overall } kind;
  std::vector<PkCell> cells;  // one per pk_header() column
};

std::vector<std::string> pk_header();
std::vector<PkLine> pk_lines(const PkFigures& pk);

// Title lines: "Realisasi Perjanjian Kinerja 2024", the office.
std::string pk_title(const PkFigures& pk);

// A figure in JSON: a string with '.' and DECIMALS digits, or null when absent.
json json_number(const std::optional<Rational>& v, int decimals);
// The issue-3 JSON shape; numbers are strings with '.' and the output decimals, absent ones null.
json pk_json(const PkFigures& pk);
// The table as a ReportTable: sasaran, average, overall and budget lines are strong rows;
// the notes say which figures are missing and why.
ReportTable pk_table(const PkFigures& pk);
std::string pk_markdown(const PkFigures& pk);
std::string pk_csv(const PkFigures& pk);  // RFC 4180, machine numbers ('.'), "-" for absent

// The figure of an indicator in its unit for output: percentages and scores as a cell.
PkCell unit_cell(const Indicator& ind, const std::optional<Rational>& v);

}  // namespace kinerja
