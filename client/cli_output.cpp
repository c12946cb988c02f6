// Printing helpers shared by the command groups (cli.hpp).
#include <iostream>

#include "client/cli.hpp"

namespace kinerja {

void print_json(const json& j) { std::cout << j.dump(2) << "\n"; }

static size_t display_width(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  print_table(std::cout, header, rows);
}

void print_table(std::ostream& os, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width(header.size());
  for (size_t i = 0; i < header.size(); ++i) width[i] = display_width(header[i]);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (size_t i = 0; i < r.size(); ++i) {
      out += r[i];
      if (i + 1 < r.size()) out += std::string(width[i] - display_width(r[i]) + 2, ' ');
    }
    os << out << "\n";
  };
  line(header);
  for (const auto& r : rows) line(r);
}

}  // namespace kinerja
