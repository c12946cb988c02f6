// Sync state in the store's meta (sync_state.hpp).
#include "sync/sync_state.hpp"

#include "client/ledger.hpp"
#include "sync/rejections.hpp"

namespace kinerja {

int64_t acked_seq(const Db& db) { return std::stoll(meta_get(db, kMetaAcked).value_or("0")); }

json sync_status(const Store& s) {
  json rej = json::array();
  for (const auto& r : list_rejections(s.db)) {
    json j = to_json(r);
    j["cell"] = rejected_cell(s.db, r);
    rej.push_back(std::move(j));
  }
  return json{{"hub", meta_get(s.db, kMetaHubUrl).value_or("")},
              {"enrolled", meta_get(s.db, kMetaToken) ? "true" : "false"},
              {"acked_seq", std::to_string(acked_seq(s.db))},
              {"unacked_ops", std::to_string(last_seq(s.db, s.device) - acked_seq(s.db))},
              {"last_sync", meta_get(s.db, kMetaLastSync).value_or("")},
              {"rejections", std::move(rej)}};
}

}  // namespace kinerja
