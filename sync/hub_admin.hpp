// The kanwil's administration of a hub, run on the hub machine against its store:
// offices, one-time enrolment codes, period locks, catalogue publication and targets
// (the last three are ops on the hub's own chain), and reports: every office's sync
// summary and one office's state as its synced devices see it.
#pragma once
#include <string>

#include "client/canonical.hpp"
#include "sync/hub_store.hpp"

namespace kinerja {

void add_office(Hub& hub, const std::string& office, const std::string& name, const std::string& kanwil);
// A fresh one-time code for enrolling one device of OFFICE (the hub keeps its hash).
std::string create_enrol_code(Hub& hub, const std::string& office);
// Locks or unlocks OFFICE's PERIOD: a "lock" op on the hub chain and the hub's lock table.
void set_lock(Hub& hub, const std::string& office, const std::string& period, bool locked);
// Publishes a catalogue file as a "catalogue" op for every office; returns its year.
std::string publish_catalogue(Hub& hub, const std::string& file);
// A kanwil-set target: op "target.kanwil", key OFFICE/INDICATOR/PERIOD, body {office, indicator, period, value}.
void set_target(Hub& hub, const std::string& office, const std::string& indicator, const std::string& period,
                const std::string& value);
// The kanwil's risk scales (risk_register.hpp): op "risk.scale", key OFFICE or "*" (every
// office), body {likelihood, impact}: the highest value of each scale, 2-10.
void set_risk_scale(Hub& hub, const std::string& office, int likelihood, int impact);

// Per office: devices, ops held, last sync, pending rejections, quarantined forks, locks.
json offices_summary(const Hub& hub);
// OFFICE's current values exactly as `kinerja show --json` prints them on a synced device:
// the office's view is pulled into a scratch in-memory store through the client's own code.
json office_view(const Hub& hub, const std::string& office);

}  // namespace kinerja
