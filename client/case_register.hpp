// The field case register: pro yustisia (criminal immigration) cases and TAK (tindakan
// administratif keimigrasian, administrative actions), opened in the field and moved
// through their statuses, offline. The PROYUSTISIA and TAK indicators are counted from it.
//
// Cells: ("case", REF) holds the case as opened {kind, ref, date, subject, location};
// ("case.status", REF|DATE|STATUS) one status event {ref, date, status, note}. Status events
// are never overwritten by other events, so two devices updating a case offline both keep
// their event; the same event recorded twice is the same cell. A case's status is its
// latest event by (date, hlc, device) — the same on every node — or "ditangani" (handled)
// from its opening when it has none. A case opened by mistake (a wrong reference) is voided
// (void_register.hpp): listed with its reason, counted nowhere.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "client/csv.hpp"
#include "client/ledger.hpp"
#include "client/realisasi.hpp"
#include "client/void_register.hpp"

namespace kinerja {

struct CaseOpen {
  std::string kind;  // proyustisia | tak
  std::string ref, date, subject, location;
};

struct CaseUpdate {
  std::string ref, status, date, note;  // date "" = today
};

struct CaseEvent {
  std::string date, status, note, hlc, device;
  OpRef op;
};

struct Case {
  std::string kind, ref, date, subject, location;
  std::string status, status_date;  // the current status and its date
  std::vector<CaseEvent> events;    // in (date, hlc, device) order
  OpRef op;                         // the opening
  std::optional<Void> voided;
};

// One row of a case CSV: the opening and, when STATUS is given, one status event.
struct CaseRow {
  CaseOpen open;
  CaseUpdate update;  // update.status "" = none
  std::string where;  // "FILE: line N" for errors
};

// What an import did with the rows of a file: cases opened, status events added to cases
// already in the register, rows the register already says, rows of voided cases.
struct CaseImport {
  size_t opened = 0, updated = 0, unchanged = 0, voided = 0, ops = 0;
};

// Each validates everything first, then writes in one transaction, or nothing.
void open_case(Store& s, const CaseOpen& c);
void update_case(Store& s, const CaseUpdate& u);
// A case register is a cumulative file: importing it again is a no-op for each row the
// register already says and a status event for each row whose status is new. A row that
// contradicts its case's opening (kind, date, subject, location) is bad input.
CaseImport import_cases(Store& s, const std::vector<CaseRow>& rows);
std::vector<CaseRow> read_cases_csv(const std::string& path);
// Voids case REF (void_register.hpp); Error(BadInput) for an unknown or voided case.
void void_case(Store& s, const std::string& ref, const std::string& reason);
const Columns& case_columns();  // of the file read_cases_csv reads
const std::set<std::string>& case_kinds();
const std::set<std::string>& case_statuses();

// Cases opened in YEAR (0: all), by opening date then ref; voided ones only WITH_VOIDED.
std::vector<Case> list_cases(const Db& db, int year = 0, bool with_voided = false);

// The year's ratio inputs for KIND: denominator = cases opened that year (all handled);
// numerator = those followed up (proyustisia: ditindaklanjuti or selesai; tak: selesai).
// QUARTER 1-4: cases opened up to the end of that triwulan, each with its status on that
// day. OPS: each counted case's opening and the status event that counted.
struct CaseCounts {
  int64_t numerator = 0, denominator = 0;
  std::vector<OpRef> ops;
};
CaseCounts case_counts(const Db& db, const std::string& kind, int year, int quarter = 0);

// The realisasi source (realisasi.hpp) of indicators whose catalogue source is "case:KIND":
// one component for the year (or up to the quarter) with those counts (0 / 0 without
// cases: no realisasi) and the ops behind them.
void case_inputs(const Db& db, const Indicator& ind, int year, int quarter, std::vector<Component>& out);

}  // namespace kinerja
