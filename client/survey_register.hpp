// The survey register: the monthly results the central survey applications export — SKM
// (survei kepuasan masyarakat, public satisfaction, giving the IKM), IIO (indeks integritas
// organisasi, 0-100; IKI, internal satisfaction, = IIO / 25), IPK (indeks pengamanan
// keimigrasian, immigration security) and ILK (kepuasan unit kerja terhadap layanan
// kesekretariatan, secretariat satisfaction) — each month with its respondents and,
// optionally, the elements (unsur) its value is made of. Survey-backed indicators take
// their realisasi from here (catalogue source "survey:NAME", "survey:IIO/25").
//
// Cells: ("survey", NAME/YYYY-MM) {survey, period, value, respondents, elements {UNSUR: value},
// note}. A second record of the same survey and month is a correction superseding the first.
// A month recorded by mistake is voided (void_register.hpp): listed with its reason, left
// out of the year's value, until the month is recorded again.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "client/csv.hpp"
#include "client/decimal.hpp"
#include "client/ledger.hpp"
#include "client/realisasi.hpp"
#include "client/void_register.hpp"

namespace kinerja {

// The surveys: SKM, IIO, IPK, ILK; and their people-facing titles.
const std::vector<std::string>& survey_names();
std::string survey_title(const std::string& survey);

// One month as typed on the command line or in a CSV row.
struct SurveyInput {
  std::string survey, period, value, respondents;
  std::vector<std::string> elements;  // "NAME=VALUE"
  std::string note;
  std::string where;  // "FILE: line N" for errors; "" on the command line
};

struct SurveyRecordResult {
  size_t ops = 0, corrections = 0;
  std::vector<std::string> warnings;  // the texts of survey_warnings
};

// Validates every month (survey name, period a month, value in range, respondents a whole
// number, elements NAME=VALUE in range), then writes them all in one transaction, or
// nothing (Error(BadInput) naming the field, with the line in a CSV).
SurveyRecordResult record_surveys(Store& s, const std::vector<SurveyInput>& months);
// Header survey,period,value,respondents[,elements,note]; elements as "U1=3,5;U2=3,4".
std::vector<SurveyInput> read_surveys_csv(const std::string& path);
const Columns& survey_columns();  // of the file read_surveys_csv reads

struct SurveyMonth {
  std::string survey;
  int year = 0, month = 0;
  Rational value;
  int64_t respondents = 0;
  std::map<std::string, Rational> elements;
  std::string note, hlc;
  OpRef op;
  std::optional<Void> voided;
};

// The recorded months of YEAR (SURVEY "" = every survey), by survey then month; voided
// ones only WITH_VOIDED.
std::vector<SurveyMonth> list_surveys(const Db& db, int year, const std::string& survey = "", bool with_voided = false);
// Voids the month PERIOD (YYYY-MM) of SURVEY; Error(BadInput) when it is not recorded or voided.
void void_survey(Store& s, const std::string& survey, const std::string& period, const std::string& reason);

// A warning about one month: fewer than 30 respondents; the mean of its elements differing
// from its value by more than 0,01. FLAG is short, for a table cell; TEXT the footnote.
struct SurveyWarning {
  std::string flag, text;
};
std::vector<SurveyWarning> survey_warnings(const SurveyMonth& m);

struct SurveyYear {
  std::optional<Rational> value;  // Σ(value × respondents) / Σ respondents; none without respondents
  int64_t respondents = 0;
};
SurveyYear survey_year(const std::vector<SurveyMonth>& months);

// The IKM quality category (PermenPAN-RB 14/2017, half-open intervals on the 1-4 scale):
// D [1,00; 2,60), C [2,60; 3,0644), B [3,0644; 3,5324), A [3,5324; 4,00]; with its name.
std::string ikm_category(const Rational& ikm);
std::string ikm_category_name(const std::string& category);

// The realisasi source (realisasi.hpp) of indicators whose catalogue source is "survey:NAME"
// (or "survey:IIO/25", each month's value divided by 25): one component per recorded month
// with its value and respondents, so the engine's weighted roll-up gives the year value.
void survey_inputs(const Db& db, const Indicator& ind, int year, int quarter, std::vector<Component>& out);

}  // namespace kinerja
