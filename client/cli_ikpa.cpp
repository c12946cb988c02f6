// Budget score commands: ikpa record, ikpa list, ikpa reference load, nka record, and
// report ikpa / report nka (the IKPA and NKA tables of LKjIP chapter III.C).
#include <iostream>

#include "client/cli.hpp"
#include "client/json_limits.hpp"
#include "client/nka.hpp"
#include "client/period.hpp"

namespace kinerja {

static void cmd_list(const Cli& cli, int year, bool as_json) {
  Store s = cli.open();
  IkpaReference ref = require_ikpa_reference(s.db, year, "--year");
  auto score = ikpa_score(s.db, year);
  json out = json::array();
  std::vector<std::vector<std::string>> rows;
  for (size_t n = 0; n < ref.indicators.size(); ++n) {
    const IkpaIndicator& i = ref.indicators[n];
    std::optional<Rational> nilai = score ? score->values[n].nilai : std::nullopt;
    std::string bobot = i.bobot ? i.bobot->exact() : "";
    out.push_back({{"code", i.code}, {"name", i.name}, {"aspect", i.aspect}, {"bobot", i.bobot ? json(bobot) : json(nullptr)},
                   {"pengurang", i.pengurang}, {"value", nilai ? json(nilai->exact()) : json(nullptr)}});
    rows.push_back({i.code, i.name, i.aspect, i.pengurang ? "pengurang" : bobot, people_text(number_cell(nilai, 2))});
  }
  if (as_json) return print_json({{"year", std::to_string(year)}, {"source", ref.source}, {"indicators", out}});
  print_table({"Kode", "Indikator", "Aspek", "Bobot", "Nilai"}, rows);
}

static std::string none_text(const char* what, int year) {
  return std::string("Belum ada nilai ") + what + " untuk " + std::to_string(year) + " (catat dengan `kinerja " +
         (std::string(what) == "IKPA" ? "ikpa record" : "nka record") + "`).\n";
}

static void add_ikpa(CLI::App& app, Cli& cli) {
  auto* group = app.add_subcommand("ikpa", "IKPA (Indikator Kinerja Pelaksanaan Anggaran): the Treasury's values per indicator");
  group->require_subcommand(1);

  auto* record = group->add_subcommand(
      "record", "Record the value of an IKPA indicator for a year, or as of a month (again: a correction)");
  auto r = std::make_shared<IkpaInput>();
  record->add_option("--year", r->year, "The fiscal year, e.g. 2024")->required();
  record->add_option("--month", r->month, "The month the value is as of, 1-12 (omit for the year's final value)");
  record->add_option("--indicator", r->indicator, "The indicator code, e.g. PENYERAPAN (see `kinerja ikpa list`)")->required();
  record->add_option("--value", r->value, "The value, 0-100: 95,14 or 95.14")->required();
  record->callback([&cli, r] {
    Store s = cli.open();
    CellWrite w = record_ikpa(s, *r);
    std::cout << "IKPA " << w.key << (w.correction ? " corrected" : " recorded") << " (op seq " << w.seq << ")\n";
  });

  auto* list = group->add_subcommand("list", "The year's IKPA indicators: codes, aspects, weights and the values recorded");
  auto year = std::make_shared<int>(0);
  auto as_json = std::make_shared<bool>(false);
  list->add_option("--year", *year, "The year")->required()->check(CLI::Range(2000, 2100));
  list->add_flag("--json", *as_json, "Print {year, source, indicators} as JSON");
  list->callback([&cli, year, as_json] { cmd_list(cli, *year, *as_json); });

  auto* reference = group->add_subcommand("reference", "The IKPA weights and NKA formula of a year (reference data)");
  reference->require_subcommand(1);
  auto* load = reference->add_subcommand("load", "Load a reference JSON file (as schema/ikpa/2024.json) into the store");
  auto file = std::make_shared<std::string>();
  load->add_option("FILE", *file, "The reference JSON file")->required();
  load->callback([&cli, file] {
    IkpaReference ref = parse_ikpa_reference(read_json_file(*file));
    Store s = cli.open();
    Batch b(s);
    int64_t seq = b.append("ikpa.reference", std::to_string(ref.year), ikpa_reference_body(ref)).seq;
    b.commit();
    std::cout << "Loaded the " << ref.year << " IKPA/NKA reference from " << *file << " (op seq " << seq << ")\n";
  });

  add_year_report(app, cli, "ikpa", "Nilai IKPA: nilai, bobot, nilai akhir per indicator, konversi, total and aspects",
                  ikpa_tables, [](int y) { return none_text("IKPA", y); });
}

static void add_nka(CLI::App& app, Cli& cli) {
  auto* group = app.add_subcommand("nka", "NKA (Nilai Kinerja Anggaran): the inputs of the year's budget performance value");
  group->require_subcommand(1);
  auto* record = group->add_subcommand(
      "record", "Record an input of the year's NKA formula (again: a correction). IKPA defaults to the year's IKPA score "
                "and PENYERAPAN to the DIPA's absorption");
  auto r = std::make_shared<NkaInput>();
  record->add_option("--year", r->year, "The fiscal year, e.g. 2024")->required();
  record->add_option("--input", r->input,
                     "CRO, SBK_PENGGUNAAN, SBK_EFISIENSI (from 2024); EFISIENSI (E, -100..100), KONSISTENSI, "
                     "PENYERAPAN (2021-2023); IKPA")
      ->required();
  record->add_option("--value", r->value, "The value, 0-100: 83,33 or 83.33")->required();
  record->callback([&cli, r] {
    Store s = cli.open();
    CellWrite w = record_nka(s, *r);
    std::cout << "NKA input " << w.key << (w.correction ? " corrected" : " recorded") << " (op seq " << w.seq << ")\n";
  });
  add_year_report(app, cli, "nka", "Nilai Kinerja Anggaran: each component and input with its weight, and the NKA",
                  nka_tables, [](int y) { return none_text("NKA", y); });
}

void add_ikpa_commands(CLI::App& app, Cli& cli) {
  add_ikpa(app, cli);
  add_nka(app, cli);
}

}  // namespace kinerja
