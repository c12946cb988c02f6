// The versions of a year's Perjanjian Kinerja (PK, the performance agreement): it is signed at
// the start of the year by the head of the office (pihak pertama) and the head of the kanwil
// (pihak kedua), and may be revised during the year (Tanjungpandan 2023: Rp 8.276.071.000 →
// Rp 9.092.592.000). Each version keeps its budget (pagu), date, reason and signers; reports
// use the latest and list the earlier ones.
//
// Cells: ("pk.version", "2024/2") {year, period (= year), version, pagu, date, reason[, place,
// office_signer, office_nip, kanwil_signer, kanwil_nip]}. A version is never replaced: a
// revision is the next version number.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/decimal.hpp"
#include "client/ledger.hpp"
#include "client/trace.hpp"

namespace kinerja {

struct Signer {
  std::string name, nip;  // NIP: the civil servant's 18-digit number
};

// As typed: `kinerja pk version --year 2024 --pagu N --date D --reason TEXT [--place P]
// [--signer-office NAME NIP] [--signer-kanwil NAME NIP]`. Signers not given are those of
// the previous version.
struct PkVersionInput {
  int year = 0;
  std::string pagu, date, reason, place;
  std::vector<std::string> office_signer, kanwil_signer;  // {NAME, NIP} or empty
};

struct PkVersion {
  int year = 0, version = 0;
  Rational pagu;
  std::string date, reason, place;
  std::optional<Signer> office_signer, kanwil_signer;
  OpRef op;
};

// Checks everything (pagu a whole rupiah amount, date a real date in YEAR − 1 or YEAR and
// not before the previous version's, a reason for a revision, NIP 18 digits), then writes
// version N + 1 as one op; on bad input Error(BadInput) naming the option, nothing written.
PkVersion add_pk_version(Store& s, const PkVersionInput& in);

// The versions of YEAR, oldest first.
std::vector<PkVersion> pk_versions(const Db& db, int year);

}  // namespace kinerja
