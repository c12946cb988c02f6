// A bounded mutation fuzzer over what the hub parses from the network (issue 10): valid push
// bodies, mutated (bytes flipped, cut, duplicated, nested deep, values replaced by other JSON
// types), go through parse_json_bounded, push_batch_from_json, op_from_json,
// checkpoint_from_json, the op's canonical encoding and the per-type op rules. Nothing may
// crash, and every refusal must be Error(BadInput). Deterministic seed; at most kIterations or kSeconds.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <string>

#include "client/error.hpp"
#include "client/json_limits.hpp"
#include "client/ledger.hpp"
#include "client/op.hpp"
#include "client/op_rules.hpp"
#include "sync/protocol.hpp"

namespace kinerja {
namespace {

constexpr int kIterations = 30000;
constexpr auto kSeconds = std::chrono::seconds(8);

std::string valid_push_body() {
  PushBatch b;
  std::string prev = kZeroHash;
  for (int seq = 1; seq <= 3; ++seq) {
    Op op;
    op.office = "407973";
    op.device = "dev-fuzz";
    op.seq = seq;
    op.hlc = "001717000000000-00000" + std::to_string(seq);
    op.author = "199001";
    op.type = "value";
    op.key = "LAYANAN/2024-Q" + std::to_string(seq);
    op.body = json{{"indicator", "LAYANAN"}, {"period", "2024-Q" + std::to_string(seq)}, {"numerator", "31"},
                   {"denominator", "100"}, {"note", "survei \"Q1\" é"}, {"tags", json::array({"a", "b"})}};
    op.prev = prev;
    op.hash = compute_hash(op);
    prev = op.hash;
    b.ops.push_back(op);
  }
  b.checkpoint = Checkpoint{"dev-fuzz", 3, prev, std::string(128, 'a')};
  return to_json(b).dump();
}

// A JSON value of a random type, sometimes deeply nested.
json random_value(std::mt19937& rng) {
  switch (rng() % 9) {
    case 0: return nullptr;
    case 1: return 1.5;
    case 2: return -7;
    case 3: return true;
    case 4: return json::object({{"x", 2.5}});
    case 5: return json::array({1, "a", nullptr});
    case 6: return std::string(rng() % 3000, 'x');
    case 7: {
      json deep = "leaf";
      for (unsigned i = rng() % 100; i > 0; --i) deep = json::array({std::move(deep)});
      return deep;
    }
    default: return "";
  }
}

// Replaces, removes or adds a value somewhere in J.
void mutate_tree(json& j, std::mt19937& rng) {
  json* at = &j;
  while ((at->is_object() || at->is_array()) && !at->empty() && rng() % 3 != 0) {
    auto it = at->begin();
    std::advance(it, rng() % at->size());
    at = &*it;
  }
  if (at->is_object() && rng() % 2 == 0) {
    (*at)[std::string(1, static_cast<char>('a' + rng() % 26))] = random_value(rng);
  } else if (at->is_array() && !at->empty() && rng() % 2 == 0) {
    at->push_back((*at)[rng() % at->size()]);  // a duplicated element, e.g. an op
  } else if (at->is_object() && !at->empty()) {
    auto it = at->begin();
    std::advance(it, rng() % at->size());
    at->erase(it);
  } else {
    *at = random_value(rng);
  }
}

// Flips, cuts, duplicates or nests bytes of TEXT.
void mutate_text(std::string& text, std::mt19937& rng) {
  size_t pos = text.empty() ? 0 : rng() % text.size();
  switch (rng() % 5) {
    case 0:
      if (!text.empty()) text[pos] = static_cast<char>(rng());
      break;
    case 1:
      text.resize(pos);
      break;
    case 2:
      text.insert(pos, text.substr(pos, rng() % 200));
      break;
    case 3: {
      size_t depth = rng() % 2 == 0 ? rng() % 80 : 100000;
      text.insert(pos, std::string(depth, '[') + std::string(depth, ']'));
      break;
    }
    default:
      text.insert(pos, std::string(1, "{}[]\",:0.e-\\"[rng() % 12]));
  }
}

// What the hub does with a body: parse, decode, encode, and each op through the per-type
// rules (client/op_rules.hpp) and the test of whether it may count (ledger.hpp).
void decode(const std::string& text) {
  json j = parse_json_bounded(text, "the body");
  if (j.is_object()) {
    if (auto ops = j.find("ops"); ops != j.end() && ops->is_array())
      for (const auto& op : *ops) canonical_op(op_from_json(op));
    if (auto cp = j.find("checkpoint"); cp != j.end()) checkpoint_message(checkpoint_from_json(*cp));
  }
  for (const auto& op : push_batch_from_json(j).ops) {
    compute_hash(op);
    op_problem(op, false);
    check_op(op);
  }
}

}  // namespace

TEST_CASE("fuzz: mutated push bodies are refused as bad input, never crash") {
  const std::string valid = valid_push_body();
  REQUIRE_NOTHROW(decode(valid));
  const json tree = json::parse(valid);
  std::mt19937 rng(20240610);
  auto end = std::chrono::steady_clock::now() + kSeconds;
  int accepted = 0, refused = 0;
  for (int i = 0; i < kIterations && std::chrono::steady_clock::now() < end; ++i) {
    std::string text;
    if (rng() % 2 == 0) {
      json j = tree;
      for (unsigned n = 1 + rng() % 3; n > 0; --n) mutate_tree(j, rng);
      text = j.dump();
    } else {
      text = valid;
      for (unsigned n = 1 + rng() % 3; n > 0; --n) mutate_text(text, rng);
    }
    try {
      decode(text);
      ++accepted;
    } catch (const Error& e) {
      INFO("iteration " << i << ": " << e.what() << "\n" << text.substr(0, 400));
      REQUIRE(e.kind == ErrorKind::BadInput);
      ++refused;
    } catch (const std::exception& e) {
      FAIL("iteration " << i << ": " << e.what() << "\n" << text.substr(0, 400));
    }
  }
  INFO("accepted " << accepted << ", refused " << refused);
  CHECK(accepted > 0);
  CHECK(refused > 0);
}

}  // namespace kinerja
