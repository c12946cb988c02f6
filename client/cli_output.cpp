// Printing helpers shared by the command groups (cli.hpp).
#include <fstream>
#include <iostream>
#include <sstream>

#include "client/cli.hpp"
#include "client/error.hpp"
#include "client/messages.hpp"

namespace kinerja {

void print_json(const json& j) { std::cout << j.dump(2) << "\n"; }

void emit_report(const std::string& text, const std::string& out) {
  if (out.empty()) {
    std::cout << text;
    return;
  }
  std::ofstream f(out, std::ios::binary);
  f << text;
  if (!f.flush()) throw failure(out + ": cannot write the file");
  std::cerr << msg(Msg::Wrote, {out}) << "\n";
}

void warn(const std::string& text) { std::cerr << "kinerja: " << msg(Msg::WarningPrefix) << ": " << text << "\n"; }

void warn_invalid_ops(const Store& s) {
  Stmt q(s.db, "SELECT device, seq FROM sync_rejections WHERE reason='invalid_op' ORDER BY device, seq");
  std::string names;
  int64_t n = 0;
  for (; q.step(); ++n)
    if (n < 3) names += (n ? ", " : "") + q.text(0) + "#" + std::to_string(q.i64(1));
  if (n)
    warn(msg(Msg::InvalidOpsKept, {std::to_string(n), names + (n > 3 ? ", …" : "")}));
}

static size_t display_width(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  print_table(std::cout, header, rows);
}

void print_table(std::ostream& os, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width(header.size());
  for (size_t i = 0; i < header.size(); ++i) width[i] = display_width(header[i]);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (size_t i = 0; i < r.size(); ++i) {
      out += r[i];
      if (i + 1 < r.size()) out += std::string(width[i] - display_width(r[i]) + 2, ' ');
    }
    os << out << "\n";
  };
  line(header);
  for (const auto& r : rows) line(r);
}

std::string table_text(const ReportTable& t) {
  std::ostringstream os;
  os << t.title << "\n\n";
  print_table(os, t.header, people_rows(t));
  if (!t.data_per.empty()) os << "data per " << t.data_per << "\n";
  for (size_t n = 0; n < t.notes.size(); ++n) os << "[" << n + 1 << "] " << t.notes[n] << "\n";
  return os.str();
}

void print_tables(const std::vector<ReportTable>& tables, const std::string& format) {
  if (format == "json") {
    json out = json::array();
    for (const auto& t : tables) out.push_back(table_json(t));
    return print_json({{"tables", out}});
  }
  for (size_t i = 0; i < tables.size(); ++i) {
    const ReportTable& t = tables[i];
    if (i) std::cout << "\n";
    if (format == "md") {
      std::cout << table_markdown(t);
    } else if (format == "csv") {
      std::cout << table_csv(t);
    } else {
      std::cout << table_text(t);
    }
  }
}

void add_void_command(CLI::App* group, Cli& cli, const std::string& name, const std::string& help,
                      const std::string& what, const std::string& done,
                      std::function<void(Store&, const std::string&, const std::string&)> undo) {
  auto* cmd = group->add_subcommand(name, help);
  auto id = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  cmd->add_option("ID", *id, "Its ID (its number for a case)")->required();
  cmd->add_option("--reason", *reason, "Why, e.g. salah input")->required();
  cmd->callback([&cli, id, reason, what, done, undo] {
    Store s = cli.open();
    undo(s, *id, *reason);
    std::cout << what << " " << *id << " " << done << ": " << *reason << "\n";
  });
}

CLI::App* add_year_report(CLI::App& app, Cli& cli, const std::string& name, const std::string& help,
                          std::function<std::vector<ReportTable>(const Db&, int)> tables, std::function<std::string(int)> none) {
  auto* report = app.get_subcommand("report")->add_subcommand(name, help);
  auto year = std::make_shared<int>(0);
  auto format = std::make_shared<std::string>("table");
  report->add_option("--year", *year, "The year")->required()->check(CLI::Range(2000, 2100));
  report->add_option("--format", *format, "table, md, csv or json (default table)")
      ->transform(CLI::IsMember({"table", "md", "csv", "json"}, CLI::ignore_case));
  report->add_flag("--json", [format](int64_t) { *format = "json"; }, "Same as --format json");
  report->callback([&cli, year, format, tables, none] {
    Store s = cli.open();
    auto out = tables(s.db, *year);
    if (out.empty() && *format != "json") {
      std::cerr << none(*year);
      return;
    }
    print_tables(out, *format);
  });
  return report;
}

}  // namespace kinerja
