// The op: one change in the ledger, its canonical encoding and hash, and the signed
// checkpoint over a device's chain head. These are the wire types too (sync/ reuses them).
#pragma once
#include <cstdint>
#include <string>

#include "client/canonical.hpp"

namespace kinerja {

inline constexpr const char* kOpVersion = "1";
inline const std::string kZeroHash(64, '0');

struct Op {
  std::string v = kOpVersion;
  std::string office;  // satker code, e.g. "407973"; kanwil-authored ops carry the kanwil's
  std::string device;  // the authoring device's id
  int64_t seq = 0;     // 1, 2, 3 … per device
  std::string hlc;     // hybrid logical clock, see hlc.hpp
  std::string author;  // NIP of the officer, may be empty
  std::string type;    // e.g. "value.record", "catalogue.load"
  std::string key;     // the cell it writes, e.g. "PROYUSTISIA/2024-Q1"
  json body;           // normalized (strings only); body["base"] = hash it supersedes, if any
  std::string prev;    // hash of the device's previous op, kZeroHash for seq 1
  std::string hash;    // SHA-256 of canonical_op(op)
};

// Canonical encoding of every field but `hash`. BODY_TEXT, when given, must be
// canonical_text(op.body): the appending path serialises each body once.
std::string canonical_op(const Op& op);
std::string canonical_op(const Op& op, std::string_view body_text);
std::string compute_hash(const Op& op);
std::string compute_hash(const Op& op, std::string_view body_text);

json op_to_json(const Op& op);    // all fields, hash included
Op op_from_json(const json& j);   // throws Error(BadInput) naming a missing/ill-typed field

// A signed statement "device's chain head at seq is hash".
struct Checkpoint {
  std::string device;
  int64_t seq = 0;
  std::string hash;
  std::string sig;  // Ed25519 over checkpoint_message(), hex
};

std::string checkpoint_message(const Checkpoint& c);
json checkpoint_to_json(const Checkpoint& c);
Checkpoint checkpoint_from_json(const json& j);

}  // namespace kinerja
