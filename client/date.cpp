// Calendar dates (date.hpp).
#include "client/date.hpp"

#include <chrono>
#include <ctime>

#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/period.hpp"

namespace kinerja {

// "15/03/2024" or "5/3/2024" (day first, as Excel writes dates in Indonesia) as "2024-03-15";
// anything else unchanged.
static std::string day_first(std::string_view text) {
  size_t a = text.find('/'), b = a == std::string_view::npos ? a : text.find('/', a + 1);
  if (b == std::string_view::npos || a < 1 || a > 2 || b - a - 1 < 1 || b - a - 1 > 2 || text.size() - b - 1 != 4)
    return std::string(text);
  auto two = [](std::string_view d) { return d.size() == 1 ? "0" + std::string(d) : std::string(d); };
  return std::string(text.substr(b + 1)) + "-" + two(text.substr(a + 1, b - a - 1)) + "-" + two(text.substr(0, a));
}

std::string parse_date(std::string_view input, const std::string& field) {
  std::string iso = day_first(input);
  std::string_view text = iso;
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (text[i] < '0' || text[i] > '9') return false;
    return true;
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4) || !digits(5, 2) || !digits(8, 2))
    throw bad_input(field + ": '" + std::string(input) + "' is not a date (use YYYY-MM-DD or DD/MM/YYYY, e.g. 2024-03-15)");
  int y = std::stoi(std::string(text.substr(0, 4))), m = std::stoi(std::string(text.substr(5, 2))),
      d = std::stoi(std::string(text.substr(8, 2)));
  if (y < 2000 || y > 2100) throw bad_input(field + ": '" + std::string(input) + "' has a year outside 2000-2100");
  if (m < 1 || m > 12) throw bad_input(field + ": '" + std::string(input) + "' has a month outside 1-12");
  if (!std::chrono::year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)}.ok())
    throw bad_input(field + ": '" + std::string(input) + "' is not a day of that month");
  return iso;
}

std::string today() { return utc_date(wall_clock_ms()); }

std::string utc_date(int64_t ms) {
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

int date_year(const std::string& date) { return std::stoi(date.substr(0, 4)); }
int date_month(const std::string& date) { return std::stoi(date.substr(5, 2)); }

std::string long_date(const std::string& date) {
  return std::to_string(std::stoi(date.substr(8, 2))) + " " + month_name(date_month(date)) + " " + date.substr(0, 4);
}

}  // namespace kinerja
