// The HTML PK report (report_html.hpp). Chart geometry is computed with Rational too and
// written with one decimal, so no floating point is involved anywhere.
#include "client/report_html.hpp"

#include <sstream>

#include "client/format_id.hpp"
#include "client/report_pk.hpp"

namespace kinerja {

static const char* const kColours[] = {"#1f5f8b", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#16a085", "#2c3e50"};

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

static std::string px(const Rational& v) { return v.fixed(1); }

std::vector<Trend> pk_trends(const Db& db, const PkFigures& pk) {
  std::vector<Trend> out;
  for (const auto& s : pk.sasaran)
    for (const auto& f : s.indicators) out.push_back(trend_figures(db, f.ind.code, pk.year - 4, pk.year));
  return out;
}

// The largest capaian to scale a chart to: at least 120%, rounded up to a multiple of 20.
static Rational chart_max(const std::vector<std::optional<Rational>>& values) {
  Rational top(120);
  for (const auto& v : values)
    if (v && *v > top) top = *v;
  Rational steps = (top / Rational(20)).rounded(0);
  if (steps * Rational(20) < top) steps = steps + Rational(1);
  return steps * Rational(20);
}

static std::string bar_chart(const PkFigures& pk) {
  std::vector<std::pair<std::string, std::optional<Rational>>> bars;
  std::vector<std::optional<Rational>> values;
  for (const auto& s : pk.sasaran)
    for (const auto& f : s.indicators) {
      bars.emplace_back(f.ind.code, f.capaian);
      values.push_back(f.capaian);
    }
  const Rational left(130), width(520), row(28), top_margin(20);
  Rational max = chart_max(values);
  Rational height = top_margin + row * Rational(static_cast<int64_t>(bars.size())) + Rational(30);
  std::ostringstream os;
  os << "<svg class=\"chart\" viewBox=\"0 0 680 " << px(height) << "\" role=\"img\" aria-label=\"Capaian per indikator\">\n";
  Rational x100 = left + width * Rational(100) / max;
  os << "<line x1=\"" << px(x100) << "\" y1=\"10\" x2=\"" << px(x100) << "\" y2=\"" << px(height - Rational(20))
     << "\" class=\"ref\"/><text x=\"" << px(x100) << "\" y=\"" << px(height - Rational(6))
     << "\" text-anchor=\"middle\">100%</text>\n";
  for (size_t i = 0; i < bars.size(); ++i) {
    Rational y = top_margin + row * Rational(static_cast<int64_t>(i));
    os << "<text x=\"" << px(left - Rational(8)) << "\" y=\"" << px(y + Rational(16)) << "\" text-anchor=\"end\">"
       << html_escape(bars[i].first) << "</text>";
    if (bars[i].second) {
      Rational w = width * *bars[i].second / max;
      os << "<rect x=\"" << px(left) << "\" y=\"" << px(y + Rational(4)) << "\" width=\"" << px(w)
         << "\" height=\"18\" fill=\"" << kColours[i % 7] << "\"/><text x=\"" << px(left + w + Rational(6)) << "\" y=\""
         << px(y + Rational(17)) << "\">" << id_percent(bars[i].second) << "</text>";
    } else {
      os << "<text x=\"" << px(left + Rational(6)) << "\" y=\"" << px(y + Rational(17)) << "\">-</text>";
    }
    os << "\n";
  }
  os << "</svg>\n";
  return os.str();
}

static std::string line_chart(const std::vector<Trend>& trends) {
  if (trends.empty()) return "";
  std::vector<std::optional<Rational>> values;
  for (const auto& t : trends)
    for (const auto& y : t.years) values.push_back(y.figures ? y.figures->capaian : std::nullopt);
  const Rational left(60), width(560), top(20), height(220);
  Rational max = chart_max(values);
  int64_t n = static_cast<int64_t>(trends[0].years.size());
  auto x_of = [&](int64_t i) { return left + (n > 1 ? width * Rational(i) / Rational(n - 1) : Rational(0)); };
  auto y_of = [&](const Rational& v) { return top + height - height * v / max; };
  std::ostringstream os;
  os << "<svg class=\"chart\" viewBox=\"0 0 680 " << px(top + height + Rational(60))
     << "\" role=\"img\" aria-label=\"Tren capaian\">\n";
  for (int64_t g = 0; g <= 4; ++g) {
    Rational v = max * Rational(g) / Rational(4);
    os << "<line x1=\"" << px(left) << "\" x2=\"" << px(left + width) << "\" y1=\"" << px(y_of(v)) << "\" y2=\""
       << px(y_of(v)) << "\" class=\"grid\"/><text x=\"" << px(left - Rational(6)) << "\" y=\"" << px(y_of(v) + Rational(4))
       << "\" text-anchor=\"end\">" << id_percent(v, 0) << "</text>\n";
  }
  for (int64_t i = 0; i < n; ++i)
    os << "<text x=\"" << px(x_of(i)) << "\" y=\"" << px(top + height + Rational(18)) << "\" text-anchor=\"middle\">"
       << trends[0].years[i].year << "</text>\n";
  for (size_t k = 0; k < trends.size(); ++k) {
    const char* colour = kColours[k % 7];
    std::string points;
    auto flush = [&] {
      if (!points.empty()) os << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\" points=\"" << points << "\"/>\n";
      points.clear();
    };
    for (int64_t i = 0; i < n; ++i) {
      const auto& y = trends[k].years[i];
      if (!y.figures || !y.figures->capaian) {
        flush();
        continue;
      }
      std::string pt = px(x_of(i)) + "," + px(y_of(*y.figures->capaian));
      points += (points.empty() ? "" : " ") + pt;
      os << "<circle cx=\"" << px(x_of(i)) << "\" cy=\"" << px(y_of(*y.figures->capaian)) << "\" r=\"3\" fill=\"" << colour
         << "\"><title>" << html_escape(trends[k].code) << " " << y.year << ": " << id_percent(y.figures->capaian) << "</title></circle>\n";
    }
    flush();
    os << "<rect x=\"" << px(left + Rational(static_cast<int64_t>(k % 4) * 140)) << "\" y=\""
       << px(top + height + Rational(30 + static_cast<int64_t>(k / 4) * 16)) << "\" width=\"10\" height=\"10\" fill=\"" << colour
       << "\"/><text x=\"" << px(left + Rational(static_cast<int64_t>(k % 4) * 140 + 14)) << "\" y=\""
       << px(top + height + Rational(39 + static_cast<int64_t>(k / 4) * 16)) << "\">" << html_escape(trends[k].code) << "</text>\n";
  }
  os << "</svg>\n";
  return os.str();
}

static const char* const kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #111; margin: 2em; }
h1 { font-size: 15pt; } h2 { font-size: 12.5pt; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: 4px 6px; vertical-align: top; }
th { background: #e8eef4; } td.n { text-align: right; white-space: nowrap; }
tr.strong td { background: #f3f3f3; font-weight: bold; }
p.per { font-size: 9pt; color: #444; margin: 0.3em 0; } ol.notes { font-size: 9pt; }
svg.chart { width: 100%; max-width: 680px; font-size: 11px; }
svg .ref { stroke: #555; stroke-dasharray: 4 3; } svg .grid { stroke: #ddd; }
table.parties td, table.sign td { border: none; } table.parties { width: auto; margin-left: 2em; }
table.sign td { width: 50%; text-align: center; } tr.space td { height: 5em; }
p.sub { font-size: 12.5pt; font-weight: bold; } p.place { text-align: right; margin-top: 2em; }
h2.annex { break-before: page; page-break-before: always; }
@page { size: A4 landscape; margin: 15mm; }
@media print { body { margin: 0; } th { background: none; } tr, svg { page-break-inside: avoid; break-inside: avoid; } }
)";

std::string table_html(const ReportTable& t) {
  std::ostringstream os;
  os << "<h2 id=\"" << html_escape(t.id) << "\">" << html_escape(t.title) << "</h2>\n<table>\n<tr>";
  for (const auto& h : t.header) os << "<th>" << html_escape(h) << "</th>";
  os << "</tr>\n";
  for (size_t i = 0; i < t.rows.size(); ++i) {
    os << (t.strong_rows.count(i) ? "<tr class=\"strong\">" : "<tr>");
    for (const auto& c : t.rows[i])
      os << (c.kind == PkCell::Kind::Text ? "<td>" : "<td class=\"n\">") << html_escape(people_text(c)) << "</td>";
    os << "</tr>\n";
  }
  os << "</table>\n";
  if (!t.data_per.empty()) os << "<p class=\"per\">data per " << html_escape(t.data_per) << "</p>\n";
  if (!t.notes.empty()) {
    os << "<ol class=\"notes\">\n";
    for (const auto& n : t.notes) os << "<li>" << html_escape(n) << "</li>\n";
    os << "</ol>\n";
  }
  return os.str();
}

std::string pk_charts_html(const PkFigures& pk, const std::vector<Trend>& trends) {
  std::ostringstream os;
  os << "<h2>Capaian per indikator " << pk.year << "</h2>\n" << bar_chart(pk);
  if (!trends.empty())
    os << "<h2>Tren capaian " << trends[0].from << "–" << trends[0].to << "</h2>\n" << line_chart(trends);
  return os.str();
}

std::string html_document(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) +
         "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1>" + html_escape(title) + "</h1>\n" + body +
         "</body>\n</html>\n";
}

std::string pk_html(const PkFigures& pk, const std::vector<Trend>& trends) {
  ReportTable t = pk_table(pk);
  t.title = "Realisasi Perjanjian Kinerja";
  return html_document(pk_title(pk), table_html(t) + pk_charts_html(pk, trends));
}

}  // namespace kinerja
