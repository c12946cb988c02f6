// A titled table of typed cells: the unit the registers' reports (budget, survey, RB, risks,
// innovations) are made of, and what `report lkjip` puts together. A register lays its
// figures out once as ReportTables; each format renders them the same way.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "client/canonical.hpp"
#include "client/decimal.hpp"

namespace kinerja {

// One cell of a report: text, or a figure printed as a percentage, a number or rupiah.
struct PkCell {
  enum class Kind { Text, Percent, Number, Rupiah } kind = Kind::Text;
  std::string text;               // Kind::Text
  std::optional<Rational> value;  // the others; absent prints "-"
  int decimals = 2;
};

PkCell text_cell(std::string text);
PkCell percent_cell(const std::optional<Rational>& v, int decimals = 2);
PkCell number_cell(const std::optional<Rational>& v, int decimals);
PkCell rupiah_cell(const std::optional<Rational>& v);

// A cell for people ("111,11%", "Rp 4.780.958.000", "3,99", "-") or machines ("111.11").
std::string people_text(const PkCell& c);
std::string plain_text(const PkCell& c);

struct ReportTable {
  std::string id;                          // stable name for scripts: "budget.activity", "survey.SKM"
  std::string title;                       // people-facing: "Penyerapan anggaran per kegiatan"
  std::vector<std::string> header;         // column titles
  std::vector<std::vector<PkCell>> rows;   // one cell per header column
  std::set<size_t> strong_rows;            // rows printed bold: a sasaran, an average, a total
  std::vector<std::string> notes;          // footnotes: every warning about these figures
  std::string data_per;                    // date (YYYY-MM-DD) of the newest input behind it, "" if none
};

// Cells as people read them ("95,11%", "Rp 4.780.958.000") and as scripts do ("95.11").
std::vector<std::vector<std::string>> people_rows(const ReportTable& t);
std::vector<std::vector<std::string>> plain_rows(const ReportTable& t);

// {"id","title","data_per","header":[…],"rows":[[…]],"notes":[…]}, numbers as plain strings.
json table_json(const ReportTable& t);
// HEADING + title, the table with right-aligned figures, "data per …" and numbered footnotes.
std::string table_markdown(const ReportTable& t, const std::string& heading = "##");
// Whether column COL holds figures (some cell that is not text): right-aligned for people.
bool figure_column(const ReportTable& t, size_t col);
// RFC 4180 rows with plain numbers, header first.
std::string table_csv(const ReportTable& t);

std::string md_escape(const std::string& s);  // '|' escaped for a Markdown cell
// The one CSV cell writer: quoted when it holds ',', '"', CR or LF; a cell a spreadsheet
// would take for a formula (starting with = + - @, tab or CR, other than a plain number
// such as "-5" or "-1.234,5") is prefixed with ' so it is read as text.
std::string csv_field(const std::string& s);

}  // namespace kinerja
