// Number input parsing (number.hpp).
#include "client/number.hpp"

#include <algorithm>
#include <vector>

#include "client/error.hpp"

namespace kinerja {

static bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

static std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return parts;
}

// Joins thousands groups "1", "234", "567" after checking each has the right width.
static bool ungroup(std::string_view s, char sep, std::string& out) {
  auto groups = split(s, sep);
  if (groups[0].empty() || groups[0].size() > 3 || !all_digits(groups[0])) return false;
  out.assign(groups[0]);
  for (size_t i = 1; i < groups.size(); ++i) {
    if (groups[i].size() != 3 || !all_digits(groups[i])) return false;
    out.append(groups[i]);
  }
  return true;
}

enum class Kind { Decimal, Count, Money };

// "tulis 2605 atau 2.605": the two readings of BEFORE SEP AFTER, which is ambiguous.
static std::string ambiguity(std::string_view before, std::string_view after, bool whole) {
  std::string thousands = std::string(before) + std::string(after);
  if (whole) return "ambigu (ribuan atau desimal?): tulis " + thousands + " atau " + std::string(before) + "." + std::string(after);
  std::string frac(after);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (frac.size() == 3) frac += '0';  // "1,2340": four decimals cannot be read as thousands
  return "ambigu (ribuan atau desimal?): tulis " + thousands + " atau " + std::string(before) + (frac.empty() ? "" : "," + frac);
}

// Splits TEXT into integer digits and fraction digits, or explains why it cannot. A single
// separator followed by exactly three digits, after one to three digits not starting with 0,
// may group thousands or mark decimals: a count reads the dot as thousands (2.605 = 2605) and
// refuses the comma; a decimal refuses both.
static void split_number(std::string_view s, bool whole, std::string& ip, std::string& fp, std::string& why) {
  size_t dots = std::count(s.begin(), s.end(), '.'), commas = std::count(s.begin(), s.end(), ',');
  if (dots && commas) {  // the last separator is the decimal one, the other groups thousands
    char dec = s.find_last_of(".,") == s.rfind(',') ? ',' : '.';
    char grp = dec == ',' ? '.' : ',';
    size_t at = s.rfind(dec);
    if (std::count(s.begin(), s.end(), dec) != 1 || !ungroup(s.substr(0, at), grp, ip))
      why = "has a malformed digit grouping";
    fp = s.substr(at + 1);
  } else if (dots + commas == 0) {
    ip = s;
  } else if (dots + commas == 1) {
    char sep = dots ? '.' : ',';
    size_t at = s.find(sep);
    std::string_view before = s.substr(0, at), after = s.substr(at + 1);
    bool groupable = !before.empty() && before.size() <= 3 && before[0] != '0' && after.size() == 3 &&
                     all_digits(before) && all_digits(after);
    if (!groupable) {  // "3,99", "96.53", "1234.567": a decimal separator
      ip = before;
      fp = after;
    } else if (whole && sep == '.') {
      ip = std::string(before) + std::string(after);
    } else {
      why = ambiguity(before, after, whole);
    }
  } else if (!ungroup(s, dots ? '.' : ',', ip)) {
    why = "has a malformed digit grouping";
  }
  if (why.empty() && (!all_digits(ip) || (!fp.empty() && !all_digits(fp)) || (fp.empty() && s.back() == ',')))
    why = "is not a number";
}

// Drops a leading "Rp" or "Rp." (any case) and the spaces after it.
static std::string_view without_rupiah(std::string_view s) {
  if (s.size() >= 2 && (s[0] == 'R' || s[0] == 'r') && (s[1] == 'p' || s[1] == 'P')) {
    s.remove_prefix(s.size() > 2 && s[2] == '.' ? 3 : 2);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  }
  return s;
}

static std::string parse(std::string_view text, const std::string& field, Kind kind) {
  std::string_view s = text;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (kind == Kind::Money) s = without_rupiah(s);
  bool whole = kind != Kind::Decimal;
  bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  std::string ip, fp, why;
  if (s.empty())
    why = "is empty";
  else
    split_number(s, whole, ip, fp, why);
  if (!why.empty()) throw bad_input(field + ": '" + std::string(text) + "' " + why);
  while (!fp.empty() && fp.back() == '0') fp.pop_back();
  size_t nz = ip.find_first_not_of('0');
  ip = nz == std::string::npos ? "0" : ip.substr(nz);
  if (whole && !fp.empty()) throw bad_input(field + ": '" + std::string(text) + "' must be a whole number");
  std::string out = ip + (fp.empty() ? "" : "." + fp);
  return negative && out != "0" ? "-" + out : out;
}

std::string parse_decimal(std::string_view text, const std::string& field) { return parse(text, field, Kind::Decimal); }

static int64_t parse_whole(std::string_view text, const std::string& field, Kind kind) {
  std::string s = parse(text, field, kind);
  if (s[0] == '-') throw bad_input(field + ": '" + std::string(text) + "' must not be negative");
  if (s.size() > 15) throw bad_input(field + ": '" + std::string(text) + "' is too large");
  return std::stoll(s);
}

int64_t parse_count(std::string_view text, const std::string& field) { return parse_whole(text, field, Kind::Count); }

int64_t parse_money(std::string_view text, const std::string& field) { return parse_whole(text, field, Kind::Money); }

}  // namespace kinerja

namespace kinerja {

static int compare_magnitude(const std::string& a, const std::string& b) {
  size_t da = a.find('.'), db = b.find('.');
  std::string ia = a.substr(0, da), ib = b.substr(0, db);
  if (ia.size() != ib.size()) return ia.size() < ib.size() ? -1 : 1;
  std::string fa = da == std::string::npos ? "" : a.substr(da + 1), fb = db == std::string::npos ? "" : b.substr(db + 1);
  size_t w = std::max(fa.size(), fb.size());
  fa.resize(w, '0');
  fb.resize(w, '0');
  int c = (ia + fa).compare(ib + fb);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int compare_decimal(const std::string& a, const std::string& b) {
  bool na = !a.empty() && a[0] == '-', nb = !b.empty() && b[0] == '-';
  if (na != nb) return na ? -1 : 1;
  int c = compare_magnitude(na ? a.substr(1) : a, nb ? b.substr(1) : b);
  return na ? -c : c;
}

}  // namespace kinerja
