// The name a person most likely meant when a typed one is unknown ("reprot" → "report"),
// for the suggestion of an unknown command or option: the Damerau-Levenshtein distance
// (adjacent transpositions count one edit), ignoring ASCII case.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

// The edits (insert, delete, substitute, swap two adjacent letters) that turn A into B.
size_t edit_distance(std::string_view a, std::string_view b);

// The one of NAMES closest to TYPED, if at most two edits away and fewer edits than either
// has letters (so that "x" suggests nothing); the first of equally close names.
std::optional<std::string> closest(std::string_view typed, const std::vector<std::string>& names);

}  // namespace kinerja
