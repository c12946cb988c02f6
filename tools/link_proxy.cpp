// link-proxy: an HTTP/1.1 proxy for loopback only that behaves like a slow island link
// between `kinerja sync` and `kinerja-hub`: each direction carries at most --kbps kbit/s
// (shared by all connections, as on one link) and delivers what it carries --delay-ms later
// (one way; a round trip costs twice that). With --reset-after N, once clients have sent N
// bytes the answer to the request then in flight is not delivered: the hub has acted, the
// client's connection is reset (once). Bounded like flaky-proxy (loopback_proxy.hpp); prints
// its port on the first stdout line and a summary line with counts (stderr or --log FILE).
#include <strings.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include "loopback_proxy.hpp"

namespace {

using namespace loopback_proxy;
using Clock = std::chrono::steady_clock;

const char* const kUsage =
    "usage: link-proxy --upstream 127.0.0.1:PORT [--listen 127.0.0.1:0] [--delay-ms MS] [--kbps KBIT_PER_S]\n"
    "       [--reset-after BYTES] [--max-connections N] [--max-seconds S] [--log FILE]\n";

struct Options {
  CommonOptions common;
  long delay_ms = 0;
  long kbps = 0;  // 0: no cap
  long reset_after = -1;
};

Options parse_options(int argc, char** argv) {
  Options o;
  o.common = loopback_proxy::parse_options(argc, argv, [&](const std::string& flag, const std::string& v) {
    if (flag == "--delay-ms") o.delay_ms = parse_long(flag, v, 0);
    else if (flag == "--kbps") o.kbps = parse_long(flag, v, 1);
    else if (flag == "--reset-after") o.reset_after = parse_long(flag, v, 0);
    else return false;
    return true;
  });
  return o;
}

Options g_opt;
std::atomic<long> g_resets{0};
std::atomic<bool> g_reset_used{false};

// One direction of the link: hands out the bytes it may carry now, in slices of about 50 ms,
// sleeping until the link has carried the previous ones.
class Direction {
 public:
  size_t take(size_t want) {
    if (g_opt.kbps == 0) return want;
    double rate = g_opt.kbps * 1000.0 / 8;  // bytes/s
    size_t n = std::min(want, std::max<size_t>(256, static_cast<size_t>(rate / 20)));
    Clock::time_point until;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      Clock::time_point start = std::max(Clock::now(), free_);
      free_ = start + std::chrono::microseconds(static_cast<long>(n * 1e6 / rate));
      until = free_;
    }
    std::this_thread::sleep_until(until);
    return n;
  }

 private:
  std::mutex mutex_;
  Clock::time_point free_ = Clock::now();
};

Direction g_up, g_down;

void delay() { std::this_thread::sleep_for(std::chrono::milliseconds(g_opt.delay_ms)); }

// Sends DATA to the client at the link's downstream rate.
bool send_paced(Conn& client, const std::string& data) {
  for (size_t off = 0; off < data.size();) {
    size_t n = g_down.take(data.size() - off);
    if (!client.send_all(data.substr(off, n))) return false;
    off += n;
  }
  return true;
}

// Serves one client connection, request by request, until either side closes.
void serve(int client_fd, long conn_index) {
  Conn client(client_fd, &g_counters.bytes_from_client, &g_counters.bytes_to_client);
  client.read_limit = [](size_t want) { return g_up.take(want); };
  for (long req = 1;; ++req) {
    Message request;
    if (!read_head(client, request)) break;
    ++g_counters.requests;
    if (strcasecmp(request.header("Expect").c_str(), "100-continue") == 0) {
      request.remove_header("Expect");
      delay();
      if (!send_paced(client, "HTTP/1.1 100 Continue\r\n\r\n")) break;
    }
    if (!read_request_body(client, request)) break;
    delay();
    bool reset = g_opt.reset_after >= 0 && g_counters.bytes_from_client >= g_opt.reset_after &&
                 !g_reset_used.exchange(true);
    Message response;
    if (!exchange(g_opt.common.upstream, request, response)) break;
    if (reset) {
      ++g_resets;
      log_line("reset conn=%ld request=%ld %s: the hub answered %d, the client gets a reset", conn_index, req,
               request.what().c_str(), response.status());
      client.reset();
      return;
    }
    delay();
    if (!send_paced(client, response.wire())) break;
    if (strcasecmp(response.header("Connection").c_str(), "close") == 0) break;
  }
}

std::string summary() {
  return "connections=" + std::to_string(g_counters.connections.load()) +
         " requests=" + std::to_string(g_counters.requests.load()) + " resets=" + std::to_string(g_resets.load()) +
         " " + byte_counts();
}

}  // namespace

int main(int argc, char** argv) {
  set_identity("link-proxy", kUsage);
  g_opt = parse_options(argc, argv);
  // A small receive window, so a client cannot park a whole request in socket buffers and
  // see it as sent long before the link carried it.
  g_opt.common.limits.receive_buffer = g_opt.kbps ? 8192 : 0;
  run(
      g_opt.common.limits,
      [](int port) {
        return "listening on 127.0.0.1:" + std::to_string(port) + " upstream port " +
               std::to_string(ntohs(g_opt.common.upstream.sin_port)) + " delay-ms=" + std::to_string(g_opt.delay_ms) +
               " kbps=" + std::to_string(g_opt.kbps) + " reset-after=" + std::to_string(g_opt.reset_after);
      },
      serve, summary);
}
