// The reform action plan (rencana aksi Reformasi Birokrasi, RB): per year the action items
// per area of change, each due in a quarter, done or not, with its evidence (data dukung).
// The RB indicator (catalogue source "rb") is counted from it.
//
// Cells: ("rb", ID) the item {id, year, area, action, due, owner, program, output, target}
// (the last four optional, as the RB work plan, RKT, lists them); ("rb.done", ID) its
// completion {id, date} plus either {evidence_url} or {evidence_sha256, evidence_size,
// evidence_name} (the file is kept by evidence.hpp). Recording an item done again is a
// correction of that cell. IDs are RB-DDDD-SEQ (register_entry.hpp).
//
// Counting (the quarter ends B03/B06/B09/B12 of the RB portal): at a quarter's end the
// planned items are those due in it or earlier in the year; done are those of them with a
// completion dated on or before that end. An item done late counts from the quarter in
// which it was done; one done after the year's end is not done for that year (it stays
// "terlambat" in the list). The year's realisasi is the B12 figure: done / planned × 100.
// An item added by mistake is cancelled (a void, void_register.hpp): listed with its
// reason, counted nowhere.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "client/csv.hpp"
#include "client/evidence.hpp"
#include "client/ledger.hpp"
#include "client/realisasi.hpp"
#include "client/report_table.hpp"
#include "client/void_register.hpp"

namespace kinerja {

struct RbItemInput {
  int year = 0;
  std::string area, action, due, owner;  // due YYYY-Qn in YEAR; owner a NIP, optional
  std::string program, output, target;   // optional: the RKT's programme, output and target
};

struct RbDoneInput {
  std::string id, evidence, date;  // evidence a file or an http(s) URL; date "" = today
};

struct RbItem {
  std::string id;
  int year = 0;
  std::string area, action, due, owner, program, output, target;
  int quarter = 0;        // of due
  std::string done_date;  // "" = not done
  Evidence evidence;
  OpRef op, done_op;
  std::string hlc;  // the newest of its ops
  std::optional<Void> voided;
};

// One row of an RB CSV (header year,area,action,due[,id,owner,program,output,target,done,evidence]): an item and,
// when DONE is given, its completion. A relative evidence path is read beside the CSV; a
// path that leaves the CSV's folder is refused (evidence_beside).
struct RbRow {
  RbItemInput item;
  RbDoneInput done;  // done.date "" = not done
  std::string where;  // "FILE: line N" for errors
  std::string id;     // the item's ID when the file names it, else "" (the item is its year, area and action)
};

// What an import did with the rows of a file: items added (their new IDs), items of the plan
// changed or newly done, rows the plan already says, rows of cancelled items.
struct RbImport {
  std::vector<std::string> ids;
  size_t updated = 0, unchanged = 0, voided = 0;
};

// Each validates everything first, then writes in one transaction, or nothing.
std::string add_rb_item(Store& s, const RbItemInput& in);  // returns the new ID
void mark_rb_done(Store& s, const RbDoneInput& in);
// A plan is a cumulative file: importing it again adds only its new items. A row is the
// item of its ID column, else the plan's one item of the same year, area and action (and
// due quarter, when the file or the plan holds that action more than once). rb add refuses
// an item the plan has (same year, area, action and due).
RbImport import_rb(Store& s, const std::vector<RbRow>& rows);
std::vector<RbRow> read_rb_csv(const std::string& path);
const Columns& rb_columns();  // of the file read_rb_csv reads

// Items of YEAR (0: all) by due quarter, then ID; cancelled ones only WITH_VOIDED.
std::vector<RbItem> list_rb(const Db& db, int year = 0, bool with_voided = false);

// Cumulative figures at the end of quarter 1-4 (B03, B06, B09, B12).
struct RbQuarter {
  int quarter = 0;
  int64_t planned = 0, done = 0;
  std::string end;  // YYYY-MM-DD
};
std::vector<RbQuarter> rb_quarters(const Db& db, int year);

// "rb.quarter" (planned, done, % at B03…B12) and "rb.items" (the plan with status and
// evidence); no tables when the year has no plan.
std::vector<ReportTable> rb_tables(const Db& db, int year);

// The realisasi source (realisasi.hpp) of indicators whose catalogue source is "rb": the
// B12 figure for the year, or with QUARTER 1-4 that quarter's (B03, B06, B09).
void rb_inputs(const Db& db, const Indicator& ind, int year, int quarter, std::vector<Component>& out);

// SHA-256 of every evidence file the plan references (for the evidence sync).
std::vector<std::string> rb_evidence(const Db& db);

}  // namespace kinerja
