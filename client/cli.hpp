// What the `kinerja` command groups share: the global options, opening the store, and
// printing for people (aligned tables) and for scripts (JSON on stdout).
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "client/canonical.hpp"
#include "client/cli_run.hpp"
#include "client/report_table.hpp"
#include "client/store.hpp"

namespace kinerja {

// TEXT on stderr as a warning: "kinerja: peringatan: TEXT" ("warning:" with KINERJA_LANG=en).
void warn(const std::string& text);

// Warns on stderr, naming device and seq, of ops the store keeps but leaves out of every
// figure because they are not valid (pulled from an older hub; see Ingest in ledger.hpp).
void warn_invalid_ops(const Store& s);

struct Cli {
  std::string store_flag;  // --store
  Store open() const {
    Store s = open_store(resolve_store_path(store_flag));
    warn_invalid_ops(s);
    return s;
  }
  std::string store_path() const { return resolve_store_path(store_flag); }
};

// Each command group adds its subcommands to APP (one file each: cli_store.cpp, …).
void add_store_commands(CLI::App& app, Cli& cli);
void add_entry_commands(CLI::App& app, Cli& cli);
void add_catalogue_commands(CLI::App& app, Cli& cli);
void add_sync_commands(CLI::App& app, Cli& cli);
void add_case_commands(CLI::App& app, Cli& cli);
void add_target_commands(CLI::App& app, Cli& cli);
void add_report_commands(CLI::App& app, Cli& cli);
void add_survey_commands(CLI::App& app, Cli& cli);  // after add_report_commands: adds `report survey`
// After add_report_commands: each also adds its `report` subcommand(s).
void add_rb_commands(CLI::App& app, Cli& cli);
void add_risk_commands(CLI::App& app, Cli& cli);  // risks and innovations
void add_budget_commands(CLI::App& app, Cli& cli);  // after add_report_commands: adds `report budget`
void add_pnbp_commands(CLI::App& app, Cli& cli);    // after add_report_commands: adds `report pnbp`
void add_pk_commands(CLI::App& app, Cli& cli);      // after add_report_commands: adds `report pk-document`
void add_ikpa_commands(CLI::App& app, Cli& cli);    // ikpa and nka; after add_report_commands: adds their reports
void add_template_commands(CLI::App& app, Cli& cli);  // import templates (XLSX)

void print_json(const json& j);
// TEXT on standard output when OUT is "", else written to the file OUT (Msg::Wrote on stderr).
void emit_report(const std::string& text, const std::string& out);
// Prints ROWS under HEADER with columns padded to the widest cell (UTF-8 aware).
void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
void print_table(std::ostream& out, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
// TABLE for people: its title, the rows with columns padded, "data per …" and numbered notes.
std::string table_text(const ReportTable& t);
// Prints a register's report tables as FORMAT: table (people), md, csv (tables separated by
// an empty line) or json ({"tables":[…]}).
void print_tables(const std::vector<ReportTable>& tables, const std::string& format);

// Adds `GROUP NAME ID --reason R` (a void, void_register.hpp): it runs UNDO(store, id, reason)
// and prints "WHAT ID DONE: R" ("Kasus W.1 dibatalkan: nomor salah").
void add_void_command(CLI::App* group, Cli& cli, const std::string& name, const std::string& help,
                      const std::string& what, const std::string& done,
                      std::function<void(Store&, const std::string&, const std::string&)> undo);

// Adds `report NAME --year Y [--format table|md|csv|json] [--json]` under APP's `report`: it
// prints TABLES(db, Y) with print_tables, or NONE(Y) on stderr when there are none (as JSON
// an empty list). Returns the subcommand, for options of its own.
CLI::App* add_year_report(CLI::App& app, Cli& cli, const std::string& name, const std::string& help,
                          std::function<std::vector<ReportTable>(const Db&, int)> tables, std::function<std::string(int)> none);

}  // namespace kinerja
