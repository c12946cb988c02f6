// The survey tables of a year (report survey, and the LKjIP annex): per survey its months
// (Indonesian month, value, respondents, warnings), the respondent-weighted year value,
// for SKM the IKM quality category and for IIO the IKI (IIO / 25). Every warning of
// survey_warnings is a footnote of its table.
#pragma once
#include <vector>

#include "client/report_table.hpp"
#include "client/sqlite.hpp"

namespace kinerja {

// One table per survey with months recorded in YEAR, in the order SKM, IIO, IPK, ILK;
// ids "survey.SKM", … Columns: bulan, nilai, responden, catatan. The last rows are the
// year ("Tahun YYYY", weighted value, Σ respondents, the IKM category for SKM) and, for
// IIO, "IKI (IIO / 25)". data_per is the date of the newest op behind the table.
std::vector<ReportTable> survey_tables(const Db& db, int year);

}  // namespace kinerja
