// The risk register (register risiko) of the Renstra and LKjIP: per sasaran kegiatan and,
// optionally, indicator, the risk (indikasi risiko), its treatment (perlakuan), the
// officials responsible (penanggung jawab, one or more) and the success measure
// (indikator keberhasilan). Scoring is optional: likelihood and impact are accepted only
// once the kanwil has set the scales (cell ("risk.scale", OFFICE or "*") {likelihood,
// impact}: the highest value of each, published by `kinerja-hub risk-scale`).
//
// Cells: ("risk", ID) {id, year, sasaran, indicator, risiko, perlakuan, pj: [..],
// keberhasilan, likelihood, impact}. An edit is a new op writing the whole entry. IDs are
// RK-DDDD-SEQ (register_entry.hpp). A risk no longer tracked is archived (a void,
// void_register.hpp): listed with its reason, left out of the register's table.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/ledger.hpp"
#include "client/report_table.hpp"
#include "client/void_register.hpp"

namespace kinerja {

// For add every text field is required but indicator and the scores; for edit, an empty
// field (or list) keeps the entry's value.
struct RiskInput {
  int year = 0;
  std::string sasaran, indicator, risiko, perlakuan, keberhasilan, likelihood, impact;
  std::vector<std::string> pj;
};

struct Risk {
  std::string id;
  int year = 0;
  std::string sasaran, indicator, risiko, perlakuan, keberhasilan, likelihood, impact;
  std::vector<std::string> pj;
  std::string hlc;  // of the op that wrote it
  std::optional<Void> archived;
};

struct RiskScale {
  int likelihood = 0, impact = 0;  // the highest value of each scale
};

std::string add_risk(Store& s, const RiskInput& in);  // returns the new ID
void edit_risk(Store& s, const std::string& id, const RiskInput& in);
// By sasaran, then ID; archived ones only WITH_ARCHIVED.
std::vector<Risk> list_risks(const Db& db, int year = 0, bool with_archived = false);
std::optional<Risk> find_risk(const Db& db, const std::string& id);
// The scales the kanwil set for the store's office (its own cell, else the one for all offices).
std::optional<RiskScale> risk_scale(const Db& db);

// "risk.register": the year's risks with treatment, owners, success measure and score;
// no table when the year has none.
std::vector<ReportTable> risk_tables(const Db& db, int year);

}  // namespace kinerja
