// The field case register: pro yustisia (criminal immigration) cases and TAK (tindakan
// administratif keimigrasian, administrative actions), opened in the field and moved
// through their statuses, offline. The PROYUSTISIA and TAK indicators are counted from it.
//
// Cells: ("case", REF) holds the case as opened {kind, ref, date, subject, location};
// ("case.status", REF|DATE|STATUS) one status event {ref, date, status, note}. Status events
// are never overwritten by other events, so two devices updating a case offline both keep
// their event; the same event recorded twice is the same cell. A case's status is its
// latest event by (date, hlc, device) — the same on every node — or "ditangani" (handled)
// from its opening when it has none.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "client/csv.hpp"
#include "client/ledger.hpp"
#include "client/realisasi.hpp"

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
};

// One row of a case CSV: the opening and, when STATUS is given, one status event.
struct CaseRow {
  CaseOpen open;
  CaseUpdate update;  // update.status "" = none
  std::string where;  // "FILE: line N" for errors
};

// Each validates everything first, then writes in one transaction, or nothing.
void open_case(Store& s, const CaseOpen& c);
void update_case(Store& s, const CaseUpdate& u);
size_t import_cases(Store& s, const std::vector<CaseRow>& rows);  // returns ops written
std::vector<CaseRow> read_cases_csv(const std::string& path);
const Columns& case_columns();  // of the file read_cases_csv reads
const std::set<std::string>& case_kinds();
const std::set<std::string>& case_statuses();

// Cases opened in YEAR (0: all), by opening date then ref.
std::vector<Case> list_cases(const Db& db, int year = 0);

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
