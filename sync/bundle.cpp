// Bundle files (bundle.hpp).
#include "sync/bundle.hpp"

#include <sodium.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "client/error.hpp"
#include "client/json_limits.hpp"
#include "sync/gzip.hpp"

namespace kinerja {

static constexpr const char* kBundleVersion = "1";

std::string bundle_message(const std::string& kind, const std::string& signer, const json& body) {
  return "kinerja-bundle-v1\n" + kind + "\n" + signer + "\n" + sha256_hex(canonical_text(body));
}

void write_signed_file(const std::string& path, const std::string& kind, const std::string& signer,
                       const DeviceKey& key, const json& body) {
  json b = normalize(body);
  json doc{{"v", kBundleVersion}, {"kind", kind}, {"signer", signer}, {"sig", sign_hex(key, bundle_message(kind, signer, b))},
           {"body", std::move(b)}};
  std::string gz = gzip_compress(doc.dump());
  if (gz.size() > kMaxBundleFile) throw failure(path + ": the bundle would exceed " + std::to_string(kMaxBundleFile >> 20) + " MiB");
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw failure("cannot write " + tmp);
  bool ok = std::fwrite(gz.data(), 1, gz.size(), f) == gz.size() && std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
  ok = std::fclose(f) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw failure("cannot write " + path);
  }
}

SignedFile read_signed_file(const std::string& path, const std::string& kind) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw bad_input(path + ": no such file");
  auto size = std::filesystem::file_size(path, ec);
  if (ec || size > kMaxBundleFile)
    throw bad_input(path + ": larger than a bundle may be (" + std::to_string(kMaxBundleFile >> 20) + " MiB)");
  std::ifstream in(path, std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw bad_input(path + ": cannot be read");
  SignedFile f;
  json doc;
  try {
    GzipInflater inflater(kMaxBundleJson);
    if (!inflater.feed(raw))
      throw bad_input("larger than " + std::to_string(kMaxBundleJson >> 20) + " MiB once inflated");
    if (!inflater.finished()) throw bad_input("the gzip stream is cut short");
    doc = parse_json_bounded(inflater.out(), "the bundle");
    if (!doc.is_object()) throw bad_input("the bundle is not a JSON object");
    if (string_field(doc, "v") != kBundleVersion) throw bad_input("bundle version " + string_field(doc, "v") + " is not supported");
    f.kind = string_field(doc, "kind");
    f.signer = string_field(doc, "signer");
    f.sig = string_field(doc, "sig");
    if (!doc.contains("body") || !doc["body"].is_object()) throw bad_input("field 'body' is missing or not an object");
    f.body = std::move(doc["body"]);
  } catch (const Error& e) {
    throw bad_input(path + ": not a readable kinerja bundle: " + e.what());
  }
  if (f.kind != kind) throw bad_input(path + ": a " + f.kind + " bundle, not a " + kind + " bundle");
  f.sha256 = sha256_hex(raw);
  return f;
}

bool signed_by(const SignedFile& f, const std::string& public_key) {
  try {
    return verify_sig(public_key, bundle_message(f.kind, f.signer, f.body), f.sig);
  } catch (const std::exception&) {  // a body canonical_text cannot encode (a float) was not signed
    return false;
  }
}

static std::string base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

static std::string unbase64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw bad_input("an evidence file is not valid base64");
  out.resize(len);
  return out;
}

static const json& array_field(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_array()) throw bad_input(std::string("field '") + name + "' is missing or not an array");
  return *it;
}

static const json& object_field(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_object()) throw bad_input(std::string("field '") + name + "' is missing or not an object");
  return *it;
}

json to_json(const PushBundle& m) {
  json files = json::array();
  for (const auto& f : m.files) files.push_back(json{{"sha256", f.sha256}, {"data", base64(f.bytes)}});
  return json{{"hub", m.hub}, {"office", m.office}, {"batch", to_json(m.batch)}, {"files", std::move(files)}};
}

PushBundle push_bundle_from_json(const json& j) {
  PushBundle m{string_field(j, "hub"), string_field(j, "office"), push_batch_from_json(object_field(j, "batch")), {}};
  for (const auto& f : array_field(j, "files")) {
    if (!f.is_object()) throw bad_input("an evidence file is not a JSON object");
    m.files.push_back(BundleFile{string_field(f, "sha256"), unbase64(string_field(f, "data"))});
  }
  return m;
}

json to_json(const Receipt& m) {
  return json{{"hub", m.hub}, {"office", m.office}, {"device", m.device}, {"bundle_sha256", m.bundle_sha256},
              {"head", to_json(m.head)}};
}

Receipt receipt_from_json(const json& j) {
  return Receipt{string_field(j, "hub"), string_field(j, "office"), string_field(j, "device"),
                 string_field(j, "bundle_sha256"), own_ops_from_json(object_field(j, "head"))};
}

json to_json(const PullBundle& m) {
  json pages = json::array();
  for (const auto& p : m.pages) pages.push_back(to_json(p));
  return json{{"hub", m.hub}, {"office", m.office}, {"since", m.since}, {"pages", std::move(pages)}};
}

PullBundle pull_bundle_from_json(const json& j) {
  PullBundle m{string_field(j, "hub"), string_field(j, "office"), string_field(j, "since"), {}};
  for (const auto& p : array_field(j, "pages")) m.pages.push_back(pull_page_from_json(p));
  return m;
}

}  // namespace kinerja
