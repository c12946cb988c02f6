// Running a command line, shared by `kinerja` and `kinerja-hub`: parse the app (its
// callbacks do the work) and map what is thrown to the exit codes of the README: 2 for bad
// input (usage errors and unknown commands included), 3 for a conflict or rejection, 1 for
// anything else. Messages go to stderr, prefixed with the program's name and "galat:"
// ("error:" with KINERJA_LANG=en); a usage error is worded by command_line.hpp. Arguments that
// are not valid UTF-8 are bad input, refused before parsing.
#pragma once
#include <CLI/CLI.hpp>

#include <iostream>
#include <string_view>

#include "client/command_line.hpp"
#include "client/error.hpp"
#include "client/messages.hpp"
#include "client/utf8.hpp"

namespace kinerja {

// Thrown by a command that has printed its result and must still exit non-zero
// (e.g. `verify` finding a broken link).
struct ExitStatus {
  int code;
};

// Every argument must be valid UTF-8 (it may end up in an op body or a JSON document);
// an invalid one is bad input naming its option ("--note", or "argument N").
inline void check_arguments_utf8(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i], prev = i > 1 ? argv[i - 1] : "";
    std::string field = "argument " + std::to_string(i);
    if (arg.rfind("--", 0) == 0 && arg.find('=') != std::string_view::npos) {
      field = std::string(arg.substr(0, arg.find('=')));
      arg.remove_prefix(field.size() + 1);
    } else if (prev.rfind("-", 0) == 0 && prev.find('=') == std::string_view::npos) {
      field = std::string(prev);
    }
    check_utf8(arg, field);
  }
}

inline int run_cli(CLI::App& app, int argc, char** argv) {
  const std::string who = app.get_name();
  try {
    check_arguments_utf8(argc, argv);
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << who << ": " << msg(Msg::ErrorPrefix) << ": " << parse_error_text(app, e) << "\n";
    return static_cast<int>(ErrorKind::BadInput);
  } catch (const ExitStatus& e) {
    return e.code;
  } catch (const Error& e) {
    std::cerr << who << ": " << msg(Msg::ErrorPrefix) << ": " << e.what() << "\n";
    return static_cast<int>(e.kind);
  } catch (const std::exception& e) {
    std::cerr << who << ": " << msg(Msg::ErrorPrefix) << ": " << e.what() << "\n";
    return static_cast<int>(ErrorKind::Failure);
  }
  return 0;
}

}  // namespace kinerja
