// Period locks (period_lock.hpp).
#include "client/period_lock.hpp"

#include "client/date.hpp"
#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/state.hpp"

namespace kinerja {

std::optional<Period> op_period(const Op& op) {
  auto text = [&op](const char* name) {
    auto it = op.body.find(name);
    return it != op.body.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  std::string p = text("period");
  if (p.empty()) p = text("date").substr(0, 7);
  if (p.empty()) p = text("due");
  if (p.empty()) p = text("year");
  if (p.empty()) return std::nullopt;
  try {
    return parse_period(p);
  } catch (const Error&) {
    return std::nullopt;
  }
}

bool period_covers(const Period& locked, const Period& p) {
  if (locked.year != p.year) return false;
  switch (locked.kind) {
    case PeriodKind::Year: return true;
    case PeriodKind::Quarter:
      return (p.kind == PeriodKind::Quarter && p.index == locked.index) ||
             (p.kind == PeriodKind::Month && (p.index - 1) / 3 + 1 == locked.index);
    case PeriodKind::Month: return p.kind == PeriodKind::Month && p.index == locked.index;
  }
  return false;
}

const PeriodLock* covering_lock(const std::vector<PeriodLock>& locks, const Op& op) {
  if (locks.empty()) return nullptr;
  std::optional<Period> p = op_period(op);
  if (!p) return nullptr;
  for (const auto& l : locks)
    if (period_covers(l.period, *p)) return &l;
  return nullptr;
}

std::vector<PeriodLock> pulled_locks(const Db& db, const std::string& office) {
  std::vector<PeriodLock> out;
  for (const Cell& c : list_cells(db, "lock", office + "/"))
    if (c.body.value("state", "") == "locked")
      out.push_back(PeriodLock{parse_period(c.body.value("period", "")), utc_date(parse_hlc(c.hlc).ms)});
  return out;
}

std::string lock_text(const PeriodLock& l) {
  return "periode " + l.period.str() + " dikunci oleh kanwil pada " + long_date(l.locked_on);
}

}  // namespace kinerja
