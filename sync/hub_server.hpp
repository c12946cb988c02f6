// The hub's HTTP server (cpp-httplib): POST /v1/enrol, POST /v1/push, GET /v1/pull, and
// the evidence files: POST /v1/blobs/missing, PUT and GET /v1/blobs/SHA256, kept in
// DB.blobs in the layout of client/evidence.hpp (schema/protocol.md). Requests are served one at a time against the hub store, bodies
// above the size limit (as sent or inflated) are refused with 413, JSON nested deeper than
// kMaxJsonDepth with 400, and every request is logged with office,
// device and outcome (table `requests` and stderr).
#pragma once
#include <cstddef>
#include <string>

namespace kinerja {

struct HubServerOptions {
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free port
  std::string tls_cert, tls_key;           // both or neither
  size_t max_body = 32u << 20;             // bytes of a request body, as sent and once inflated
  int max_clock_ahead_hours = 24;          // a pushed op's hlc may be this far ahead of hub time
  // Connections (sync/hub_http.hpp): seconds to receive a request's headers and body, seconds
  // to wait for its next bytes, open connections per client address, serving threads.
  int request_timeout = 60;
  int read_timeout = 15;
  int max_connections_per_address = 32;
  int workers = 64;
};

// Serves until the process is stopped. Prints "listening on HOST:PORT" as its first line
// on stdout (flushed) once the port is bound.
void serve_hub(const std::string& db_path, const HubServerOptions& options);

}  // namespace kinerja
