// The XLSX PK report (report_xlsx.hpp). A figure reaches the workbook as its rounded
// decimal text converted once to the IEEE double that an XLSX numeric cell holds; all
// arithmetic happened before, exactly.
#include "client/report_xlsx.hpp"

#include <xlsxwriter.h>

#include <cstdlib>
#include <memory>

#include "client/error.hpp"
#include "client/report_pk.hpp"

namespace kinerja {

void write_pk_xlsx(const PkFigures& pk, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw failure(path + ": cannot create the workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, ("PK " + std::to_string(pk.year)).c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xE8EEF4);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  auto number_format = [&](const char* f, bool strong) {
    lxw_format* fmt = workbook_add_format(wb);
    format_set_num_format(fmt, f);
    format_set_border(fmt, LXW_BORDER_THIN);
    if (strong) format_set_bold(fmt);
    return fmt;
  };
  lxw_format* text[2] = {number_format("@", false), number_format("@", true)};
  lxw_format* percent[2] = {number_format("0.00\"%\"", false), number_format("0.00\"%\"", true)};
  lxw_format* rupiah[2] = {number_format("\"Rp \"#,##0", false), number_format("\"Rp \"#,##0", true)};
  lxw_format* decimal[2] = {number_format("0.00", false), number_format("0.00", true)};
  lxw_format* whole[2] = {number_format("#,##0", false), number_format("#,##0", true)};

  worksheet_write_string(ws, 0, 0, pk_title(pk).c_str(), bold);
  auto head = pk_header();
  for (size_t c = 0; c < head.size(); ++c) worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), head[c].c_str(), header);
  worksheet_set_column(ws, 0, 0, 6, nullptr);
  worksheet_set_column(ws, 1, 1, 60, nullptr);
  worksheet_set_column(ws, 2, 6, 18, nullptr);
  lxw_row_t row = 3;
  for (const auto& l : pk_lines(pk)) {
    int strong = l.kind != PkLine::Kind::Indicator;
    for (size_t c = 0; c < l.cells.size(); ++c) {
      const PkCell& cell = l.cells[c];
      auto col = static_cast<lxw_col_t>(c);
      if (cell.kind == PkCell::Kind::Text || !cell.value) {
        worksheet_write_string(ws, row, col, people_text(cell).c_str(), text[strong]);
        continue;
      }
      lxw_format* fmt = cell.kind == PkCell::Kind::Percent ? percent[strong]
                        : cell.kind == PkCell::Kind::Rupiah ? rupiah[strong]
                        : cell.decimals == 0                 ? whole[strong]
                                                             : decimal[strong];
      worksheet_write_number(ws, row, col, std::strtod(cell.value->fixed(cell.decimals).c_str(), nullptr), fmt);
    }
    ++row;
  }
  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR)
    throw failure(path + ": cannot write the workbook: " + lxw_strerror(e));
}

}  // namespace kinerja
