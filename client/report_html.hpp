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

// The parts other documents (the LKjIP annex) are built from: a table with its "data per"
// line and numbered footnotes; the PK charts; a whole page around a body.
std::string table_html(const ReportTable& t);
std::string pk_charts_html(const PkFigures& pk, const std::vector<Trend>& trends);
std::string html_document(const std::string& title, const std::string& body);
// S with & < > " escaped for HTML text and attribute values.
std::string html_escape(const std::string& s);

}  // namespace kinerja
