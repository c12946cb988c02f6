// A titled table of typed cells: the unit the registers' reports (budget, survey, RB, risks,
// innovations) are made of, and what `report lkjip` puts together. A register lays its
// figures out once as ReportTables; each format renders them the same way.
#pragma once
#include <string>
#include <vector>

#include "client/canonical.hpp"
#include "client/report_pk.hpp"

namespace kinerja {

struct ReportTable {
  std::string id;                          // stable name for scripts: "budget.activity", "survey.SKM"
  std::string title;                       // people-facing: "Penyerapan anggaran per kegiatan"
  std::vector<std::string> header;         // column titles
  std::vector<std::vector<PkCell>> rows;   // one cell per header column
  std::vector<std::string> notes;          // footnotes: every warning about these figures
  std::string data_per;                    // date (YYYY-MM-DD) of the newest input behind it, "" if none
};

// Cells as people read them ("95,11%", "Rp 4.780.958.000") and as scripts do ("95.11").
std::vector<std::vector<std::string>> people_rows(const ReportTable& t);
std::vector<std::vector<std::string>> plain_rows(const ReportTable& t);

// {"id","title","data_per","header":[…],"rows":[[…]],"notes":[…]}, numbers as plain strings.
json table_json(const ReportTable& t);
// "## title", the table with right-aligned figures, "data per …" and numbered footnotes.
std::string table_markdown(const ReportTable& t);
// RFC 4180 rows with plain numbers, header first.
std::string table_csv(const ReportTable& t);

std::string md_escape(const std::string& s);  // '|' escaped for a Markdown cell
std::string csv_field(const std::string& s);  // quoted when it holds ',', '"' or a newline

}  // namespace kinerja
