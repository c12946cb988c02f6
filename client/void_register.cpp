// Voids (void_register.hpp).
#include "client/void_register.hpp"

#include "client/error.hpp"
#include "client/period_lock.hpp"
#include "client/register_entry.hpp"

namespace kinerja {

static bool archived(const std::string& target) { return target == "risk" || target == "innovation"; }

Voids voids_of(const Db& db, const std::string& target) {
  Voids out;
  for (const auto& c : list_cells(db, "void", target + "|"))
    out.emplace(body_text(c.body, "entry"), Void{body_text(c.body, "op"), body_text(c.body, "reason"), c.hlc});
  return out;
}

std::optional<Void> void_of(const Voids& voids, const Cell& cell) {
  auto it = voids.find(cell.key);
  if (it == voids.end() || it->second.op != cell.hash) return std::nullopt;
  return it->second;
}

void void_entry(Store& s, const Cell& entry, const std::string& reason, const std::string& what) {
  std::string why = checked_text(reason, "--reason");
  Op target;
  target.type = entry.type;
  target.body = entry.body;
  std::optional<Period> period = op_period(target);
  if (!period) throw failure(what + " is about no period; it cannot be voided");
  if (auto v = void_of(voids_of(s.db, entry.type), entry))
    throw bad_input(what + " sudah " + (archived(entry.type) ? "diarsipkan" : "dibatalkan") + " (alasan: " + v->reason + ")");
  Batch b(s);
  b.append("void", entry.type + "|" + entry.key,
           json{{"target", entry.type}, {"entry", entry.key}, {"op", entry.hash}, {"period", period->str()}, {"reason", why}});
  b.commit();
}

void void_entry_by_id(Store& s, const std::string& type, const std::string& id, const std::string& reason,
                      const std::string& what) {
  auto c = get_cell(s.db, type, canonical_entry_id(id));
  if (!c) throw bad_input("ID: tidak ada " + what + " '" + id + "' di register");
  void_entry(s, *c, reason, what + " '" + c->key + "'");
}

std::string void_mark(const std::string& target, const Void& v) {
  return std::string("[") + (archived(target) ? "DIARSIPKAN" : "BATAL") + ": " + v.reason + "]";
}

std::string void_note(const std::string& target, const std::string& what, const Void& v) {
  return std::string(archived(target) ? "Diarsipkan" : "Dibatalkan") + ", tidak dihitung: " + what + " " + void_mark(target, v);
}

}  // namespace kinerja
