// Evidence files at the hub (hub_blobs.hpp).
#include "sync/hub_blobs.hpp"

#include "client/evidence.hpp"

namespace kinerja {

static std::string blob_dir(const Hub& hub) { return hub.path + ".blobs"; }

static bool credited(const Hub& hub, const std::string& office, const std::string& sha256) {
  Stmt q(hub.db, "SELECT 1 FROM blob_offices WHERE sha256=? AND office=?");
  q.bind(1, sha256).bind(2, office);
  return q.step();
}

std::vector<std::string> blobs_missing(const Hub& hub, const std::string& office, const std::vector<std::string>& sha256s) {
  std::vector<std::string> missing;
  for (const auto& h : sha256s)
    if (!credited(hub, office, h) || !has_blob(blob_dir(hub), h)) missing.push_back(h);
  return missing;
}

void store_blob(Hub& hub, const std::string& office, const std::string& sha256, const std::string& declared,
                const std::string& bytes) {
  if (declared != sha256 || !put_blob(blob_dir(hub), sha256, bytes))
    throw ProtocolError{400, "corrupt_body", "the file does not hash to " + sha256 + ": send it again", -1};
  Stmt(hub.db, "INSERT OR IGNORE INTO blob_offices(sha256, office) VALUES(?,?)").bind(1, sha256).bind(2, office).run();
}

std::optional<std::string> fetch_blob(const Hub& hub, const std::string& office, const std::string& sha256) {
  if (!credited(hub, office, sha256)) return std::nullopt;
  return read_blob(blob_dir(hub), sha256);
}

}  // namespace kinerja
