// A device's Ed25519 key pair: made at `kinerja init`, kept in a file beside the store
// (mode 0600), used to sign checkpoints; and signature checks against a public key.
#pragma once
#include <string>
#include <string_view>

namespace kinerja {

struct DeviceKey {
  std::string public_hex;  // 32 bytes, hex
  std::string secret;      // 64 raw bytes (libsodium's seed+public form)
};

DeviceKey generate_device_key();
void save_device_key(const std::string& path, const DeviceKey& k);  // refuses to overwrite
DeviceKey load_device_key(const std::string& path);

// The device id derived from a public key: "d" + first 16 hex digits of its SHA-256.
std::string device_id_for(const std::string& public_hex);

std::string sign_hex(const DeviceKey& k, std::string_view message);
bool verify_sig(const std::string& public_hex, std::string_view message, const std::string& sig_hex);

}  // namespace kinerja
