// Import templates: `kinerja template cases|surveys|rb|budget|realisasi` writes an XLSX
// workbook an office fills in and imports back (csv.hpp reads XLSX). Its first sheet has the
// register's header row (the columns its reader takes), one example row that is a real,
// valid row for the year (the officer replaces it), number format for amounts and counts,
// date format for dates, text format elsewhere (so that Excel turns no code, NIP or period
// into a number or a date), and drop-down lists of the allowed values (case kinds and
// statuses, surveys, RB quarters, jenis belanja and sumber dana, the catalogue's manually
// entered indicators), taken from the registers and the catalogue, on a second sheet "daftar".
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "client/catalogue.hpp"

namespace kinerja {

const std::vector<std::string>& template_names();

// Writes the template NAME for YEAR to PATH. CATALOGUE gives YEAR's catalogue (only the
// realisasi template asks for it). Throws Error(BadInput) for an unknown NAME,
// Error(Failure) when PATH cannot be written.
void write_import_template(const std::string& name, int year, const std::string& path,
                           const std::function<Catalogue(int)>& catalogue);

}  // namespace kinerja
