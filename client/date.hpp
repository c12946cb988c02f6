// Calendar dates (tanggal) as the registers record them: ISO `YYYY-MM-DD`, checked against
// the real calendar, and today's date from the same clock the ledger uses. Input may also be
// day first, `DD/MM/YYYY` or `D/M/YYYY`, as Excel writes dates in Indonesia.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kinerja {

// Returns the canonical YYYY-MM-DD of YYYY-MM-DD or DD/MM/YYYY; FIELD names the input in errors.
std::string parse_date(std::string_view text, const std::string& field);
std::string today();           // UTC date of wall_clock_ms()
std::string utc_date(int64_t ms);  // UTC date of a wall-clock time in ms (e.g. an op's hlc)
int date_year(const std::string& date);   // of a canonical date
int date_month(const std::string& date);  // 1-12
// A canonical date for people, in Indonesian: "2 Januari 2024".
std::string long_date(const std::string& date);

}  // namespace kinerja
