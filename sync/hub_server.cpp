// The hub's HTTP server (hub_server.hpp).
#include "sync/hub_server.hpp"

#include <httplib.h>

#include <iostream>
#include <memory>
#include <mutex>
#include <type_traits>

#include "client/error.hpp"
#include "client/json_limits.hpp"
#include "sync/hub_admin.hpp"
#include "sync/hub_blobs.hpp"
#include "sync/hub_http.hpp"
#include "sync/hub_pull.hpp"
#include "sync/hub_push.hpp"
#include "sync/hub_store.hpp"

namespace kinerja {

namespace {

struct Outcome {
  std::string office, device, code = "ok";
};

// A handler's answer that is a file (an evidence blob), not a JSON document.
struct RawBody {
  std::string bytes;
};

thread_local bool request_logged = false;

std::string bearer(const httplib::Request& req) {
  std::string h = req.get_header_value("Authorization");
  return h.rfind("Bearer ", 0) == 0 ? h.substr(7) : "";
}

// A body cut or altered on the way fails its checksum: the client may send it again.
json parse_body(const httplib::Request& req, const std::string& body) {
  if (req.get_header_value(kBodyChecksumHeader) != sha256_hex(body))
    throw ProtocolError{400, "corrupt_body", "the body does not match its checksum: send it again", -1};
  return parse_json_bounded(body, "the body");
}

int64_t limit_param(const httplib::Request& req) {
  std::string v = req.has_param("limit") ? req.get_param_value("limit") : "5000";
  if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos || std::stoll(v) == 0)
    throw ProtocolError{400, "bad_request", "limit must be a positive integer below 1000000", -1};
  return std::stoll(v);
}

int64_t after_param(const httplib::Request& req) {
  std::string v = req.has_param("after") ? req.get_param_value("after") : "0";
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
    throw ProtocolError{400, "bad_request", "after must be a seq (a non-negative integer)", -1};
  return std::stoll(v);
}

}  // namespace

void serve_hub(const std::string& db_path, const HubServerOptions& options) {
  auto colon = options.listen.rfind(':');
  if (colon == std::string::npos) throw bad_input("--listen: '" + options.listen + "' must be HOST:PORT, e.g. 127.0.0.1:8080");
  std::string host = options.listen.substr(0, colon), port_text = options.listen.substr(colon + 1);
  if (port_text.empty() || port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port_text) > 65535)
    throw bad_input("--listen: port '" + port_text + "' must be a number from 0 to 65535");
  if (options.tls_cert.empty() != options.tls_key.empty())
    throw bad_input("--tls-cert and --tls-key go together: give both or neither");

  Hub hub = open_hub(db_path);
  if (int n = publish_office_identities(hub)) std::cerr << "kinerja-hub: published the name and kanwil of " << n << " office(s)\n";
  hub.max_clock_ahead_ms = int64_t{options.max_clock_ahead_hours} * 3600 * 1000;
  std::mutex mu;
  std::unique_ptr<httplib::Server> svr = make_http_server(options);

  // Answers with what PRODUCE returns, or the error it throws, and logs the request.
  auto respond = [&](const httplib::Request& req, httplib::Response& res, auto&& produce) {
    Outcome out;
    try {
      auto answer = produce(out);
      if constexpr (std::is_same_v<decltype(answer), RawBody>)
        res.set_content(answer.bytes, "application/octet-stream");
      else
        res.set_content(answer.dump(), "application/json");
      res.status = 200;
    } catch (const ProtocolError& e) {
      out.code = e.code;
      res.status = e.status;
      res.set_content(to_json(e).dump(), "application/json");
    } catch (const Error& e) {
      bool bad = e.kind == ErrorKind::BadInput;
      out.code = bad ? "bad_request" : "internal";
      res.status = bad ? 400 : 500;
      res.set_content(to_json(ProtocolError{res.status, out.code, e.what(), -1}).dump(), "application/json");
    } catch (const json::exception& e) {  // a value of the wrong JSON type that a decoder let through
      out.code = "bad_request";
      res.status = 400;
      res.set_content(to_json(ProtocolError{400, out.code, e.what(), -1}).dump(), "application/json");
    } catch (const std::exception& e) {
      out.code = "internal";
      res.status = 500;
      res.set_content(to_json(ProtocolError{500, "internal", e.what(), -1}).dump(), "application/json");
    }
    std::lock_guard<std::mutex> lock(mu);
    try {
      log_request(hub, req.method, req.path, out.office, out.device, res.status, out.code);
    } catch (const std::exception& e) {
      std::cerr << "kinerja-hub: cannot log a request: " << e.what() << "\n";
    }
    request_logged = true;
  };
  auto route = [&](auto&& handler) {
    return [&, handler](const httplib::Request& req, httplib::Response& res) {
      respond(req, res, [&](Outcome& out) {
        std::lock_guard<std::mutex> lock(mu);
        return handler(req, out);
      });
    };
  };
  // A request with a body: read (bounded, inflated: hub_http.hpp) before the store is locked.
  auto route_body = [&](auto&& handler) {
    return [&, handler](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
      respond(req, res, [&](Outcome& out) {
        std::string body = read_body(req, reader, options.max_body);
        std::lock_guard<std::mutex> lock(mu);
        return handler(req, body, out);
      });
    };
  };

  svr->Post("/v1/enrol", route_body([&](const httplib::Request& req, const std::string& body, Outcome& out) {
    EnrolRequest r = enrol_request_from_json(parse_body(req, body));
    out.office = r.office;
    out.device = r.device;
    return to_json(enrol_device(hub, r));
  }));
  svr->Post("/v1/push", route_body([&](const httplib::Request& req, const std::string& body, Outcome& out) {
    Caller who = authenticate(hub, bearer(req));
    out.office = who.office;
    out.device = who.device;
    return to_json(accept_push(hub, who, push_batch_from_json(parse_body(req, body))));
  }));
  svr->Get("/v1/pull", route([&](const httplib::Request& req, Outcome& out) {
    Caller who = authenticate(hub, bearer(req));
    out.office = who.office;
    out.device = who.device;
    std::string cursor = req.has_param("cursor") ? req.get_param_value("cursor") : "";
    PullPage page = pull_page(hub, who.office, who.device, cursor, limit_param(req));
    if (!page.more) mark_synced(hub, who.device);
    return to_json(page);
  }));
  svr->Get("/v1/own", route([&](const httplib::Request& req, Outcome& out) {
    Caller who = authenticate(hub, bearer(req));
    out.office = who.office;
    out.device = who.device;
    return to_json(own_ops(hub, who.device, after_param(req), limit_param(req)));
  }));
  svr->Get("/v1/head", route([&](const httplib::Request& req, Outcome& out) {
    Caller who = authenticate(hub, bearer(req));
    out.office = who.office;
    out.device = who.device;
    return to_json(own_head_rejections(hub, who.device, after_param(req)));
  }));
  // Evidence files (sync/hub_blobs.hpp): an office fetches only files its devices uploaded.
  svr->Post("/v1/blobs/missing", route_body([&](const httplib::Request& req, const std::string& body, Outcome& out) {
    Caller who = authenticate(hub, bearer(req));
    out.office = who.office;
    out.device = who.device;
    BlobMissing m;
    m.missing = blobs_missing(hub, who.office, blob_query_from_json(parse_body(req, body)).sha256);
    return to_json(m);
  }));
  svr->Put("/v1/blobs/([0-9a-f]{64})", route_body([&](const httplib::Request& req, const std::string& body, Outcome& out) {
    Caller who = authenticate(hub, bearer(req));
    out.office = who.office;
    out.device = who.device;
    std::string sha = req.matches[1];
    store_blob(hub, who.office, sha, req.get_header_value(kBodyChecksumHeader), body);
    return json{{"v", kProtocolVersion}, {"sha256", sha}};
  }));
  svr->Get("/v1/blobs/([0-9a-f]{64})", route([&](const httplib::Request& req, Outcome& out) {
    Caller who = authenticate(hub, bearer(req));
    out.office = who.office;
    out.device = who.device;
    auto bytes = fetch_blob(hub, who.office, req.matches[1]);
    if (!bytes)
      throw ProtocolError{404, "no_blob", "the hub holds no file " + std::string(req.matches[1]) + " of this office", -1};
    return RawBody{std::move(*bytes)};
  }));
  // Requests refused before a handler ran (413, 404, 415) are logged here.
  svr->set_logger([&](const httplib::Request& req, const httplib::Response& res) {
    if (request_logged) {
      request_logged = false;
      return;
    }
    std::lock_guard<std::mutex> lock(mu);
    try {
      log_request(hub, req.method, req.path, "", "", res.status, res.status == 413 ? "too_large" : "refused");
    } catch (const std::exception& e) {
      std::cerr << "kinerja-hub: cannot log a request: " << e.what() << "\n";
    }
  });

  int port = std::stoi(port_text);
  if (port == 0) {
    port = svr->bind_to_any_port(host);
    if (port < 0) throw failure("cannot bind " + host + " to a free port");
  } else if (!svr->bind_to_port(host, port)) {
    throw failure("cannot listen on " + options.listen + " (in use, or not an address of this machine?)");
  }
  std::cout << "listening on " << host << ":" << port << std::endl;
  if (!svr->listen_after_bind()) throw failure("the server stopped unexpectedly");
}

}  // namespace kinerja
