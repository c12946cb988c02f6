// The sync wire format (protocol.hpp).
#include "sync/protocol.hpp"

#include <algorithm>

#include "client/error.hpp"
#include "client/evidence.hpp"

namespace kinerja {

static std::string str(const json& j, const char* name) { return string_field(j, name); }

static int64_t num(const json& j, const char* name) {
  std::string s = str(j, name);
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw bad_input(std::string("field '") + name + "' must be a non-negative integer string, got '" + s + "'");
  return std::stoll(s);
}

static const json& arr(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_array()) throw bad_input(std::string("field '") + name + "' is missing or not an array");
  return *it;
}

static void check_version(const json& j) {
  if (!j.is_object()) throw bad_input("message is not a JSON object");
  std::string v = str(j, "v");
  if (v != kProtocolVersion)
    throw bad_input("protocol version " + v + " is not supported (this side speaks " + kProtocolVersion + ")");
}

std::string enrol_message(const EnrolRequest& m) {
  return "kinerja-enrol-v1\n" + m.code + "\n" + m.office + "\n" + m.device + "\n" + m.public_key;
}

json to_json(const EnrolRequest& m) {
  return json{{"v", kProtocolVersion}, {"code", m.code}, {"office", m.office}, {"device", m.device},
              {"public_key", m.public_key}, {"sig", m.sig}};
}

EnrolRequest enrol_request_from_json(const json& j) {
  check_version(j);
  return EnrolRequest{str(j, "code"), str(j, "office"), str(j, "device"), str(j, "public_key"), str(j, "sig")};
}

json to_json(const DeviceInfo& m) {
  return json{{"device", m.device}, {"public_key", m.public_key}, {"office", m.office}, {"role", m.role}};
}

DeviceInfo device_info_from_json(const json& j) {
  if (!j.is_object()) throw bad_input("device is not a JSON object");
  return DeviceInfo{str(j, "device"), str(j, "public_key"), str(j, "office"), str(j, "role")};
}

json to_json(const EnrolResponse& m) {
  return json{{"v", kProtocolVersion}, {"token", m.token}, {"office", m.office}, {"hub", to_json(m.hub)},
              {"name", m.name}, {"kanwil", m.kanwil}};
}

std::string checked_identity_text(const std::string& v, const std::string& field) {
  bool control = std::any_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (v.empty() || v.size() > 200 || control)
    throw bad_input(field + ": harus teks 1 sampai 200 byte tanpa karakter kendali");
  return v;
}

// The office's name or kanwil in an enrol answer: absent (an older hub) is "".
static std::string identity_field(const json& j, const char* name) {
  return j.contains(name) ? checked_identity_text(str(j, name), std::string("field '") + name + "'") : "";
}

EnrolResponse enrol_response_from_json(const json& j) {
  check_version(j);
  if (!j.contains("hub")) throw bad_input("field 'hub' is missing");
  EnrolResponse r{str(j, "token"), str(j, "office"), device_info_from_json(j["hub"]), identity_field(j, "name"),
                  identity_field(j, "kanwil")};
  if (r.name.empty() != r.kanwil.empty()) throw bad_input("fields 'name' and 'kanwil' come together or not at all");
  return r;
}

json to_json(const PushBatch& m) {
  json ops = json::array();
  for (const auto& op : m.ops) ops.push_back(op_to_json(op));
  return json{{"v", kProtocolVersion}, {"ops", std::move(ops)}, {"checkpoint", checkpoint_to_json(m.checkpoint)}};
}

PushBatch push_batch_from_json(const json& j) {
  check_version(j);
  PushBatch b;
  for (const auto& op : arr(j, "ops")) b.ops.push_back(op_from_json(op));
  if (!j.contains("checkpoint")) throw bad_input("field 'checkpoint' is missing");
  b.checkpoint = checkpoint_from_json(j["checkpoint"]);
  return b;
}

json to_json(const Rejection& m) {
  return json{{"device", m.device}, {"seq", std::to_string(m.seq)}, {"hash", m.hash}, {"reason", m.reason}};
}

Rejection rejection_from_json(const json& j) {
  if (!j.is_object()) throw bad_input("rejection is not a JSON object");
  return Rejection{str(j, "device"), num(j, "seq"), str(j, "hash"), str(j, "reason")};
}

json to_json(const PushResult& m) {
  json rej = json::array();
  for (const auto& r : m.rejections) rej.push_back(to_json(r));
  return json{{"v", kProtocolVersion}, {"acked", std::to_string(m.acked)}, {"rejections", std::move(rej)}};
}

PushResult push_result_from_json(const json& j) {
  check_version(j);
  PushResult r;
  r.acked = num(j, "acked");
  for (const auto& x : arr(j, "rejections")) r.rejections.push_back(rejection_from_json(x));
  return r;
}

json to_json(const PullPage& m) {
  json devices = json::array(), ops = json::array(), cps = json::array(), rej = json::array();
  for (const auto& d : m.devices) devices.push_back(to_json(d));
  for (const auto& op : m.ops) ops.push_back(op_to_json(op));
  for (const auto& c : m.checkpoints) cps.push_back(checkpoint_to_json(c));
  for (const auto& r : m.rejections) rej.push_back(to_json(r));
  return json{{"v", kProtocolVersion}, {"devices", std::move(devices)}, {"ops", std::move(ops)},
              {"checkpoints", std::move(cps)}, {"rejections", std::move(rej)}, {"cursor", m.cursor},
              {"more", m.more ? "true" : "false"}};
}

PullPage pull_page_from_json(const json& j) {
  check_version(j);
  PullPage p;
  for (const auto& d : arr(j, "devices")) p.devices.push_back(device_info_from_json(d));
  for (const auto& op : arr(j, "ops")) p.ops.push_back(op_from_json(op));
  for (const auto& c : arr(j, "checkpoints")) p.checkpoints.push_back(checkpoint_from_json(c));
  for (const auto& r : arr(j, "rejections")) p.rejections.push_back(rejection_from_json(r));
  p.cursor = str(j, "cursor");
  std::string more = str(j, "more");
  if (more != "true" && more != "false") throw bad_input("field 'more' must be \"true\" or \"false\"");
  p.more = more == "true";
  return p;
}

json to_json(const OwnOps& m) {
  json j = to_json(m.page);
  j["head"] = std::to_string(m.head);
  j["head_hash"] = m.head_hash;
  return j;
}

OwnOps own_ops_from_json(const json& j) {
  OwnOps r;
  r.page = pull_page_from_json(j);
  r.head = num(j, "head");
  r.head_hash = str(j, "head_hash");
  return r;
}

json to_json(const ProtocolError& m) {
  json e{{"code", m.code}, {"message", m.what()}};
  if (m.acked >= 0) e["acked"] = std::to_string(m.acked);
  return json{{"v", kProtocolVersion}, {"error", std::move(e)}};
}

ProtocolError protocol_error_from_json(int status, const json& j) {
  std::string code = "http_" + std::to_string(status), message = "the hub answered HTTP " + std::to_string(status);
  int64_t acked = -1;
  if (j.is_object() && j.contains("error") && j["error"].is_object()) {
    const json& x = j["error"];
    if (x.contains("code") && x["code"].is_string()) code = x["code"];
    if (x.contains("message") && x["message"].is_string()) message = x["message"];
    if (x.contains("acked")) acked = num(x, "acked");
  }
  return ProtocolError(status, code, message, acked);
}

static std::vector<std::string> hashes(const json& j, const char* name) {
  std::vector<std::string> out;
  for (const auto& h : arr(j, name)) {
    if (!h.is_string() || !is_sha256(h.get<std::string>()))
      throw bad_input(std::string("field '") + name + "' holds a value that is not a SHA-256 in lower-case hex");
    out.push_back(h.get<std::string>());
  }
  return out;
}

json to_json(const BlobQuery& m) { return json{{"v", kProtocolVersion}, {"sha256", m.sha256}}; }
json to_json(const BlobMissing& m) { return json{{"v", kProtocolVersion}, {"missing", m.missing}}; }

BlobQuery blob_query_from_json(const json& j) {
  check_version(j);
  return BlobQuery{hashes(j, "sha256")};
}

BlobMissing blob_missing_from_json(const json& j) {
  check_version(j);
  return BlobMissing{hashes(j, "missing")};
}

}  // namespace kinerja
