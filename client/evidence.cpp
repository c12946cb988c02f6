// Evidence files by content hash (evidence.hpp).
#include "client/evidence.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "client/canonical.hpp"
#include "client/error.hpp"
#include "client/store.hpp"

namespace kinerja {

namespace fs = std::filesystem;

bool is_url(const std::string& text) { return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0; }

bool is_sha256(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string evidence_dir(const std::string& store_path) { return store_path + ".evidence"; }

std::string blob_path(const std::string& dir, const std::string& sha256) {
  return dir + "/" + sha256.substr(0, 2) + "/" + sha256.substr(2);
}

bool has_blob(const std::string& dir, const std::string& sha256) { return fs::exists(blob_path(dir, sha256)); }

// The store's own files, which hold its data and its private key: never evidence.
static void check_not_store_file(const std::string& store_path, const std::string& arg, const std::string& field) {
  for (const std::string& f : {store_path, store_path + "-wal", store_path + "-shm", store_path + "-journal",
                               key_path(store_path)}) {
    std::error_code ec;
    if (fs::equivalent(arg, f, ec))
      throw bad_input(field + ": '" + arg + "' is a file of the store (" + fs::path(f).filename().string() +
                      "): the store, its WAL and its device key are never evidence");
  }
}

void check_evidence(const std::string& store_path, const std::string& arg, const std::string& field) {
  if (is_url(arg)) {
    if (arg.find_first_of(" \t\r\n") != std::string::npos) throw bad_input(field + ": the URL '" + arg + "' contains a space");
    return;
  }
  if (arg.empty()) throw bad_input(field + ": give a file or an http(s):// URL");
  std::error_code ec;
  if (!fs::is_regular_file(arg, ec)) throw bad_input(field + ": '" + arg + "' is not a readable file (nor an http(s):// URL)");
  check_not_store_file(store_path, arg, field);
  if (!std::ifstream(arg, std::ios::binary)) throw bad_input(field + ": '" + arg + "' cannot be read");
}

std::string evidence_beside(const std::string& csv_path, const std::string& arg, const std::string& field) {
  if (arg.empty() || is_url(arg)) return arg;
  fs::path dir = fs::path(csv_path).parent_path();
  fs::path path = fs::path(arg).is_relative() ? dir / arg : fs::path(arg);
  std::error_code ec_dir, ec_path;
  fs::path inside = fs::weakly_canonical(fs::absolute(dir.empty() ? fs::path(".") : dir), ec_dir);
  fs::path target = fs::weakly_canonical(fs::absolute(path), ec_path);
  auto first_difference = std::mismatch(inside.begin(), inside.end(), target.begin(), target.end()).first;
  if (ec_dir || ec_path || first_difference != inside.end())
    throw bad_input(field + ": '" + arg + "' leaves the folder of the CSV file (" + dir.string() +
                    "): evidence files must lie inside it");
  return path.string();
}

static Error io_error(const std::string& what, const std::string& path) {
  return failure(what + " " + path + ": " + std::strerror(errno));
}

// Writes through FD, a temporary file in the blob's folder, then fsyncs, renames it to the
// blob's path and fsyncs the folder.
class BlobWriter {
 public:
  explicit BlobWriter(const std::string& dir) : dir_(dir) {
    fs::create_directories(dir_);
    tmp_ = dir_ + "/.tmp-XXXXXX";
    fd_ = ::mkstemp(tmp_.data());
    if (fd_ < 0) throw io_error("cannot create a file in", dir_);
  }
  ~BlobWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!done_) ::unlink(tmp_.c_str());
  }
  void write(const char* p, size_t n) {
    while (n > 0) {
      ssize_t w = ::write(fd_, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) throw io_error("cannot write", tmp_);
      p += w;
      n -= static_cast<size_t>(w);
    }
  }
  void finish(const std::string& sha256) {
    if (::fsync(fd_) != 0) throw io_error("cannot fsync", tmp_);
    ::close(fd_);
    fd_ = -1;
    std::string final_path = blob_path(dir_, sha256);
    std::string sub = fs::path(final_path).parent_path().string();
    fs::create_directories(sub);
    if (::rename(tmp_.c_str(), final_path.c_str()) != 0) throw io_error("cannot rename to", final_path);
    done_ = true;
    for (const std::string& d : {sub, dir_}) {
      int dfd = ::open(d.c_str(), O_RDONLY | O_DIRECTORY);
      if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
      }
    }
  }

 private:
  std::string dir_, tmp_;
  int fd_ = -1;
  bool done_ = false;
};

Evidence take_evidence(const std::string& store_path, const std::string& arg, const std::string& field) {
  check_evidence(store_path, arg, field);
  std::string dir = evidence_dir(store_path);
  Evidence e;
  if (is_url(arg)) {
    e.url = arg;
    return e;
  }
  std::ifstream in(arg, std::ios::binary);
  BlobWriter out(dir);
  Sha256 sha;
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    auto n = static_cast<size_t>(in.gcount());
    if (n == 0) break;
    sha.update(std::string_view(buf, n));
    out.write(buf, n);
    e.size += static_cast<int64_t>(n);
  }
  if (in.bad()) throw failure(field + ": reading '" + arg + "' failed");
  e.sha256 = sha.hex();
  e.name = fs::path(arg).filename().string();
  if (!has_blob(dir, e.sha256)) out.finish(e.sha256);
  return e;
}

std::optional<std::string> read_blob(const std::string& dir, const std::string& sha256) {
  std::ifstream in(blob_path(dir, sha256), std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool put_blob(const std::string& dir, const std::string& sha256, const std::string& bytes) {
  if (!is_sha256(sha256) || sha256_hex(bytes) != sha256) return false;
  if (has_blob(dir, sha256)) return true;
  BlobWriter out(dir);
  out.write(bytes.data(), bytes.size());
  out.finish(sha256);
  return true;
}

}  // namespace kinerja
