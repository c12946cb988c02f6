// The error value every layer throws: a kind that maps to the CLI's exit code and a
// message a person can act on (naming the field and the reason).
//
// The policy, for every layer:
// - A function that cannot do what it was asked throws Error (the hub's refusals are
//   ProtocolError, an Error of kind Conflict, in sync/protocol.hpp). Nothing is written
//   when it throws: writes happen in one transaction that the throw rolls back.
// - A function returns a result instead when the outcome is an expected answer the caller
//   decides on: a verify report, a schema violation text, an optional for "not there", a
//   transfer attempt that failed and will be retried (sync/transport.hpp).
// - Catch only at a boundary that turns an Error into an answer (the CLI's exit code in
//   client/cli_run.hpp, the hub's HTTP answer in sync/hub_server.cpp), to add context and
//   throw again, or to retry. An HTTP answer's status is checked in one place, expect_2xx
//   (sync/transport.hpp).
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
