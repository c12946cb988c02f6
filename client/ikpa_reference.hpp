// The budget scores' reference data of a fiscal year: the IKPA indicators (Indikator Kinerja
// Pelaksanaan Anggaran, the Treasury's score of how a budget is executed) with their aspect
// and weight (bobot), and the NKA formula (Nilai Kinerja Anggaran) as weighted components of
// weighted inputs. Both change from year to year, so they are data: shipped as
// schema/ikpa/YEAR.json and replaceable by a document loaded into the store as an op
// ("ikpa.reference", key = the year) — by the office (`kinerja ikpa reference load`) or
// published by the kanwil (`kinerja-hub ikpa publish`), like catalogues.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/canonical.hpp"
#include "client/decimal.hpp"
#include "client/ledger.hpp"

namespace kinerja {

struct IkpaIndicator {
  std::string code, name;
  std::string aspect;            // perencanaan | pelaksanaan | hasil
  std::optional<Rational> bobot;  // weight in percent; absent for a deduction
  bool pengurang = false;        // a deduction (Dispensasi SPM from 2024): its value is subtracted from the score
};

// One input of an NKA component and its weight. EFISIENSI enters as its nilai efisiensi
// 50 + 50·E/20 with E bounded to [−20; 20] (nka.hpp).
struct NkaTerm {
  std::string input;  // CRO, SBK_PENGGUNAAN, SBK_EFISIENSI, EFISIENSI, KONSISTENSI, PENYERAPAN, IKPA
  Rational bobot;     // a fraction: 0.75
};

struct NkaComponent {
  std::string code, name;  // "NK", "Nilai Kinerja (SMART)"
  Rational bobot;          // a fraction of the NKA: 0.5
  std::vector<NkaTerm> terms;
};

struct IkpaReference {
  int year = 0;
  std::string source;  // the document's own "source" text
  std::vector<IkpaIndicator> indicators;
  std::vector<NkaComponent> nka;
  json doc;  // the document it was read from
};

// The NKA inputs a reference may name, in the order reports list them.
const std::vector<std::string>& nka_input_codes();

// Reads and checks a reference document: known fields only, unique codes, aspects and inputs
// known, IKPA weights (deductions aside) summing to 100, NKA component weights and each
// component's term weights summing to 1. Throws Error(BadInput) naming the field.
IkpaReference parse_ikpa_reference(const json& doc);

// The reference for YEAR: the one loaded into the store, else the shipped one; absent when
// neither exists.
std::optional<IkpaReference> ikpa_reference(const Db& db, int year);
// Error(BadInput) naming FIELD when YEAR has no reference, listing the years that have one.
IkpaReference require_ikpa_reference(const Db& db, int year, const std::string& field);

// The body of the op that loads R into a store ("ikpa.reference", key = its year):
// {year, reference}.
json ikpa_reference_body(const IkpaReference& r);

}  // namespace kinerja
