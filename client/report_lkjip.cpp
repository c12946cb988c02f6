// The LKjIP annex (report_lkjip.hpp).
#include "client/report_lkjip.hpp"

#include <sstream>

#include "client/budget_map.hpp"
#include "client/budget_register.hpp"
#include "client/date.hpp"
#include "client/hlc.hpp"
#include "client/innovation_register.hpp"
#include "client/nka.hpp"
#include "client/pnbp_register.hpp"
#include "client/rb_register.hpp"
#include "client/report_html.hpp"
#include "client/report_pk.hpp"
#include "client/report_survey.hpp"
#include "client/risk_register.hpp"

namespace kinerja {

// The registers' tables, in the order of the annex. A register adds its function here.
using TableSource = std::vector<ReportTable> (*)(const Db& db, int year);
static const TableSource kRegisters[] = {budget_sasaran_tables, budget_tables, pnbp_tables, ikpa_tables, nka_tables,
                                         survey_tables,         rb_tables,     risk_tables, innovation_tables};

// The date of the newest op among REFS, "" when there is none.
static std::string newest_input(const Db& db, const std::vector<OpRef>& refs) {
  Stmt q(db, "SELECT hlc FROM ops WHERE device=? AND seq=?");
  std::string newest;
  for (const auto& r : refs) {
    q.bind(1, r.device).bind(2, r.seq);
    if (q.step()) newest = std::max(newest, q.text(0));
    q.reset();
  }
  return newest.empty() ? "" : utc_date(parse_hlc(newest).ms);
}

static void add_refs(const IndicatorFigures& f, std::vector<OpRef>& refs) {
  for (const auto& c : f.inputs) refs.insert(refs.end(), c.ops.begin(), c.ops.end());
  if (f.target) refs.push_back(f.target->op);
  if (f.national) refs.push_back(f.national->op);
}

Lkjip lkjip(const Store& s, int year) {
  Lkjip l{pk_figures(s, year), {}, {}};
  l.trends = pk_trends(s.db, l.pk);
  ReportTable pk = pk_table(l.pk);
  std::vector<OpRef> refs = l.pk.anggaran.ops;
  for (const auto& sasaran : l.pk.sasaran)
    for (const auto& f : sasaran.indicators) add_refs(f, refs);
  pk.data_per = newest_input(s.db, refs);
  l.tables.push_back(std::move(pk));
  for (const auto& t : l.trends) {
    ReportTable table = trend_table(t);
    std::vector<OpRef> trend_refs;
    for (const auto& y : t.years)
      if (y.figures) add_refs(*y.figures, trend_refs);
    table.data_per = newest_input(s.db, trend_refs);
    l.tables.push_back(std::move(table));
  }
  for (TableSource source : kRegisters)
    for (auto& t : source(s.db, year)) l.tables.push_back(std::move(t));
  return l;
}

std::string lkjip_title(const Lkjip& l) {
  return "Lampiran LKjIP " + std::to_string(l.pk.year) + " — " + l.pk.office + " " + l.pk.office_name;
}

std::string lkjip_markdown(const Lkjip& l) {
  std::ostringstream os;
  os << "# " << md_escape(lkjip_title(l)) << "\n";
  for (const auto& t : l.tables) os << "\n" << table_markdown(t);
  return os.str();
}

std::string lkjip_html(const Lkjip& l) {
  std::ostringstream body;
  for (const auto& t : l.tables) {
    body << table_html(t);
    if (t.id == "pk") body << pk_charts_html(l.pk, l.trends);
  }
  return html_document(lkjip_title(l), body.str());
}

json lkjip_json(const Lkjip& l) {
  json tables = json::array();
  for (const auto& t : l.tables) tables.push_back(table_json(t));
  return {{"office", l.pk.office}, {"year", std::to_string(l.pk.year)}, {"tables", tables}};
}

}  // namespace kinerja
