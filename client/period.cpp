// Periods (period.hpp).
#include "client/period.hpp"

#include <cstdio>

#include "client/error.hpp"

namespace kinerja {

static const char* const kMonths[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                      "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
static const char* const kRoman[] = {"I", "II", "III", "IV"};

std::string month_name(int month) { return kMonths[month - 1]; }

const char* kind_name(PeriodKind k) {
  return k == PeriodKind::Year ? "year" : k == PeriodKind::Quarter ? "quarter" : "month";
}

std::string Period::str() const {
  char buf[16];
  if (kind == PeriodKind::Year) std::snprintf(buf, sizeof buf, "%04d", year);
  if (kind == PeriodKind::Quarter) std::snprintf(buf, sizeof buf, "%04d-Q%d", year, index);
  if (kind == PeriodKind::Month) std::snprintf(buf, sizeof buf, "%04d-%02d", year, index);
  return buf;
}

std::string quarter_end(int year, int quarter) {
  static const char* const kEnd[] = {"03-31", "06-30", "09-30", "12-31"};
  return std::to_string(year) + "-" + kEnd[quarter - 1];
}

std::string Period::label() const {
  if (kind == PeriodKind::Quarter) return std::string("Triwulan ") + kRoman[index - 1] + " " + std::to_string(year);
  if (kind == PeriodKind::Month) return month_name(index) + " " + std::to_string(year);
  return std::to_string(year);
}

static bool digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

Period parse_period(std::string_view text, const std::string& field) {
  auto fail = [&](const std::string& why) {
    return bad_input(field + ": '" + std::string(text) + "' " + why + " (use YYYY, YYYY-Qn or YYYY-MM)");
  };
  if (text.size() < 4 || !digits(text.substr(0, 4))) throw fail("is not a period");
  Period p;
  p.year = std::stoi(std::string(text.substr(0, 4)));
  if (p.year < 2000 || p.year > 2100) throw fail("has a year outside 2000-2100");
  if (text.size() == 4) return p;
  if (text.size() == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q') && digits(text.substr(6))) {
    p.kind = PeriodKind::Quarter;
    p.index = text[6] - '0';
    if (p.index < 1 || p.index > 4) throw fail("has a quarter outside 1-4");
    return p;
  }
  if (text.size() == 7 && text[4] == '-' && digits(text.substr(5))) {
    p.kind = PeriodKind::Month;
    p.index = std::stoi(std::string(text.substr(5)));
    if (p.index < 1 || p.index > 12) throw fail("has a month outside 1-12");
    return p;
  }
  throw fail("is not a period");
}

}  // namespace kinerja
