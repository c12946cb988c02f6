// The LKjIP annex (lampiran Laporan Kinerja Instansi Pemerintah, the yearly performance
// report) of one office and year, as one document: the Realisasi PK table, each
// indicator's five-year trend, then the tables of every register that has data for the
// year (budget per sasaran and of the DIPA, PNBP, IKPA, NKA, surveys, RB action plan, risks,
// innovations). Every table carries the date of its newest input ("data per …") and a
// footnote for every warning.
#pragma once
#include <string>
#include <vector>

#include "client/capaian.hpp"
#include "client/report_table.hpp"
#include "client/report_trend.hpp"

namespace kinerja {

struct Lkjip {
  PkFigures pk;
  std::vector<Trend> trends;        // for the charts
  std::vector<ReportTable> tables;  // "pk" first, then "trend.CODE" per indicator, then the registers'
};

// Error(BadInput) when no catalogue is loaded for YEAR.
Lkjip lkjip(const Store& s, int year);

std::string lkjip_title(const Lkjip& l);
std::string lkjip_markdown(const Lkjip& l);
std::string lkjip_html(const Lkjip& l);  // self-contained, with the PK bar and trend charts
json lkjip_json(const Lkjip& l);        // {"office","year","tables":[table_json…]}

}  // namespace kinerja
