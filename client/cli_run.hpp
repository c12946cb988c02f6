// Running a command line, shared by `kinerja` and `kinerja-hub`: parse the app (its
// callbacks do the work) and map what is thrown to the exit codes of DESIGN.md: 2 for bad
// input (usage errors and unknown commands included), 3 for a conflict or rejection, 1 for
// anything else. Messages go to stderr, prefixed with the program's name.
#pragma once
#include <CLI/CLI.hpp>

#include <iostream>

#include "client/error.hpp"

namespace kinerja {

// Thrown by a command that has printed its result and must still exit non-zero
// (e.g. `verify` finding a broken link).
struct ExitStatus {
  int code;
};

inline int run_cli(CLI::App& app, int argc, char** argv) {
  const std::string who = app.get_name();
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    auto rest = app.remaining();
    if (app.get_subcommands().empty() && !rest.empty() && rest.front().rfind('-', 0) != 0)
      std::cerr << who << ": unknown command '" << rest.front() << "' (run `" << who << " --help` for the commands)\n";
    else
      app.exit(e);
    return static_cast<int>(ErrorKind::BadInput);
  } catch (const ExitStatus& e) {
    return e.code;
  } catch (const Error& e) {
    std::cerr << who << ": " << e.what() << "\n";
    return static_cast<int>(e.kind);
  } catch (const std::exception& e) {
    std::cerr << who << ": " << e.what() << "\n";
    return static_cast<int>(ErrorKind::Failure);
  }
  return 0;
}

}  // namespace kinerja
