// `kinerja explain`: how a printed figure was computed — the formula, the inputs with the
// ops (device, seq) that recorded them, and every intermediate value exactly, then as
// printed. Covers an indicator's realisasi/capaian/national comparison, a sasaran's
// average, the overall capaian, the budget row and the NKA.
#pragma once
#include <string>

#include "client/capaian.hpp"
#include "client/nka.hpp"

namespace kinerja {

// ALL_OPS: every op behind a figure listed; otherwise a list longer than 20 is summarised per
// op type and device as counts and the first and last seq ("114 rb device … seq 186-412").
std::string explain_indicator(const IndicatorFigures& f, bool all_ops = false);
// The same for scripts: {"indicator","name","year",…,"inputs":[{…,"ops":[{device,seq,type,key}]}],
// "realisasi","target","capaian","national","renstra"}; every figure {"exact","printed"}
// with '.' (exact may end in "…" when it does not terminate), absent ones null.
// Each op list is {"op_groups":[{type,device,count,first,last}]} plus "ops" when it has at most 20
// ops or ALL_OPS.
json explain_indicator_json(const IndicatorFigures& f, bool all_ops = false);
// CODE is the sasaran's code (SK3) or its number in the table (3); Error(BadInput) when neither.
std::string explain_sasaran(const PkFigures& pk, const std::string& code);
std::string explain_overall(const PkFigures& pk);
std::string explain_anggaran(const PkFigures& pk, bool all_ops = false);
// The NKA: its formula, each component and each input with its weight, source and ops.
std::string explain_nka(const NkaScore& n, bool all_ops = false);

}  // namespace kinerja
