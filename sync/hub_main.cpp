// `kinerja-hub`: the kanwil's sync endpoint. Without a subcommand it serves
// (--listen, --tls-cert/--tls-key); the admin subcommands work on the same --db.
// Errors map to the exit codes of DESIGN.md (2 bad input, 3 conflict, 1 other).
#include "client/cli_run.hpp"
#include "sync/hub_cli.hpp"
#include "sync/hub_server.hpp"

int main(int argc, char** argv) {
  using namespace kinerja;
  CLI::App app{
      "kinerja-hub: the kanwil's sync endpoint for kinerja offices.\n"
      "Without a subcommand it serves; the subcommands administer the same hub store.",
      "kinerja-hub"};
  HubCli cli;
  HubServerOptions server;
  app.add_option("--db", cli.db, "The hub store (created on first use; its key is DB.key)");
  app.add_option("--listen", server.listen, "HOST:PORT to serve on (port 0: a free port, printed)");
  app.add_option("--tls-cert", server.tls_cert, "PEM certificate: serve HTTPS");
  app.add_option("--tls-key", server.tls_key, "PEM private key of the certificate");
  app.add_option("--max-body", server.max_body, "Largest request body accepted, in bytes (default 32 MiB)")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 30));
  app.add_option("--max-clock-ahead", server.max_clock_ahead_hours,
                 "Refuse pushed ops stamped more than this many hours ahead of the hub's clock (default 24)")
      ->check(CLI::Range(1, 24 * 366));
  add_hub_admin_commands(app, cli);
  app.callback([&] {
    if (app.get_subcommands().empty()) serve_hub(cli.db, server);
  });
  return run_cli(app, argc, argv);
}
