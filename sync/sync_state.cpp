// Sync state in the store's meta (sync_state.hpp).
#include "sync/sync_state.hpp"

#include "client/ledger.hpp"
#include "sync/rejections.hpp"

namespace kinerja {

int64_t acked_seq(const Db& db) { return std::stoll(meta_get(db, kMetaAcked).value_or("0")); }

static int64_t size_field(const json& j, const char* name) {
  auto v = j.find(name);
  if (v == j.end() || !v->is_string()) return 0;
  const std::string& s = v->get_ref<const std::string&>();
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoll(s);
}

LinkSizes link_sizes(const Db& db, const std::string& hub_url) {
  LinkSizes r{hub_url};
  json j = json::parse(meta_get(db, kMetaLink).value_or("{}"), nullptr, false);
  if (!j.is_object() || !j.contains("hub") || j["hub"] != hub_url) return r;
  r.push_ops = size_field(j, "push_ops");
  r.pull_ops = size_field(j, "pull_ops");
  return r;
}

void remember_link_sizes(Db& db, const LinkSizes& sizes) {
  meta_set(db, kMetaLink, json{{"hub", sizes.hub},
                               {"push_ops", std::to_string(sizes.push_ops)},
                               {"pull_ops", std::to_string(sizes.pull_ops)}}.dump());
}

json sync_status(const Store& s) {
  json rej = json::array();
  for (const auto& r : pending_rejections(s.db)) {
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
