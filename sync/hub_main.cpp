// `kinerja-hub`: the kanwil's sync endpoint. Without a subcommand it serves
// (--listen, --tls-cert/--tls-key); the admin subcommands work on the same --db.
// Errors map to the exit codes of the README (2 bad input, 3 conflict, 1 other).
#include "client/cli_run.hpp"
#include "sync/hub_cli.hpp"
#include "sync/hub_server.hpp"

int main(int argc, char** argv) {
  using namespace kinerja;
  CLI::App app{
      "kinerja-hub: the kanwil's sync endpoint for kinerja offices.\n"
      "Without a subcommand it serves; the subcommands administer the same hub store.",
      "kinerja-hub"};
  localise(app);
  HubCli cli;
  HubServerOptions server;
  app.add_option("--db", cli.db, "The hub store (created on first use; its key is DB.key)");
  app.add_option("--listen", server.listen, "HOST:PORT to serve on (port 0: a free port, printed)");
  app.add_option("--tls-cert", server.tls_cert, "PEM certificate: serve HTTPS");
  app.add_option("--tls-key", server.tls_key, "PEM private key of the certificate");
  app.add_option("--max-body", server.max_body,
                 "Largest request body accepted, in bytes as sent and once inflated (default 32 MiB)")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 30));
  app.add_option("--max-clock-ahead", server.max_clock_ahead_hours,
                 "Refuse pushed ops stamped more than this many hours ahead of the hub's clock (default 24)")
      ->check(CLI::Range(1, 24 * 366));
  app.add_option("--request-timeout", server.request_timeout,
                 "Seconds a client has to send a request's headers and body (default 60)")
      ->check(CLI::Range(1, 3600));
  app.add_option("--read-timeout", server.read_timeout, "Seconds to wait for a request's next bytes (default 15)")
      ->check(CLI::Range(1, 3600));
  app.add_option("--max-connections-per-address", server.max_connections_per_address,
                 "Open connections allowed from one client address; more are answered 429 (default 32)")
      ->check(CLI::Range(1, 100000));
  app.add_option("--workers", server.workers, "Threads serving connections (default 64)")->check(CLI::Range(1, 4096));
  add_hub_admin_commands(app, cli);
  add_hub_bundle_commands(app, cli);
  app.callback([&] {
    if (app.get_subcommands().empty()) serve_hub(cli.db, server);
  });
  return run_cli(app, argc, argv);
}
