// The hub's HTTP connections (hub_http.hpp).
#include "sync/hub_http.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <type_traits>

#include "client/error.hpp"
#include "sync/gzip.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

namespace {

using Clock = std::chrono::steady_clock;

// Room for the request line and headers on top of the body limit.
constexpr size_t kHeaderBytes = 64u << 10;
constexpr int kKeepAliveIdleSeconds = 5;
constexpr int kKeepAliveMaxRequests = 10000;
constexpr int kWriteTimeoutSeconds = 60;

// The encoding a client gave its body. httplib would inflate it without a limit, so it is
// moved under this name before routing and read_body() inflates it.
constexpr const char* kBodyEncodingHeader = "X-Kinerja-Hub-Body-Encoding";

// Set when read_body() left part of a body unread: the connection can carry no more requests.
thread_local bool drop_connection = false;

int millis_until(Clock::time_point t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(ms, 0, 1 << 30));
}

bool wait_for(int sock, short events, int timeout_ms) {
  pollfd p{sock, events, 0};
  int rc;
  do rc = ::poll(&p, 1, timeout_ms);
  while (rc < 0 && errno == EINTR);
  return rc > 0;
}

std::string address_text(const sockaddr_storage& a) {
  char text[INET6_ADDRSTRLEN] = "";
  if (a.ss_family == AF_INET)
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(a).sin_addr, text, sizeof text);
  else if (a.ss_family == AF_INET6)
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(a).sin6_addr, text, sizeof text);
  return text;
}

int port_of(const sockaddr_storage& a) {
  if (a.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(a).sin_port);
  if (a.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(a).sin6_port);
  return 0;
}

// A connection's socket (through SSL for TLS) as httplib reads requests from it: each read
// waits at most the read timeout, and no read goes past the current request's deadline or
// its byte budget (the body limit plus room for headers).
class LimitedStream : public httplib::Stream {
 public:
  LimitedStream(int sock, SSL* ssl, const HubServerOptions& o) : sock_(sock), ssl_(ssl), o_(o) {}

  // Bytes are waiting: read already, or readable within TIMEOUT_MS.
  bool wait_readable(int timeout_ms) const {
    return off_ < len_ || (ssl_ && SSL_pending(ssl_) > 0) || wait_for(sock_, POLLIN, timeout_ms);
  }

  void start_request() {
    deadline_ = Clock::now() + std::chrono::seconds(o_.request_timeout);
    budget_ = o_.max_body + kHeaderBytes;
  }

  bool is_readable() const override {
    return Clock::now() < deadline_ && wait_readable(std::min(o_.read_timeout * 1000, millis_until(deadline_)));
  }
  bool is_writable() const override { return wait_for(sock_, POLLOUT, kWriteTimeoutSeconds * 1000); }

  // A read failed, hit the deadline or the budget: the connection cannot go on.
  bool broken() const { return broken_; }

  ssize_t read(char* p, size_t n) override {
    if (off_ == len_) {
      broken_ = budget_ == 0 || !is_readable();
      if (broken_) return -1;
      ssize_t r = receive(buf_, std::min(sizeof buf_, budget_));
      broken_ = r <= 0;
      if (broken_) return r;
      budget_ -= static_cast<size_t>(r);
      off_ = 0;
      len_ = static_cast<size_t>(r);
    }
    n = std::min(n, len_ - off_);
    std::memcpy(p, buf_ + off_, n);
    off_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* p, size_t n) override {
    if (!is_writable()) return -1;
    if (ssl_) return SSL_write(ssl_, p, static_cast<int>(std::min<size_t>(n, 1 << 30)));
    ssize_t r;
    do r = ::send(sock_, p, n, MSG_NOSIGNAL);
    while (r < 0 && errno == EINTR);
    return r;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&a), &len) != 0) return;
    ip = address_text(a);
    port = port_of(a);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&a), &len) != 0) return;
    ip = address_text(a);
    port = port_of(a);
  }
  socket_t socket() const override { return sock_; }

 private:
  ssize_t receive(char* p, size_t n) {
    if (ssl_) {
      int r = SSL_read(ssl_, p, static_cast<int>(n));
      return r > 0 ? r : SSL_get_error(ssl_, r) == SSL_ERROR_ZERO_RETURN ? 0 : -1;
    }
    ssize_t r;
    do r = ::recv(sock_, p, n, 0);
    while (r < 0 && errno == EINTR);
    return r;
  }

  int sock_;
  SSL* ssl_;
  const HubServerOptions& o_;
  Clock::time_point deadline_ = Clock::now();
  size_t budget_ = 0;
  bool broken_ = false;
  char buf_[4096];
  size_t off_ = 0, len_ = 0;
};

// The open connections per client address.
class ConnectionTable {
 public:
  bool enter(const std::string& address, int max) {
    std::lock_guard<std::mutex> lock(mu_);
    if (open_[address] >= max) return false;
    ++open_[address];
    return true;
  }
  void leave(const std::string& address) {
    std::lock_guard<std::mutex> lock(mu_);
    if (--open_[address] == 0) open_.erase(address);
  }

 private:
  std::mutex mu_;
  std::map<std::string, int> open_;
};

// The TLS handshake, finished before DEADLINE or failed.
bool tls_accept(SSL* ssl, int sock, Clock::time_point deadline) {
  int flags = ::fcntl(sock, F_GETFL);
  ::fcntl(sock, F_SETFL, flags | O_NONBLOCK);
  bool ok = false;
  for (;;) {
    int r = SSL_accept(ssl);
    if (r == 1) {
      ok = true;
      break;
    }
    int e = SSL_get_error(ssl, r);
    if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) break;
    if (!wait_for(sock, e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, millis_until(deadline))) break;
  }
  ::fcntl(sock, F_SETFL, flags);
  return ok;
}

std::string too_many_connections(const std::string& address, int max) {
  std::string body = to_json(ProtocolError{429, "too_many_connections",
                                           std::to_string(max) + " connections from " + address +
                                               " are open already: try again later",
                                           -1})
                         .dump();
  return "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// httplib would inflate a gzip body without a limit: read_body() does it instead.
void take_body_encoding(httplib::Request& req) {
  std::string encoding = req.get_header_value("Content-Encoding");
  req.headers.erase("Content-Encoding");
  req.headers.erase(kBodyEncodingHeader);
  if (!encoding.empty()) req.set_header(kBodyEncodingHeader, encoding);
}

// Serves the requests of one accepted connection; PROCESS is httplib's request processing.
template <class Process>
void serve_connection(int sock, SSL_CTX* tls, const HubServerOptions& o, ConnectionTable& table, Process process) {
  sockaddr_storage peer{};
  socklen_t len = sizeof peer;
  ::getpeername(sock, reinterpret_cast<sockaddr*>(&peer), &len);
  std::string address = address_text(peer);
  bool admitted = table.enter(address, o.max_connections_per_address);
  SSL* ssl = tls ? SSL_new(tls) : nullptr;
  bool ready = !tls || (ssl && SSL_set_fd(ssl, sock) == 1 &&
                        tls_accept(ssl, sock, Clock::now() + std::chrono::seconds(o.request_timeout)));
  LimitedStream strm(sock, ssl, o);
  if (ready && !admitted) {
    std::cerr << "kinerja-hub: refused a connection from " << address << ": " << o.max_connections_per_address
              << " are open\n";
    std::string answer = too_many_connections(address, o.max_connections_per_address);
    strm.write(answer.data(), answer.size());
  } else if (ready) {
    for (int left = kKeepAliveMaxRequests; left > 0; --left) {
      if (!strm.wait_readable(kKeepAliveIdleSeconds * 1000)) break;
      strm.start_request();
      drop_connection = false;
      bool closed = false;
      if (!process(strm, left == 1, closed) || closed || drop_connection || strm.broken()) break;
    }
  }
  if (ssl) {
    if (ready) SSL_shutdown(ssl);
    SSL_free(ssl);
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  if (admitted) table.leave(address);
}

// An httplib server (BASE: Server or SSLServer) whose connections are served by
// serve_connection() with OPTIONS' limits.
template <class Base>
class LimitedServer : public Base {
 public:
  template <class... Args>
  explicit LimitedServer(const HubServerOptions& o, Args&&... args) : Base(std::forward<Args>(args)...), o_(o) {
    int workers = o.workers;
    this->new_task_queue = [workers] { return new httplib::ThreadPool(static_cast<size_t>(workers)); };
    this->set_payload_max_length(o.max_body);
    this->set_read_timeout(o.read_timeout, 0);  // SO_RCVTIMEO, for a TLS record that arrives in pieces
    this->set_write_timeout(kWriteTimeoutSeconds, 0);
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    SSL_CTX* tls = nullptr;
    if constexpr (std::is_base_of_v<httplib::SSLServer, Base>) tls = this->ssl_context();
    serve_connection(sock, tls, o_, table_, [this](httplib::Stream& strm, bool close, bool& closed) {
      return this->process_request(strm, close, closed, take_body_encoding);
    });
    return true;
  }

  HubServerOptions o_;
  ConnectionTable table_;
};

}  // namespace

std::unique_ptr<httplib::Server> make_http_server(const HubServerOptions& options) {
  if (options.tls_cert.empty()) return std::make_unique<LimitedServer<httplib::Server>>(options);
  auto tls = std::make_unique<LimitedServer<httplib::SSLServer>>(options, options.tls_cert.c_str(),
                                                                 options.tls_key.c_str());
  if (!tls->is_valid()) throw bad_input("--tls-cert/--tls-key: cannot load the certificate or key");
  return tls;
}

std::string read_body(const httplib::Request& req, const httplib::ContentReader& reader, size_t max_body) {
  std::string encoding = req.get_header_value(kBodyEncodingHeader);
  if (!encoding.empty() && encoding != "gzip" && encoding != "deflate")
    throw ProtocolError{415, "bad_encoding", "Content-Encoding '" + encoding + "' is not supported: send gzip", -1};
  GzipInflater inflater(max_body);
  std::string raw, corrupt;
  size_t sent = 0;
  bool over = false;
  // Past the limit, what is still sent is only counted (up to the limit as sent) so that the
  // 413 reaches a client that sends its whole body before it reads an answer.
  bool complete = reader([&](const char* p, size_t n) {
    sent += n;
    if (sent > max_body) return false;
    if (over) return true;
    if (encoding.empty()) {
      raw.append(p, n);
      return true;
    }
    try {
      over = !inflater.feed(std::string_view(p, n));
      return true;
    } catch (const Error& e) {
      corrupt = e.what();
      return false;
    }
  });
  if (!complete) drop_connection = true;
  bool declared_over = std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10) > max_body;
  if (over || sent > max_body || declared_over)
    throw ProtocolError{413, "too_large",
                        "the request body is larger than " + std::to_string(max_body) +
                            " bytes, as sent or inflated (kinerja-hub --max-body)",
                        -1};
  if (!corrupt.empty()) throw ProtocolError{400, "corrupt_body", corrupt + ": send it again", -1};
  if (!complete) throw ProtocolError{400, "corrupt_body", "the request body was cut short: send it again", -1};
  if (encoding.empty()) return raw;
  if (!inflater.finished()) throw ProtocolError{400, "corrupt_body", "the gzip body was cut short: send it again", -1};
  return std::move(inflater.out());
}

}  // namespace kinerja
