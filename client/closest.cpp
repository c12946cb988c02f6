// Closest names (closest.hpp).
#include "client/closest.hpp"

#include <algorithm>

#include "client/any_case.hpp"

namespace kinerja {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::string x = lower_ascii(std::string(a)), y = lower_ascii(std::string(b));
  std::vector<std::vector<size_t>> d(x.size() + 1, std::vector<size_t>(y.size() + 1));
  for (size_t i = 0; i <= x.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= y.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= x.size(); ++i)
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[x.size()][y.size()];
}

std::optional<std::string> closest(std::string_view typed, const std::vector<std::string>& names) {
  std::optional<std::string> best;
  size_t best_distance = 3;
  for (const auto& n : names) {
    size_t dist = edit_distance(typed, n);
    if (dist < best_distance && dist < std::min(typed.size(), n.size())) {
      best = n;
      best_distance = dist;
    }
  }
  return best;
}

}  // namespace kinerja
