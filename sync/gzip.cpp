// gzip bodies (gzip.hpp).
#include "sync/gzip.hpp"

#include <algorithm>

#include "client/error.hpp"

namespace kinerja {

std::string gzip_compress(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw failure("zlib: deflateInit2 failed");
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw failure("zlib: deflate failed");
  return out;
}

GzipInflater::GzipInflater(size_t limit) : limit_(limit) {
  if (inflateInit2(&z_, 15 + 32) != Z_OK) throw failure("zlib: inflateInit2 failed");  // +32: gzip or zlib header
}

GzipInflater::~GzipInflater() { inflateEnd(&z_); }

bool GzipInflater::feed(std::string_view data) {
  z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z_.avail_in = static_cast<uInt>(data.size());
  while (z_.avail_in > 0) {
    if (finished_) throw bad_input("the gzip body goes on after its end");
    if (out_.size() >= limit_) return false;
    char buf[16384];
    // One byte past the limit is enough to tell that the body is too large.
    size_t room = std::min(sizeof buf, limit_ - out_.size() + 1);
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(room);
    uInt in_before = z_.avail_in;
    int rc = inflate(&z_, Z_NO_FLUSH);
    bool stuck = z_.avail_in == in_before && z_.avail_out == room;
    if (rc == Z_STREAM_END) {
      finished_ = true;
    } else if ((rc != Z_OK && rc != Z_BUF_ERROR) || stuck) {
      throw bad_input(std::string("the gzip body is corrupt (") + (z_.msg ? z_.msg : "zlib error") + ")");
    }
    out_.append(buf, room - z_.avail_out);
    if (out_.size() > limit_) return false;
  }
  return true;
}

}  // namespace kinerja
