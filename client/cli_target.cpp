// Target commands: target set (PK target of an indicator), target budget (the PK budget
// row), target national (the national average capaian to compare with).
#include <iostream>

#include "client/any_case.hpp"
#include "client/cli.hpp"
#include "client/messages.hpp"
#include "client/target.hpp"

namespace kinerja {

struct TargetArgs {
  int year = 0, quarter = 0;
  std::string indicator, value, pagu, realisasi, capaian;
};

void add_target_commands(CLI::App& app, Cli& cli) {
  auto* target = app.add_subcommand("target", msg(Msg::HelpTarget));
  target->require_subcommand(1);
  auto a = std::make_shared<TargetArgs>();

  auto* set = target->add_subcommand("set", msg(Msg::HelpTargetSet));
  set->add_option("--year", a->year, msg(Msg::HelpPkYearEg))->required();
  set->add_option("--indicator", a->indicator, msg(Msg::HelpIndicatorCodeEg, {"PROYUSTISIA"}))->required();
  set->add_option("--value", a->value, msg(Msg::HelpTargetValue))->required();
  set->add_option("--quarter", a->quarter, msg(Msg::HelpTargetQuarter));
  set->callback([&cli, a] {
    Store s = cli.open();
    int64_t seq = set_target(s, a->year, a->indicator, a->value, a->quarter);
    std::string code = upper_ascii(a->indicator), year = std::to_string(a->year), op = std::to_string(seq);
    std::cout << (a->quarter ? msg(Msg::TargetSetQuarter, {code, year, std::to_string(a->quarter), op})
                             : msg(Msg::TargetSet, {code, year, op}))
              << "\n";
  });

  auto* budget = target->add_subcommand("budget", msg(Msg::HelpTargetBudget));
  budget->add_option("--year", a->year, msg(Msg::HelpPkYear))->required();
  budget->add_option("--pagu", a->pagu, msg(Msg::HelpPagu))->required();
  budget->add_option("--realisasi", a->realisasi, msg(Msg::HelpRealisasi));
  budget->callback([&cli, a] {
    Store s = cli.open();
    std::string warning;
    int64_t seq = set_budget(s, a->year, a->pagu, a->realisasi, &warning);
    if (!warning.empty()) warn(warning);
    std::cout << msg(Msg::BudgetSet, {std::to_string(a->year), std::to_string(seq)}) << "\n";
  });

  auto* national = target->add_subcommand("national", msg(Msg::HelpTargetNational));
  national->add_option("--year", a->year, msg(Msg::HelpYear))->required();
  national->add_option("--indicator", a->indicator, msg(Msg::HelpIndicatorCode))->required();
  national->add_option("--capaian", a->capaian, msg(Msg::HelpNationalCapaian))->required();
  national->callback([&cli, a] {
    Store s = cli.open();
    int64_t seq = set_national(s, a->year, a->indicator, a->capaian);
    std::cout << msg(Msg::NationalSet, {upper_ascii(a->indicator), std::to_string(a->year), std::to_string(seq)}) << "\n";
  });
}

}  // namespace kinerja
