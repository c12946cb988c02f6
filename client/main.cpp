// `kinerja`: the office command line. Parses arguments, dispatches to the command groups,
// and maps errors to the exit codes of the README (2 bad input, 3 conflict, 1 other).
#include "client/cli.hpp"

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
  add_budget_commands(app, cli);
  add_pnbp_commands(app, cli);
  add_ikpa_commands(app, cli);
  add_pk_commands(app, cli);
  add_template_commands(app, cli);
  return run_cli(app, argc, argv);
}
