// Reading CSV files (RFC 4180: quoted fields, "" escapes, CRLF or LF) with a header row;
// every error names the line and, where it can, the column.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace kinerja {

struct CsvRow {
  int line = 0;                               // 1-based line number in the file
  std::map<std::string, std::string> fields;  // by header name; absent columns are ""
};

// Reads PATH, whose header must contain every name in REQUIRED and nothing outside
// REQUIRED and OPTIONAL. Throws Error(BadInput) on malformed input.
std::vector<CsvRow> read_csv(const std::string& path, const std::vector<std::string>& required,
                             const std::vector<std::string>& optional = {});

}  // namespace kinerja
