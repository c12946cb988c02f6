// The client's HTTP transport (transport.hpp).
#include "sync/transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
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
  s.low_speed_bytes = env_number("KINERJA_SYNC_LOW_SPEED_BYTES", s.low_speed_bytes, 1);
  s.max_request_ms = env_number("KINERJA_SYNC_MAX_REQUEST_MS", s.max_request_ms, 1);
  s.attempts = static_cast<int>(env_number("KINERJA_SYNC_ATTEMPTS", s.attempts, 1));
  s.backoff_ms = env_number("KINERJA_SYNC_BACKOFF_MS", s.backoff_ms, 0);
  s.backoff_max_ms = env_number("KINERJA_SYNC_BACKOFF_MAX_MS", s.backoff_max_ms, 0);
  s.batch_ops = env_number("KINERJA_SYNC_BATCH_OPS", s.batch_ops, 1);
  s.batch_bytes = env_number("KINERJA_SYNC_BATCH_BYTES", s.batch_bytes, 1024);
  s.pull_ops = env_number("KINERJA_SYNC_PULL_OPS", s.pull_ops, 1);
  s.adaptive_push = !std::getenv("KINERJA_SYNC_BATCH_OPS");
  s.adaptive_pull = !std::getenv("KINERJA_SYNC_PULL_OPS");
  if (const char* ca = std::getenv("KINERJA_SYNC_CA_FILE")) s.ca_file = ca;
  s.metered = env_number("KINERJA_METERED", 0, 0) != 0;
  return s;
}

long low_speed_seconds(const SyncSettings& s) { return std::max(1L, (s.timeout_ms + 999) / 1000); }

// An answer (decompressed) larger than this is cut: the transfer fails naming it.
static constexpr size_t kMaxAnswerBytes = size_t{256} << 20;

static size_t collect(char* p, size_t size, size_t n, void* out) {
  auto* answer = static_cast<std::string*>(out);
  if (answer->size() + size * n > kMaxAnswerBytes) return 0;
  answer->append(p, size * n);
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

void Transport::back_off(int failures) {
  ++retries_;
  long cap = std::min(settings_.backoff_max_ms, settings_.backoff_ms << std::min(failures - 1, 20));
  std::uniform_int_distribution<long> jitter(cap / 2, std::max(cap / 2, cap));
  std::this_thread::sleep_for(std::chrono::milliseconds(jitter(rng_)));
}

Attempt Transport::post_once(const std::string& path, const EncodedBody& body) {
  return attempt(path, Request{"POST", &body.gz, body.checksum});
}

Attempt Transport::get_once(const std::string& path) { return attempt(path, Request{"GET", nullptr, ""}); }

HubAnswer Transport::send(const std::string& path, const Request& r) {
  std::string cause;
  for (int n = 1; n <= settings_.attempts; ++n) {
    if (n > 1) back_off(n - 1);
    Attempt a = attempt(path, r);
    if (a.answer) return std::move(*a.answer);
    cause = std::move(a.cause);
  }
  throw gave_up(url(path), settings_.attempts, cause);
}

Error gave_up(const std::string& url, int attempts, const std::string& cause) {
  return failure("hub " + url + " failed after " + std::to_string(attempts) + " attempt(s): " + cause);
}

// A request body read by libcurl. libcurl silently sends a request again on a fresh
// connection when a reused one dies before the answer; for a body already (partly) sent
// that rewind is refused, so the attempt fails and the caller asks the hub what it holds
// before sending anything again (push.hpp).
struct Upload {
  const std::string* body;
  size_t sent;
};

static size_t read_body(char* out, size_t size, size_t n, void* data) {
  auto* u = static_cast<Upload*>(data);
  size_t len = std::min(size * n, u->body->size() - u->sent);
  std::memcpy(out, u->body->data() + u->sent, len);
  u->sent += len;
  return len;
}

static int rewind_body(void* data, curl_off_t offset, int origin) {
  auto* u = static_cast<Upload*>(data);
  return offset == 0 && origin == SEEK_SET && u->sent == 0 ? CURL_SEEKFUNC_OK : CURL_SEEKFUNC_FAIL;
}

// Why curl_easy_perform failed, in words: a stalled or over-long transfer says which limit
// it hit.
static std::string transfer_failure(CURLcode rc, const char* detail, const SyncSettings& s, bool answer_too_large) {
  if (answer_too_large)
    return "the hub's answer is larger than " + std::to_string(kMaxAnswerBytes >> 20) + " MiB";
  std::string what = *detail ? detail : curl_easy_strerror(rc);
  if (rc == CURLE_SEND_FAIL_REWIND) return "the connection was lost after the request was sent";
  if (rc != CURLE_OPERATION_TIMEDOUT) return what;
  return "timed out (" + what + "; limits: connect " + std::to_string(s.connect_timeout_ms) + " ms, fewer than " +
         std::to_string(s.low_speed_bytes) + " bytes/s for " + std::to_string(low_speed_seconds(s)) +
         " s, at most " + std::to_string(s.max_request_ms) + " ms per attempt)";
}

Attempt Transport::attempt(const std::string& path, const Request& r) {
  CURL* c = static_cast<CURL*>(curl_);
  auto started = std::chrono::steady_clock::now();
  auto done = [&](Attempt a) {
    a.elapsed_ms = static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
    return a;
  };
  std::string target = url(path);
  curl_easy_reset(c);
  std::string answer;
  char detail[CURL_ERROR_SIZE] = "";
  Upload upload{r.body, 0};
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, r.gzip ? "Content-Type: application/json" : "Content-Type: application/octet-stream");
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip before a body
  if (!token_.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + token_).c_str());
  curl_easy_setopt(c, CURLOPT_URL, target.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, settings_.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, settings_.low_speed_bytes);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, low_speed_seconds(settings_));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, settings_.max_request_ms);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "gzip");
  if (!settings_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  if (r.body) {
    if (r.gzip) headers = curl_slist_append(headers, "Content-Encoding: gzip");
    headers = curl_slist_append(headers, (std::string(kBodyChecksumHeader) + ": " + r.checksum).c_str());
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    if (std::string(r.method) != "POST") curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, r.method);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_body);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_SEEKFUNCTION, rewind_body);
    curl_easy_setopt(c, CURLOPT_SEEKDATA, &upload);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body->size()));
    bytes_sent_ += static_cast<int64_t>(r.body->size());
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  CURLcode rc = curl_easy_perform(c);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
  curl_slist_free_all(headers);
  curl_off_t down = 0;
  curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &down);
  bytes_received_ += down;
  if (rc != CURLE_OK)
    return done(Attempt{std::nullopt, transfer_failure(rc, detail, settings_, rc == CURLE_WRITE_ERROR)});
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (transient_status(status)) return done(Attempt{std::nullopt, "the hub answered HTTP " + std::to_string(status)});
  if (r.raw_answer && status / 100 == 2) return done(Attempt{HubAnswer{status, json::object(), std::move(answer)}, ""});
  json body;
  try {
    body = parse_json_bounded(answer, "the hub's answer");
  } catch (const Error& e) {
    if (status / 100 == 2)
      return done(Attempt{std::nullopt, std::string("the hub's answer was truncated or unreadable (") + e.what() + ")"});
    body = json::object();
  }
  if (transient_refusal(status, body)) return done(Attempt{std::nullopt, "the request reached the hub damaged (HTTP 400)"});
  return done(Attempt{HubAnswer{status, std::move(body), ""}, ""});
}

ProtocolError refusal(const HubAnswer& a, const std::string& what) {
  ProtocolError e = protocol_error_from_json(static_cast<int>(a.status), a.body);
  return ProtocolError(e.status, e.code, "the hub refused " + what + " (" + e.code + "): " + e.what(), e.acked);
}

void expect_2xx(const HubAnswer& a, const std::string& what) {
  if (a.status / 100 != 2) throw refusal(a, what);
}

}  // namespace kinerja
