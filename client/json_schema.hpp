// JSON Schema validation of kinerja's own schema files (schema/catalogue/catalogue.schema.json)
// through Debian's valijson: draft 7 keywords, definitions under "$defs" reached by "$ref".
// A schema using a keyword valijson does not check is refused, so a rule is never
// silently ignored.
#pragma once
#include <memory>
#include <string>

#include "client/canonical.hpp"

namespace valijson {
class Schema;
}

namespace kinerja {

// A schema checked and compiled once; validating with it does not parse it again.
struct JsonSchema {
  std::shared_ptr<const valijson::Schema> compiled;
};

// Throws Error(Failure) when SCHEMA uses an unsupported keyword or a broken $ref.
JsonSchema compile_schema(const json& schema);

// The most specific violation of SCHEMA by DOC as "PATH: reason" (PATH like
// "sasaran[0].indicators[1].unit", "(document)" for the root), or "" when DOC is valid.
std::string schema_violation(const JsonSchema& schema, const json& doc);

}  // namespace kinerja
