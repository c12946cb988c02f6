// Device keys and signatures (device_key.hpp), on libsodium's Ed25519.
#include "client/device_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "client/canonical.hpp"
#include "client/error.hpp"

namespace kinerja {

static void ensure_sodium() {
  if (sodium_init() < 0) throw failure("libsodium failed to initialise");
}

DeviceKey generate_device_key() {
  ensure_sodium();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  DeviceKey k{to_hex(pk, sizeof pk), std::string(reinterpret_cast<char*>(sk), sizeof sk)};
  sodium_memzero(sk, sizeof sk);
  return k;
}

void save_device_key(const std::string& path, const DeviceKey& k) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) throw failure("cannot create device key " + path + " (does it already exist?)");
  std::string text = "ed25519 " + k.public_hex + " " +
                     to_hex(reinterpret_cast<const unsigned char*>(k.secret.data()), k.secret.size()) + "\n";
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::fchmod(fd, 0600);
  ::close(fd);
  if (!ok) throw failure("cannot write device key " + path);
}

DeviceKey load_device_key(const std::string& path) {
  ensure_sodium();
  std::ifstream in(path);
  if (!in) throw failure("device key " + path + " is missing: the store cannot sign without it");
  std::string kind, pub, sec;
  in >> kind >> pub >> sec;
  if (kind != "ed25519" || pub.size() != 64 || sec.size() != 128)
    throw failure("device key " + path + " is malformed");
  return DeviceKey{pub, from_hex(sec)};
}

std::string device_id_for(const std::string& public_hex) { return "d" + sha256_hex(public_hex).substr(0, 16); }

std::string sign_hex(const DeviceKey& k, std::string_view message) {
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(k.secret.data()));
  return to_hex(sig, sizeof sig);
}

bool verify_sig(const std::string& public_hex, std::string_view message, const std::string& sig_hex) {
  ensure_sodium();
  try {
    std::string pk = from_hex(public_hex), sig = from_hex(sig_hex);
    if (pk.size() != crypto_sign_PUBLICKEYBYTES || sig.size() != crypto_sign_BYTES) return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.data()),
                                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       reinterpret_cast<const unsigned char*>(pk.data())) == 0;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace kinerja
