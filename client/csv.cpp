// CSV and XLSX reading (csv.hpp).
#include "client/csv.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "client/error.hpp"
#include "client/format_id.hpp"
#include "client/utf8.hpp"
#include "client/xlsx_sheet.hpp"

namespace kinerja {

using Record = std::function<void(int line, std::vector<std::string>& fields)>;

// Splits TEXT into records of fields, handing each to F with the line it starts on.
static void parse(const std::string& text, const std::string& path, char separator, const Record& f) {
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
    } else if (c == separator) {
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

constexpr size_t kMaxFileBytes = 64 << 20;
constexpr size_t kMaxRows = 200000;

static std::string read_bounded(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw bad_input(path + ": cannot read the file");
  std::string out;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out.append(buf, static_cast<size_t>(in.gcount()));
    if (out.size() > kMaxFileBytes)
      throw bad_input(path + ": file terlalu besar (paling besar " + std::to_string(kMaxFileBytes >> 20) + " MiB)");
  }
  return out;
}

// TEXT in UTF-8: as it is when valid, else read as Windows-1252 (Excel's "CSV" on Windows).
static std::string utf8_text(std::string text, const std::string& path) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // spreadsheet BOM
  if (invalid_utf8_at(text) == std::string::npos) return text;
  std::string out;
  size_t at = windows1252_to_utf8(text, out);
  if (at == std::string::npos) return out;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[at]));
  throw bad_input(path + ": baris " + std::to_string(1 + std::count(text.begin(), text.begin() + at, '\n')) + ": byte " +
                  byte + " bukan UTF-8 dan tidak ada dalam Windows-1252 (simpan ulang sebagai \"CSV UTF-8\")");
}

// ';' when the header line has more semicolons than commas (Excel in an Indonesian locale).
static char separator(const std::string& text) {
  std::string_view header(text.data(), std::min(text.find_first_of("\r\n"), text.size()));
  return std::count(header.begin(), header.end(), ';') > std::count(header.begin(), header.end(), ',') ? ';' : ',';
}

void for_each_csv_row(const std::string& path, const std::vector<std::string>& required,
                      const std::vector<std::string>& optional, const std::function<void(const CsvRow&)>& f) {
  std::string bytes = read_bounded(path);
  if (bytes.rfind("\xD0\xCF\x11\xE0", 0) == 0)  // an OLE container: Excel 97-2003, or an encrypted workbook
    throw bad_input(path + ": file Excel lama (.xls) atau terenkripsi tidak dapat dibaca: simpan sebagai .xlsx atau CSV");
  bool xlsx = looks_like_zip(bytes);
  std::vector<std::string> header;
  bool have_header = false;
  size_t rows = 0;
  CsvRow row;
  auto take = [&](int line, std::vector<std::string>& fields) {
    for (size_t k = 0; k < fields.size(); ++k)
      check_utf8(fields[k], path + ": line " + std::to_string(line) + ", column " +
                                (have_header && k < header.size() ? header[k] : std::to_string(k + 1)));
    if (!have_header) {
      header = std::move(fields);
      check_header(header, path, required, optional);
      have_header = true;
      return;
    }
    if (xlsx && fields.size() < header.size()) fields.resize(header.size());  // trailing empty cells
    if (fields.size() != header.size())
      throw bad_input(path + ": line " + std::to_string(line) + ": has " + std::to_string(fields.size()) +
                      " fields, the header has " + std::to_string(header.size()));
    if (++rows > kMaxRows) throw bad_input(path + ": lebih dari " + id_from_fixed(std::to_string(kMaxRows)) + " baris data");
    row.line = line;
    for (size_t k = 0; k < header.size(); ++k) row.fields[header[k]] = std::move(fields[k]);
    f(row);
  };
  if (xlsx) {
    for_each_sheet_row(bytes, path, take);
  } else {
    std::string text = utf8_text(std::move(bytes), path);
    parse(text, path, separator(text), take);
  }
  if (!have_header) throw bad_input(path + ": the file is empty (a header row is required)");
}

std::vector<CsvRow> read_csv(const std::string& path, const std::vector<std::string>& required,
                             const std::vector<std::string>& optional) {
  std::vector<CsvRow> rows;
  for_each_csv_row(path, required, optional, [&](const CsvRow& row) { rows.push_back(row); });
  return rows;
}

}  // namespace kinerja
