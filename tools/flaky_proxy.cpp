// flaky-proxy: an HTTP/1.1 proxy for loopback only that injects the faults of a bad island
// link between `kinerja sync` and `kinerja-hub`, so tests can prove nothing is lost or doubled.
// Per a seed and a fault rate, each request may be: cut off mid-request (drop_request), cut
// off mid-response after the hub has acted (drop_response), delayed (delay), given a body
// shortened under a consistent Content-Length (truncate), answered 500/503 by the proxy before
// or after the hub saw it (error), or forwarded to the hub twice (duplicate). It is bounded
// (--max-connections, --max-seconds, SIGTERM), prints its port on the first stdout line, and
// logs every fault and a final summary with counts (stderr or --log FILE).
#include <strings.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "loopback_proxy.hpp"

namespace {

using namespace loopback_proxy;

enum Fault { kDropRequest, kDropResponse, kDelay, kTruncate, kError, kDuplicate, kFaultCount };
const char* const kFaultNames[kFaultCount] = {"drop_request", "drop_response", "delay",
                                              "truncate",     "error",         "duplicate"};

struct Options {
  CommonOptions common;
  uint64_t seed = 1;
  double rate = 0.0;
  std::vector<Fault> faults;
  long max_delay_ms = 200;
};

struct FaultCounts {
  std::atomic<long> faults{0};
  std::atomic<long> by_fault[kFaultCount]{};
};

Options g_opt;
FaultCounts g_stats;
const char* const kUsage =
    "usage: flaky-proxy --upstream 127.0.0.1:PORT [--listen 127.0.0.1:0] [--seed N]\n"
    "       [--fault-rate 0.3] [--faults drop_request,drop_response,delay,truncate,error,duplicate]\n"
    "       [--max-connections N] [--max-seconds S] [--max-delay-ms MS] [--log FILE]\n";

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 0; i < kFaultCount; ++i) o.faults.push_back(static_cast<Fault>(i));
  o.common = loopback_proxy::parse_options(argc, argv, [&](const std::string& flag, const std::string& v) {
    if (flag == "--seed") {
      o.seed = static_cast<uint64_t>(parse_long(flag, v, 0));
    } else if (flag == "--fault-rate") {
      char* end = nullptr;
      o.rate = std::strtod(v.c_str(), &end);
      if (v.empty() || *end || o.rate < 0 || o.rate > 1) usage_error(flag + ": expected a number in [0,1]");
    } else if (flag == "--faults") {
      o.faults.clear();
      size_t start = 0;
      while (start <= v.size()) {
        size_t comma = std::min(v.find(',', start), v.size());
        std::string name = v.substr(start, comma - start);
        auto it = std::find_if(std::begin(kFaultNames), std::end(kFaultNames),
                               [&](const char* n) { return name == n; });
        if (it == std::end(kFaultNames)) usage_error(flag + ": unknown fault '" + name + "'");
        o.faults.push_back(static_cast<Fault>(it - std::begin(kFaultNames)));
        start = comma + 1;
      }
    } else if (flag == "--max-delay-ms") {
      o.max_delay_ms = parse_long(flag, v, 0);
    } else {
      return false;
    }
    return true;
  });
  return o;
}

std::string error_response(int status) {
  std::string body = "{\"error\":\"flaky-proxy injected " + std::to_string(status) + "\"}";
  return "HTTP/1.1 " + std::to_string(status) + (status == 503 ? " Service Unavailable" : " Internal Server Error") +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Shortens a Content-Length body to a random prefix and makes the header agree, so the
// message is well-framed HTTP whose content is cut.
bool truncate_body(Message& m, std::mt19937_64& rng) {
  if (m.chunked || m.body.size() < 2) return false;
  m.body.resize(std::uniform_int_distribution<size_t>(0, m.body.size() - 1)(rng));
  m.set_header("Content-Length", std::to_string(m.body.size()));
  return true;
}

void note_fault(Fault f, long conn, long req, const std::string& detail) {
  ++g_stats.faults;
  ++g_stats.by_fault[f];
  log_line("fault %s conn=%ld request=%ld %s", kFaultNames[f], conn, req, detail.c_str());
}

// Serves one client connection, request by request, until either side closes.
void serve(int client_fd, long conn_index) {
  Conn client(client_fd, &g_counters.bytes_from_client, &g_counters.bytes_to_client);
  std::mt19937_64 rng(g_opt.seed * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(conn_index));
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (long req = 1;; ++req) {
    Message request;
    if (!read_head(client, request)) break;
    ++g_counters.requests;
    std::string what = request.what();
    std::optional<Fault> fault;
    if (!g_opt.faults.empty() && unit(rng) < g_opt.rate)
      fault = g_opt.faults[std::uniform_int_distribution<size_t>(0, g_opt.faults.size() - 1)(rng)];

    if (strcasecmp(request.header("Expect").c_str(), "100-continue") == 0) {
      request.remove_header("Expect");
      if (!client.send_all("HTTP/1.1 100 Continue\r\n\r\n")) break;
    }
    if (fault == kDropRequest) {
      // Cut the link while the request is on its way: the hub sees a part of it, the client no answer.
      size_t total = request.chunked ? 1 : request.length.value_or(0);
      size_t part = total ? std::uniform_int_distribution<size_t>(0, total - 1)(rng) : 0;
      std::string prefix;
      client.take(part, prefix);
      if (auto up = connect_upstream(g_opt.common.upstream)) up->send_all(request.head() + prefix);
      note_fault(kDropRequest, conn_index, req, what + " after " + std::to_string(part) + " body bytes");
      break;
    }
    if (!read_request_body(client, request)) break;
    if (fault == kError && unit(rng) < 0.5) {  // answered before the hub sees it
      int status = unit(rng) < 0.5 ? 500 : 503;
      note_fault(kError, conn_index, req, what + " status=" + std::to_string(status) + " before hub");
      if (!client.send_all(error_response(status))) break;
      continue;
    }
    bool truncated_request = false;
    if (fault == kTruncate && unit(rng) < 0.5) truncated_request = truncate_body(request, rng);
    if (fault == kDuplicate) {
      Message first;
      if (!exchange(g_opt.common.upstream, request, first)) break;
      note_fault(kDuplicate, conn_index, req, what + " first status=" + std::to_string(first.status()));
    }
    Message response;
    if (!exchange(g_opt.common.upstream, request, response)) break;
    switch (fault.value_or(kFaultCount)) {
      case kDropResponse: {
        std::string wire = response.wire();
        size_t part = std::uniform_int_distribution<size_t>(0, wire.size() - 1)(rng);
        client.send_all(wire.substr(0, part));
        note_fault(kDropResponse, conn_index, req,
                   what + " status=" + std::to_string(response.status()) + " after " + std::to_string(part) +
                       " of " + std::to_string(wire.size()) + " bytes");
        return;
      }
      case kDelay: {
        long ms = std::uniform_int_distribution<long>(0, g_opt.max_delay_ms)(rng);
        note_fault(kDelay, conn_index, req, what + " " + std::to_string(ms) + " ms");
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        break;
      }
      case kTruncate:
        if (truncated_request) {
          note_fault(kTruncate, conn_index, req, what + " request body to " + std::to_string(request.body.size()));
        } else if (truncate_body(response, rng)) {
          note_fault(kTruncate, conn_index, req, what + " response body to " + std::to_string(response.body.size()));
        }
        break;
      case kError: {  // the hub acted, its answer is replaced by an error
        int status = unit(rng) < 0.5 ? 500 : 503;
        note_fault(kError, conn_index, req, what + " status=" + std::to_string(status) + " after hub");
        if (!client.send_all(error_response(status))) return;
        continue;
      }
      default:
        break;
    }
    if (!client.send_all(response.wire())) break;
    if (strcasecmp(response.header("Connection").c_str(), "close") == 0) break;
  }
}

std::string summary() {
  std::string line = "connections=" + std::to_string(g_counters.connections.load()) +
                     " requests=" + std::to_string(g_counters.requests.load()) +
                     " faults=" + std::to_string(g_stats.faults.load());
  for (int f = 0; f < kFaultCount; ++f) line += std::string(" ") + kFaultNames[f] + "=" + std::to_string(g_stats.by_fault[f].load());
  return line + " " + byte_counts();
}

}  // namespace

int main(int argc, char** argv) {
  set_identity("flaky-proxy", kUsage);
  g_opt = parse_options(argc, argv);
  run(
      g_opt.common.limits,
      [](int port) {
        char line[160];
        std::snprintf(line, sizeof line, "listening on 127.0.0.1:%d upstream port %d seed=%llu fault-rate=%g", port,
                      ntohs(g_opt.common.upstream.sin_port), static_cast<unsigned long long>(g_opt.seed), g_opt.rate);
        return std::string(line);
      },
      serve, summary);
}
