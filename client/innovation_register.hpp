// Innovations (inovasi) of the office, as the Renstra and LKjIP list them (e.g. LOKTUAN
// mobile passport service, PERSARI Saturday service, SIGERAK weekend enforcement team):
// name, expansion of the acronym (kepanjangan), category, description, goals, outputs,
// cadence, status, and the indicators, risks and other innovations they relate to.
//
// Cells: ("innovation", ID) {id, year, name, kepanjangan, kategori, deskripsi, tujuan,
// output, cadence, status, indicators: [..], risks: [..], related: [..]}; YEAR is the
// first year it runs (the reports of that year and later list it). An edit is a new op
// writing the whole entry. IDs are IN-DDDD-SEQ (register_entry.hpp). One no longer run is
// archived (a void, void_register.hpp): listed with its reason, left out of the reports.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/ledger.hpp"
#include "client/report_table.hpp"
#include "client/void_register.hpp"

namespace kinerja {

// For add every text field is required (year defaults to this year); for edit, an empty
// field keeps the entry's value and a given list replaces it.
struct InnovationInput {
  int year = 0;
  std::string name, kepanjangan, kategori, deskripsi, tujuan, output, cadence, status;
  std::vector<std::string> indicators, risks, related;
};

struct Innovation {
  std::string id;
  int year = 0;
  std::string name, kepanjangan, kategori, deskripsi, tujuan, output, cadence, status;
  std::vector<std::string> indicators, risks, related;
  std::string hlc;  // of the op that wrote it
  std::optional<Void> archived;
};

std::string add_innovation(Store& s, const InnovationInput& in);  // returns the new ID
void edit_innovation(Store& s, const std::string& id, const InnovationInput& in);
// Running in YEAR (0: all), by name; archived ones only WITH_ARCHIVED.
std::vector<Innovation> list_innovations(const Db& db, int year = 0, bool with_archived = false);
std::optional<Innovation> find_innovation(const Db& db, const std::string& id);

// "innovation.list": the innovations running in YEAR with their links; no table when none runs.
std::vector<ReportTable> innovation_tables(const Db& db, int year);

}  // namespace kinerja
