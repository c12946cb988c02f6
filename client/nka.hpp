// NKA (Nilai Kinerja Anggaran, the budget performance value of a year) and, for 2021–2023,
// the SMART Nilai Kinerja (NK) inside it. The formula is the year's reference data
// (ikpa_reference.hpp): NKA = Σ component bobot × (Σ term bobot × input). For 2024:
//   NKA = 0,5 × (0,75·CRO + 0,10·SBK penggunaan + 0,15·SBK efisiensi) + 0,5 × IKPA
// and for 2021–2023:
//   NK  = 0,435·CRO + 0,286·NilaiEfisiensi + 0,182·Konsistensi + 0,097·Penyerapan
//   NKA = 0,6 × NK + 0,4 × IKPA
// with NilaiEfisiensi = 50 + 50·E/20, the efficiency E bounded to [−20; 20].
//
// Inputs are typed by the office (`kinerja nka record`), cells ("nka.record", "2024/CRO")
// {year, period, input, value}. Two have a default when not typed: IKPA is the year's IKPA
// score (ikpa.hpp) as published, rounded to 2 decimals; PENYERAPAN is the DIPA's total
// absorption of the year (budget register), rounded to 2 decimals.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/ikpa.hpp"

namespace kinerja {

struct NkaInput {
  int year = 0;
  std::string input, value;
};

// Checks the input against the year's formula and the value (in [0; 100]; EFISIENSI in
// [−100; 100]), then writes one op; on bad input Error(BadInput) naming the field.
CellWrite record_nka(Store& s, const NkaInput& in);

struct NkaTermValue {
  NkaTerm term;
  std::optional<Rational> input;  // as typed or defaulted; absent when missing
  std::optional<Rational> nilai;  // what enters the sum (EFISIENSI: its nilai efisiensi)
  std::string source;             // where the input comes from, for the footnotes
  std::vector<OpRef> ops;
};

struct NkaComponentValue {
  NkaComponent component;
  std::vector<NkaTermValue> terms;
  std::optional<Rational> nilai;  // Σ term bobot × nilai; absent when an input is missing
};

struct NkaScore {
  int year = 0;
  std::vector<NkaComponentValue> components;
  std::optional<Rational> nka;  // Σ component bobot × nilai; absent when an input is missing
  std::string formula;          // "NKA = 0,5 × (0,75 × CRO + …) + 0,5 × IKPA"
  std::string newest_hlc;
};

// The year's NKA; absent when no NKA input is recorded for the year.
std::optional<NkaScore> nka_score(const Db& db, int year);

// `report nka`: "nka" (each component with its inputs: nilai, bobot, nilai tertimbang; then
// the NKA), footnotes naming each input's source and any missing input.
std::vector<ReportTable> nka_tables(const Db& db, int year);

}  // namespace kinerja
