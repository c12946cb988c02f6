// The canonical encoding ops are hashed and signed over (client/canonical.hpp, client/op.hpp).
// The expected texts and hashes were computed independently (Python json.dumps with sorted
// keys and no whitespace, hashlib.sha256): they must never change, or every chain breaks.
#include <catch2/catch.hpp>

#include "client/canonical.hpp"
#include "client/error.hpp"
#include "client/op.hpp"

using namespace kinerja;

static Op sample_op() {
  Op op;
  op.office = "407973";
  op.device = "d0123456789abcdef";
  op.seq = 7;
  op.hlc = "001717200000000-000003";
  op.author = "199001";
  op.type = "value";
  op.key = "ILK/2024";
  op.body = normalize(json{{"value", "3.99"}, {"period", "2024"}, {"indicator", "ILK"}, {"note", "survei \"Q1\" é"}});
  op.prev = kZeroHash;
  return op;
}

TEST_CASE("normalize turns every scalar into a string and refuses binary floats", "[canonical]") {
  json n = normalize(json{{"b", 12}, {"a", json::array({-3, true, "x"})}, {"c", {{"z", 18446744073709551615u}}}});
  CHECK(canonical_text(n) == R"({"a":["-3","true","x"],"b":"12","c":{"z":"18446744073709551615"}})");
  CHECK_THROWS_WITH(normalize(json{{"value", 3.99}}), Catch::Contains("floating-point"));
  CHECK(canonical_text(normalize(json::object())) == "{}");
}

TEST_CASE("an op's canonical text and hash are stable", "[canonical]") {
  Op op = sample_op();
  CHECK(canonical_op(op) ==
        R"({"author":"199001","body":{"indicator":"ILK","note":"survei \"Q1\" é","period":"2024","value":"3.99"},)"
        R"("device":"d0123456789abcdef","hlc":"001717200000000-000003","key":"ILK/2024","office":"407973",)"
        R"("prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":"7","type":"value","v":"1"})");
  CHECK(compute_hash(op) == "c7dfcea31eb6ac70cb5e18df5f736923531b25d17b1daa8fe2432efbf69280da");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("an op's canonical text is the sorted-key JSON of its fields, whatever they hold", "[canonical]") {
  Op op = sample_op();
  op.author = "NIP \"1\"\\ \x01\x1f tab\t é 漢";
  op.key = "K/\n/\u2028";
  op.type = "";
  op.body = normalize(json{{"z", json::array({"a", json{{"b", "\x7f"}}})}, {"a", ""}});
  json fields = op_to_json(op);
  fields.erase("hash");
  CHECK(canonical_op(op) == canonical_text(fields));
  CHECK(canonical_op(op, canonical_text(op.body)) == canonical_text(fields));
  CHECK(compute_hash(op, canonical_text(op.body)) == compute_hash(op));
}

TEST_CASE("every field of an op is covered by its hash", "[canonical]") {
  const std::string h = compute_hash(sample_op());
  auto changed = [&](auto edit) {
    Op op = sample_op();
    edit(op);
    return compute_hash(op);
  };
  CHECK(changed([](Op& o) { o.v = "2"; }) != h);
  CHECK(changed([](Op& o) { o.office = "407974"; }) != h);
  CHECK(changed([](Op& o) { o.device = "d0123456789abcdee"; }) != h);
  CHECK(changed([](Op& o) { o.seq = 8; }) != h);
  CHECK(changed([](Op& o) { o.hlc = "001717200000000-000004"; }) != h);
  CHECK(changed([](Op& o) { o.author = ""; }) != h);
  CHECK(changed([](Op& o) { o.type = "target"; }) != h);
  CHECK(changed([](Op& o) { o.key = "ILK/2025"; }) != h);
  CHECK(changed([](Op& o) { o.body["value"] = "3.98"; }) != h);
  CHECK(changed([](Op& o) { o.prev = std::string(64, '1'); }) != h);
  CHECK(changed([](Op& o) { o.hash = "ignored"; }) == h);
}

TEST_CASE("ops and checkpoints survive their JSON round trip", "[canonical]") {
  Op op = sample_op();
  op.hash = compute_hash(op);
  Op back = op_from_json(json::parse(op_to_json(op).dump()));
  CHECK(canonical_op(back) == canonical_op(op));
  CHECK(back.hash == op.hash);
  json bad = op_to_json(op);
  bad["seq"] = "07";
  CHECK_THROWS_WITH(op_from_json(bad), Catch::Contains("'seq' must be a positive integer"));
  bad.erase("seq");
  CHECK_THROWS_WITH(op_from_json(bad), Catch::Contains("'seq' is missing"));

  Checkpoint c{"d0123456789abcdef", 7, "", "00"};
  for (int i = 0; i < 32; ++i) c.hash += "ab";
  CHECK(checkpoint_message(c) ==
        R"({"device":"d0123456789abcdef","hash":"abababababababababababababababababababababababababababababababab","seq":"7"})");
  Checkpoint cb = checkpoint_from_json(checkpoint_to_json(c));
  CHECK(checkpoint_message(cb) == checkpoint_message(c));
  CHECK(cb.sig == "00");
}
