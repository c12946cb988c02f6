// The client's HTTP transport (libcurl): one request at a time to the hub, gzip request
// bodies, connect and whole-request timeouts, and retries with exponential back-off and
// full jitter on anything transient (network errors, timeouts, 5xx, 408, 429, a request
// damaged on the way, a truncated or unreadable answer). Settings come from the environment so tests and tools/bench can
// tune them (see schema/protocol.md, "Client settings").
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "client/canonical.hpp"

namespace kinerja {

struct SyncSettings {
  long connect_timeout_ms = 5000;  // KINERJA_SYNC_CONNECT_TIMEOUT_MS
  long timeout_ms = 60000;         // KINERJA_SYNC_TIMEOUT_MS, per request
  int attempts = 6;                // KINERJA_SYNC_ATTEMPTS, per request
  long backoff_ms = 200;           // KINERJA_SYNC_BACKOFF_MS, first retry delay
  long backoff_max_ms = 10000;     // KINERJA_SYNC_BACKOFF_MAX_MS
  int64_t batch_ops = 5000;        // KINERJA_SYNC_BATCH_OPS, ops per push batch (one hub fsync each)
  int64_t batch_bytes = 2 << 20;   // KINERJA_SYNC_BATCH_BYTES, uncompressed JSON per push batch
  int64_t pull_ops = 5000;         // KINERJA_SYNC_PULL_OPS, ops per pull page
  std::string ca_file;             // KINERJA_SYNC_CA_FILE: PEM CA bundle trusted for an https hub
  bool metered = false;            // KINERJA_METERED=1 or `sync --metered`: evidence files are not transferred
};

// Defaults overridden by the environment; a malformed value is Error(BadInput).
SyncSettings settings_from_env();

// A decoded answer: HTTP status and its JSON body.
struct HubAnswer {
  long status = 0;
  json body;
  std::string raw;  // the bytes of a 2xx answer to get_raw (an evidence file)
};

// A request body ready to send: the JSON gzip-compressed, and the SHA-256 of the JSON that
// the hub checks to tell a body damaged on the way from a bad request.
struct EncodedBody {
  std::string gz, checksum;
};
EncodedBody encode_body(const json& body);

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

  std::string base_, token_;
  SyncSettings settings_;
  void* curl_;
  int64_t bytes_sent_ = 0, bytes_received_ = 0;
  int retries_ = 0;
};

}  // namespace kinerja
