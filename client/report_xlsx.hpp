// The PK report as an Excel workbook (libxlsxwriter): the same lines as the other formats,
// with figures as real numeric cells and Excel number formats (percent with 2 decimals,
// rupiah with thousands), so the kanwil can sum and chart them.
#pragma once
#include <string>

#include "client/capaian.hpp"

namespace kinerja {

// Writes PATH; throws Error(Failure) when the file cannot be written.
void write_pk_xlsx(const PkFigures& pk, const std::string& path);

}  // namespace kinerja
