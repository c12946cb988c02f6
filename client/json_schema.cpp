// The JSON Schema subset validator (json_schema.hpp).
#include "client/json_schema.hpp"

#include <map>
#include <regex>
#include <set>

#include "client/error.hpp"

namespace kinerja {

namespace {

// Patterns compiled once: catalogues are validated every time they are read from the store.
const std::regex& compiled(const std::string& pattern) {
  static std::map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) it = cache.emplace(pattern, std::regex(pattern)).first;
  return it->second;
}

struct Validator {
  const json& root;

  const json& resolve(const json& schema) const {
    const std::string ref = schema.at("$ref").get<std::string>();
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0 || !root.contains("$defs") || !root["$defs"].contains(ref.substr(prefix.size())))
      throw failure("JSON Schema: unresolvable $ref '" + ref + "'");
    return root["$defs"][ref.substr(prefix.size())];
  }

  static bool has_type(const json& doc, const std::string& type) {
    if (type == "object") return doc.is_object();
    if (type == "array") return doc.is_array();
    if (type == "string") return doc.is_string();
    if (type == "integer") return doc.is_number_integer();
    if (type == "boolean") return doc.is_boolean();
    throw failure("JSON Schema: unsupported type '" + type + "'");
  }

  static std::string join(const std::string& path, const std::string& name) { return path.empty() ? name : path + "." + name; }
  static std::string here(const std::string& path) { return path.empty() ? "(document)" : path; }

  std::string object_violation(const json& schema, const json& doc, const std::string& path) const {
    for (const auto& r : schema.value("required", json::array()))
      if (!doc.contains(r.get<std::string>())) return here(path) + ": required field '" + r.get<std::string>() + "' is missing";
    const json props = schema.value("properties", json::object());
    const json patterns = schema.value("patternProperties", json::object());
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      std::string sub = join(path, it.key());
      bool known = false;
      if (props.contains(it.key())) {
        known = true;
        if (auto v = violation(props[it.key()], it.value(), sub); !v.empty()) return v;
      }
      for (auto p = patterns.begin(); p != patterns.end(); ++p)
        if (std::regex_search(it.key(), compiled(p.key()))) {
          known = true;
          if (auto v = violation(p.value(), it.value(), sub); !v.empty()) return v;
        }
      if (!known && schema.contains("additionalProperties") && !schema["additionalProperties"].get<bool>())
        return sub + ": field '" + it.key() + "' is not allowed here";
    }
    return "";
  }

  std::string violation(const json& schema, const json& doc, const std::string& path) const {
    static const std::set<std::string> known = {
        "$schema", "$id",       "$defs",   "$comment", "title",    "description", "$ref",
        "type",    "properties", "required", "additionalProperties", "patternProperties",
        "items",   "minItems",  "minLength", "enum",    "pattern"};
    for (auto it = schema.begin(); it != schema.end(); ++it)
      if (!known.count(it.key())) throw failure("JSON Schema: unsupported keyword '" + it.key() + "'");
    if (schema.contains("$ref")) return violation(resolve(schema), doc, path);
    if (schema.contains("type") && !has_type(doc, schema["type"].get<std::string>()))
      return here(path) + ": must be of type " + schema["type"].get<std::string>();
    if (schema.contains("enum")) {
      bool found = false;
      for (const auto& e : schema["enum"]) found = found || e == doc;
      if (!found) return here(path) + ": " + doc.dump() + " is not one of " + schema["enum"].dump();
    }
    if (doc.is_string()) {
      const std::string s = doc.get<std::string>();
      if (schema.contains("minLength") && s.size() < schema["minLength"].get<size_t>())
        return here(path) + ": must have at least " + std::to_string(schema["minLength"].get<size_t>()) + " character(s)";
      if (schema.contains("pattern") && !std::regex_search(s, compiled(schema["pattern"].get<std::string>())))
        return here(path) + ": '" + s + "' does not match " + schema["pattern"].get<std::string>();
    }
    if (doc.is_array()) {
      if (schema.contains("minItems") && doc.size() < schema["minItems"].get<size_t>())
        return here(path) + ": must have at least " + std::to_string(schema["minItems"].get<size_t>()) + " item(s)";
      if (schema.contains("items"))
        for (size_t i = 0; i < doc.size(); ++i)
          if (auto v = violation(schema["items"], doc[i], path + "[" + std::to_string(i) + "]"); !v.empty()) return v;
    }
    if (doc.is_object()) return object_violation(schema, doc, path);
    return "";
  }
};

}  // namespace

std::string schema_violation(const json& schema, const json& doc) { return Validator{schema}.violation(schema, doc, ""); }

}  // namespace kinerja
