// The client's HTTP transport (transport.hpp).
#include "sync/transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include "client/error.hpp"
#include "client/json_limits.hpp"
#include "sync/gzip.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

static int64_t env_number(const char* name, int64_t fallback, int64_t min) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  std::string s = v;
  if (s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos || std::stoll(s) < min)
    throw bad_input(std::string(name) + ": '" + s + "' must be an integer of at least " + std::to_string(min));
  return std::stoll(s);
}

SyncSettings settings_from_env() {
  SyncSettings s;
  s.connect_timeout_ms = env_number("KINERJA_SYNC_CONNECT_TIMEOUT_MS", s.connect_timeout_ms, 1);
  s.timeout_ms = env_number("KINERJA_SYNC_TIMEOUT_MS", s.timeout_ms, 1);
  s.attempts = static_cast<int>(env_number("KINERJA_SYNC_ATTEMPTS", s.attempts, 1));
  s.backoff_ms = env_number("KINERJA_SYNC_BACKOFF_MS", s.backoff_ms, 0);
  s.backoff_max_ms = env_number("KINERJA_SYNC_BACKOFF_MAX_MS", s.backoff_max_ms, 0);
  s.batch_ops = env_number("KINERJA_SYNC_BATCH_OPS", s.batch_ops, 1);
  s.batch_bytes = env_number("KINERJA_SYNC_BATCH_BYTES", s.batch_bytes, 1024);
  s.pull_ops = env_number("KINERJA_SYNC_PULL_OPS", s.pull_ops, 1);
  if (const char* ca = std::getenv("KINERJA_SYNC_CA_FILE")) s.ca_file = ca;
  s.metered = env_number("KINERJA_METERED", 0, 0) != 0;
  return s;
}

static size_t collect(char* p, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(p, size * n);
  return size * n;
}

Transport::Transport(std::string base_url, std::string token, SyncSettings settings)
    : base_(std::move(base_url)), token_(std::move(token)), settings_(settings) {
  while (!base_.empty() && base_.back() == '/') base_.pop_back();
  curl_global_init(CURL_GLOBAL_DEFAULT);
  curl_ = curl_easy_init();
  if (!curl_) throw failure("libcurl failed to initialise");
}

Transport::~Transport() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

EncodedBody encode_body(const json& body) {
  std::string text = body.dump();
  return EncodedBody{gzip_compress(text), sha256_hex(text)};
}

HubAnswer Transport::post(const std::string& path, const json& body) { return post(path, encode_body(body)); }
HubAnswer Transport::post(const std::string& path, const EncodedBody& body) {
  return send(path, Request{"POST", &body.gz, body.checksum});
}

HubAnswer Transport::get(const std::string& path) { return send(path, Request{"GET", nullptr, ""}); }

HubAnswer Transport::put_raw(const std::string& path, const std::string& bytes, const std::string& sha256) {
  return send(path, Request{"PUT", &bytes, sha256, false});
}

HubAnswer Transport::get_raw(const std::string& path) { return send(path, Request{"GET", nullptr, "", true, true}); }

static bool transient_status(long status) { return status >= 500 || status == 408 || status == 429; }

// A 400 is the request's fault only when the hub says so in a kinerja error body; a body
// cut on the way (`corrupt_body`) or a 400 from the HTTP layer is worth sending again.
static bool transient_refusal(long status, const json& body) {
  if (status != 400) return false;
  auto e = body.find("error");
  if (e == body.end() || !e->is_object() || !e->contains("code")) return true;
  return (*e)["code"] == "corrupt_body";
}

HubAnswer Transport::send(const std::string& path, const Request& r) {
  CURL* c = static_cast<CURL*>(curl_);
  std::mt19937_64 rng(std::random_device{}());
  std::string url = base_ + path, cause;
  for (int attempt = 1; attempt <= settings_.attempts; ++attempt) {
    if (attempt > 1) {
      ++retries_;
      long cap = std::min(settings_.backoff_max_ms, settings_.backoff_ms << std::min(attempt - 2, 20));
      std::uniform_int_distribution<long> jitter(cap / 2, std::max(cap / 2, cap));
      std::this_thread::sleep_for(std::chrono::milliseconds(jitter(rng)));
    }
    curl_easy_reset(c);
    std::string answer;
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, r.gzip ? "Content-Type: application/json" : "Content-Type: application/octet-stream");
    if (!token_.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + token_).c_str());
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, settings_.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, settings_.timeout_ms);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "gzip");
    if (!settings_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_file.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
    if (r.body) {
      if (r.gzip) headers = curl_slist_append(headers, "Content-Encoding: gzip");
      headers = curl_slist_append(headers, (std::string(kBodyChecksumHeader) + ": " + r.checksum).c_str());
      curl_easy_setopt(c, CURLOPT_POST, 1L);
      if (std::string(r.method) != "POST") curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, r.method);
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, r.body->data());
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body->size()));
      bytes_sent_ += static_cast<int64_t>(r.body->size());
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    curl_off_t down = 0;
    curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &down);
    bytes_received_ += down;
    if (rc != CURLE_OK) {
      cause = rc == CURLE_OPERATION_TIMEDOUT ? "timed out (" + std::string(curl_easy_strerror(rc)) + ")"
                                             : curl_easy_strerror(rc);
      continue;
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (transient_status(status)) {
      cause = "the hub answered HTTP " + std::to_string(status);
      continue;
    }
    if (r.raw_answer && status / 100 == 2) return HubAnswer{status, json::object(), std::move(answer)};
    json body;
    try {
      body = parse_json_bounded(answer, "the hub's answer");
    } catch (const Error& e) {
      if (status / 100 == 2) {
        cause = std::string("the hub's answer was truncated or unreadable (") + e.what() + ")";
        continue;
      }
      body = json::object();
    }
    if (transient_refusal(status, body)) {
      cause = "the request reached the hub damaged (HTTP 400)";
      continue;
    }
    return HubAnswer{status, std::move(body), ""};
  }
  throw failure("hub " + url + " failed after " + std::to_string(settings_.attempts) + " attempt(s): " + cause);
}

}  // namespace kinerja
