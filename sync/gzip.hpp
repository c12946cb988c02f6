// gzip bodies for the wire (zlib): the client compresses its request bodies; the hub
// inflates them itself, a piece at a time and no further than its body limit (a gzip bomb
// of 1 MB would otherwise become 1 GB in memory). cpp-httplib gzips the hub's answers.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <zlib.h>

namespace kinerja {

std::string gzip_compress(std::string_view data);

// Inflates a gzip (or zlib) stream fed in pieces into a string of at most LIMIT bytes.
class GzipInflater {
 public:
  explicit GzipInflater(size_t limit);
  ~GzipInflater();
  GzipInflater(const GzipInflater&) = delete;
  GzipInflater& operator=(const GzipInflater&) = delete;

  // Appends what DATA inflates to to out(). Returns false, and stops inflating, once out()
  // would grow past the limit. Throws Error(BadInput) when the stream is corrupt or goes on
  // after its end.
  bool feed(std::string_view data);
  bool finished() const { return finished_; }  // the stream's end was seen
  std::string& out() { return out_; }

 private:
  z_stream z_{};
  size_t limit_;
  bool finished_ = false;
  std::string out_;
};

}  // namespace kinerja
