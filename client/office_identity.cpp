// The office's identity (office_identity.hpp).
#include "client/office_identity.hpp"

#include "client/state.hpp"

namespace kinerja {

OfficeIdentity office_identity(const Db& db, const std::string& office) {
  auto c = get_cell(db, "office.identity", office);
  if (!c) c = get_cell(db, "office", office);
  if (!c) return {};
  return OfficeIdentity{c->body.value("name", ""), c->body.value("kanwil", "")};
}

}  // namespace kinerja
