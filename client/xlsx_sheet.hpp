// Reading the first sheet of an XLSX workbook (as Excel and LibreOffice save it) as rows of
// text, for csv.hpp, which takes CSV or XLSX. Every byte is hostile: zip entries are read
// only up to a bound on their uncompressed size whatever their headers claim, XML with a
// DOCTYPE or nested too deep is refused before it is parsed, columns are bounded (rows are
// counted by the caller).
// Cells become the text a person would type: shared and inline strings as written, numbers
// as exact decimals without float noise (2605, 0.85), dates (a serial number under a date
// format) as YYYY-MM-DD. Errors name the file and the cell or the part, in Indonesian.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

// Whether BYTES start like a zip archive (an XLSX file is one).
bool looks_like_zip(std::string_view bytes);

// Hands F each non-empty row of the workbook's first sheet, in order: the row number Excel
// shows and the cells from column A to the last non-empty one. BYTES is the file's content,
// PATH names it in errors. Throws Error(BadInput).
void for_each_sheet_row(const std::string& bytes, const std::string& path,
                        const std::function<void(int row, std::vector<std::string>& cells)>& f);

// The cell text of a number stored as a double (V as written in the file, e.g. "2605",
// "0.84999999999999998"): its shortest round-trip decimal ("0.85"); a fourth decimal 0 is
// added to exactly three ("1.2340") so that number.hpp does not read them as thousands.
// Returns "" when V is not a finite number below 10^15 in magnitude.
std::string cell_number(std::string_view v);

}  // namespace kinerja
