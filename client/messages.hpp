// The message catalogue: the one place where a text kinerja shows a person is written, by
// id, in Indonesian (the default) and in English (KINERJA_LANG=en). A text's "{1}", "{2}", …
// are replaced by the arguments in order. A message is one whole sentence in one language:
// callers pass names, codes and numbers as arguments, never words to glue together.
#pragma once
#include <string>
#include <vector>

namespace kinerja {

enum class Msg {
  // The command line (command_line.cpp, cli_run.hpp) and its --help.
  ErrorPrefix,
  UnknownCommand,
  UnknownOption,
  DidYouMean,
  SeeCommands,
  UnexpectedArgument,
  Required,
  SubcommandRequired,
  InvalidValue,
  InvalidValueOneOf,
  InvalidValueRange,
  WrongValueCount,
  Excludes,
  Requires,
  BadCommandLine,
  HelpFlag,
  HelpUsage,
  HelpOptions,
  HelpOptionsUpper,
  HelpSubcommand,
  HelpSubcommands,
  HelpRequired,
  HelpPositionals,
  // Periods (period.cpp).
  PeriodNotPeriod,
  PeriodYearOutside,
  PeriodQuarterOutside,
  PeriodMonthOutside,
  // The engine: targets (target.cpp), the catalogue (catalogue.cpp); reports (cli_report.cpp).
  IndicatorNotInCatalogue,
  IndicatorNotInCatalogueList,
  MustBePositive,
  QuarterRange,
  NoCatalogueLoaded,
  NoCatalogueShipped,
  SasaranUnknown,
  IndicatorNotOfSasaran,
  XlsxNeedsOut,
  ExplainOneOf,
  JsonIndicatorOnly,
  NoNka,
  // Output of commands and their --help: kinerja (main.cpp), report and explain (cli_report.cpp),
  // target (cli_target.cpp), catalogue (cli_catalogue.cpp).
  WarningPrefix,
  InvalidOpsKept,
  Wrote,
  AppDescription,
  HelpStore,
  HelpReport,
  HelpReportPk,
  HelpPkYear,
  HelpPkYearEg,
  HelpPkQuarter,
  HelpFormatList,
  HelpOut,
  HelpLkjip,
  HelpReportYear,
  HelpTrend,
  HelpIndicatorCode,
  HelpIndicatorCodeEg,
  HelpFrom,
  HelpTo,
  HelpSameAsJson,
  HelpExplain,
  HelpYear,
  HelpExplainIndicator,
  HelpExplainSasaran,
  HelpExplainOverall,
  HelpExplainAnggaran,
  HelpExplainNka,
  HelpExplainOps,
  HelpExplainJson,
  HelpTarget,
  HelpTargetSet,
  HelpTargetValue,
  HelpTargetQuarter,
  TargetSet,
  TargetSetQuarter,
  HelpTargetBudget,
  HelpPagu,
  HelpRealisasi,
  RealisasiAbovePagu,
  BudgetSet,
  HelpTargetNational,
  HelpNationalCapaian,
  NationalSet,
  CatalogueFileOrYear,
  NoShippedCatalogue,
  CatalogueLoadedFile,
  CatalogueLoadedShipped,
  WeightsPublished,
  HelpCatalogue,
  HelpCatalogueLoad,
  HelpCatalogueFile,
  HelpCatalogueYear,
  HelpCatalogueShow,
  HelpOnlyYear,
  HelpCatalogueJson,
  HelpCatalogueWeights,
  HelpCatalogueWeightsYear,
  HelpCompositeIndicator,
  HelpWeights,
  Count,  // not a message: the number of messages
};

// True when KINERJA_LANG asks for English ("en", "en_US.UTF-8", …); Indonesian otherwise.
bool english();

// The text of ID in the chosen language with ARGS in place of {1}, {2}, ….
std::string msg(Msg id, const std::vector<std::string>& args = {});

}  // namespace kinerja
