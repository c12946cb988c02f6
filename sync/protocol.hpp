// The sync wire format, version 1 (schema/protocol.md): the messages exchanged between
// `kinerja sync` and `kinerja-hub`, as plain structs with their JSON codecs. Ops and
// checkpoints travel in the ledger's own encoding (client/op.hpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "client/error.hpp"
#include "client/op.hpp"

namespace kinerja {

inline constexpr const char* kProtocolVersion = "1";
// SHA-256 (hex) of a POST body before compression, so the hub can tell a body cut on the
// way from a bad request: a mismatch is answered 400 `corrupt_body`, which clients retry.
inline constexpr const char* kBodyChecksumHeader = "X-Kinerja-Body-Sha256";

struct EnrolRequest {
  std::string code, office, device, public_key;
  std::string sig;  // Ed25519 (hex) by the device key over enrol_message(): proof of possession
};

// What a device signs to enrol: "kinerja-enrol-v1\n" CODE "\n" OFFICE "\n" DEVICE "\n" PUBLIC_KEY.
std::string enrol_message(const EnrolRequest& m);

struct DeviceInfo {
  std::string device, public_key, office, role;  // role "office" or "hub"
};

struct EnrolResponse {
  std::string token;  // shown once; the hub keeps only its hash
  std::string office;
  DeviceInfo hub;
  std::string name, kanwil;  // the office's, as the hub knows it; empty from a hub older than them
};
// V when it is a valid office name or kanwil code (1 to 200 bytes, no control characters),
// else Error(BadInput) naming FIELD.
std::string checked_identity_text(const std::string& v, const std::string& field);

// A device's next ops, contiguous by seq, and its signature over the last one.
struct PushBatch {
  std::vector<Op> ops;
  Checkpoint checkpoint;
};

struct Rejection {
  std::string device;
  int64_t seq = 0;
  std::string hash, reason;  // reason e.g. "period_locked"
};

struct PushResult {
  int64_t acked = 0;  // highest contiguous seq the hub holds for the device
  std::vector<Rejection> rejections;
};

// One page of what an office may see, in hub order; `cursor` resumes after it.
struct PullPage {
  std::vector<DeviceInfo> devices;
  std::vector<Op> ops;
  std::vector<Checkpoint> checkpoints;
  std::vector<Rejection> rejections;
  std::string cursor;
  bool more = false;
};

// GET /v1/own?after=SEQ: the caller's head at the hub and its own ops after SEQ, for a
// store that lost ops the hub acknowledged (`kinerja recover`). PAGE has no devices and
// no cursor.
struct OwnOps {
  int64_t head = 0;
  std::string head_hash;  // "" when the hub holds no op of the device
  PullPage page;
};

// POST /v1/blobs/missing: the evidence files (by SHA-256) a client holds; the hub answers
// with those it lacks, which the client then PUTs to /v1/blobs/SHA256.
struct BlobQuery {
  std::vector<std::string> sha256;
};
struct BlobMissing {
  std::vector<std::string> missing;
};

// An error answer: HTTP status, a stable code (e.g. "chain_gap") and a message (what()).
// The hub throws it to answer a request with it; on a device it is the hub's refusal, an
// Error of kind Conflict, so a sync that ends on one exits 3 with the hub's words.
struct ProtocolError : Error {
  int status;
  std::string code;
  int64_t acked;  // for chain errors: what the hub holds, -1 when not given
  ProtocolError(int status, std::string code, const std::string& message, int64_t acked = -1)
      : Error(ErrorKind::Conflict, message), status(status), code(std::move(code)), acked(acked) {}
};

json to_json(const EnrolRequest& m);
json to_json(const EnrolResponse& m);
json to_json(const DeviceInfo& m);
json to_json(const PushBatch& m);
json to_json(const PushResult& m);
json to_json(const Rejection& m);
json to_json(const PullPage& m);
json to_json(const OwnOps& m);
json to_json(const ProtocolError& m);
json to_json(const BlobQuery& m);
json to_json(const BlobMissing& m);

// Decoders throw Error(BadInput) naming the missing or ill-typed field.
EnrolRequest enrol_request_from_json(const json& j);
EnrolResponse enrol_response_from_json(const json& j);
DeviceInfo device_info_from_json(const json& j);
PushBatch push_batch_from_json(const json& j);
PushResult push_result_from_json(const json& j);
Rejection rejection_from_json(const json& j);
PullPage pull_page_from_json(const json& j);
OwnOps own_ops_from_json(const json& j);
ProtocolError protocol_error_from_json(int status, const json& j);
BlobQuery blob_query_from_json(const json& j);
BlobMissing blob_missing_from_json(const json& j);

// Decodes an answer of the hub with DECODE; a malformed answer is the hub's fault, not the
// user's input: Error(Failure) instead of Error(BadInput).
template <class T>
T decode_answer(T (*decode)(const json&), const json& body) {
  try {
    return decode(body);
  } catch (const Error& e) {
    throw Error(ErrorKind::Failure, std::string("the hub's answer is malformed: ") + e.what());
  }
}

}  // namespace kinerja
