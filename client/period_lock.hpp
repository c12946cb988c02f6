// Period locks: which period an op's entry is about and whether a kanwil's lock covers it.
// One rule for both ends: the hub rejects an op on a locked period when it arrives
// (`period_locked`, sync/hub_push.hpp), and an office that has pulled the lock refuses to
// write it at all (Batch, ledger.hpp) with exit 3.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "client/op.hpp"
#include "client/period.hpp"
#include "client/sqlite.hpp"

namespace kinerja {

struct PeriodLock {
  Period period;
  std::string locked_on;  // YYYY-MM-DD by the hub's clock
};

// The period OP's entry is about: its body's "period", else the month of its "date" (cases,
// case updates, RB completions), else its "due" quarter (RB plan items), else its "year"
// (risks, innovations). None for ops about no period (the office, catalogues).
std::optional<Period> op_period(const Op& op);

// Whether a lock on LOCKED covers an entry for P: a year covers its quarters and months, a
// quarter its months.
bool period_covers(const Period& locked, const Period& p);

// The first of LOCKS that covers OP's period, or nullptr.
const PeriodLock* covering_lock(const std::vector<PeriodLock>& locks, const Op& op);

// OFFICE's locks as pulled from the hub: the "lock" cells whose state is "locked".
std::vector<PeriodLock> pulled_locks(const Db& db, const std::string& office);

// For people: "periode 2024-Q1 dikunci oleh kanwil pada 15 April 2024".
std::string lock_text(const PeriodLock& l);

}  // namespace kinerja
