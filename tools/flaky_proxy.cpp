// flaky-proxy: an HTTP/1.1 proxy for loopback only that injects the faults of a bad island
// link between `kinerja sync` and `kinerja-hub`, so tests can prove nothing is lost or doubled.
// Per a seed and a fault rate, each request may be: cut off mid-request (drop_request), cut
// off mid-response after the hub has acted (drop_response), delayed (delay), given a body
// shortened under a consistent Content-Length (truncate), answered 500/503 by the proxy before
// or after the hub saw it (error), or forwarded to the hub twice (duplicate). It is bounded
// (--max-connections, --max-seconds, SIGTERM), prints its port on the first stdout line, and
// logs every fault and a final summary with counts (stderr or --log FILE).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

enum Fault { kDropRequest, kDropResponse, kDelay, kTruncate, kError, kDuplicate, kFaultCount };
const char* const kFaultNames[kFaultCount] = {"drop_request", "drop_response", "delay",
                                              "truncate",     "error",         "duplicate"};

struct Options {
  sockaddr_in listen{};
  sockaddr_in upstream{};
  uint64_t seed = 1;
  double rate = 0.0;
  std::vector<Fault> faults;
  long max_connections = 100000;
  long max_seconds = 300;
  long max_delay_ms = 200;
  std::string log_path;
};

struct Stats {
  std::atomic<long> connections{0}, requests{0}, faults{0};
  std::atomic<long> by_fault[kFaultCount]{};
  std::atomic<long> bytes_from_client{0}, bytes_to_client{0}, bytes_to_upstream{0}, bytes_from_upstream{0};
};

Options g_opt;
Stats g_stats;
FILE* g_log = stderr;
std::mutex g_log_mutex;
std::atomic<long> g_active{0};
volatile std::sig_atomic_t g_stop = 0;

void log_line(const char* fmt, ...) {
  std::lock_guard<std::mutex> lock(g_log_mutex);
  va_list ap;
  va_start(ap, fmt);
  std::fputs("flaky-proxy: ", g_log);
  std::vfprintf(g_log, fmt, ap);
  std::fputc('\n', g_log);
  std::fflush(g_log);
  va_end(ap);
}

[[noreturn]] void usage_error(const std::string& msg) {
  std::fprintf(stderr, "flaky-proxy: %s\n", msg.c_str());
  std::fprintf(stderr,
               "usage: flaky-proxy --upstream 127.0.0.1:PORT [--listen 127.0.0.1:0] [--seed N]\n"
               "       [--fault-rate 0.3] [--faults drop_request,drop_response,delay,truncate,error,duplicate]\n"
               "       [--max-connections N] [--max-seconds S] [--max-delay-ms MS] [--log FILE]\n");
  std::exit(2);
}

// HOST:PORT with HOST in 127.0.0.0/8 (or "localhost"); anything else is refused.
sockaddr_in parse_loopback(const std::string& flag, const std::string& s) {
  auto colon = s.rfind(':');
  if (colon == std::string::npos) usage_error(flag + ": expected HOST:PORT, got '" + s + "'");
  std::string host = s.substr(0, colon), port = s.substr(colon + 1);
  if (host == "localhost") host = "127.0.0.1";
  sockaddr_in a{};
  a.sin_family = AF_INET;
  if (inet_pton(AF_INET, host.c_str(), &a.sin_addr) != 1)
    usage_error(flag + ": '" + host + "' is not an IPv4 loopback address");
  if ((ntohl(a.sin_addr.s_addr) >> 24) != 127)
    usage_error(flag + ": '" + host + "' is not loopback (only 127.0.0.0/8 is allowed)");
  char* end = nullptr;
  long p = std::strtol(port.c_str(), &end, 10);
  if (port.empty() || *end || p < 0 || p > 65535) usage_error(flag + ": bad port '" + port + "'");
  a.sin_port = htons(static_cast<uint16_t>(p));
  return a;
}

long parse_long(const std::string& flag, const std::string& s, long min) {
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end || v < min) usage_error(flag + ": expected an integer >= " + std::to_string(min));
  return v;
}

Options parse_options(int argc, char** argv) {
  Options o;
  o.listen = parse_loopback("--listen", "127.0.0.1:0");
  bool have_upstream = false;
  for (int i = 0; i < kFaultCount; ++i) o.faults.push_back(static_cast<Fault>(i));
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (i + 1 >= argc) usage_error(flag + ": missing value");
    std::string v = argv[++i];
    if (flag == "--upstream") {
      o.upstream = parse_loopback(flag, v);
      have_upstream = true;
    } else if (flag == "--listen") {
      o.listen = parse_loopback(flag, v);
    } else if (flag == "--seed") {
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
    } else if (flag == "--max-connections") {
      o.max_connections = parse_long(flag, v, 1);
    } else if (flag == "--max-seconds") {
      o.max_seconds = parse_long(flag, v, 1);
    } else if (flag == "--max-delay-ms") {
      o.max_delay_ms = parse_long(flag, v, 0);
    } else if (flag == "--log") {
      o.log_path = v;
    } else {
      usage_error("unknown option " + flag);
    }
  }
  if (!have_upstream) usage_error("--upstream: required");
  return o;
}

// A connected socket with a read buffer; every byte moved is counted in Stats.
struct Conn {
  int fd = -1;
  std::string buf;
  std::atomic<long>* in_count;
  std::atomic<long>* out_count;

  Conn(int f, std::atomic<long>* in, std::atomic<long>* out) : fd(f), in_count(in), out_count(out) {}
  ~Conn() {
    if (fd >= 0) ::close(fd);
  }
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  bool fill() {
    char chunk[65536];
    ssize_t n;
    do n = ::recv(fd, chunk, sizeof chunk, 0);
    while (n < 0 && errno == EINTR);
    if (n <= 0) return false;
    buf.append(chunk, static_cast<size_t>(n));
    *in_count += n;
    return true;
  }
  // Takes exactly N bytes (or fewer if the peer closes; then returns false).
  bool take(size_t n, std::string& out) {
    while (buf.size() < n)
      if (!fill()) return false;
    out.append(buf, 0, n);
    buf.erase(0, n);
    return true;
  }
  bool take_line(std::string& out) {
    size_t eol;
    while ((eol = buf.find("\r\n")) == std::string::npos)
      if (!fill()) return false;
    out.append(buf, 0, eol + 2);
    buf.erase(0, eol + 2);
    return true;
  }
  bool send_all(const std::string& data) {
    size_t off = 0;
    while (off < data.size()) {
      ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      off += static_cast<size_t>(n);
      *out_count += n;
    }
    return true;
  }
};

// One HTTP/1.1 message: its start line and headers as received, and its body as framed on
// the wire (Content-Length bytes, or raw chunked encoding).
struct Message {
  std::string start_line;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool chunked = false;
  std::optional<size_t> length;

  std::string header(const std::string& name) const {
    for (auto& [k, v] : headers)
      if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
    return "";
  }
  void set_header(const std::string& name, const std::string& value) {
    for (auto& [k, v] : headers)
      if (strcasecmp(k.c_str(), name.c_str()) == 0) {
        v = value;
        return;
      }
    headers.emplace_back(name, value);
  }
  void remove_header(const std::string& name) {
    std::erase_if(headers, [&](auto& h) { return strcasecmp(h.first.c_str(), name.c_str()) == 0; });
  }
  std::string head() const {
    std::string h = start_line + "\r\n";
    for (auto& [k, v] : headers) h += k + ": " + v + "\r\n";
    return h + "\r\n";
  }
  std::string wire() const { return head() + body; }
  int status() const { return start_line.size() >= 12 ? std::atoi(start_line.c_str() + 9) : 0; }
};

bool read_head(Conn& c, Message& m) {
  size_t end;
  while ((end = c.buf.find("\r\n\r\n")) == std::string::npos) {
    if (c.buf.size() > (1 << 20) || !c.fill()) return false;
  }
  std::string head = c.buf.substr(0, end);
  c.buf.erase(0, end + 4);
  size_t pos = head.find("\r\n");
  m.start_line = head.substr(0, pos);
  while (pos != std::string::npos) {
    size_t next = head.find("\r\n", pos + 2);
    std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      size_t vstart = line.find_first_not_of(' ', colon + 1);
      m.headers.emplace_back(line.substr(0, colon), vstart == std::string::npos ? "" : line.substr(vstart));
    }
    pos = next;
  }
  m.chunked = strcasestr(m.header("Transfer-Encoding").c_str(), "chunked") != nullptr;
  std::string cl = m.header("Content-Length");
  if (!cl.empty()) m.length = std::strtoull(cl.c_str(), nullptr, 10);
  return true;
}

bool read_chunked(Conn& c, std::string& out) {
  for (;;) {
    std::string line;
    if (!c.take_line(line)) return false;
    out += line;
    size_t size = std::strtoul(line.c_str(), nullptr, 16);
    if (size == 0) {  // trailers up to the empty line
      for (;;) {
        std::string t;
        if (!c.take_line(t)) return false;
        out += t;
        if (t == "\r\n") return true;
      }
    }
    if (!c.take(size + 2, out)) return false;
  }
}

bool read_request_body(Conn& c, Message& m) {
  if (m.chunked) return read_chunked(c, m.body);
  return c.take(m.length.value_or(0), m.body);
}

bool read_response_body(Conn& c, Message& m, bool head_request) {
  int status = m.status();
  if (head_request || status == 204 || status == 304 || (status >= 100 && status < 200)) return true;
  if (m.chunked) return read_chunked(c, m.body);
  if (m.length) return c.take(*m.length, m.body);
  while (c.fill()) {
  }
  m.body = std::move(c.buf);
  return true;
}

std::optional<Conn> connect_upstream() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return std::nullopt;
  timeval tv{60, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&g_opt.upstream), sizeof g_opt.upstream) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  return std::optional<Conn>(std::in_place, fd, &g_stats.bytes_from_upstream, &g_stats.bytes_to_upstream);
}

// Sends REQUEST to the hub on a fresh connection and reads its whole response.
bool exchange(const Message& request, Message& response) {
  auto up = connect_upstream();
  if (!up || !up->send_all(request.wire())) return false;
  bool head_request = request.start_line.rfind("HEAD ", 0) == 0;
  return read_head(*up, response) && read_response_body(*up, response, head_request);
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
  Conn client(client_fd, &g_stats.bytes_from_client, &g_stats.bytes_to_client);
  std::mt19937_64 rng(g_opt.seed * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(conn_index));
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (long req = 1;; ++req) {
    Message request;
    if (!read_head(client, request)) break;
    ++g_stats.requests;
    std::string what = request.start_line.substr(0, request.start_line.rfind(' '));
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
      if (auto up = connect_upstream()) up->send_all(request.head() + prefix);
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
      if (!exchange(request, first)) break;
      note_fault(kDuplicate, conn_index, req, what + " first status=" + std::to_string(first.status()));
    }
    Message response;
    if (!exchange(request, response)) break;
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

void finish(int code) {
  std::lock_guard<std::mutex> lock(g_log_mutex);
  std::fprintf(g_log, "flaky-proxy: summary connections=%ld requests=%ld faults=%ld", g_stats.connections.load(),
               g_stats.requests.load(), g_stats.faults.load());
  for (int f = 0; f < kFaultCount; ++f) std::fprintf(g_log, " %s=%ld", kFaultNames[f], g_stats.by_fault[f].load());
  std::fprintf(g_log, " bytes_from_client=%ld bytes_to_client=%ld bytes_to_upstream=%ld bytes_from_upstream=%ld\n",
               g_stats.bytes_from_client.load(), g_stats.bytes_to_client.load(), g_stats.bytes_to_upstream.load(),
               g_stats.bytes_from_upstream.load());
  std::fflush(g_log);
  std::_Exit(code);  // worker threads may be blocked in I/O; the OS closes their sockets
}

}  // namespace

int main(int argc, char** argv) {
  g_opt = parse_options(argc, argv);
  if (!g_opt.log_path.empty()) {
    g_log = std::fopen(g_opt.log_path.c_str(), "a");
    if (!g_log) usage_error("--log: cannot open '" + g_opt.log_path + "'");
  }
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGTERM, [](int) { g_stop = 1; });
  std::signal(SIGINT, [](int) { g_stop = 1; });

  int lfd = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(lfd, reinterpret_cast<sockaddr*>(&g_opt.listen), sizeof g_opt.listen) != 0 || ::listen(lfd, 64) != 0) {
    std::fprintf(stderr, "flaky-proxy: cannot listen: %s\n", std::strerror(errno));
    return 1;
  }
  sockaddr_in bound{};
  socklen_t len = sizeof bound;
  getsockname(lfd, reinterpret_cast<sockaddr*>(&bound), &len);
  std::printf("%d\n", ntohs(bound.sin_port));
  std::fflush(stdout);
  log_line("listening on 127.0.0.1:%d upstream port %d seed=%llu fault-rate=%g", ntohs(bound.sin_port),
           ntohs(g_opt.upstream.sin_port), static_cast<unsigned long long>(g_opt.seed), g_opt.rate);

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(g_opt.max_seconds);
  while (!g_stop && std::chrono::steady_clock::now() < deadline) {
    if (g_stats.connections >= g_opt.max_connections) {
      if (lfd >= 0) ::close(lfd), lfd = -1;
      if (g_active == 0) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    pollfd p{lfd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int cfd = ::accept(lfd, nullptr, nullptr);
    if (cfd < 0) continue;
    timeval tv{60, 0};
    setsockopt(cfd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(cfd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    long index = ++g_stats.connections;
    ++g_active;
    std::thread([cfd, index] {
      serve(cfd, index);
      --g_active;
    }).detach();
  }
  if (g_stop) log_line("stopped by signal");
  else if (g_stats.connections >= g_opt.max_connections) log_line("max-connections %ld reached", g_opt.max_connections);
  else log_line("max-seconds %ld reached", g_opt.max_seconds);
  finish(0);
}
