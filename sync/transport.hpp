// The client's HTTP transport (libcurl): one request at a time to the hub, gzip request
// bodies, a connect timeout and a progress timeout (a transfer is abandoned when fewer than
// low_speed_bytes bytes/s moved during timeout_ms, so a slow link that keeps moving is never
// cut), and retries with exponential back-off and full jitter on anything transient
// (network errors, timeouts, 5xx, 408, 429, a request damaged on the way, a truncated or
// unreadable answer). Settings come from the environment so tests and tools/bench can tune
// them (see schema/protocol.md, "Client settings").
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>

#include "client/canonical.hpp"
#include "client/error.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

struct SyncSettings {
  long connect_timeout_ms = 5000;  // KINERJA_SYNC_CONNECT_TIMEOUT_MS
  long timeout_ms = 30000;         // KINERJA_SYNC_TIMEOUT_MS, how long a transfer may stall (whole seconds)
  long low_speed_bytes = 64;       // KINERJA_SYNC_LOW_SPEED_BYTES, bytes/s below which it counts as stalled
  long max_request_ms = 900000;    // KINERJA_SYNC_MAX_REQUEST_MS, ceiling of one attempt however it moves
  int attempts = 6;                // KINERJA_SYNC_ATTEMPTS, per request
  long backoff_ms = 200;           // KINERJA_SYNC_BACKOFF_MS, first retry delay
  long backoff_max_ms = 10000;     // KINERJA_SYNC_BACKOFF_MAX_MS
  int64_t batch_ops = 5000;        // KINERJA_SYNC_BATCH_OPS, ops per push batch (one hub fsync each)
  int64_t batch_bytes = 2 << 20;   // KINERJA_SYNC_BATCH_BYTES, uncompressed JSON per push batch
  int64_t pull_ops = 5000;         // KINERJA_SYNC_PULL_OPS, ops per pull page
  // Without KINERJA_SYNC_BATCH_OPS (PULL_OPS), push batches (pull pages) adapt to the link
  // up to batch_ops (pull_ops); with it, every batch (page) has that size.
  bool adaptive_push = true, adaptive_pull = true;
  std::string ca_file;             // KINERJA_SYNC_CA_FILE: PEM CA bundle trusted for an https hub
  bool metered = false;            // KINERJA_METERED=1 or `sync --metered`: evidence files are not transferred
};

// Defaults overridden by the environment; a malformed value is Error(BadInput).
SyncSettings settings_from_env();

// Error(Failure) for a request to URL that failed ATTEMPTS times, the last for CAUSE.
Error gave_up(const std::string& url, int attempts, const std::string& cause);

// The stall window timeout_ms in libcurl's whole seconds (rounded up, at least 1).
long low_speed_seconds(const SyncSettings& s);

// A decoded answer: HTTP status and its JSON body.
struct HubAnswer {
  long status = 0;
  json body;
  std::string raw;  // the bytes of a 2xx answer to get_raw (an evidence file)
};

// The hub's refusal of WHAT (e.g. "the push") in answer A, which is not 2xx: its code and
// acked as the hub sent them, the message "the hub refused WHAT (code): reason".
ProtocolError refusal(const HubAnswer& a, const std::string& what);

// The one check of an answer's status: throws refusal(A, WHAT) unless A is 2xx.
void expect_2xx(const HubAnswer& a, const std::string& what);

// A request body ready to send: the JSON gzip-compressed, and the SHA-256 of the JSON that
// the hub checks to tell a body damaged on the way from a bad request.
struct EncodedBody {
  std::string gz, checksum;
};
EncodedBody encode_body(const json& body);

// One attempt of a request: the answer, or why it failed transiently (the request may be
// worth sending again) and how long it took.
struct Attempt {
  std::optional<HubAnswer> answer;
  std::string cause;
  long elapsed_ms = 0;
};

// One Transport is used by one thread at a time (push hands a request to a worker thread
// and waits for it before the next).
class Transport {
 public:
  Transport(std::string base_url, std::string token, SyncSettings settings);
  ~Transport();
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Sends BODY gzip-compressed. Returns the first non-transient answer (2xx or 4xx);
  // throws Error(Failure) naming the last cause when every attempt failed.
  HubAnswer post(const std::string& path, const json& body);
  HubAnswer post(const std::string& path, const EncodedBody& body);
  HubAnswer get(const std::string& path);
  // An evidence file: PUT as is (application/octet-stream, checksum header = its SHA-256),
  // and GET whose 2xx answer is kept as bytes in HubAnswer::raw.
  HubAnswer put_raw(const std::string& path, const std::string& bytes, const std::string& sha256);
  HubAnswer get_raw(const std::string& path);

  // One attempt, no retry: for callers that change the request between attempts (push
  // batches and pull pages shrink after a failure). back_off() sleeps before retry FAILURES
  // (1 = the first retry) as send() does, and counts it.
  Attempt post_once(const std::string& path, const EncodedBody& body);
  Attempt get_once(const std::string& path);
  void back_off(int failures);
  // The hub URL of PATH, for messages.
  std::string url(const std::string& path) const { return base_ + path; }

  int64_t bytes_sent() const { return bytes_sent_; }        // request bodies, as on the wire
  int64_t bytes_received() const { return bytes_received_; }  // answer bodies, as on the wire
  int retries() const { return retries_; }

 private:
  struct Request {
    const char* method;        // "GET", "POST" or "PUT"
    const std::string* body;   // nullptr for GET
    std::string checksum;      // SHA-256 of the body before compression
    bool gzip = true;          // the body is a gzip-compressed JSON document
    bool raw_answer = false;   // keep a 2xx answer as bytes
  };
  HubAnswer send(const std::string& path, const Request& r);
  Attempt attempt(const std::string& path, const Request& r);

  std::string base_, token_;
  SyncSettings settings_;
  void* curl_;
  int64_t bytes_sent_ = 0, bytes_received_ = 0;
  int retries_ = 0;
  std::mt19937_64 rng_{std::random_device{}()};
};

}  // namespace kinerja
