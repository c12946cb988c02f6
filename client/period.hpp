// Reporting periods: a year `2024`, a quarter (triwulan) `2024-Q1`, a month `2024-01`;
// parsing with clear errors and Indonesian labels ("Triwulan I 2024", "Januari 2024").
#pragma once
#include <string>
#include <string_view>

namespace kinerja {

enum class PeriodKind { Year, Quarter, Month };

struct Period {
  int year = 0;
  PeriodKind kind = PeriodKind::Year;
  int index = 0;  // quarter 1-4 or month 1-12; 0 for a year

  std::string str() const;    // the canonical text: 2024, 2024-Q1, 2024-01
  std::string label() const;  // for people: 2024, Triwulan I 2024, Januari 2024
};

// FIELD names the input in errors, e.g. "period" or "line 12, column period".
Period parse_period(std::string_view text, const std::string& field = "period");

// The last day of triwulan QUARTER (1-4) of YEAR, YYYY-MM-DD (the RB portal's B03/B06/B09/B12).
std::string quarter_end(int year, int quarter);

// Indonesian month name, 1-12.
std::string month_name(int month);
const char* kind_name(PeriodKind k);  // "year", "quarter", "month"

}  // namespace kinerja
