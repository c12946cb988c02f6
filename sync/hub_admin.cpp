// Hub administration (hub_admin.hpp).
#include "sync/hub_admin.hpp"

#include <iostream>
#include <map>

#include "client/catalogue.hpp"
#include "client/entry.hpp"
#include "client/error.hpp"
#include "client/ikpa_reference.hpp"
#include "client/json_limits.hpp"
#include "client/number.hpp"
#include "client/period.hpp"
#include "client/store.hpp"
#include "sync/hub_pull.hpp"
#include "sync/pull.hpp"
#include "sync/sync_state.hpp"
#include "sync/utc_time.hpp"

namespace kinerja {

// Returns whether OFFICE is active; throws when the hub does not serve it.
static bool check_office(const Hub& hub, const std::string& office) {
  Stmt s(hub.db, "SELECT deactivated_at IS NULL FROM offices WHERE office=?");
  s.bind(1, office);
  if (!s.step()) throw bad_input("--office: " + office + " is not an office of this hub (add it with `office add`)");
  return s.i64(0) != 0;
}

// Publishes OFFICE's name and kanwil as the hub table holds them: an "office.identity" op
// on the hub's chain, which every device of the office pulls (client/office_identity.hpp).
static void publish_identity(Hub& hub, const std::string& office) {
  Stmt s(hub.db, "SELECT name, kanwil FROM offices WHERE office=?");
  s.bind(1, office);
  if (!s.step()) throw failure("office " + office + " vanished from the hub store");
  std::string name = s.text(0), kanwil = s.text(1);
  s.reset();
  append_hub_op(hub, office, "office.identity", office, json{{"office", office}, {"name", name}, {"kanwil", kanwil}});
}

bool add_office(Hub& hub, const std::string& office, const std::string& name, const std::string& kanwil) {
  if (office.size() != 6 || office.find_first_not_of("0123456789") != std::string::npos)
    throw bad_input("--office: '" + office + "' must be the six-digit satker code, e.g. 407973");
  checked_identity_text(name, "--name");
  checked_identity_text(kanwil, "--kanwil");
  Tx tx(hub.db);
  Stmt known(hub.db, "SELECT name, kanwil FROM offices WHERE office=?");
  known.bind(1, office);
  if (known.step()) {
    if (known.text(1) != kanwil)
      throw bad_input("--kanwil: kantor " + office + " sudah terdaftar di kanwil " + known.text(1) +
                      "; kanwil suatu kantor tidak berubah lewat `office add`");
    if (known.text(0) != name)
      throw bad_input("--name: kantor " + office + " sudah terdaftar sebagai \"" + known.text(0) +
                      "\"; ganti nama dengan `kinerja-hub office rename --office " + office + " --name …`");
    return false;
  }
  known.reset();
  Stmt(hub.db, "INSERT INTO offices(office,name,kanwil,created_at) VALUES(?,?,?,?)")
      .bind(1, office).bind(2, name).bind(3, kanwil).bind(4, utc_now()).run();
  publish_identity(hub, office);
  tx.commit();
  return true;
}

void rename_office(Hub& hub, const std::string& office, const std::string& name) {
  check_office(hub, office);
  checked_identity_text(name, "--name");
  Tx tx(hub.db);
  Stmt(hub.db, "UPDATE offices SET name=? WHERE office=?").bind(1, name).bind(2, office).run();
  publish_identity(hub, office);
  tx.commit();
}

int publish_office_identities(Hub& hub) {
  Tx tx(hub.db);
  std::vector<std::string> missing;
  Stmt s(hub.db,
         "SELECT office FROM offices f WHERE NOT EXISTS (SELECT 1 FROM ops o WHERE o.device=? "
         "AND o.type='office.identity' AND o.key=f.office) ORDER BY office");
  s.bind(1, hub.device);
  while (s.step()) missing.push_back(s.text(0));
  s.reset();
  for (const auto& office : missing) publish_identity(hub, office);
  tx.commit();
  return static_cast<int>(missing.size());
}

bool set_office_active(Hub& hub, const std::string& office, bool active) {
  if (check_office(hub, office) == active) return false;
  Stmt u(hub.db, "UPDATE offices SET deactivated_at=? WHERE office=?");
  if (active)
    u.bind_null(1);
  else
    u.bind(1, utc_now());
  u.bind(2, office).run();
  return true;
}

int64_t parse_code_validity(const std::string& text) {
  static const std::map<char, int64_t> unit_ms{{'s', 1000}, {'m', 60'000}, {'h', 3'600'000}, {'d', 86'400'000}};
  auto bad = bad_input("--expires: '" + text + "' must be a count and a unit s, m, h or d (e.g. 24h, 3d), from 1s to 30d");
  std::string count = text.empty() ? "" : text.substr(0, text.size() - 1);
  if (count.empty() || count.size() > 7 || count.find_first_not_of("0123456789") != std::string::npos) throw bad;
  auto unit = unit_ms.find(text.back());
  if (unit == unit_ms.end()) throw bad;
  int64_t ms = std::stoll(count) * unit->second;
  if (ms < 1000 || ms > 30 * unit_ms.at('d')) throw bad;
  return ms;
}

std::string create_enrol_code(Hub& hub, const std::string& office, int64_t valid_ms) {
  if (!check_office(hub, office))
    throw bad_input("--office: " + office + " is deactivated: run `office activate --office " + office + "` first");
  std::string hex = random_hex(8);  // 64 random bits, shown as XXXX-XXXX-XXXX-XXXX
  for (auto& ch : hex) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  std::string code = hex.substr(0, 4) + "-" + hex.substr(4, 4) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4);
  Stmt(hub.db, "INSERT INTO enrol_codes(code_hash,office,created_at,expires_at) VALUES(?,?,?,?)")
      .bind(1, sha256_hex(code)).bind(2, office).bind(3, utc_now()).bind(4, utc_in(valid_ms)).run();
  return code;
}

json devices_summary(const Hub& hub, const std::string& office) {
  if (!office.empty()) check_office(hub, office);
  json out = json::array();
  Stmt s(hub.db,
         "SELECT d.device, d.office, d.enrolled_at, COALESCE(d.last_sync_at,''), "
         "(SELECT COUNT(*) FROM ops o WHERE o.device=d.device), "
         "CASE WHEN d.revoked_at IS NOT NULL THEN 'revoked' WHEN f.deactivated_at IS NOT NULL THEN 'office_inactive' "
         "ELSE 'active' END, COALESCE(d.revoked_at,''), COALESCE(d.revoked_reason,'') "
         "FROM devices d LEFT JOIN offices f ON f.office=d.office "
         "WHERE d.role='office' AND (?1='' OR d.office=?1) ORDER BY d.office, d.enrolled_at, d.device");
  s.bind(1, office);
  while (s.step())
    out.push_back(json{{"device", s.text(0)},
                       {"office", s.text(1)},
                       {"enrolled", s.text(2)},
                       {"last_sync", s.text(3)},
                       {"ops_held", std::to_string(s.i64(4))},
                       {"status", s.text(5)},
                       {"revoked_at", s.text(6)},
                       {"reason", s.text(7)}});
  return out;
}

bool revoke_device(Hub& hub, const std::string& device, const std::string& reason) {
  if (reason.size() > 200) throw bad_input("--reason: at most 200 bytes, got " + std::to_string(reason.size()));
  try {
    (void)json(reason).dump();
  } catch (const json::exception&) {
    throw bad_input("--reason: the text is not valid UTF-8");
  }
  Stmt s(hub.db, "SELECT role, revoked_at IS NOT NULL FROM devices WHERE device=?");
  s.bind(1, device);
  if (!s.step()) throw bad_input("--device: " + device + " is not a device enrolled with this hub (see `device list`)");
  if (s.text(0) == "hub")
    throw bad_input("--device: " + device + " is the hub itself; to replace the hub key see the README (sync section)");
  if (s.i64(1)) return false;
  Stmt(hub.db, "UPDATE devices SET revoked_at=?, revoked_reason=? WHERE device=?")
      .bind(1, utc_now()).bind(2, reason).bind(3, device).run();
  return true;
}

void set_lock(Hub& hub, const std::string& office, const std::string& period, bool locked) {
  check_office(hub, office);
  std::string p = parse_period(period, "--period").str();
  Tx tx(hub.db);
  if (locked)
    Stmt(hub.db, "INSERT OR IGNORE INTO locks(office,period,locked_at) VALUES(?,?,?)").bind(1, office).bind(2, p).bind(3, utc_now()).run();
  else
    Stmt(hub.db, "DELETE FROM locks WHERE office=? AND period=?").bind(1, office).bind(2, p).run();
  append_hub_op(hub, office, "lock", office + "/" + p,
                json{{"office", office}, {"period", p}, {"state", locked ? "locked" : "unlocked"}});
  tx.commit();
}

std::string publish_catalogue(Hub& hub, const std::string& file) {
  Catalogue c = parse_catalogue(read_json_file(file));
  Tx tx(hub.db);
  append_hub_op(hub, "*", "catalogue", c.year, json{{"catalogue", c.source}});
  tx.commit();
  return c.year;
}

int publish_ikpa_reference(Hub& hub, const std::string& file) {
  IkpaReference r = parse_ikpa_reference(read_json_file(file));
  Tx tx(hub.db);
  append_hub_op(hub, "*", "ikpa.reference", std::to_string(r.year), ikpa_reference_body(r));
  tx.commit();
  return r.year;
}

void set_target(Hub& hub, const std::string& office, const std::string& indicator, const std::string& period,
                const std::string& value) {
  check_office(hub, office);
  if (indicator.empty()) throw bad_input("--indicator: the indicator code is required");
  std::string p = parse_period(period, "--period").str();
  std::string v = parse_decimal(value, "--value");
  if (!v.empty() && v[0] == '-') throw bad_input("--value: a target cannot be negative, got " + value);
  Tx tx(hub.db);
  append_hub_op(hub, office, "target.kanwil", office + "/" + indicator + "/" + p,
                json{{"office", office}, {"indicator", indicator}, {"period", p}, {"value", v}});
  tx.commit();
}

void set_risk_scale(Hub& hub, const std::string& office, int likelihood, int impact) {
  if (office != "*") check_office(hub, office);
  for (auto [v, name] : {std::pair{likelihood, "--likelihood"}, std::pair{impact, "--impact"}})
    if (v < 2 || v > 10) throw bad_input(std::string(name) + ": a scale runs from 1 to its highest value, 2-10");
  Tx tx(hub.db);
  append_hub_op(hub, office, "risk.scale", office,
                json{{"likelihood", std::to_string(likelihood)}, {"impact", std::to_string(impact)}});
  tx.commit();
}

json offices_summary(const Hub& hub) {
  json out = json::array();
  Stmt s(hub.db,
         "SELECT f.office, f.name, f.kanwil, "
         "(SELECT COUNT(*) FROM devices d WHERE d.office=f.office AND d.role='office'), "
         "(SELECT COUNT(*) FROM ops o WHERE o.office=f.office AND o.device<>?), "
         "(SELECT COALESCE(MAX(last_sync_at),'') FROM devices d WHERE d.office=f.office), "
         "(SELECT COUNT(*) FROM rejections r JOIN ops x ON x.device=r.device AND x.seq=r.seq WHERE r.office=f.office "
         " AND NOT (r.reason='period_locked' AND EXISTS (SELECT 1 FROM ops y WHERE y.office=x.office AND y.type=x.type "
         "  AND y.key=x.key AND y.hlc>x.hlc AND NOT EXISTS (SELECT 1 FROM rejections z WHERE z.device=y.device AND z.seq=y.seq)))), "
         "(SELECT COUNT(*) FROM quarantine q WHERE q.office=f.office), "
         "(SELECT COALESCE(json_group_array(period),'[]') FROM (SELECT period FROM locks l WHERE l.office=f.office ORDER BY period)), "
         "CASE WHEN f.deactivated_at IS NULL THEN 'active' ELSE 'inactive' END "
         "FROM offices f ORDER BY f.office");
  s.bind(1, hub.device);
  while (s.step())
    out.push_back(json{{"office", s.text(0)},
                       {"name", s.text(1)},
                       {"kanwil", s.text(2)},
                       {"status", s.text(9)},
                       {"devices", std::to_string(s.i64(3))},
                       {"ops_held", std::to_string(s.i64(4))},
                       {"last_sync", s.text(5)},
                       {"pending_rejections", std::to_string(s.i64(6))},
                       {"quarantined", std::to_string(s.i64(7))},
                       {"locks", json::parse(s.text(8))}});
  return out;
}

json office_view(const Hub& hub, const std::string& office) {
  check_office(hub, office);
  Db scratch(":memory:");
  migrate(scratch, "client", "the hub's scratch view");
  meta_set(scratch, kMetaHubDevice, hub.device);
  meta_set(scratch, kMetaHubKey, hub.key.public_hex);
  std::string cursor;
  for (bool more = true; more;) {
    PullPage page = pull_page(hub, office, "", cursor, 5000);
    std::vector<std::string> skipped;
    apply_pull_page(scratch, page, skipped);
    for (const auto& x : skipped) std::cerr << "kinerja-hub: skipped " << x << "\n";
    cursor = page.cursor;
    more = page.more;
  }
  return current_values(scratch, "", 0);
}

}  // namespace kinerja
