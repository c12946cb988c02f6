// Indonesian number formatting (format_id.hpp).
#include "client/format_id.hpp"

namespace kinerja {

std::string id_from_fixed(const std::string& fixed) {
  bool negative = !fixed.empty() && fixed[0] == '-';
  std::string body = negative ? fixed.substr(1) : fixed;
  size_t dot = body.find('.');
  std::string ip = body.substr(0, dot), fp = dot == std::string::npos ? "" : body.substr(dot + 1);
  std::string grouped;
  for (size_t i = 0; i < ip.size(); ++i) {
    if (i > 0 && (ip.size() - i) % 3 == 0) grouped += '.';
    grouped += ip[i];
  }
  return (negative ? "-" : "") + grouped + (fp.empty() ? "" : "," + fp);
}

std::string id_number(const std::optional<Rational>& v, int decimals) {
  return v ? id_from_fixed(v->fixed(decimals)) : "-";
}

std::string id_percent(const std::optional<Rational>& v, int decimals) {
  return v ? id_number(v, decimals) + "%" : "-";
}

std::string id_rupiah(const std::optional<Rational>& v) { return v ? "Rp " + id_number(v, 0) : "-"; }

std::string plain(const std::optional<Rational>& v, int decimals) { return v ? v->fixed(decimals) : "-"; }

}  // namespace kinerja
