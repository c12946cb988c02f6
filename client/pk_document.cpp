// The PK document (pk_document.hpp).
#include "client/pk_document.hpp"

#include <map>
#include <sstream>

#include "client/budget_map.hpp"
#include "client/budget_register.hpp"
#include "client/capaian.hpp"
#include "client/date.hpp"
#include "client/error.hpp"
#include "client/office_identity.hpp"
#include "client/pk_version.hpp"
#include "client/report_html.hpp"
#include "client/report_pk.hpp"

namespace kinerja {

namespace {

std::string signer_name(const std::optional<Signer>& s) { return s ? s->name : "(belum dicatat)"; }
std::string signer_nip(const std::optional<Signer>& s) { return s ? "NIP " + s->nip : ""; }

// The lampiran: per sasaran its indicators and targets, as the PK table shows them.
ReportTable target_table(const PkFigures& pk) {
  ReportTable t;
  t.id = "pk.target";
  t.title = "Sasaran, indikator kinerja dan target " + std::to_string(pk.year);
  t.header = {"No", "Sasaran Kegiatan", "Indikator Kinerja", "Target"};
  size_t n = 0;
  for (const auto& sk : pk.sasaran)
    for (const auto& f : sk.indicators)
      t.rows.push_back({text_cell(std::to_string(++n)), text_cell(sk.code + " " + sk.name), text_cell(f.ind.name),
                        unit_cell(f.ind, f.target ? std::optional<Rational>(f.target->value) : std::nullopt)});
  for (const auto& sk : pk.sasaran)
    for (const auto& f : sk.indicators)
      if (!f.target) t.notes.push_back(f.ind.code + ": target " + std::to_string(pk.year) + " belum ditetapkan");
  return t;
}

ReportTable budget_table(const std::vector<PkVersion>& versions) {
  ReportTable t;
  t.id = "pk.anggaran";
  t.title = "Anggaran Perjanjian Kinerja";
  t.header = {"Versi", "Tanggal", "Anggaran", "Keterangan"};
  for (const auto& v : versions) {
    if (&v == &versions.back()) t.strong_rows.insert(t.rows.size());
    t.rows.push_back({text_cell(std::to_string(v.version)), text_cell(long_date(v.date)), rupiah_cell(v.pagu),
                      text_cell(v.reason.empty() ? "penetapan awal" : v.reason)});
  }
  if (versions.size() > 1)
    t.notes.push_back("Perjanjian ini versi " + std::to_string(versions.back().version) + "; versi sebelumnya tercantum untuk riwayat");
  return t;
}

// The budget per kegiatan (the first part of an RO code) and RO: the DIPA lines of the ROs
// mapped to the PK's sasaran (budget_map.hpp); empty when none is mapped.
ReportTable kegiatan_table(const Db& db, int year) {
  ReportTable t;
  t.id = "pk.kegiatan";
  t.title = "Anggaran per kegiatan";
  t.header = {"Kegiatan / RO", "Uraian", "Sasaran", "Anggaran"};
  std::map<std::string, std::string> sasaran_of;
  for (const auto& m : budget_maps(db, year)) sasaran_of[m.activity] = m.sasaran;
  if (sasaran_of.empty()) return t;
  std::map<std::string, std::vector<BudgetLine>> by_kegiatan;
  for (const auto& l : budget_lines(db, year))
    if (sasaran_of.count(l.activity)) by_kegiatan[l.activity.substr(0, l.activity.find('.'))].push_back(l);
  Rational total;
  for (const auto& [kegiatan, lines] : by_kegiatan) {
    Rational sum;
    for (const auto& l : lines) sum = sum + l.pagu;
    t.strong_rows.insert(t.rows.size());
    t.rows.push_back({text_cell("Kegiatan " + kegiatan), text_cell(""), text_cell(""), rupiah_cell(sum)});
    for (const auto& l : lines)
      t.rows.push_back({text_cell(l.activity + " (" + l.jenis + " " + l.sumber + ")"), text_cell(l.name),
                        text_cell(sasaran_of[l.activity]), rupiah_cell(l.pagu)});
    total = total + sum;
  }
  t.strong_rows.insert(t.rows.size());
  t.rows.push_back({text_cell("Jumlah"), text_cell(""), text_cell(""), rupiah_cell(total)});
  return t;
}

}  // namespace

std::string pk_document_html(const Store& s, int year) {
  auto versions = pk_versions(s.db, year);
  if (versions.empty())
    throw bad_input("--year: the PK " + std::to_string(year) + " has no version yet (kinerja pk version --year " +
                    std::to_string(year) + " --pagu … --date … --signer-office NAMA NIP --signer-kanwil NAMA NIP)");
  PkFigures pk = pk_figures(s, year);
  const PkVersion& v = versions.back();
  std::string kanwil = office_identity(s.db, s.office).kanwil;
  std::string office = pk.office_name.empty() ? "Kantor " + pk.office : pk.office_name;

  std::ostringstream os;
  os << "<p class=\"sub\">" << html_escape(office) << "</p>\n"
     << "<p>Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi "
        "pada hasil, kami yang bertanda tangan di bawah ini:</p>\n<table class=\"parties\">\n"
     << "<tr><td>Nama</td><td>" << html_escape(signer_name(v.office_signer)) << "</td></tr>\n"
     << "<tr><td>Jabatan</td><td>Kepala " << html_escape(office) << "</td></tr>\n"
     << "<tr><td colspan=\"2\">selanjutnya disebut <b>pihak pertama</b>;</td></tr>\n"
     << "<tr><td>Nama</td><td>" << html_escape(signer_name(v.kanwil_signer)) << "</td></tr>\n"
     << "<tr><td>Jabatan</td><td>Kepala Kantor Wilayah " << html_escape(kanwil) << "</td></tr>\n"
     << "<tr><td colspan=\"2\">selaku atasan pihak pertama, selanjutnya disebut <b>pihak kedua</b>.</td></tr>\n"
     << "</table>\n<p>Pihak pertama berjanji akan mewujudkan target kinerja tahun " << year
     << " sebagaimana tercantum dalam lampiran perjanjian ini, dengan anggaran sebesar <b>"
     << html_escape(people_text(rupiah_cell(v.pagu)))
     << "</b>. Pihak kedua akan melakukan supervisi dan evaluasi atas capaian kinerja dari perjanjian ini.</p>\n"
     << "<p class=\"place\">" << html_escape((v.place.empty() ? "" : v.place + ", ") + long_date(v.date)) << "</p>\n"
     << "<table class=\"sign\"><tr><td>Pihak Kedua,</td><td>Pihak Pertama,</td></tr>\n"
     << "<tr class=\"space\"><td></td><td></td></tr>\n"
     << "<tr><td><b>" << html_escape(signer_name(v.kanwil_signer)) << "</b><br>" << html_escape(signer_nip(v.kanwil_signer))
     << "</td><td><b>" << html_escape(signer_name(v.office_signer)) << "</b><br>" << html_escape(signer_nip(v.office_signer))
     << "</td></tr></table>\n"
     << "<h2 class=\"annex\">Lampiran Perjanjian Kinerja Tahun " << year << "</h2>\n"
     << table_html(target_table(pk));
  ReportTable kegiatan = kegiatan_table(s.db, year);
  if (!kegiatan.rows.empty()) os << table_html(kegiatan);
  os << table_html(budget_table(versions));
  return html_document("Perjanjian Kinerja Tahun " + std::to_string(year), os.str());
}

}  // namespace kinerja
