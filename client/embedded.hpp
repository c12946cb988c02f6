// The files of schema/ compiled into the binary (see tools/embed.cmake): SQL migrations,
// shipped indicator catalogues and their JSON Schema.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace kinerja {

struct EmbeddedFile {
  std::string_view path;  // relative to schema/, e.g. "client/001_ledger.sql"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

// The content of schema/PATH, or nothing when no such file was built in.
inline std::optional<std::string_view> embedded_file(std::string_view path) {
  for (const auto& f : embedded_files())
    if (f.path == path) return f.content;
  return std::nullopt;
}

}  // namespace kinerja
