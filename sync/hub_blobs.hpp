// Evidence files at the hub: content-addressed files under HUBDB.blobs/ (client/evidence.hpp
// stores them) and, in `blob_offices`, which offices may fetch each one: those whose device
// uploaded it. An office that holds a file another office uploaded is told it is missing,
// so it uploads it once too and so proves it has it; a hash alone never opens a file.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sync/hub_store.hpp"

namespace kinerja {

// Of SHA256S, those OFFICE has not uploaded (or the hub lacks).
std::vector<std::string> blobs_missing(const Hub& hub, const std::string& office, const std::vector<std::string>& sha256s);

// Stores BYTES as SHA256 (kept once, whichever office sent it) and credits OFFICE with it.
// Throws ProtocolError corrupt_body (400, retried) when the checksum the request declared
// or the bytes themselves do not match the name.
void store_blob(Hub& hub, const std::string& office, const std::string& sha256, const std::string& declared,
                const std::string& bytes);

// The file SHA256 when OFFICE uploaded it, else nothing (the caller answers 404 no_blob).
std::optional<std::string> fetch_blob(const Hub& hub, const std::string& office, const std::string& sha256);

}  // namespace kinerja
