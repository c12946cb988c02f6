// Reading the first sheet of an XLSX workbook (xlsx_sheet.hpp).
#include "client/xlsx_sheet.hpp"

#include <zip.h>

#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <pugixml.hpp>

#include "client/date.hpp"
#include "client/error.hpp"

namespace kinerja {

namespace {

constexpr size_t kMaxPartBytes = 64 << 20;  // uncompressed, per XML part read
constexpr int kMaxDepth = 64;               // XML element nesting
constexpr int kMaxColumns = 256;
constexpr int kMaxRowNumber = 1048576;      // Excel's last row

struct Zip {
  zip_t* z = nullptr;
  ~Zip() {
    if (z) zip_discard(z);
  }
};

// The part NAME of the archive.
std::string read_part(zip_t* z, const std::string& name, const std::string& path) {
  zip_int64_t index = zip_name_locate(z, name.c_str(), 0);
  if (index < 0) throw bad_input(path + ": bukan buku kerja XLSX (bagian " + name + " tidak ada)");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes)
    throw bad_input(path + ": bagian " + name + " terlalu besar (lebih dari " + std::to_string(kMaxPartBytes >> 20) +
                    " MiB setelah diekstrak)");
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(z, index, 0), zip_fclose);
  if (!f) throw bad_input(path + ": bagian " + name + " tidak dapat dibuka (terenkripsi atau rusak)");
  std::string out(st.size + 1, '\0');  // one byte more: an entry longer than its header says is refused
  size_t got = 0;
  while (got < out.size()) {
    zip_int64_t n = zip_fread(f.get(), out.data() + got, out.size() - got);
    if (n < 0) throw bad_input(path + ": bagian " + name + " rusak (tidak dapat diekstrak)");
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  if (got != st.size) throw bad_input(path + ": bagian " + name + " rusak (ukurannya tidak sesuai)");
  out.resize(got);
  return out;
}

// Refuses a DOCTYPE or entity declaration (never in XLSX) and nesting deeper than kMaxDepth,
// before the XML parser sees TEXT.
void check_xml_shape(const std::string& text, const std::string& where) {
  int depth = 0;
  auto skip_to = [&](size_t from, const char* end) {
    size_t at = text.find(end, from);
    return at == std::string::npos ? text.size() : at;
  };
  for (size_t i = text.find('<'); i < text.size(); i = text.find('<', i + 1)) {
    if (text.compare(i, 4, "<!--") == 0) {
      i = skip_to(i + 4, "-->");
    } else if (text.compare(i, 9, "<![CDATA[") == 0) {
      i = skip_to(i + 9, "]]>");
    } else if (text.compare(i, 2, "<!") == 0) {
      throw bad_input(where + ": berisi deklarasi DOCTYPE/ENTITY, yang tidak pernah ada dalam XLSX");
    } else if (text.compare(i, 2, "<?") == 0) {
      i = skip_to(i + 2, "?>");
    } else if (text.compare(i, 2, "</") == 0) {
      --depth;
    } else {
      size_t j = i + 1;
      for (char quote = 0; j < text.size() && (quote || text[j] != '>'); ++j)
        if (quote ? text[j] == quote : text[j] == '"' || text[j] == '\'') quote = quote ? 0 : text[j];
      if (j < text.size() && text[j - 1] != '/' && ++depth > kMaxDepth)
        throw bad_input(where + ": XML bersarang lebih dari " + std::to_string(kMaxDepth) + " tingkat");
      i = j;
    }
  }
}

void parse_xml(pugi::xml_document& doc, const std::string& text, const std::string& where) {
  check_xml_shape(text, where);
  auto r = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!r) throw bad_input(where + ": XML tidak sah pada posisi " + std::to_string(r.offset + 1));
}

// NAME without its namespace prefix ("x:row" -> "row").
std::string_view local(const char* name) {
  std::string_view s = name;
  size_t colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (local(c.name()) == name) return c;
  return {};
}

template <typename F>
void each_child(pugi::xml_node n, std::string_view name, F f) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (local(c.name()) == name) f(c);
}

// The attribute whose local name is NAME ("r:id" for "id").
pugi::xml_attribute attribute(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
    if (local(a.name()) == name) return a;
  return {};
}

// The text of a shared or inline string: its <t>, or the <t> of each rich-text run <r>.
std::string string_text(pugi::xml_node si) {
  std::string out = child(si, "t").text().get();
  each_child(si, "r", [&](pugi::xml_node r) { out += child(r, "t").text().get(); });
  return out;
}

// Whether a number format shows a date: it has a day or year code outside quotes and brackets.
bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  char quote = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '[') {
      quote = c == '"' ? '"' : ']';
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') {
      return true;
    }
  }
  return false;
}

// Per cell style (the s attribute), whether it shows a date.
std::vector<bool> date_styles(const std::string& xml, const std::string& where) {
  std::vector<bool> out;
  pugi::xml_document doc;
  parse_xml(doc, xml, where);
  pugi::xml_node sheet = doc.document_element();
  std::map<int, std::string> custom;
  each_child(child(sheet, "numFmts"), "numFmt", [&](pugi::xml_node f) {
    custom[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").as_string();
  });
  each_child(child(sheet, "cellXfs"), "xf", [&](pugi::xml_node xf) {
    int id = xf.attribute("numFmtId").as_int();
    auto it = custom.find(id);
    out.push_back(is_date_format(id, it == custom.end() ? "" : it->second));
  });
  return out;
}

// "B12" -> column 1 (0-based) and row 12; false when REF is not a cell reference.
bool parse_ref(std::string_view ref, int& column, int& row) {
  size_t i = 0;
  column = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3; ++i) column = column * 26 + (ref[i] - 'A' + 1);
  if (i == 0) return false;
  --column;
  auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  return ec == std::errc() && end == ref.data() + ref.size() && row >= 1;
}

std::string column_name(int column) {
  std::string s;
  for (++column; column > 0; column = (column - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (column - 1) % 26));
  return s;
}

// The parts of a workbook that are read, as its relationships name them.
struct Workbook {
  std::string sheet_part;                 // the first sheet, e.g. "xl/worksheets/sheet1.xml"
  std::string shared_part, styles_part;   // "" when the workbook has none
  bool date1904 = false;
};

Workbook first_sheet(zip_t* z, const std::string& path) {
  pugi::xml_document wb, rels;
  parse_xml(wb, read_part(z, "xl/workbook.xml", path), path + ": xl/workbook.xml");
  pugi::xml_node root = wb.document_element();
  Workbook out;
  out.date1904 = child(root, "workbookPr").attribute("date1904").as_bool();
  pugi::xml_node sheet = child(child(root, "sheets"), "sheet");
  std::string id = attribute(sheet, "id").as_string();
  if (id.empty()) throw bad_input(path + ": buku kerja tanpa lembar kerja");
  parse_xml(rels, read_part(z, "xl/_rels/workbook.xml.rels", path), path + ": xl/_rels/workbook.xml.rels");
  each_child(rels.document_element(), "Relationship", [&](pugi::xml_node r) {
    std::string target = r.attribute("Target").as_string(), type = r.attribute("Type").as_string();
    std::string part = target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;
    if (id == r.attribute("Id").as_string()) out.sheet_part = part;
    if (type.ends_with("/sharedStrings")) out.shared_part = part;
    if (type.ends_with("/styles")) out.styles_part = part;
  });
  if (out.sheet_part.empty()) throw bad_input(path + ": lembar kerja pertama (" + id + ") tidak ditemukan");
  return out;
}

std::string civil_date(double serial, bool date1904) {
  auto days = static_cast<int64_t>(std::floor(serial)) + (date1904 ? 1462 : 0) - 25569;  // 25569: 1970-01-01
  return utc_date(days * 86400000);
}

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.rfind(std::string_view("PK\x03\x04", 4), 0) == 0; }

std::string cell_number(std::string_view v) {
  double x = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(x) || std::fabs(x) >= 1e15) return "";
  if (x == 0) return "0";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
  if (r.ec != std::errc()) return "";  // a fraction too small to be a register's number
  std::string s(buf, r.ptr);
  size_t dot = s.find('.');
  if (dot != std::string::npos && s.size() - dot - 1 == 3) s += '0';
  return s;
}

void for_each_sheet_row(const std::string& bytes, const std::string& path,
                        const std::function<void(int row, std::vector<std::string>& cells)>& f) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  Zip zip;
  if (src) zip.z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (src && !zip.z) zip_source_free(src);
  zip_error_fini(&error);
  if (!zip.z) throw bad_input(path + ": bukan file XLSX yang dapat dibaca (arsip zip rusak)");

  Workbook wb = first_sheet(zip.z, path);
  std::vector<std::string> shared;
  if (!wb.shared_part.empty()) {
    pugi::xml_document doc;
    parse_xml(doc, read_part(zip.z, wb.shared_part, path), path + ": " + wb.shared_part);
    each_child(doc.document_element(), "si", [&](pugi::xml_node si) { shared.push_back(string_text(si)); });
  }
  std::vector<bool> dates;
  if (!wb.styles_part.empty()) dates = date_styles(read_part(zip.z, wb.styles_part, path), path + ": " + wb.styles_part);

  pugi::xml_document doc;
  parse_xml(doc, read_part(zip.z, wb.sheet_part, path), path + ": " + wb.sheet_part);
  int row_number = 0, last = 0;
  each_child(child(doc.document_element(), "sheetData"), "row", [&](pugi::xml_node row) {
    row_number = row.attribute("r") ? row.attribute("r").as_int() : row_number + 1;
    if (row_number <= last || row_number > kMaxRowNumber)
      throw bad_input(path + ": baris " + std::to_string(row_number) + " tidak sah atau tidak berurutan");
    last = row_number;
    std::vector<std::string> cells;
    int column = -1;
    each_child(row, "c", [&](pugi::xml_node c) {
      int ref_row = row_number;
      if (!c.attribute("r"))
        ++column;
      else if (!parse_ref(c.attribute("r").as_string(), column, ref_row) || ref_row != row_number)
        throw bad_input(path + ": baris " + std::to_string(row_number) + ": referensi sel '" +
                        c.attribute("r").as_string() + "' tidak sah");
      std::string cell = path + ": sel " + column_name(column) + std::to_string(row_number);
      if (column >= kMaxColumns) throw bad_input(cell + ": di luar " + std::to_string(kMaxColumns) + " kolom pertama");
      std::string type = c.attribute("t").as_string(), v = child(c, "v").text().get(), text;
      if (type == "s") {
        size_t k = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), k);
        if (ec != std::errc() || end != v.data() + v.size() || k >= shared.size())
          throw bad_input(cell + ": teks bersama nomor '" + v + "' tidak ada");
        text = shared[k];
      } else if (type == "inlineStr") {
        text = string_text(child(c, "is"));
      } else if (type == "e") {
        throw bad_input(cell + ": berisi galat Excel " + v);
      } else if (v.empty() && child(c, "f")) {
        throw bad_input(cell + ": rumus tanpa nilai tersimpan (buka dan simpan ulang file di Excel)");
      } else if (type == "str" || type == "b" || type == "d" || v.empty()) {
        text = type == "d" ? v.substr(0, 10) : v;
      } else {
        text = cell_number(v);
        if (text.empty())
          throw bad_input(cell + ": '" + v + "' bukan angka yang dapat dibaca tepat (tulis sebagai teks, mis. NIP)");
        size_t style = c.attribute("s").as_uint();
        if (style < dates.size() && dates[style]) text = civil_date(std::stod(v), wb.date1904);
      }
      if (text.empty()) return;
      if (cells.size() < static_cast<size_t>(column)) cells.resize(column);
      if (cells.size() > static_cast<size_t>(column)) throw bad_input(cell + ": sel tidak berurutan");
      cells.push_back(std::move(text));
    });
    if (!cells.empty()) f(row_number, cells);
  });
}

}  // namespace kinerja
