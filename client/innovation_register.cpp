// The innovation register (innovation_register.hpp).
#include "client/innovation_register.hpp"

#include <algorithm>
#include <set>

#include "client/any_case.hpp"
#include "client/catalogue.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/hlc.hpp"
#include "client/register_entry.hpp"
#include "client/risk_register.hpp"

namespace kinerja {

static const std::set<std::string> kKategori{"layanan", "penegakan-hukum", "dukungan-manajemen"};

static std::vector<std::string> list_of(const json& b, const char* name) {
  return b.contains(name) ? b[name].get<std::vector<std::string>>() : std::vector<std::string>{};
}

static Innovation innovation_from(const Cell& c) {
  const json& b = c.body;
  auto s = [&](const char* n) { return b.value(n, ""); };
  return Innovation{c.key,        std::stoi(s("year")), s("name"),   s("kepanjangan"),         s("kategori"),
                    s("deskripsi"), s("tujuan"),        s("output"), s("cadence"),             s("status"),
                    list_of(b, "indicators"), list_of(b, "risks"), list_of(b, "related"), c.hlc, std::nullopt};
}

std::optional<Innovation> find_innovation(const Db& db, const std::string& id) {
  auto c = get_cell(db, "innovation", canonical_entry_id(id));
  if (!c) return std::nullopt;
  Innovation v = innovation_from(*c);
  v.archived = void_of(voids_of(db, "innovation"), *c);
  return v;
}

static json checked_body(const Db& db, Innovation& v) {
  if (v.year < 2000 || v.year > 2100) throw bad_input("--year: give the first year it runs, 2000-2100");
  v.kategori = lower_ascii(v.kategori);
  if (!kKategori.count(v.kategori))
    throw bad_input("--kategori: '" + v.kategori + "' is not one of layanan|penegakan-hukum|dukungan-manajemen");
  for (auto& code : v.indicators) {
    code = upper_ascii(code);
    bool known = false;
    for (const auto& c : stored_catalogues(db))
      for (const auto& s : c.sasaran)
        for (const auto& i : s.indicators) known |= i.code == code;
    if (!known) throw bad_input("--indicator: '" + code + "' is not an indicator of any loaded catalogue");
  }
  for (auto& r : v.risks) {
    r = canonical_entry_id(r);
    if (!find_risk(db, r)) throw bad_input("--risk: no risk '" + r + "' in the register (see `kinerja risk list`)");
  }
  for (auto& r : v.related) {
    r = canonical_entry_id(r);
    if (r == v.id) throw bad_input("--related: an innovation is not related to itself");
    if (!find_innovation(db, r)) throw bad_input("--related: no innovation '" + r + "' (see `kinerja innovation list`)");
  }
  return json{{"id", v.id},
              {"year", std::to_string(v.year)},
              {"name", checked_text(v.name, "--name")},
              {"kepanjangan", checked_text(v.kepanjangan, "--kepanjangan")},
              {"kategori", v.kategori},
              {"deskripsi", checked_text(v.deskripsi, "--deskripsi")},
              {"tujuan", checked_text(v.tujuan, "--tujuan")},
              {"output", checked_text(v.output, "--output")},
              {"cadence", checked_text(v.cadence, "--cadence")},
              {"status", checked_text(v.status, "--status")},
              {"indicators", v.indicators},
              {"risks", v.risks},
              {"related", v.related}};
}

std::string add_innovation(Store& s, const InnovationInput& in) {
  Innovation v{"",       in.year ? in.year : date_year(today()), in.name, in.kepanjangan, in.kategori, in.deskripsi,
               in.tujuan, in.output, in.cadence, in.status, in.indicators, in.risks, in.related, "", std::nullopt};
  json body = checked_body(s.db, v);
  Batch b(s);
  std::string id = next_entry_id(s, "IN");
  body["id"] = id;
  b.append("innovation", id, std::move(body));
  b.commit();
  return id;
}

void edit_innovation(Store& s, const std::string& id, const InnovationInput& in) {
  auto old = find_innovation(s.db, id);
  if (!old) throw bad_input("ID: no innovation '" + id + "' (see `kinerja innovation list`)");
  if (old->archived) throw bad_input("ID: inovasi '" + old->id + "' telah diarsipkan (alasan: " + old->archived->reason + ")");
  Innovation v = *old;
  auto keep = [](std::string& field, const std::string& x) {
    if (!x.empty()) field = x;
  };
  if (in.year) v.year = in.year;
  keep(v.name, in.name);
  keep(v.kepanjangan, in.kepanjangan);
  keep(v.kategori, in.kategori);
  keep(v.deskripsi, in.deskripsi);
  keep(v.tujuan, in.tujuan);
  keep(v.output, in.output);
  keep(v.cadence, in.cadence);
  keep(v.status, in.status);
  if (!in.indicators.empty()) v.indicators = in.indicators;
  if (!in.risks.empty()) v.risks = in.risks;
  if (!in.related.empty()) v.related = in.related;
  json body = checked_body(s.db, v);
  Batch b(s);
  b.append("innovation", v.id, std::move(body));
  b.commit();
}

std::vector<Innovation> list_innovations(const Db& db, int year, bool with_archived) {
  std::vector<Innovation> out;
  Voids voids = voids_of(db, "innovation");
  for (const auto& c : list_cells(db, "innovation")) {
    Innovation v = innovation_from(c);
    v.archived = void_of(voids, c);
    if ((!year || v.year <= year) && (with_archived || !v.archived)) out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const Innovation& a, const Innovation& b) { return a.name < b.name; });
  return out;
}

static std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
  return out.empty() ? "-" : out;
}

static const char* kategori_label(const std::string& k) {
  return k == "layanan" ? "Layanan" : k == "penegakan-hukum" ? "Penegakan hukum" : "Dukungan manajemen";
}

std::vector<ReportTable> innovation_tables(const Db& db, int year) {
  ReportTable t{"innovation.list", "Inovasi " + std::to_string(year),
                {"ID", "Nama", "Kepanjangan", "Kategori", "Deskripsi", "Tujuan", "Output", "Frekuensi", "Status",
                 "Indikator", "Risiko", "Inovasi terkait"},
                {}, {}, {}, ""};
  std::string newest;
  for (const auto& v : list_innovations(db, year)) {
    std::vector<std::string> related;
    for (const auto& r : v.related) {
      auto other = find_innovation(db, r);
      related.push_back(other ? other->name : r);
    }
    t.rows.push_back({text_cell(v.id), text_cell(v.name), text_cell(v.kepanjangan), text_cell(kategori_label(v.kategori)),
                      text_cell(v.deskripsi), text_cell(v.tujuan), text_cell(v.output), text_cell(v.cadence),
                      text_cell(v.status), text_cell(joined(v.indicators)), text_cell(joined(v.risks)), text_cell(joined(related))});
    newest = std::max(newest, v.hlc);
  }
  if (t.rows.empty()) return {};
  for (const auto& v : list_innovations(db, year, true))
    if (v.archived) t.notes.push_back(void_note("innovation", v.id + " " + v.name, *v.archived));
  t.data_per = utc_date(parse_hlc(newest).ms);
  return {t};
}

}  // namespace kinerja
