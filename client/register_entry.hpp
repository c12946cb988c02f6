// What the registers' entries (RB action items, risks, innovations) share: IDs that stay
// unique when devices add entries offline, checked free-text fields, and the checks the
// yearly registers (budget, PNBP) share for input typed as options or read from CSV rows.
//
// IDs are PREFIX-DDDD-SEQ, DDDD the first four hex digits of the device id (upper case) and
// SEQ the seq of the op that creates the entry. (device, seq) is unique, so two devices
// clash only if they share those four digits and the seq as well; then both ops stay in
// the log and `kinerja conflicts` lists the pair.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "client/ledger.hpp"

namespace kinerja {

// The ID of the entry the next append of the open Batch creates (call it inside the Batch,
// right before that append: the device's last seq already counts the batch's ops).
std::string next_entry_id(const Store& s, const std::string& prefix);

// ID as typed ("rb-63a5-57") in its stored form ("RB-63A5-57").
std::string canonical_entry_id(const std::string& id);

// V unless it is blank or longer than MAX bytes (Error(BadInput) naming FIELD).
std::string checked_text(const std::string& v, const std::string& field, size_t max = 2000);

// "--NAME" on the command line (WHERE ""), "FILE: line N, column NAME" in a CSV file (WHERE "FILE: line N").
std::string input_field(const std::string& where, const std::string& name);
// YEAR as the stored text "2024" when it is a valid year (else Error(BadInput) naming WHERE's year field).
std::string checked_year(int year, const std::string& where);
// A year typed as text ("2024"); FIELD names it in errors.
int year_of(const std::string& text, const std::string& field);
// Error(BadInput) naming FIELD unless MONTH is 1-12.
void check_month(int64_t month, const std::string& field);
// The month as stored in keys and bodies: "03".
std::string month_text(int month);

// A yearly register's write of one cell (PNBP, IKPA, NKA): its key, whether the cell had a
// value already (the write is a correction), and the op's seq.
struct CellWrite {
  std::string key;
  bool correction = false;
  int64_t seq = 0;
};
// Appends BODY to the cell (TYPE, KEY) as one op in its own Batch.
CellWrite write_cell(Store& s, const std::string& type, const std::string& key, json body);

}  // namespace kinerja
