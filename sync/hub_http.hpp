// The hub's HTTP connections, on top of cpp-httplib (whose 0.11 server bounds neither the
// time to receive a request nor a chunked or inflated body): a fixed pool of workers, at
// most N open connections per client address (more are answered 429 `too_many_connections`),
// a deadline for receiving each request's headers and body besides the wait for each read,
// and request bodies read and gzip-inflated by the hub itself up to the body limit (413
// `too_large`). schema/protocol.md, "Limits", lists them with their hub flags.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <memory>
#include <string>

#include "sync/hub_server.hpp"

namespace kinerja {

// A plain or, when OPTIONS name a certificate, TLS server with the limits of OPTIONS.
// Throws Error(BadInput) when the certificate or key cannot be loaded.
std::unique_ptr<httplib::Server> make_http_server(const HubServerOptions& options);

// The body of REQ, read through READER and inflated when it came gzip-encoded. Throws
// ProtocolError 413 `too_large` past MAX_BODY bytes (as sent or inflated), 400
// `corrupt_body` for a gzip stream that is broken or cut, 415 `bad_encoding` for
// another encoding.
std::string read_body(const httplib::Request& req, const httplib::ContentReader& reader, size_t max_body);

}  // namespace kinerja
