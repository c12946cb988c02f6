// Evidence (data dukung) of register entries: a URL, recorded as is, or a file, kept by its
// SHA-256 in a content-addressed folder beside the store (STORE.evidence/ab/cdef…, the
// first two hex digits naming the subfolder). A blob is written to a temporary file,
// fsynced and renamed, so it is whole or absent; storing the same bytes twice is a no-op.
// The hub keeps the blobs it receives in the same layout (HUBDB.blobs).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace kinerja {

struct Evidence {
  std::string url;           // a link, or
  std::string sha256, name;  // a stored file: its hash and original file name
  int64_t size = 0;
};

bool is_url(const std::string& text);  // http:// or https://
bool is_sha256(const std::string& text);  // 64 lower-case hex digits
std::string evidence_dir(const std::string& store_path);  // STORE.evidence
std::string blob_path(const std::string& dir, const std::string& sha256);

// Checks ARG without writing: a URL, or a readable regular file that is none of the files
// of the store at STORE_PATH (database, WAL, SHM, journal, device key), by any path or link.
// Error(BadInput) names FIELD.
void check_evidence(const std::string& store_path, const std::string& arg, const std::string& field);
// A URL as is; a file is hashed and copied into the store's evidence folder (unless the
// blob is there).
Evidence take_evidence(const std::string& store_path, const std::string& arg, const std::string& field);
// ARG as named in the CSV file CSV_PATH: a URL as is, a relative path read beside the CSV.
// A path that leaves the CSV's folder (after resolving "..", and symlinks) is Error(BadInput).
std::string evidence_beside(const std::string& csv_path, const std::string& arg, const std::string& field);

bool has_blob(const std::string& dir, const std::string& sha256);
// The bytes of a blob, or nothing when DIR lacks it.
std::optional<std::string> read_blob(const std::string& dir, const std::string& sha256);
// Stores BYTES as blob SHA256 in DIR; false (nothing stored) when they do not hash to it.
bool put_blob(const std::string& dir, const std::string& sha256, const std::string& bytes);

}  // namespace kinerja
