// The shared parts of the loopback test proxies (loopback_proxy.hpp).
#include "loopback_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

namespace loopback_proxy {

Counters g_counters;

namespace {
const char* g_name = "proxy";
const char* g_usage = "";
FILE* g_log = stderr;
std::mutex g_log_mutex;
std::atomic<long> g_active{0};
volatile std::sig_atomic_t g_stop = 0;

void set_timeouts(int fd) {
  timeval tv{60, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
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
}  // namespace

void set_identity(const char* name, const char* usage) {
  g_name = name;
  g_usage = usage;
}

void log_line(const char* fmt, ...) {
  std::lock_guard<std::mutex> lock(g_log_mutex);
  va_list ap;
  va_start(ap, fmt);
  std::fprintf(g_log, "%s: ", g_name);
  std::vfprintf(g_log, fmt, ap);
  std::fputc('\n', g_log);
  std::fflush(g_log);
  va_end(ap);
}

void open_log(const std::string& path) {
  if (path.empty()) return;
  g_log = std::fopen(path.c_str(), "a");
  if (!g_log) usage_error("--log: cannot open '" + path + "'");
}

void usage_error(const std::string& msg) {
  std::fprintf(stderr, "%s: %s\n%s", g_name, msg.c_str(), g_usage);
  std::exit(2);
}

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

CommonOptions parse_options(int argc, char** argv,
                            const std::function<bool(const std::string& flag, const std::string& value)>& other) {
  CommonOptions o;
  o.limits.listen = parse_loopback("--listen", "127.0.0.1:0");
  bool have_upstream = false;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (i + 1 >= argc) usage_error(flag + ": missing value");
    std::string v = argv[++i];
    if (flag == "--upstream") {
      o.upstream = parse_loopback(flag, v);
      have_upstream = true;
    } else if (flag == "--listen") {
      o.limits.listen = parse_loopback(flag, v);
    } else if (flag == "--max-connections") {
      o.limits.max_connections = parse_long(flag, v, 1);
    } else if (flag == "--max-seconds") {
      o.limits.max_seconds = parse_long(flag, v, 1);
    } else if (flag == "--log") {
      o.log_path = v;
    } else if (!other(flag, v)) {
      usage_error("unknown option " + flag);
    }
  }
  if (!have_upstream) usage_error("--upstream: required");
  open_log(o.log_path);
  return o;
}

Conn::~Conn() {
  if (fd >= 0) ::close(fd);
}

bool Conn::fill() {
  char chunk[65536];
  size_t want = read_limit ? std::min(sizeof chunk, read_limit(sizeof chunk)) : sizeof chunk;
  if (want == 0) return false;
  ssize_t n;
  do n = ::recv(fd, chunk, want, 0);
  while (n < 0 && errno == EINTR);
  if (n <= 0) return false;
  buf.append(chunk, static_cast<size_t>(n));
  *in_count += n;
  return true;
}

bool Conn::take(size_t n, std::string& out) {
  while (buf.size() < n)
    if (!fill()) return false;
  out.append(buf, 0, n);
  buf.erase(0, n);
  return true;
}

bool Conn::take_line(std::string& out) {
  size_t eol;
  while ((eol = buf.find("\r\n")) == std::string::npos)
    if (!fill()) return false;
  out.append(buf, 0, eol + 2);
  buf.erase(0, eol + 2);
  return true;
}

bool Conn::send_all(const std::string& data) {
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

void Conn::reset() {
  linger l{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  ::close(fd);
  fd = -1;
}

std::string Message::header(const std::string& name) const {
  for (auto& [k, v] : headers)
    if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  return "";
}

void Message::set_header(const std::string& name, const std::string& value) {
  for (auto& [k, v] : headers)
    if (strcasecmp(k.c_str(), name.c_str()) == 0) {
      v = value;
      return;
    }
  headers.emplace_back(name, value);
}

void Message::remove_header(const std::string& name) {
  std::erase_if(headers, [&](auto& h) { return strcasecmp(h.first.c_str(), name.c_str()) == 0; });
}

std::string Message::head() const {
  std::string h = start_line + "\r\n";
  for (auto& [k, v] : headers) h += k + ": " + v + "\r\n";
  return h + "\r\n";
}

int Message::status() const { return start_line.size() >= 12 ? std::atoi(start_line.c_str() + 9) : 0; }

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

std::optional<Conn> connect_upstream(const sockaddr_in& upstream) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return std::nullopt;
  set_timeouts(fd);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&upstream), sizeof upstream) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  return std::optional<Conn>(std::in_place, fd, &g_counters.bytes_from_upstream, &g_counters.bytes_to_upstream);
}

bool exchange(const sockaddr_in& upstream, const Message& request, Message& response) {
  auto up = connect_upstream(upstream);
  if (!up || !up->send_all(request.wire())) return false;
  return read_head(*up, response) && read_response_body(*up, response, request.is_head_request());
}

std::string byte_counts() {
  return "bytes_from_client=" + std::to_string(g_counters.bytes_from_client.load()) +
         " bytes_to_client=" + std::to_string(g_counters.bytes_to_client.load()) +
         " bytes_to_upstream=" + std::to_string(g_counters.bytes_to_upstream.load()) +
         " bytes_from_upstream=" + std::to_string(g_counters.bytes_from_upstream.load());
}

void run(const Limits& limits, const std::function<std::string(int port)>& started,
         const std::function<void(int fd, long index)>& serve, const std::function<std::string()>& summary) {
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGTERM, [](int) { g_stop = 1; });
  std::signal(SIGINT, [](int) { g_stop = 1; });
  int lfd = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (limits.receive_buffer > 0)  // inherited by accepted sockets: a small window, as on a slow link
    setsockopt(lfd, SOL_SOCKET, SO_RCVBUF, &limits.receive_buffer, sizeof limits.receive_buffer);
  if (::bind(lfd, reinterpret_cast<const sockaddr*>(&limits.listen), sizeof limits.listen) != 0 ||
      ::listen(lfd, 64) != 0) {
    std::fprintf(stderr, "%s: cannot listen: %s\n", g_name, std::strerror(errno));
    std::exit(1);
  }
  sockaddr_in bound{};
  socklen_t len = sizeof bound;
  getsockname(lfd, reinterpret_cast<sockaddr*>(&bound), &len);
  std::printf("%d\n", ntohs(bound.sin_port));
  std::fflush(stdout);
  log_line("%s", started(ntohs(bound.sin_port)).c_str());

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.max_seconds);
  while (!g_stop && std::chrono::steady_clock::now() < deadline) {
    if (g_counters.connections >= limits.max_connections) {
      if (lfd >= 0) ::close(lfd), lfd = -1;
      if (g_active == 0) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    pollfd p{lfd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int cfd = ::accept(lfd, nullptr, nullptr);
    if (cfd < 0) continue;
    set_timeouts(cfd);
    long index = ++g_counters.connections;
    ++g_active;
    std::thread([cfd, index, &serve] {
      serve(cfd, index);
      --g_active;
    }).detach();
  }
  if (g_stop) log_line("stopped by signal");
  else if (g_counters.connections >= limits.max_connections) log_line("max-connections %ld reached", limits.max_connections);
  else log_line("max-seconds %ld reached", limits.max_seconds);
  log_line("summary %s", summary().c_str());
  std::_Exit(0);  // worker threads may be blocked in I/O; the OS closes their sockets
}

}  // namespace loopback_proxy
