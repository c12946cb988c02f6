// Sync without a link: files that travel by USB stick or e-mail and carry what push and pull
// carry on the wire (schema/protocol.md, "Bundles"). A bundle file is a gzip-compressed JSON
// document {v, kind, signer, body, sig}, SIG being the Ed25519 signature by SIGNER's key over
// bundle_message(kind, signer, body). Kinds: "push" (a device's unacknowledged ops and
// evidence files, for `kinerja-hub bundle import`), "receipt" (the hub's answer to one, for
// `kinerja bundle receipt`) and "pull" (an office's pull pages, for `kinerja bundle import`).
// A file is read bounded as stored and once inflated, and its JSON's nesting bounded.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "client/device_key.hpp"
#include "sync/protocol.hpp"

namespace kinerja {

inline constexpr size_t kMaxBundleFile = size_t{64} << 20;   // bytes as stored (compressed)
inline constexpr size_t kMaxBundleJson = size_t{256} << 20;  // bytes once inflated

// A bundle file as read: its kind, signer (a device id), body and signature, and the
// SHA-256 of the file's bytes (a receipt names the bundle it answers by it).
struct SignedFile {
  std::string kind, signer, sig, sha256;
  json body;
};

// What is signed: "kinerja-bundle-v1\n" KIND "\n" SIGNER "\n" SHA-256 of canonical_text(BODY).
std::string bundle_message(const std::string& kind, const std::string& signer, const json& body);

// Writes BODY (normalized) as a signed file of KIND by SIGNER's KEY to PATH, whole or not at
// all (a temporary file renamed).
void write_signed_file(const std::string& path, const std::string& kind, const std::string& signer,
                       const DeviceKey& key, const json& body);

// Reads PATH as a file of KIND; Error(BadInput) naming the file and what is wrong with it.
// The signature is checked by the caller, who knows the signer's key: signed_by().
SignedFile read_signed_file(const std::string& path, const std::string& kind);
bool signed_by(const SignedFile& f, const std::string& public_key);

// An evidence file in a push bundle.
struct BundleFile {
  std::string sha256, bytes;
};

// kind "push": ops of one device for the hub HUB (its device id), as one push batch.
struct PushBundle {
  std::string hub, office;
  PushBatch batch;
  std::vector<BundleFile> files;
};

// kind "receipt": the hub's head for DEVICE after importing the bundle BUNDLE_SHA256, with
// the rejections of the bundle's ops (as GET /v1/head answers).
struct Receipt {
  std::string hub, office, device, bundle_sha256;
  OwnOps head;
};

// kind "pull": OFFICE's pull pages from cursor SINCE on, as GET /v1/pull answers them.
struct PullBundle {
  std::string hub, office, since;
  std::vector<PullPage> pages;
};

json to_json(const PushBundle& m);
json to_json(const Receipt& m);
json to_json(const PullBundle& m);
// Decoders throw Error(BadInput) naming the missing or ill-typed field.
PushBundle push_bundle_from_json(const json& j);
Receipt receipt_from_json(const json& j);
PullBundle pull_bundle_from_json(const json& j);

// DECODE(F.body), its errors naming F's file PATH.
template <class T>
T decode_bundle(T (*decode)(const json&), const SignedFile& f, const std::string& path) {
  try {
    return decode(f.body);
  } catch (const Error& e) {
    throw bad_input(path + ": not a kinerja " + f.kind + " bundle: " + e.what());
  } catch (const json::exception& e) {
    throw bad_input(path + ": not a kinerja " + f.kind + " bundle: " + e.what());
  }
}

}  // namespace kinerja
