// The budget register (anggaran, DIPA): the year's budget lines with their pagu
// (allocation) and the monthly realisasi (spending) against each, and the absorption
// (penyerapan = realisasi / pagu × 100) report built from them.
//
// A line is keyed by (year, activity code, jenis belanja, sumber dana): one activity
// (kegiatan.KRO.RO, e.g. 5254.8AA.001) has at most one line per kind of spending
// (51 pegawai / personnel, 52 barang / goods, 53 modal / capital) and source of funds
// (RM rupiah murni / general revenue, PNBP / non-tax revenue).
//
// Cells: ("budget.line", "2024/5254.8AA.001/52/RM") the line's current version {year,
// period (= year), activity, name, jenis, sumber, pagu, version[, volume, satuan, reason]}.
// A revision is a new op on the same cell with version + 1 and a reason; earlier versions
// stay in the log.
// ("budget.spend", "2024/5254.8AA.001/52/RM/03") the realisasi of that line in a month
// {year, period (2024-03), activity, jenis, sumber, month, amount}; entering the same month
// again is a correction that supersedes it. "period" is what the hub's period locks match.
// A line or a month entered by mistake is voided (void_register.hpp): left out of every
// sum, named in the line table's notes, until the line is revised or the month entered again.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/anggaran.hpp"
#include "client/csv.hpp"
#include "client/ledger.hpp"
#include "client/report_table.hpp"
#include "client/void_register.hpp"

namespace kinerja {

// As typed on the command line or in a CSV row; texts are parsed and checked by the writers.
struct BudgetLineInput {
  int year = 0;
  std::string activity, name, jenis, sumber, pagu, volume, satuan, reason;
};

struct BudgetSpendInput {
  int year = 0;
  std::string activity, jenis, sumber;  // jenis/sumber "" = the activity's only line
  int month = 0;
  std::string amount;
};

struct BudgetLine {
  int year = 0;
  std::string activity, name, jenis, sumber, satuan, reason;
  Rational pagu;
  std::optional<int64_t> volume;
  int version = 1;
  std::array<std::optional<Rational>, 12> months;  // realisasi per month, absent when not entered
  Rational realisasi;                              // sum of the months
  std::vector<OpRef> ops;                          // the line's version, then its months
  std::string newest_hlc;                          // of the line and its months
};

struct BudgetWrite {
  std::string key;          // the line's key
  int version = 0;          // set by budget line
  bool correction = false;  // budget spend: the month had a realisasi already
  int64_t seq = 0;          // the op's seq
  std::vector<std::string> warnings;
};

// Each validates everything (field formats, the line exists / the revision has a reason),
// then writes one op; on bad input Error(BadInput) naming the field, nothing written.
BudgetWrite set_budget_line(Store& s, const BudgetLineInput& in);
BudgetWrite record_budget_spend(Store& s, const BudgetSpendInput& in);

// One row of a budget CSV: a line (no month) or a month's realisasi (month and amount).
struct BudgetCsvRow {
  BudgetLineInput line;
  BudgetSpendInput spend;
  bool is_spend = false;
  std::string where;  // "FILE: line N"
};
std::vector<BudgetCsvRow> read_budget_csv(const std::string& path);
const Columns& budget_columns();  // of the file read_budget_csv reads
// All rows in one transaction or none; a row may use a line defined earlier in the file.
// Returns the ops written.
size_t import_budget(Store& s, const std::vector<BudgetCsvRow>& rows);

// The lines of YEAR in key order (activity, jenis, sumber), with their realisasi; voided
// lines and months left out.
std::vector<BudgetLine> budget_lines(const Db& db, int year);

// Voids a line (IN.month 0) or a month's realisasi of a line, named as `budget spend` names
// it; Error(BadInput) when there is none or it is voided.
void void_budget(Store& s, const BudgetSpendInput& in, const std::string& reason);
// The voided lines and months of YEAR: the cell, what it was ("5254.8AA.001 52/RM Maret
// 2024 Rp 1.000") and its void.
struct VoidedBudget {
  std::string type, key, what;
  Void v;
};
std::vector<VoidedBudget> voided_budget(const Db& db, int year);

// Error(BadInput) naming FIELD unless CODE is an activity code kegiatan.KRO.RO as the DIPA
// writes it: 4, 3 and 3 capital letters or digits (5254.8AA.001, 5254.8HB.U01).
void check_activity(const std::string& code, const std::string& field);

// Adds line L to the running sums of R: its pagu, its realisasi once a month has been
// entered (realisasi stays absent until then), its ops.
void add_line(BudgetRow& r, const BudgetLine& l);

// The budget report of YEAR: tables "budget.activity", "budget.jenis", "budget.sumber"
// (each ending in a "Jumlah" total row), "budget.monthly" (Januari..Desember: realisasi of
// the month, cumulative, cumulative % of the total pagu) and "budget.line" (every line).
// Percentages are exact until printed (2 decimals, half-up). Notes carry the warnings:
// realisasi above pagu, revisions. Empty when the year has no lines. (Per sasaran of the
// PK: budget_map.hpp.)
std::vector<ReportTable> budget_tables(const Db& db, int year);

// One row of a sums table: its label cells and the sums of its lines.
struct BudgetGroup {
  std::vector<std::string> label;
  BudgetRow sum;
  bool strong = false;  // printed bold (a heading row such as a sasaran)
};

// A table of pagu, realisasi and penyerapan per group (after the LABEL_HEADER columns), a
// strong "Jumlah" row of TOTAL, then the rows of AFTER, which TOTAL does not count. A row
// whose realisasi is above its pagu gets a note.
ReportTable budget_sums_table(std::string id, std::string title, std::vector<std::string> label_header,
                              const std::vector<BudgetGroup>& groups, const BudgetRow& total,
                              const std::vector<BudgetGroup>& after = {});

// People's names of the codes: "52 Belanja Barang", "PNBP (Penerimaan Negara Bukan Pajak)".
std::string jenis_label(const std::string& jenis);
std::vector<std::string> jenis_codes();   // 51, 52, 53
std::vector<std::string> sumber_codes();  // PNBP, RM
std::string sumber_label(const std::string& sumber);

}  // namespace kinerja
