// The office's identity, its name and kanwil, belongs to the hub: the kanwil names the
// office (`kinerja-hub office add` / `office rename`) and publishes it as an
// `office.identity` op on the hub's chain, which every device pulls. Until a device has
// pulled it, the name it typed at `init` or took from the hub at `enrol` (its `office` cell)
// stands in.
#pragma once
#include <string>

#include "client/sqlite.hpp"

namespace kinerja {

struct OfficeIdentity {
  std::string name, kanwil;
};

// OFFICE's name and kanwil: the hub's when pulled, else the device's own; empty when neither.
OfficeIdentity office_identity(const Db& db, const std::string& office);

}  // namespace kinerja
