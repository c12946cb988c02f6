// The error value every layer throws: a kind that maps to the CLI's exit code and a
// message a person can act on (naming the field and the reason).
#pragma once
#include <stdexcept>
#include <string>

namespace kinerja {

enum class ErrorKind {
  Failure = 1,   // anything else: I/O, network, a broken store
  BadInput = 2,  // the user's input is wrong; nothing was written
  Conflict = 3,  // a conflict or a rejection by the hub
};

struct Error : std::runtime_error {
  ErrorKind kind;
  Error(ErrorKind k, const std::string& message) : std::runtime_error(message), kind(k) {}
};

inline Error bad_input(const std::string& m) { return Error(ErrorKind::BadInput, m); }
inline Error failure(const std::string& m) { return Error(ErrorKind::Failure, m); }
inline Error conflict(const std::string& m) { return Error(ErrorKind::Conflict, m); }

}  // namespace kinerja
