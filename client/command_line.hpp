// The command line in the person's language: CLI11's --help labels and its parse errors
// rendered from the message catalogue (messages.hpp), with the closest command or option
// suggested for an unknown one ("perintah 'reprot' tidak dikenal; maksud Anda: report?").
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace kinerja {

// Called on the top-level APP before anything is added to it (subcommands inherit): the help
// flag, the option group and the --help labels in the chosen language.
void localise(CLI::App& app);

// The message for E, thrown by APP.parse(): what was wrong, naming the option or command.
std::string parse_error_text(const CLI::App& app, const CLI::ParseError& e);

}  // namespace kinerja
