// The parts of the loopback test proxies (tools/flaky-proxy, tools/link-proxy) that are the
// same in both: loopback-only addresses and option values, HTTP/1.1 message framing over a
// counted connection, the upstream exchange, logging, and the bounded accept loop
// (--max-connections, --max-seconds, SIGTERM) that ends with the tool's summary line.
#pragma once
#include <netinet/in.h>

#include <atomic>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace loopback_proxy {

// The tool's name (prefix of every log line and error) and its usage text.
void set_identity(const char* name, const char* usage);
void log_line(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
// Opens --log FILE (appending); without it the log is stderr.
void open_log(const std::string& path);
[[noreturn]] void usage_error(const std::string& msg);

// HOST:PORT with HOST in 127.0.0.0/8 (or "localhost"); anything else is a usage error.
sockaddr_in parse_loopback(const std::string& flag, const std::string& s);
long parse_long(const std::string& flag, const std::string& s, long min);

// Bytes and messages moved, for the summary line.
struct Counters {
  std::atomic<long> connections{0}, requests{0};
  std::atomic<long> bytes_from_client{0}, bytes_to_client{0}, bytes_to_upstream{0}, bytes_from_upstream{0};
};
extern Counters g_counters;

// A connected socket with a read buffer; every byte moved is counted. READ_LIMIT, when set,
// is asked how many bytes the next read may take (link-proxy's bandwidth cap); 0 = closed.
struct Conn {
  int fd = -1;
  std::string buf;
  std::atomic<long>* in_count;
  std::atomic<long>* out_count;
  std::function<size_t(size_t)> read_limit;

  Conn(int f, std::atomic<long>* in, std::atomic<long>* out) : fd(f), in_count(in), out_count(out) {}
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  bool fill();
  // Takes exactly N bytes (or fewer if the peer closes; then returns false).
  bool take(size_t n, std::string& out);
  bool take_line(std::string& out);
  bool send_all(const std::string& data);
  // Closes with a TCP reset instead of an orderly close.
  void reset();
};

// One HTTP/1.1 message: its start line and headers as received, and its body as framed on
// the wire (Content-Length bytes, or raw chunked encoding).
struct Message {
  std::string start_line;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool chunked = false;
  std::optional<size_t> length;

  std::string header(const std::string& name) const;
  void set_header(const std::string& name, const std::string& value);
  void remove_header(const std::string& name);
  std::string head() const;
  std::string wire() const { return head() + body; }
  int status() const;
  bool is_head_request() const { return start_line.rfind("HEAD ", 0) == 0; }
  // "METHOD /path" for log lines.
  std::string what() const { return start_line.substr(0, start_line.rfind(' ')); }
};

bool read_head(Conn& c, Message& m);
bool read_request_body(Conn& c, Message& m);
bool read_response_body(Conn& c, Message& m, bool head_request);

// A fresh connection to UPSTREAM, counted in g_counters.
std::optional<Conn> connect_upstream(const sockaddr_in& upstream);
// Sends REQUEST to the upstream on a fresh connection and reads its whole response.
bool exchange(const sockaddr_in& upstream, const Message& request, Message& response);

struct Limits {
  sockaddr_in listen{};
  long max_connections = 100000;
  long max_seconds = 300;
  int receive_buffer = 0;  // SO_RCVBUF of client connections (0 = the system's)
};

// The options every proxy has: --upstream (required), --listen, --max-connections,
// --max-seconds and --log.
struct CommonOptions {
  Limits limits;
  sockaddr_in upstream{};
  std::string log_path;
};
// Parses ARGV's FLAG VALUE pairs: the common ones into the result, every other one by
// OTHER, which returns false for a flag it does not know (a usage error).
CommonOptions parse_options(int argc, char** argv,
                            const std::function<bool(const std::string& flag, const std::string& value)>& other);

// Listens on LIMITS.listen, prints the port on stdout's first line, logs STARTED (with the
// port), then serves each client connection on its own thread with SERVE(fd, index) until
// a signal, --max-seconds or --max-connections (and those connections ended); then logs
// why, SUMMARY's line and exits.
[[noreturn]] void run(const Limits& limits, const std::function<std::string(int port)>& started,
                      const std::function<void(int fd, long index)>& serve, const std::function<std::string()>& summary);

// "bytes_from_client=… bytes_to_client=… bytes_to_upstream=… bytes_from_upstream=…"
std::string byte_counts();

}  // namespace loopback_proxy
