// Shared by the budget tests (register and mapping per sasaran): entering DIPA lines and
// monthly realisasi in a line, and reading a report table's cells.
#pragma once
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "client/budget_register.hpp"

namespace kinerja::test {

inline BudgetLineInput line(int year, const std::string& activity, const std::string& jenis, const std::string& sumber,
                            const std::string& pagu) {
  return BudgetLineInput{year, activity, "Kegiatan " + activity, jenis, sumber, pagu, "", "", ""};
}

inline void spend(Store& s, int year, const std::string& activity, const std::string& jenis, const std::string& sumber,
                  int month, const std::string& amount) {
  record_budget_spend(s, BudgetSpendInput{year, activity, jenis, sumber, month, amount});
}

inline const ReportTable& table(const std::vector<ReportTable>& tables, const std::string& id) {
  for (const auto& t : tables)
    if (t.id == id) return t;
  FAIL("no table " << id);
  throw std::logic_error("unreachable");
}

// The plain (machine) text of the row whose first cell is LABEL, column COLUMN.
inline std::string cell(const ReportTable& t, const std::string& label, size_t column) {
  auto rows = plain_rows(t);
  for (const auto& r : rows)
    if (r[0] == label) return r.at(column);
  FAIL("no row " << label << " in " << t.id);
  return "";
}

}  // namespace kinerja::test
