// A small JSON Schema validator for the subset of draft 2020-12 kinerja's own schema files
// use (schema/catalogue/catalogue.schema.json): type, properties, required,
// additionalProperties (boolean), patternProperties, items, minItems, minLength, enum,
// pattern, $ref to "#/$defs/NAME". A schema using any other keyword is refused, so a
// keyword is never silently ignored. No Debian package offers a C++ validator.
#pragma once
#include <string>

#include "client/canonical.hpp"

namespace kinerja {

// The first violation of SCHEMA by DOC as "PATH: reason" (PATH like
// "sasaran[0].indicators[1].unit", "" for the root), or "" when DOC is valid.
// Throws Error(Failure) when SCHEMA uses an unsupported keyword or a broken $ref.
std::string schema_violation(const json& schema, const json& doc);

}  // namespace kinerja
