// Reading CSV files (RFC 4180: quoted fields, "" escapes, CRLF or LF) with a header row;
// every error names the line and, where it can, the column. Every field must be valid UTF-8.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kinerja {

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
