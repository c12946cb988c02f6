// `kinerja`: the office command line. Parses arguments, dispatches to the command groups,
// and maps errors to the exit codes of DESIGN.md (2 bad input, 3 conflict, 1 other).
#include <iostream>

#include "client/cli.hpp"
#include "client/error.hpp"

int main(int argc, char** argv) {
  using namespace kinerja;
  CLI::App app{
      "kinerja: SAKIP performance reporting for a Kantor Imigrasi, offline-first.\n"
      "Records realisasi into a local signed ledger, computes capaian exactly, syncs with the kanwil hub.",
      "kinerja"};
  app.require_subcommand(1);
  Cli cli;
  app.add_option("--store", cli.store_flag, "The office store (default $KINERJA_STORE, else ./kinerja.db)");
  add_store_commands(app, cli);
  add_entry_commands(app, cli);
  add_catalogue_commands(app, cli);
  add_sync_commands(app, cli);
  add_case_commands(app, cli);
  add_target_commands(app, cli);
  add_report_commands(app, cli);
  add_survey_commands(app, cli);
  add_rb_commands(app, cli);
  add_risk_commands(app, cli);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(ErrorKind::BadInput);
  } catch (const ExitStatus& e) {
    return e.code;
  } catch (const Error& e) {
    std::cerr << "kinerja: " << e.what() << "\n";
    return static_cast<int>(e.kind);
  } catch (const std::exception& e) {
    std::cerr << "kinerja: " << e.what() << "\n";
    return static_cast<int>(ErrorKind::Failure);
  }
  return 0;
}
