// The hub store (hub_store.hpp).
#include "sync/hub_store.hpp"

#include <sodium.h>

#include <filesystem>
#include <iostream>

#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/op_rules.hpp"
#include "client/store.hpp"
#include "sync/utc_time.hpp"

namespace kinerja {

std::string random_hex(size_t bytes) {
  if (sodium_init() < 0) throw failure("libsodium failed to initialise");
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return to_hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

Hub open_hub(const std::string& path) {
  bool fresh = !std::filesystem::exists(path);
  if (fresh && std::filesystem::exists(key_path(path)))
    throw bad_input("a hub key already exists at " + key_path(path) + " without its store; move it away first");
  Hub hub{path, Db(path), "", {}};
  hub.db.exec("PRAGMA journal_mode=WAL");
  hub.db.exec("PRAGMA synchronous=FULL");
  hub.db.exec("PRAGMA foreign_keys=ON");
  migrate(hub.db, "hub", "hub store " + path);
  if (fresh) {
    DeviceKey k = generate_device_key();
    Tx tx(hub.db);
    std::string device = device_id_for(k.public_hex);
    meta_set(hub.db, "device", device);
    Stmt(hub.db, "INSERT INTO devices(device,public_key,office,role,enrolled_at) VALUES(?,?,'*','hub',?)")
        .bind(1, device).bind(2, k.public_hex).bind(3, utc_now()).run();
    save_device_key(key_path(path), k);
    tx.commit();
  }
  hub.key = load_device_key(key_path(path));
  hub.device = meta_get(hub.db, "device").value_or("");
  if (hub.device != device_id_for(hub.key.public_hex))
    throw failure("hub key " + key_path(path) + " does not belong to the hub store " + path);
  return hub;
}

Op append_hub_op(Hub& hub, const std::string& office, const std::string& type, const std::string& key, json body) {
  Op op;
  op.office = office;
  op.device = hub.device;
  op.type = type;
  op.key = key;
  Stmt head(hub.db, "SELECT seq, hash FROM ops WHERE device=? ORDER BY seq DESC LIMIT 1");
  head.bind(1, hub.device);
  op.prev = kZeroHash;
  if (head.step()) {
    op.seq = head.i64(0) + 1;
    op.prev = head.text(1);
  } else {
    op.seq = 1;
  }
  Stmt base(hub.db, "SELECT hash FROM ops WHERE device=? AND type=? AND key=? ORDER BY seq DESC LIMIT 1");
  base.bind(1, hub.device).bind(2, type).bind(3, key);
  if (base.step()) body["base"] = base.text(0);
  auto last = meta_get(hub.db, "hlc");
  Hlc clock = hlc_tick(last ? parse_hlc(*last) : Hlc{}, wall_clock_ms());
  op.hlc = format_hlc(clock);
  op.body = normalize(body);
  check_op(op);
  op.hash = compute_hash(op);
  Stmt(hub.db,
       "INSERT INTO ops(v,office,device,seq,hlc,author,type,key,body,prev,hash,received_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")
      .bind(1, op.v).bind(2, op.office).bind(3, op.device).bind(4, op.seq).bind(5, op.hlc).bind(6, op.author)
      .bind(7, op.type).bind(8, op.key).bind(9, canonical_text(op.body)).bind(10, op.prev).bind(11, op.hash)
      .bind(12, utc_now()).run();
  Checkpoint c{hub.device, op.seq, op.hash, ""};
  c.sig = sign_hex(hub.key, checkpoint_message(c));
  Stmt(hub.db, "INSERT INTO checkpoints(device,seq,hash,sig) VALUES(?,?,?,?)")
      .bind(1, c.device).bind(2, c.seq).bind(3, c.hash).bind(4, c.sig).run();
  meta_set(hub.db, "hlc", op.hlc);
  return op;
}

void check_active(const Hub& hub, const std::string& device, const std::string& office, int status) {
  Stmt d(hub.db, "SELECT revoked_at, COALESCE(revoked_reason,'') FROM devices WHERE device=? AND revoked_at IS NOT NULL");
  d.bind(1, device);
  if (d.step())
    throw ProtocolError{status, "device_revoked",
                        "device " + device + " was revoked by the kanwil at " + d.text(0) +
                            (d.text(1).empty() ? "" : " (" + d.text(1) + ")") +
                            "; its ops stay on the hub. Make a new store with `kinerja init` and enrol that",
                        -1};
  Stmt f(hub.db, "SELECT deactivated_at FROM offices WHERE office=? AND deactivated_at IS NOT NULL");
  f.bind(1, office);
  if (f.step())
    throw ProtocolError{status, "office_inactive",
                        "office " + office + " was deactivated by the kanwil at " + f.text(0) +
                            "; its data stays on the hub. Ask the kanwil to activate it again",
                        -1};
}

Caller authenticate(const Hub& hub, const std::string& token) {
  if (token.empty()) throw ProtocolError{401, "no_token", "the request carries no bearer token", -1};
  Stmt s(hub.db, "SELECT device, office FROM devices WHERE token_hash=? AND role='office'");
  s.bind(1, sha256_hex(token));
  if (!s.step()) throw ProtocolError{401, "bad_token", "the token is not valid: enrol the device again", -1};
  Caller who{s.text(0), s.text(1)};
  check_active(hub, who.device, who.office, 401);
  return who;
}

DeviceInfo hub_device_info(const Hub& hub) { return DeviceInfo{hub.device, hub.key.public_hex, "*", "hub"}; }

EnrolResponse enrol_device(Hub& hub, const EnrolRequest& req) {
  if (device_id_for(req.public_key) != req.device)
    throw ProtocolError{400, "bad_device", "the device id does not match its public key", -1};
  if (!verify_sig(req.public_key, enrol_message(req), req.sig))
    throw ProtocolError{403, "bad_signature",
                        "the enrolment is not signed by the key of device " + req.device + ": field 'sig' does not verify",
                        -1};
  Tx tx(hub.db);
  Stmt code(hub.db,
            "SELECT office, used_at IS NOT NULL, COALESCE(device,''), expires_at FROM enrol_codes WHERE code_hash=?");
  code.bind(1, sha256_hex(req.code));
  if (!code.step()) throw ProtocolError{403, "bad_code", "the enrolment code is not known to this hub", -1};
  std::string now = utc_now();
  if (code.text(3) <= now)
    throw ProtocolError{403, "code_expired",
                        "the enrolment code expired at " + code.text(3) + " (hub time): ask the kanwil for a new one", -1};
  // The same device may present its code again (its answer was lost): it gets a new token.
  if (code.i64(1) && code.text(2) != req.device)
    throw ProtocolError{403, "code_used", "the enrolment code was already used", -1};
  std::string office = code.text(0);
  if (office != req.office)
    throw ProtocolError{403, "office_mismatch",
                        "the code enrols a device of office " + office + ", this store is office " + req.office, -1};
  Stmt known(hub.db, "SELECT office, public_key FROM devices WHERE device=?");
  known.bind(1, req.device);
  if (known.step() && (known.text(0) != office || known.text(1) != req.public_key))
    throw ProtocolError{403, "device_taken", "device " + req.device + " is enrolled elsewhere", -1};
  check_active(hub, req.device, office, 403);
  std::string token = "kt_" + random_hex(32);
  Stmt(hub.db,
       "INSERT INTO devices(device,public_key,office,role,token_hash,enrolled_at) VALUES(?,?,?,'office',?,?) "
       "ON CONFLICT(device) DO UPDATE SET token_hash=excluded.token_hash, enrolled_at=excluded.enrolled_at")
      .bind(1, req.device).bind(2, req.public_key).bind(3, office).bind(4, sha256_hex(token)).bind(5, now).run();
  Stmt(hub.db, "UPDATE enrol_codes SET used_at=?, device=? WHERE code_hash=?")
      .bind(1, now).bind(2, req.device).bind(3, sha256_hex(req.code)).run();
  EnrolResponse r{token, office, hub_device_info(hub), "", ""};
  Stmt identity(hub.db, "SELECT name, kanwil FROM offices WHERE office=?");
  identity.bind(1, office);
  if (identity.step()) {
    r.name = identity.text(0);
    r.kanwil = identity.text(1);
  }
  identity.reset();
  tx.commit();
  return r;
}

void mark_synced(Hub& hub, const std::string& device) {
  Stmt(hub.db, "UPDATE devices SET last_sync_at=? WHERE device=?").bind(1, utc_now()).bind(2, device).run();
}

void log_request(Hub& hub, const std::string& method, const std::string& path, const std::string& office,
                 const std::string& device, int status, const std::string& outcome) {
  std::string now = utc_now();
  Stmt(hub.db, "INSERT INTO requests(at,method,path,office,device,status,outcome) VALUES(?,?,?,?,?,?,?)")
      .bind(1, now).bind(2, method).bind(3, path).bind(4, office).bind(5, device).bind(6, status).bind(7, outcome).run();
  std::cerr << now << " " << method << " " << path << " office=" << (office.empty() ? "-" : office)
            << " device=" << (device.empty() ? "-" : device) << " " << status << " " << outcome << "\n";
}

}  // namespace kinerja
