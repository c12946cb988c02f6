// The kanwil's administration of a hub, run on the hub machine against its store:
// offices (and their deactivation), one-time enrolment codes, devices (listing and
// revocation), period locks, catalogue publication and targets (the last three are ops
// on the hub's own chain), and reports: every office's sync summary and one office's
// state as its synced devices see it.
#pragma once
#include <cstdint>
#include <string>

#include "client/canonical.hpp"
#include "sync/hub_store.hpp"

namespace kinerja {

// Adds OFFICE with its NAME and KANWIL and publishes them to its devices (an "office.identity"
// op on the hub chain). Adding it again with the same name and kanwil changes nothing (returns
// false); another name or kanwil is Error(BadInput): the name changes only by rename_office,
// the kanwil not at all.
bool add_office(Hub& hub, const std::string& office, const std::string& name, const std::string& kanwil);
// Renames OFFICE; its devices take the new name at their next sync.
void rename_office(Hub& hub, const std::string& office, const std::string& name);
// Publishes the identity of every office whose identity the hub chain does not hold yet
// (offices added before identities were published); returns how many. Run when the hub starts.
int publish_office_identities(Hub& hub);
// Deactivates (every device of OFFICE is refused, office_inactive) or activates it again;
// its data stays. Returns false when it already was in that state.
bool set_office_active(Hub& hub, const std::string& office, bool active);

inline constexpr int64_t kEnrolCodeValidMs = 72 * 3600 * 1000LL;
// An enrolment code's validity, from --expires text: a count and a unit s, m, h or d
// ("24h", "3d"), from 1 s to 30 days.
int64_t parse_code_validity(const std::string& text);
// A fresh one-time code for enrolling one device of OFFICE, valid for VALID_MS by hub time
// (the hub keeps its hash).
std::string create_enrol_code(Hub& hub, const std::string& office, int64_t valid_ms = kEnrolCodeValidMs);

// Devices of OFFICE ("" for every office): device, office, enrolled, last_sync, ops_held,
// status ("active", "revoked", "office_inactive"), revoked_at, reason.
json devices_summary(const Hub& hub, const std::string& office);
// Revokes DEVICE: its token is refused (device_revoked, with REASON), its ops stay and are
// still pulled by its office-mates. Returns false when it was revoked already (kept as was).
bool revoke_device(Hub& hub, const std::string& device, const std::string& reason);
// Locks or unlocks OFFICE's PERIOD: a "lock" op on the hub chain and the hub's lock table.
void set_lock(Hub& hub, const std::string& office, const std::string& period, bool locked);
// Publishes a catalogue file as a "catalogue" op for every office; returns its year.
std::string publish_catalogue(Hub& hub, const std::string& file);
// Publishes the IKPA/NKA reference document FILE (ikpa_reference.hpp) to every office;
// returns its year. Error(BadInput) naming the field when it does not pass its rules.
int publish_ikpa_reference(Hub& hub, const std::string& file);
// A kanwil-set target: op "target.kanwil", key OFFICE/INDICATOR/PERIOD, body {office, indicator, period, value}.
void set_target(Hub& hub, const std::string& office, const std::string& indicator, const std::string& period,
                const std::string& value);
// The kanwil's risk scales (risk_register.hpp): op "risk.scale", key OFFICE or "*" (every
// office), body {likelihood, impact}: the highest value of each scale, 2-10.
void set_risk_scale(Hub& hub, const std::string& office, int likelihood, int impact);

// Per office: status, devices, ops held, last sync, pending rejections (as an office's
// `status` lists them: a period_locked one leaves once a later accepted op wrote its cell,
// sync/rejections.hpp), quarantined forks, locks.
json offices_summary(const Hub& hub);
// OFFICE's current values exactly as `kinerja show --json` prints them on a synced device:
// the office's view is pulled into a scratch in-memory store through the client's own code.
json office_view(const Hub& hub, const std::string& office);

}  // namespace kinerja
