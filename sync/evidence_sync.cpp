// Evidence files in a sync (evidence_sync.hpp).
#include "sync/evidence_sync.hpp"

#include "client/error.hpp"
#include "client/evidence.hpp"
#include "client/rb_register.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

EvidenceStats sync_evidence(Store& s, Transport& t, const SyncSettings& settings) {
  EvidenceStats st;
  if (settings.metered) {
    st.skipped = true;
    return st;
  }
  std::string dir = evidence_dir(s.path);
  BlobQuery held;
  std::vector<std::string> absent;
  for (const auto& h : rb_evidence(s.db)) (has_blob(dir, h) ? held.sha256 : absent).push_back(h);
  if (!held.sha256.empty()) {
    HubAnswer a = t.post("/v1/blobs/missing", to_json(held));
    expect_2xx(a, "the evidence query");
    for (const auto& h : decode_answer(blob_missing_from_json, a.body).missing) {
      auto bytes = read_blob(dir, h);
      if (!bytes) continue;
      HubAnswer p = t.put_raw("/v1/blobs/" + h, *bytes, h);
      if (p.status == 413) {  // larger than the hub accepts: stays here, listed as pending
        ++st.pending;
        continue;
      }
      expect_2xx(p, "an evidence file");
      ++st.uploaded;
    }
  }
  for (const auto& h : absent) {
    HubAnswer g = t.get_raw("/v1/blobs/" + h);
    if (g.status == 404 || (g.status / 100 == 2 && !put_blob(dir, h, g.raw))) {
      ++st.pending;  // not uploaded yet by the device that holds it, or damaged: the next sync tries again
      continue;
    }
    expect_2xx(g, "an evidence download");
    ++st.downloaded;
  }
  return st;
}

}  // namespace kinerja
