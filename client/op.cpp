// Op and checkpoint encodings (op.hpp).
#include "client/op.hpp"

#include "client/error.hpp"

namespace kinerja {

static json op_fields(const Op& op) {
  return json{{"v", op.v},         {"office", op.office}, {"device", op.device},
              {"seq", std::to_string(op.seq)}, {"hlc", op.hlc}, {"author", op.author},
              {"type", op.type},   {"key", op.key},       {"body", op.body},
              {"prev", op.prev}};
}

// canonical_text(json(S)), without the JSON value for the common printable-ASCII string.
static std::string canonical_string(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return canonical_text(json(s));
  return '"' + s + '"';
}

// The text canonical_text(op_fields(op)) gives, keys in their sorted order, built without
// copying the body into a JSON tree and serialising it a second time.
std::string canonical_op(const Op& op, std::string_view body_text) {
  const auto& str = canonical_string;
  std::string out;
  out.reserve(body_text.size() + 320);
  out.append("{\"author\":").append(str(op.author));
  out.append(",\"body\":").append(body_text);
  out.append(",\"device\":").append(str(op.device));
  out.append(",\"hlc\":").append(str(op.hlc));
  out.append(",\"key\":").append(str(op.key));
  out.append(",\"office\":").append(str(op.office));
  out.append(",\"prev\":").append(str(op.prev));
  out.append(",\"seq\":\"").append(std::to_string(op.seq));
  out.append("\",\"type\":").append(str(op.type));
  out.append(",\"v\":").append(str(op.v)).append("}");
  return out;
}

std::string canonical_op(const Op& op) { return canonical_op(op, canonical_text(op.body)); }

std::string compute_hash(const Op& op) { return sha256_hex(canonical_op(op)); }

std::string compute_hash(const Op& op, std::string_view body_text) { return sha256_hex(canonical_op(op, body_text)); }

json op_to_json(const Op& op) {
  json j = op_fields(op);
  j["hash"] = op.hash;
  return j;
}

static std::string field(const json& j, const char* name) { return string_field(j, name, "op field"); }

static int64_t seq_field(const json& j, const char* name) {
  std::string s = field(j, name);
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos || s[0] == '0')
    throw bad_input(std::string("op field '") + name + "' must be a positive integer string, got '" + s + "'");
  return std::stoll(s);
}

Op op_from_json(const json& j) {
  if (!j.is_object()) throw bad_input("op is not a JSON object");
  Op op;
  op.v = field(j, "v");
  op.office = field(j, "office");
  op.device = field(j, "device");
  op.seq = seq_field(j, "seq");
  op.hlc = field(j, "hlc");
  op.author = field(j, "author");
  op.type = field(j, "type");
  op.key = field(j, "key");
  auto b = j.find("body");
  if (b == j.end() || !b->is_object()) throw bad_input("op field 'body' is missing or not an object");
  try {
    op.body = normalize(*b);
  } catch (const Error& e) {
    throw bad_input(std::string("op field 'body': ") + e.what());  // a binary float
  }
  op.prev = field(j, "prev");
  op.hash = field(j, "hash");
  return op;
}

std::string checkpoint_message(const Checkpoint& c) {
  return canonical_text(json{{"device", c.device}, {"seq", std::to_string(c.seq)}, {"hash", c.hash}});
}

json checkpoint_to_json(const Checkpoint& c) {
  return json{{"device", c.device}, {"seq", std::to_string(c.seq)}, {"hash", c.hash}, {"sig", c.sig}};
}

Checkpoint checkpoint_from_json(const json& j) {
  if (!j.is_object()) throw bad_input("checkpoint is not a JSON object");
  return Checkpoint{field(j, "device"), seq_field(j, "seq"), field(j, "hash"), field(j, "sig")};
}

}  // namespace kinerja
