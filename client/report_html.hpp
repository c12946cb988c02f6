// The PK report as one self-contained HTML file: the table, an inline SVG bar chart of
// capaian per indicator, an inline SVG line chart of each indicator's capaian over the
// last five years, and CSS that prints cleanly on A4. No scripts, no external files.
#pragma once
#include <string>
#include <vector>

#include "client/capaian.hpp"
#include "client/report_trend.hpp"

namespace kinerja {

// The trend of every indicator of PK over the five years ending at PK's year.
std::vector<Trend> pk_trends(const Db& db, const PkFigures& pk);
std::string pk_html(const PkFigures& pk, const std::vector<Trend>& trends);

}  // namespace kinerja
