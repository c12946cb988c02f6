// The JSON Schema subset validator (client/json_schema.hpp), and the shipped catalogues
// passing the shipped schema.
#include <catch2/catch.hpp>

#include "client/catalogue.hpp"
#include "client/embedded.hpp"
#include "client/error.hpp"
#include "client/json_schema.hpp"

using namespace kinerja;

static const JsonSchema kSchema = compile_schema(json::parse(R"({
  "type": "object", "required": ["a"], "additionalProperties": false,
  "properties": {
    "a": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/item"}},
    "m": {"type": "object", "additionalProperties": false, "patternProperties": {"^[0-9]{4}$": {"type": "string"}}}
  },
  "$defs": {"item": {"type": "object", "required": ["u"], "properties": {
    "u": {"enum": ["x", "y"]}, "s": {"type": "string", "minLength": 2, "pattern": "^[a-z]+$"}}}}
})"));

TEST_CASE("schema violations name the path and the reason", "[schema]") {
  CHECK(schema_violation(kSchema, json::parse(R"({"a":[{"u":"x","s":"ab"}],"m":{"2024":"1"}})")) == "");
  CHECK(schema_violation(kSchema, json::parse("[]")) == "(document): Value type not permitted by 'type' constraint.");
  CHECK(schema_violation(kSchema, json::parse("{}")) == "(document): Missing required property 'a'.");
  CHECK(schema_violation(kSchema, json::parse(R"({"a":[]})")) == "a: Array should contain no fewer than 1 elements.");
  CHECK(schema_violation(kSchema, json::parse(R"({"a":[{"u":"z"}]})")) == "a[0].u (\"z\"): Failed to match against any enum values.");
  CHECK(schema_violation(kSchema, json::parse(R"({"a":[{"u":"x","s":"a"}]})")) == "a[0].s (\"a\"): String should be no fewer than 2 characters in length.");
  CHECK(schema_violation(kSchema, json::parse(R"({"a":[{"u":"x","s":"A1"}]})")) == "a[0].s (\"A1\"): Failed to match regex specified by 'pattern' constraint.");
  CHECK_THAT(schema_violation(kSchema, json::parse(R"({"a":[{"u":"x"}],"b":1})")), Catch::Contains("(document): Object contains a property that could not be validated") && Catch::EndsWith("'b'."));
  CHECK_THAT(schema_violation(kSchema, json::parse(R"({"a":[{"u":"x"}],"m":{"20x4":"1"}})")), Catch::StartsWith("m: Object contains a property") && Catch::EndsWith("'20x4'."));
  CHECK(schema_violation(kSchema, json::parse(R"({"a":[{"u":"x"}],"m":{"2024":1}})")) == "m.2024 (1): Value type not permitted by 'type' constraint.");
}

TEST_CASE("an unsupported keyword or a broken $ref is an error, never ignored", "[schema]") {
  CHECK_THROWS_AS(compile_schema(json::parse(R"({"unevaluatedProperties": false})")), Error);
  CHECK_THROWS_AS(compile_schema(json::parse(R"({"properties": {"a": {"maxLenght": 3}}})")), Error);
  CHECK_THROWS_AS(compile_schema(json::parse(R"({"$ref": "#/$defs/nope"})")), Error);
}

TEST_CASE("the shipped catalogues pass the shipped schema and parse", "[schema]") {
  JsonSchema schema = compile_schema(json::parse(*embedded_file("catalogue/catalogue.schema.json")));
  for (const char* year : {"2020", "2021", "2022", "2023", "2024", "2025"}) {
    INFO(year);
    json doc = *shipped_catalogue(year);
    CHECK(schema_violation(schema, doc) == "");
    CHECK(parse_catalogue(doc).year == year);
  }
  Catalogue c2025 = parse_catalogue(*shipped_catalogue("2025"));
  CHECK(c2025.sasaran[1].indicators[0].code == "IPHK");
  CHECK(c2025.sasaran[1].indicators[0].parts.size() == 6);
  CHECK(c2025.sasaran[1].indicators[0].renstra_targets.at("2026") == "91.53");
}

TEST_CASE("component weights must all be given and sum to 100", "[schema]") {
  json doc = *shipped_catalogue("2025");
  json& parts = doc["sasaran"][0]["indicators"][0]["components"];
  parts[0]["weight"] = "50";
  CHECK_THROWS_WITH(parse_catalogue(doc), Catch::Contains("either every component of IKLK has a weight or none"));
  parts[1]["weight"] = "50.5";
  CHECK_THROWS_WITH(parse_catalogue(doc), Catch::Contains("sum to 100.5, not 100"));
  parts[1]["weight"] = "50";
  CHECK(parse_catalogue(doc).sasaran[0].indicators[0].parts[1].weight == "50");
}
