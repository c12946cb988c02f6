// Reading the files registers are imported from, with a header row: CSV (RFC 4180: quoted
// fields, "" escapes, CRLF or LF, a BOM) separated by `,` or, when the header line has more
// of them, `;` as Excel writes it in Indonesia; UTF-8, or else Windows-1252 converted to
// UTF-8; or an XLSX workbook, whose first sheet is read as the CSV would be (xlsx_sheet.hpp;
// a row's line is its Excel row number). Files are bounded (64 MiB, 200 000 rows); every
// error names the line and, where it can, the column.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kinerja {

// The columns of an import file: every REQUIRED one must be in the header, nothing outside
// REQUIRED and OPTIONAL may be. Each register names its own, for its reader and its template.
struct Columns {
  std::vector<std::string> required, optional;
};

struct CsvRow {
  int line = 0;                               // 1-based line number in the file
  std::map<std::string, std::string> fields;  // by header name; absent columns are ""
};

// Reads PATH, whose header must contain every name in REQUIRED and nothing outside
// REQUIRED and OPTIONAL, and hands F each row in file order (the row is reused: copy what
// is kept). Throws Error(BadInput) on malformed input, after the rows before it.
void for_each_csv_row(const std::string& path, const std::vector<std::string>& required,
                      const std::vector<std::string>& optional, const std::function<void(const CsvRow&)>& f);

// Every row of PATH (for_each_csv_row), read into memory.
std::vector<CsvRow> read_csv(const std::string& path, const std::vector<std::string>& required,
                             const std::vector<std::string>& optional = {});

}  // namespace kinerja
