// Reports as Excel workbooks (libxlsxwriter): the same tables as the other formats, with
// figures as real numeric cells and Excel number formats (percent with 2 decimals, rupiah
// with thousands), so the kanwil can sum and chart them. One worksheet per table.
#pragma once
#include <string>
#include <vector>

#include "client/capaian.hpp"
#include "client/report_table.hpp"

namespace kinerja {

// Each writes PATH; throws Error(Failure) when the file cannot be written.
void write_tables_xlsx(const std::vector<ReportTable>& tables, const std::string& path);
void write_pk_xlsx(const PkFigures& pk, const std::string& path);

}  // namespace kinerja
