// JSON Schema validation (json_schema.hpp) through Debian's valijson, with its nlohmann
// adapter. valijson knows draft 7; kinerja's schemas keep their definitions under "$defs",
// which valijson reaches as any JSON pointer of a "$ref".
#include "client/json_schema.hpp"

#include <set>
#include <stdexcept>

#define VALIJSON_USE_EXCEPTIONS 1  // a broken schema throws instead of calling abort()
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "client/error.hpp"

namespace kinerja {

namespace {

void check_keywords(const json& schema) {
  // Keywords whose value is a subschema, a list of subschemas, or a map of them: the walk
  // below checks the keywords inside them too.
  static const std::set<std::string> kOneSchema = {"additionalProperties", "additionalItems", "contains", "propertyNames",
                                            "not", "if", "then", "else", "items"};
  static const std::set<std::string> kSchemaList = {"allOf", "anyOf", "oneOf", "items"};
  static const std::set<std::string> kSchemaMap = {"properties", "patternProperties", "$defs", "definitions", "dependencies"};
  // Keywords valijson checks, and annotations that need no check. Anything else (a later
  // draft's "unevaluatedProperties", a typo) is refused, so a rule is never silently ignored.
  static const std::set<std::string> kValueKeywords = {
      "$schema", "$id", "$comment", "$ref", "title", "description", "default", "examples",
      "type", "enum", "const", "required", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern",
      "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minProperties",
      "maxProperties"};
  if (!schema.is_object()) return;  // true/false schemas, or an array of required names
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    const std::string& k = it.key();
    if (kSchemaMap.count(k) && it->is_object()) {
      for (const auto& sub : *it) check_keywords(sub);
    } else if (kSchemaList.count(k) && it->is_array()) {
      for (const auto& sub : *it) check_keywords(sub);
    } else if (kOneSchema.count(k)) {
      check_keywords(*it);
    } else if (!kValueKeywords.count(k)) {
      throw failure("JSON Schema: unsupported keyword '" + k + "'");
    }
  }
}

// valijson names each step "[name]" or "[index]" after a "<root>"; DOC tells which one
// a step is, so the path reads "sasaran[0].indicators[1].unit". A scalar found there is
// quoted after the path, since valijson's reason does not name it.
std::string readable_path(const std::vector<std::string>& context, const json& doc) {
  std::string path;
  const json* node = &doc;
  for (const auto& step : context) {
    if (step.size() < 2 || step.front() != '[' || step.back() != ']') continue;
    std::string name = step.substr(1, step.size() - 2);
    if (node && node->is_array()) {
      path += step;
      size_t i = std::stoul(name);
      node = i < node->size() ? &(*node)[i] : nullptr;
    } else {
      path += path.empty() ? name : "." + name;
      node = node && node->is_object() && node->contains(name) ? &(*node)[name] : nullptr;
    }
  }
  if (path.empty()) return "(document)";
  return node && node->is_primitive() ? path + " (" + node->dump() + ")" : path;
}

}  // namespace

JsonSchema compile_schema(const json& schema) {
  check_keywords(schema);
  auto parsed = std::make_shared<valijson::Schema>();
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter schema_adapter(schema);
    parser.populateSchema(schema_adapter, *parsed);
  } catch (const std::exception& e) {
    throw failure(std::string("JSON Schema: ") + e.what());
  }
  return JsonSchema{parsed};
}

std::string schema_violation(const JsonSchema& schema, const json& doc) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter doc_adapter(doc);
  if (validator.validate(*schema.compiled, doc_adapter, &results)) return "";
  // The deepest error is the one that says what is wrong; the ones around it only say
  // that a property or an item failed.
  valijson::ValidationResults::Error worst, e;
  while (results.popError(e))
    if (worst.description.empty() || e.context.size() > worst.context.size()) worst = e;
  return readable_path(worst.context, doc) + ": " + worst.description;
}

}  // namespace kinerja
