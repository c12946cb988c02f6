// gzip bodies for the wire (zlib): the client compresses its request bodies; the hub's
// HTTP layer (cpp-httplib, built with zlib) inflates them and gzips its answers.
#pragma once
#include <string>
#include <string_view>

namespace kinerja {

std::string gzip_compress(std::string_view data);

}  // namespace kinerja
