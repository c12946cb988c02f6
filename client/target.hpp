// Targets: what the Perjanjian Kinerja (PK, the yearly performance agreement) promises per
// indicator (for the year or a quarter / triwulan), the PK budget row (pagu and its
// realisasi), and the national average capaian an office compares itself with. Each is
// one op writing one cell: ("target", "CODE/2024" or "CODE/2024-Q1"), ("budget", "2024"),
// ("national", "CODE/2024"). A later write of the same cell supersedes the earlier one.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "client/decimal.hpp"
#include "client/store.hpp"
#include "client/trace.hpp"

namespace kinerja {

// A stored figure and the op behind it.
struct Stated {
  Rational value;
  OpRef op;
};

// Each validates (an indicator outside the year's catalogue, negative or zero, outside the
// unit's range, bad quarter, fractional rupiah: Error(BadInput), nothing written), appends
// one op and returns its seq. Texts are as typed (1.234,5 or 1234.5). QUARTER 0 means the year.
int64_t set_target(Store& s, int year, const std::string& indicator, const std::string& value, int quarter = 0);
// REALISASI "" keeps the realisasi recorded earlier for the year, if any. Returns the seq;
// WARNING is set when realisasi exceeds pagu.
int64_t set_budget(Store& s, int year, const std::string& pagu, const std::string& realisasi, std::string* warning);
int64_t set_national(Store& s, int year, const std::string& indicator, const std::string& capaian);

std::optional<Stated> target_of(const Db& db, const std::string& indicator, int year, int quarter = 0);
std::optional<Stated> national_of(const Db& db, const std::string& indicator, int year);

}  // namespace kinerja
