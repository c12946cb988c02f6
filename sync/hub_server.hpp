// The hub's HTTP server (cpp-httplib): POST /v1/enrol, POST /v1/push, GET /v1/pull, and
// the evidence files: POST /v1/blobs/missing, PUT and GET /v1/blobs/SHA256, kept in
// DB.blobs in the layout of client/evidence.hpp (schema/protocol.md). Requests are served one at a time against the hub store, bodies
// above the size limit are refused with 413, and every request is logged with office,
// device and outcome (table `requests` and stderr).
#pragma once
#include <cstddef>
#include <string>

namespace kinerja {

struct HubServerOptions {
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free port
  std::string tls_cert, tls_key;           // both or neither
  size_t max_body = 32u << 20;             // bytes of a request body, as sent
  int max_clock_ahead_hours = 24;          // a pushed op's hlc may be this far ahead of hub time
};

// Serves until the process is stopped. Prints "listening on HOST:PORT" as its first line
// on stdout (flushed) once the port is bound.
void serve_hub(const std::string& db_path, const HubServerOptions& options);

}  // namespace kinerja
