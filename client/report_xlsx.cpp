// The XLSX reports (report_xlsx.hpp). A figure reaches the workbook as its rounded
// decimal text converted once to the IEEE double that an XLSX numeric cell holds; all
// arithmetic happened before, exactly.
#include "client/report_xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "client/error.hpp"
#include "client/report_pk.hpp"

namespace kinerja {

// The cell formats of one workbook; [0] plain, [1] bold (a strong row).
struct Formats {
  lxw_format *title, *header, *note;
  lxw_format *text[2], *percent[2], *rupiah[2], *decimal[2], *whole[2];
};

static Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xE8EEF4);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  f.note = workbook_add_format(wb);
  format_set_italic(f.note);
  auto number_format = [&](const char* spec, bool strong) {
    lxw_format* fmt = workbook_add_format(wb);
    format_set_num_format(fmt, spec);
    format_set_border(fmt, LXW_BORDER_THIN);
    if (strong) format_set_bold(fmt);
    return fmt;
  };
  for (int s = 0; s < 2; ++s) {
    f.text[s] = number_format("@", s);
    f.percent[s] = number_format("0.00\"%\"", s);
    f.rupiah[s] = number_format("\"Rp \"#,##0", s);
    f.decimal[s] = number_format("0.00", s);
    f.whole[s] = number_format("#,##0", s);
  }
  return f;
}

// A worksheet name Excel accepts (≤ 31 characters, none of []:*?/\) and unused in the book.
static std::string sheet_name(const std::string& id, std::set<std::string>& used) {
  std::string base;
  for (char c : id) base += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
  base = base.substr(0, 28);
  std::string name = base;
  for (int n = 2; used.count(name); ++n) name = base + "~" + std::to_string(n);
  used.insert(name);
  return name;
}

// Title in row 1, header in row 3, the rows from row 4, then "data per" and the footnotes.
static void table_sheet(lxw_workbook* wb, const Formats& f, const ReportTable& t, std::set<std::string>& used) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(t.id, used).c_str());
  worksheet_write_string(ws, 0, 0, t.title.c_str(), f.title);
  for (size_t c = 0; c < t.header.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    worksheet_write_string(ws, 2, col, t.header[c].c_str(), f.header);
    size_t width = t.header[c].size();
    for (const auto& r : t.rows)
      if (c < r.size()) width = std::max(width, people_text(r[c]).size());
    worksheet_set_column(ws, col, col, static_cast<double>(std::clamp<size_t>(width + 2, 6, 60)), nullptr);
  }
  lxw_row_t row = 3;
  for (size_t i = 0; i < t.rows.size(); ++i, ++row) {
    int strong = t.strong_rows.count(i) ? 1 : 0;
    for (size_t c = 0; c < t.rows[i].size(); ++c) {
      const PkCell& cell = t.rows[i][c];
      auto col = static_cast<lxw_col_t>(c);
      if (cell.kind == PkCell::Kind::Text || !cell.value) {
        worksheet_write_string(ws, row, col, people_text(cell).c_str(), f.text[strong]);
        continue;
      }
      lxw_format* fmt = cell.kind == PkCell::Kind::Percent ? f.percent[strong]
                        : cell.kind == PkCell::Kind::Rupiah ? f.rupiah[strong]
                        : cell.decimals == 0                 ? f.whole[strong]
                                                             : f.decimal[strong];
      worksheet_write_number(ws, row, col, std::strtod(cell.value->fixed(cell.decimals).c_str(), nullptr), fmt);
    }
  }
  ++row;
  if (!t.data_per.empty()) worksheet_write_string(ws, row++, 0, ("data per " + t.data_per).c_str(), f.note);
  for (size_t i = 0; i < t.notes.size(); ++i)
    worksheet_write_string(ws, row++, 0, ("[" + std::to_string(i + 1) + "] " + t.notes[i]).c_str(), f.note);
}

void write_tables_xlsx(const std::vector<ReportTable>& tables, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw failure(path + ": cannot create the workbook");
  Formats f = make_formats(wb);
  std::set<std::string> used;
  for (const auto& t : tables) table_sheet(wb, f, t, used);
  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR)
    throw failure(path + ": cannot write the workbook: " + lxw_strerror(e));
}

void write_pk_xlsx(const PkFigures& pk, const std::string& path) {
  ReportTable t = pk_table(pk);
  t.id = "PK " + std::to_string(pk.year);
  write_tables_xlsx({t}, path);
}

}  // namespace kinerja
