// The risk register (risk_register.hpp).
#include "client/risk_register.hpp"

#include <algorithm>

#include "client/any_case.hpp"
#include "client/catalogue.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/register_entry.hpp"

namespace kinerja {

static int checked_score(const std::string& v, int max, const std::string& f) {
  if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos || std::stoi(v) < 1 ||
      std::stoi(v) > max)
    throw bad_input(f + ": '" + v + "' is not a whole number from 1 to " + std::to_string(max) + " (the kanwil's scale)");
  return std::stoi(v);
}

static Risk risk_from(const Cell& c) {
  const json& b = c.body;
  Risk r{c.key, std::stoi(b.value("year", "0")), b.value("sasaran", ""), b.value("indicator", ""), b.value("risiko", ""),
         b.value("perlakuan", ""), b.value("keberhasilan", ""), b.value("likelihood", ""), b.value("impact", ""), {}, c.hlc, std::nullopt};
  if (b.contains("pj")) r.pj = b["pj"].get<std::vector<std::string>>();
  return r;
}

std::optional<Risk> find_risk(const Db& db, const std::string& id) {
  auto c = get_cell(db, "risk", canonical_entry_id(id));
  if (!c) return std::nullopt;
  Risk r = risk_from(*c);
  r.archived = void_of(voids_of(db, "risk"), *c);
  return r;
}

std::optional<RiskScale> risk_scale(const Db& db) {
  auto c = get_cell(db, "risk.scale", meta_get(db, "office").value_or(""));
  if (!c) c = get_cell(db, "risk.scale", "*");
  if (!c) return std::nullopt;
  return RiskScale{std::stoi(c->body.value("likelihood", "0")), std::stoi(c->body.value("impact", "0"))};
}

// Checks R (the entry as it will be written) against the catalogue and the scales.
static json checked_body(const Store& s, Risk r) {
  r.sasaran = upper_ascii(r.sasaran);
  r.indicator = upper_ascii(r.indicator);
  if (r.year < 2000 || r.year > 2100) throw bad_input("--year: give the year, 2000-2100");
  check_sasaran(loaded_catalogue(s.db, r.year), r.sasaran, r.indicator);
  json body{{"id", r.id},
            {"year", std::to_string(r.year)},
            {"sasaran", r.sasaran},
            {"risiko", checked_text(r.risiko, "--risiko")},
            {"perlakuan", checked_text(r.perlakuan, "--perlakuan")},
            {"keberhasilan", checked_text(r.keberhasilan, "--keberhasilan")}};
  if (r.pj.empty()) throw bad_input("--pj: name at least one official responsible (penanggung jawab)");
  for (const auto& p : r.pj) checked_text(p, "--pj");
  body["pj"] = r.pj;
  if (!r.indicator.empty()) body["indicator"] = r.indicator;
  if (r.likelihood.empty() != r.impact.empty()) throw bad_input("--likelihood and --impact go together: give both or neither");
  if (!r.likelihood.empty()) {
    auto scale = risk_scale(s.db);
    if (!scale) throw bad_input("--likelihood: the kanwil has set no risk scale, so risks are not scored");
    body["likelihood"] = std::to_string(checked_score(r.likelihood, scale->likelihood, "--likelihood"));
    body["impact"] = std::to_string(checked_score(r.impact, scale->impact, "--impact"));
  }
  return body;
}

std::string add_risk(Store& s, const RiskInput& in) {
  Risk r{"", in.year, in.sasaran, in.indicator, in.risiko, in.perlakuan, in.keberhasilan, in.likelihood, in.impact, in.pj, "", std::nullopt};
  json body = checked_body(s, r);
  Batch b(s);
  std::string id = next_entry_id(s, "RK");
  body["id"] = id;
  b.append("risk", id, std::move(body));
  b.commit();
  return id;
}

void edit_risk(Store& s, const std::string& id, const RiskInput& in) {
  auto old = find_risk(s.db, id);
  if (!old) throw bad_input("ID: no risk '" + id + "' in the register (see `kinerja risk list`)");
  if (old->archived) throw bad_input("ID: risiko '" + old->id + "' telah diarsipkan (alasan: " + old->archived->reason + ")");
  Risk r = *old;
  auto keep = [](std::string& field, const std::string& v) {
    if (!v.empty()) field = v;
  };
  if (in.year) r.year = in.year;
  keep(r.sasaran, in.sasaran);
  keep(r.indicator, in.indicator);
  keep(r.risiko, in.risiko);
  keep(r.perlakuan, in.perlakuan);
  keep(r.keberhasilan, in.keberhasilan);
  keep(r.likelihood, in.likelihood);
  keep(r.impact, in.impact);
  if (!in.pj.empty()) r.pj = in.pj;
  json body = checked_body(s, r);
  Batch b(s);
  b.append("risk", r.id, std::move(body));
  b.commit();
}

std::vector<Risk> list_risks(const Db& db, int year, bool with_archived) {
  std::vector<Risk> out;
  Voids voids = voids_of(db, "risk");
  for (const auto& c : list_cells(db, "risk")) {
    Risk r = risk_from(c);
    r.archived = void_of(voids, c);
    if ((!year || r.year == year) && (with_archived || !r.archived)) out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const Risk& a, const Risk& b) { return a.sasaran < b.sasaran; });
  return out;
}

static std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : "; ") + x;
  return out;
}

std::vector<ReportTable> risk_tables(const Db& db, int year) {
  ReportTable t{"risk.register", "Register Risiko " + std::to_string(year),
                {"ID", "Sasaran", "Indikator", "Indikasi risiko", "Perlakuan risiko", "Penanggung jawab",
                 "Indikator keberhasilan", "Kemungkinan", "Dampak", "Skor"},
                {}, {}, {}, ""};
  std::string newest;
  for (const auto& r : list_risks(db, year)) {
    std::optional<Rational> score;
    if (!r.likelihood.empty()) score = Rational(std::stoll(r.likelihood) * std::stoll(r.impact));
    auto n = [](const std::string& v) { return number_cell(v.empty() ? std::nullopt : std::optional(Rational(std::stoll(v))), 0); };
    t.rows.push_back({text_cell(r.id), text_cell(r.sasaran), text_cell(r.indicator.empty() ? "-" : r.indicator),
                      text_cell(r.risiko), text_cell(r.perlakuan), text_cell(joined(r.pj)), text_cell(r.keberhasilan),
                      n(r.likelihood), n(r.impact), number_cell(score, 0)});
    newest = std::max(newest, r.hlc);
  }
  if (t.rows.empty()) return {};
  for (const auto& r : list_risks(db, year, true))
    if (r.archived) t.notes.push_back(void_note("risk", r.id + " " + r.risiko, *r.archived));
  t.data_per = utc_date(parse_hlc(newest).ms);
  if (auto scale = risk_scale(db))
    t.notes.push_back("Skor = kemungkinan × dampak; skala kanwil: kemungkinan 1-" + std::to_string(scale->likelihood) +
                      ", dampak 1-" + std::to_string(scale->impact) + ".");
  else
    t.notes.push_back("Kanwil belum menetapkan skala risiko; risiko tidak diberi skor.");
  return {t};
}

}  // namespace kinerja
