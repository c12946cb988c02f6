// CSV reading (csv.hpp).
#include "client/csv.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "client/error.hpp"
#include "client/utf8.hpp"

namespace kinerja {

using Record = std::function<void(int line, std::vector<std::string>& fields)>;

// Splits TEXT into records of fields, handing each to F with the line it starts on.
static void parse(const std::string& text, const std::string& path, const Record& f) {
  std::vector<std::string> fields;
  std::string cur;
  int line = 1, start = 1;
  bool quoted = false, was_quoted = false;
  auto end_record = [&] {
    fields.push_back(cur);
    if (!(fields.size() == 1 && fields[0].empty() && !was_quoted)) f(start, fields);
    fields.clear();
    cur.clear();
    was_quoted = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cur += c;
      }
    } else if (c == '"') {
      if (!cur.empty()) throw bad_input(path + ": line " + std::to_string(line) + ": a quote inside an unquoted field");
      quoted = was_quoted = true;
    } else if (c == ',') {
      fields.push_back(cur);
      cur.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
      start = ++line;
    } else {
      cur += c;
    }
  }
  if (quoted) throw bad_input(path + ": line " + std::to_string(start) + ": a quoted field is never closed");
  if (!cur.empty() || !fields.empty()) end_record();
}

static void check_header(std::vector<std::string>& header, const std::string& path,
                         const std::vector<std::string>& required, const std::vector<std::string>& optional) {
  for (auto& h : header) {
    h.erase(0, h.find_first_not_of(' '));
    h.erase(h.find_last_not_of(' ') + 1);
  }
  for (const auto& r : required)
    if (std::find(header.begin(), header.end(), r) == header.end())
      throw bad_input(path + ": line 1: the header has no column '" + r + "'");
  for (const auto& h : header)
    if (std::find(required.begin(), required.end(), h) == required.end() &&
        std::find(optional.begin(), optional.end(), h) == optional.end())
      throw bad_input(path + ": line 1: unknown column '" + h + "'");
}

void for_each_csv_row(const std::string& path, const std::vector<std::string>& required,
                      const std::vector<std::string>& optional, const std::function<void(const CsvRow&)>& f) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw bad_input(path + ": cannot read the file");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // spreadsheet BOM
  std::vector<std::string> header;
  bool have_header = false;
  CsvRow row;
  parse(text, path, [&](int line, std::vector<std::string>& fields) {
    for (size_t k = 0; k < fields.size(); ++k)
      check_utf8(fields[k], path + ": line " + std::to_string(line) + ", column " +
                                (have_header && k < header.size() ? header[k] : std::to_string(k + 1)));
    if (!have_header) {
      header = std::move(fields);
      check_header(header, path, required, optional);
      have_header = true;
      return;
    }
    if (fields.size() != header.size())
      throw bad_input(path + ": line " + std::to_string(line) + ": has " + std::to_string(fields.size()) +
                      " fields, the header has " + std::to_string(header.size()));
    row.line = line;
    for (size_t k = 0; k < header.size(); ++k) row.fields[header[k]] = std::move(fields[k]);
    f(row);
  });
  if (!have_header) throw bad_input(path + ": the file is empty (a header row is required)");
}

std::vector<CsvRow> read_csv(const std::string& path, const std::vector<std::string>& required,
                             const std::vector<std::string>& optional) {
  std::vector<CsvRow> rows;
  for_each_csv_row(path, required, optional, [&](const CsvRow& row) { rows.push_back(row); });
  return rows;
}

}  // namespace kinerja
