// Target commands: target set (PK target of an indicator), target budget (the PK budget
// row), target national (the national average capaian to compare with).
#include <iostream>

#include "client/cli.hpp"
#include "client/target.hpp"

namespace kinerja {

struct TargetArgs {
  int year = 0, quarter = 0;
  std::string indicator, value, pagu, realisasi, capaian;
};

void add_target_commands(CLI::App& app, Cli& cli) {
  auto* target = app.add_subcommand("target", "PK targets, the PK budget row and national averages");
  target->require_subcommand(1);
  auto a = std::make_shared<TargetArgs>();

  auto* set = target->add_subcommand("set", "Set the PK target of an indicator for a year (or a quarter)");
  set->add_option("--year", a->year, "The PK year, e.g. 2024")->required();
  set->add_option("--indicator", a->indicator, "Indicator code, e.g. PROYUSTISIA")->required();
  set->add_option("--value", a->value, "The target in the indicator's unit: 90 (percent), 3,1 (index)")->required();
  set->add_option("--quarter", a->quarter, "A triwulan target, 1-4, instead of the year's");
  set->callback([&cli, a] {
    Store s = cli.open();
    int64_t seq = set_target(s, a->year, a->indicator, a->value, a->quarter);
    std::cout << "Target " << a->indicator << " " << a->year << (a->quarter ? " TW " + std::to_string(a->quarter) : "")
              << " set (op seq " << seq << ")\n";
  });

  auto* budget = target->add_subcommand("budget", "Set the PK budget row of a year: pagu and realisasi in rupiah");
  budget->add_option("--year", a->year, "The PK year")->required();
  budget->add_option("--pagu", a->pagu, "Pagu (allocation), whole rupiah: 4780958000 or 4.780.958.000")->required();
  budget->add_option("--realisasi", a->realisasi, "Realisasi (spending), whole rupiah");
  budget->callback([&cli, a] {
    Store s = cli.open();
    std::string warning;
    int64_t seq = set_budget(s, a->year, a->pagu, a->realisasi, &warning);
    if (!warning.empty()) std::cerr << "kinerja: warning: " << warning << "\n";
    std::cout << "Budget " << a->year << " set (op seq " << seq << ")\n";
  });

  auto* national = target->add_subcommand("national", "Set the national average capaian of an indicator for a year");
  national->add_option("--year", a->year, "The year")->required();
  national->add_option("--indicator", a->indicator, "Indicator code")->required();
  national->add_option("--capaian", a->capaian, "Rata-rata capaian of all satker, percent: 39,68")->required();
  national->callback([&cli, a] {
    Store s = cli.open();
    int64_t seq = set_national(s, a->year, a->indicator, a->capaian);
    std::cout << "National average " << a->indicator << " " << a->year << " set (op seq " << seq << ")\n";
  });
}

}  // namespace kinerja
