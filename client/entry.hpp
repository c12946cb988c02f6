// Realisasi entries: the measured value of an indicator for a period, recorded by hand
// (`kinerja record`) or from a CSV file (`kinerja import`). Entries are checked against the
// catalogue inside one transaction that commits only when all pass; a second entry for the
// same indicator and period is a correction that supersedes the first (both in the log).
#pragma once
#include <string>
#include <vector>

#include "client/canonical.hpp"
#include "client/csv.hpp"
#include "client/store.hpp"

namespace kinerja {

struct EntryInput {
  std::string indicator, period;
  std::string value, numerator, denominator;  // as typed; "" when not given
  std::string note;
  std::string where;  // prefix for errors, e.g. "line 12" ("" for the command line)
  std::string part = {};  // a component of a composite index (catalogue components); "" for the indicator
  // A yearly total of a register-sourced indicator from before the register existed, and
  // where it was reported ("LKjIP 2021"); only for a year the register holds nothing for.
  std::string rekap = {};
};

struct RecordResult {
  size_t ops = 0;
  int64_t last_seq = 0;
  size_t corrections = 0;  // entries that superseded an earlier value
  size_t repeated = 0;     // rows of a file saying again what an earlier row said (nothing written)
};

// Checks and appends every entry in one transaction: all of them, or (on the first bad
// one, Error(BadInput) naming its field) nothing.
RecordResult record_entries(Store& s, const std::vector<EntryInput>& entries);
// The same for each row of a CSV file (header indicator,period,value,numerator,denominator,
// note[,component,rekap]), read row by row so memory does not grow with the file (but for
// the line of each row written); errors name the line and the column. Two rows for the same
// cell are bad input naming both lines, unless they say the same (the second is skipped).
RecordResult import_entries(Store& s, const std::string& path);
const Columns& entry_columns();  // of the file import_entries reads

// The current values (cells of type "value") as `kinerja show --json` prints them, in key
// order; INDICATOR "" and YEAR 0 mean all.
json current_values(const Db& db, const std::string& indicator, int year);

}  // namespace kinerja
