// Budget per sasaran of the PK (budget_map.hpp).
#include "client/budget_map.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "client/any_case.hpp"
#include "client/budget_register.hpp"
#include "client/catalogue.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/format_id.hpp"
#include "client/hlc.hpp"
#include "client/register_entry.hpp"

namespace kinerja {

static std::string mapping_text(const std::string& sasaran, const std::string& indicator) {
  return indicator.empty() ? sasaran : sasaran + "/" + indicator;
}

BudgetMapWrite set_budget_map(Store& s, const BudgetMapInput& typed) {
  BudgetMapInput in = typed;
  in.sasaran = upper_ascii(in.sasaran);
  in.indicator = upper_ascii(in.indicator);
  std::string year = checked_year(in.year, "");
  check_activity(in.activity, "--activity");
  check_sasaran(loaded_catalogue(s.db, in.year), in.sasaran, in.indicator);
  auto lines = budget_lines(s.db, in.year);
  if (std::none_of(lines.begin(), lines.end(), [&](const BudgetLine& l) { return l.activity == in.activity; }))
    throw bad_input("--activity: " + in.activity + " has no budget line in " + year +
                    "; add the DIPA line first with `kinerja budget line`");
  BudgetMapWrite w{year + "/" + in.activity, mapping_text(in.sasaran, in.indicator), "", 0};
  if (auto old = get_cell(s.db, "budget.map", w.key))
    w.replaced = mapping_text(old->body.value("sasaran", ""), old->body.value("indicator", ""));
  json body{{"year", year}, {"period", year}, {"activity", in.activity}, {"sasaran", in.sasaran}};
  if (!in.indicator.empty()) body["indicator"] = in.indicator;
  Batch b(s);
  w.seq = b.append("budget.map", w.key, std::move(body)).seq;
  b.commit();
  return w;
}

std::vector<BudgetMap> budget_maps(const Db& db, int year) {
  std::vector<BudgetMap> out;
  for (const auto& c : list_cells(db, "budget.map", std::to_string(year) + "/"))
    out.push_back(BudgetMap{c.body.value("activity", ""), c.body.value("sasaran", ""), c.body.value("indicator", ""),
                            op_ref(c), c.hlc});
  return out;
}

// The mapped total's warnings: its sums differing from the PK total `kinerja target budget` set.
static std::vector<std::string> stated_total_warnings(const BudgetRow& mapped, const BudgetRow& stated) {
  std::vector<std::string> out;
  Rational pagu = mapped.pagu.value_or(Rational(0)), realisasi = mapped.realisasi.value_or(Rational(0));
  if (stated.pagu && *stated.pagu != pagu)
    out.push_back("jumlah pagu RO yang dipetakan ke sasaran " + id_rupiah(pagu) + " tidak sama dengan anggaran PK " +
                  id_rupiah(stated.pagu) + " (kinerja target budget)");
  if (stated.realisasi && *stated.realisasi != realisasi)
    out.push_back("jumlah realisasi RO yang dipetakan ke sasaran " + id_rupiah(realisasi) +
                  " tidak sama dengan realisasi anggaran PK " + id_rupiah(stated.realisasi) +
                  " (kinerja target budget)");
  return out;
}

static std::set<std::string> mapped_ros(const std::vector<BudgetMap>& maps) {
  std::set<std::string> out;
  for (const auto& m : maps) out.insert(m.activity);
  return out;
}

// The sums of the lines of the ROs in MAPS, with the map ops first, then the lines' ops.
static BudgetRow mapped_sum(const Db& db, int year, const std::vector<BudgetMap>& maps,
                            const std::vector<BudgetLine>& lines) {
  BudgetRow r;
  if (maps.empty()) return r;
  for (const auto& m : maps) r.ops.push_back(m.op);
  auto mapped = mapped_ros(maps);
  size_t counted = 0;
  for (const auto& l : lines)
    if (mapped.count(l.activity)) {
      add_line(r, l);
      ++counted;
    }
  r.source = "RO yang dipetakan ke sasaran PK (kinerja budget map): " + std::to_string(maps.size()) + " RO, " +
             std::to_string(counted) + " baris DIPA";
  r.warnings = stated_total_warnings(r, stated_budget(db, year));
  return r;
}

BudgetRow mapped_budget(const Db& db, int year) {
  return mapped_sum(db, year, budget_maps(db, year), budget_lines(db, year));
}

namespace {

// A sasaran of the table with its indicators (code, name).
struct Heading {
  std::string code, name;
  std::vector<std::pair<std::string, std::string>> indicators;
};

}  // namespace

// The catalogue's sasaran and indicators, then those mapped to that the catalogue does not
// (or no longer: a kanwil may republish it) hold, each with a note.
static std::vector<Heading> headings(const Db& db, int year, const std::vector<BudgetMap>& maps,
                                     std::vector<std::string>& notes) {
  std::vector<Heading> out;
  if (auto cat = catalogue_for_year(db, year))
    for (const auto& s : cat->sasaran) {
      out.push_back({s.code, s.name, {}});
      for (const auto& i : s.indicators) out.back().indicators.emplace_back(i.code, i.name);
    }
  std::string outside = "(tidak ada dalam katalog " + std::to_string(year) + ")";
  for (const auto& m : maps) {
    auto h = std::find_if(out.begin(), out.end(), [&](const Heading& x) { return x.code == m.sasaran; });
    if (h == out.end()) h = out.insert(out.end(), Heading{m.sasaran, outside, {}});
    auto& inds = h->indicators;
    bool known = m.indicator.empty() ||
                 std::any_of(inds.begin(), inds.end(), [&](const auto& i) { return i.first == m.indicator; });
    if (!known) inds.emplace_back(m.indicator, outside);
    if (h->name == outside || !known)
      notes.push_back("RO " + m.activity + " dipetakan ke " + mapping_text(m.sasaran, m.indicator) +
                      ", yang tidak ada dalam katalog " + std::to_string(year));
  }
  return out;
}

std::vector<ReportTable> budget_sasaran_tables(const Db& db, int year) {
  auto maps = budget_maps(db, year);
  if (maps.empty()) return {};
  auto lines = budget_lines(db, year);
  std::map<std::string, std::vector<const BudgetLine*>> of;  // RO -> its lines
  for (const auto& l : lines) of[l.activity].push_back(&l);
  auto add_ro = [&](BudgetRow& r, const std::string& ro) {
    for (const BudgetLine* l : of[ro]) add_line(r, *l);
  };
  std::vector<std::string> notes;
  std::vector<BudgetGroup> groups;
  for (const auto& h : headings(db, year, maps, notes)) {
    size_t sasaran = groups.size();
    groups.push_back({{h.code, h.name}, {}, true});
    // The ROs mapped to (sasaran H, INDICATOR), counted in their row, the indicator's and the sasaran's.
    auto add_ros = [&](const std::string& indicator) {
      size_t heading = groups.size() - 1;
      for (const auto& m : maps) {
        if (m.sasaran != h.code || m.indicator != indicator) continue;
        BudgetGroup ro{{m.activity, of[m.activity].empty() ? "" : of[m.activity][0]->name}, {}, false};
        add_ro(ro.sum, m.activity);
        add_ro(groups[sasaran].sum, m.activity);
        if (heading != sasaran) add_ro(groups[heading].sum, m.activity);
        groups.push_back(std::move(ro));
      }
    };
    add_ros("");
    for (const auto& [code, name] : h.indicators) {
      auto funds = [&](const BudgetMap& m) { return m.sasaran == h.code && m.indicator == code; };
      if (std::none_of(maps.begin(), maps.end(), funds)) continue;
      groups.push_back({{code, name}, {}, false});
      add_ros(code);
    }
    if (groups.size() == sasaran + 1) notes.push_back(h.code + ": belum ada RO yang dipetakan (kinerja budget map)");
  }
  BudgetGroup unmapped{
      {"Tidak dipetakan", "RO yang tidak dipetakan ke sasaran (tidak dihitung dalam jumlah)"}, {}, false};
  auto mapped = mapped_ros(maps);
  std::string newest;
  for (const auto& l : lines) {
    if (!mapped.count(l.activity)) add_line(unmapped.sum, l);
    newest = std::max(newest, l.newest_hlc);
  }
  for (const auto& m : maps) newest = std::max(newest, m.hlc);
  BudgetRow total = mapped_sum(db, year, maps, lines);
  std::string y = std::to_string(year);
  ReportTable t =
      budget_sums_table("budget.sasaran", "Penyerapan anggaran " + y + " per sasaran kegiatan dan indikator kinerja",
                        {"Kode", "Sasaran kegiatan / indikator kinerja / RO"}, groups, total, {unmapped});
  t.notes.insert(t.notes.end(), notes.begin(), notes.end());
  t.notes.insert(t.notes.end(), total.warnings.begin(), total.warnings.end());
  t.data_per = utc_date(parse_hlc(newest).ms);
  return {t};
}

}  // namespace kinerja
