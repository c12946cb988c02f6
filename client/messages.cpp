// The message catalogue (messages.hpp).
#include "client/messages.hpp"

#include <cstdlib>
#include <iterator>
#include <string_view>

namespace kinerja {

namespace {

struct Text {
  Msg id;
  const char* id_text;  // Indonesian
  const char* en_text;
};

// In the order of the enum: kTexts[int(id)].id == id (checked in msg()).
constexpr Text kTexts[] = {
    {Msg::ErrorPrefix, "galat", "error"},
    {Msg::UnknownCommand, "perintah '{1}' tidak dikenal", "unknown command '{1}'"},
    {Msg::UnknownOption, "opsi '{1}' tidak dikenal", "unknown option '{1}'"},
    {Msg::DidYouMean, "{1}; maksud Anda: {2}?", "{1}; did you mean: {2}?"},
    {Msg::SeeCommands, "{1} (jalankan `{2} --help` untuk daftar perintah)", "{1} (run `{2} --help` for the commands)"},
    {Msg::UnexpectedArgument, "argumen '{1}' tidak diharapkan (lihat `{2} --help`)", "unexpected argument '{1}' (see `{2} --help`)"},
    {Msg::Required, "{1}: wajib diisi", "{1}: is required"},
    {Msg::SubcommandRequired, "{1}: pilih salah satu subperintah: {2}", "{1}: give one of its subcommands: {2}"},
    {Msg::InvalidValue, "{1}: '{2}' bukan nilai yang sah", "{1}: '{2}' is not a valid value"},
    {Msg::InvalidValueOneOf, "{1}: '{2}' bukan salah satu dari {3}", "{1}: '{2}' is not one of {3}"},
    {Msg::InvalidValueRange, "{1}: '{2}' di luar rentang {3}-{4}", "{1}: '{2}' is outside {3}-{4}"},
    {Msg::WrongValueCount, "{1}: jumlah nilai tidak sesuai (lihat `{2} --help`)", "{1}: wrong number of values (see `{2} --help`)"},
    {Msg::Excludes, "{1} tidak dapat dipakai bersama {2}", "{1} cannot be used with {2}"},
    {Msg::Requires, "{1} memerlukan {2}", "{1} requires {2}"},
    {Msg::BadCommandLine, "baris perintah tidak sah (lihat `{1} --help`)", "invalid command line (see `{1} --help`)"},
    {Msg::HelpFlag, "Tampilkan bantuan ini lalu keluar", "Print this help message and exit"},
    {Msg::HelpUsage, "Pemakaian", "Usage"},
    {Msg::HelpOptions, "Opsi", "Options"},
    {Msg::HelpOptionsUpper, "OPSI", "OPTIONS"},
    {Msg::HelpSubcommand, "SUBPERINTAH", "SUBCOMMAND"},
    {Msg::HelpSubcommands, "Subperintah", "Subcommands"},
    {Msg::HelpRequired, "WAJIB", "REQUIRED"},
    {Msg::HelpPositionals, "Argumen", "Positionals"},
    {Msg::PeriodNotPeriod, "{1}: '{2}' bukan periode (gunakan YYYY, YYYY-Qn atau YYYY-MM)",
     "{1}: '{2}' is not a period (use YYYY, YYYY-Qn or YYYY-MM)"},
    {Msg::PeriodYearOutside, "{1}: '{2}' tahunnya di luar 2000-2100 (gunakan YYYY, YYYY-Qn atau YYYY-MM)",
     "{1}: '{2}' has a year outside 2000-2100 (use YYYY, YYYY-Qn or YYYY-MM)"},
    {Msg::PeriodQuarterOutside, "{1}: '{2}' triwulannya di luar 1-4 (gunakan YYYY, YYYY-Qn atau YYYY-MM)",
     "{1}: '{2}' has a quarter outside 1-4 (use YYYY, YYYY-Qn or YYYY-MM)"},
    {Msg::PeriodMonthOutside, "{1}: '{2}' bulannya di luar 1-12 (gunakan YYYY, YYYY-Qn atau YYYY-MM)",
     "{1}: '{2}' has a month outside 1-12 (use YYYY, YYYY-Qn or YYYY-MM)"},
    {Msg::IndicatorNotInCatalogue, "{1}: '{2}' tidak ada dalam katalog {3}", "{1}: '{2}' is not in the catalogue for {3}"},
    {Msg::IndicatorNotInCatalogueList, "{1}: '{2}' tidak ada dalam katalog {3} ({4})",
     "{1}: '{2}' is not in the catalogue for {3} ({4})"},
    {Msg::MustBePositive, "{1}: {2} harus lebih besar dari 0", "{1}: {2} must be greater than 0"},
    {Msg::QuarterRange, "{1}: {2} di luar 1-4", "{1}: {2} is outside 1-4"},
    {Msg::NoCatalogueLoaded, "--year: belum ada katalog yang dimuat untuk {1} (muat katalog bawaan dengan `kinerja catalogue load --year {1}`)",
     "--year: no catalogue is loaded for {1} (load the shipped one with `kinerja catalogue load --year {1}`)"},
    {Msg::NoCatalogueShipped,
     "--year: belum ada katalog yang dimuat untuk {1}, dan tidak ada katalog bawaan untuk tahun itu (bawaan: {2}); muat berkas katalog tahun itu dengan `kinerja catalogue load FILE`",
     "--year: no catalogue is loaded for {1}, and none is shipped for it (shipped: {2}); load the year's catalogue file with `kinerja catalogue load FILE`"},
    {Msg::SasaranUnknown, "--sasaran: {1} bukan sasaran dalam katalog {2} ({3})", "--sasaran: {1} is not a sasaran of the {2} catalogue ({3})"},
    {Msg::IndicatorNotOfSasaran, "--indicator: {1} bukan indikator sasaran {2} pada {3} ({4})",
     "--indicator: {1} is not an indicator of sasaran {2} in {3} ({4})"},
    {Msg::XlsxNeedsOut, "--out: laporan xlsx memerlukan nama berkas, mis. --out {1}", "--out: an xlsx report needs a file, e.g. --out {1}"},
    {Msg::ExplainOneOf, "explain: berikan tepat satu dari --indicator, --sasaran, --overall, --anggaran, --nka",
     "explain: give exactly one of --indicator, --sasaran, --overall, --anggaran, --nka"},
    {Msg::JsonIndicatorOnly, "--json: hanya tersedia bersama --indicator", "--json: is offered with --indicator only"},
    {Msg::NoNka, "--nka: belum ada masukan NKA untuk {1} (kinerja nka record)", "--nka: no NKA input is recorded for {1} (kinerja nka record)"},
    {Msg::WarningPrefix, "peringatan",
     "warning"},
    {Msg::InvalidOpsKept, "{1} op disimpan dalam log tetapi tidak dihitung dalam angka mana pun karena tidak sah: {2} (lihat `kinerja verify`)",
     "{1} op(s) kept in the log but left out of every figure as invalid: {2} (see `kinerja verify`)"},
    {Msg::Wrote, "{1} ditulis",
     "Wrote {1}"},
    {Msg::AppDescription, "kinerja: pelaporan kinerja SAKIP untuk Kantor Imigrasi, bekerja tanpa jaringan.\nMencatat realisasi ke buku besar lokal yang ditandatangani, menghitung capaian secara eksak, menyinkronkan dengan hub kanwil.",
     "kinerja: SAKIP performance reporting for a Kantor Imigrasi, offline-first.\nRecords realisasi into a local signed ledger, computes capaian exactly, syncs with the kanwil hub."},
    {Msg::HelpStore, "Penyimpanan kantor (bawaan $KINERJA_STORE, jika tidak ada ./kinerja.db)",
     "The office store (default $KINERJA_STORE, else ./kinerja.db)"},
    {Msg::HelpReport, "Laporan: tabel PK satu tahun, tren satu indikator, tabel register, lampiran LKjIP",
     "Reports: the PK table of a year, the trend of an indicator, the registers' tables, the LKjIP annex"},
    {Msg::HelpReportPk, "Tabel Realisasi Perjanjian Kinerja satu tahun",
     "The Realisasi Perjanjian Kinerja table of a year"},
    {Msg::HelpPkYear, "Tahun PK",
     "The PK year"},
    {Msg::HelpPkYearEg, "Tahun PK, mis. 2024",
     "The PK year, e.g. 2024"},
    {Msg::HelpPkQuarter, "Sampai akhir triwulan ini (1-4): masukannya terhadap target triwulan",
     "Up to the end of this triwulan (1-4): its inputs against the quarter targets"},
    {Msg::HelpFormatList, "{1} atau {2} (bawaan {3})",
     "{1} or {2} (default {3})"},
    {Msg::HelpOut, "Tulis ke berkas ini, bukan ke keluaran standar (wajib untuk xlsx)",
     "Write to this file instead of standard output (required for xlsx)"},
    {Msg::HelpLkjip, "Lampiran LKjIP satu tahun dalam satu dokumen: tabel PK, tren lima tahun, tabel register",
     "The LKjIP annex of a year in one document: PK table, five-year trends, the registers' tables"},
    {Msg::HelpReportYear, "Tahun laporan",
     "The report year"},
    {Msg::HelpTrend, "Tabel tahun ke tahun satu indikator",
     "Year-on-year table of one indicator"},
    {Msg::HelpIndicatorCode, "Kode indikator",
     "Indicator code"},
    {Msg::HelpIndicatorCodeEg, "Kode indikator, mis. {1}",
     "Indicator code, e.g. {1}"},
    {Msg::HelpFrom, "Tahun pertama, mis. 2020",
     "First year, e.g. 2020"},
    {Msg::HelpTo, "Tahun terakhir, mis. 2024",
     "Last year, e.g. 2024"},
    {Msg::HelpSameAsJson, "Sama dengan --format json",
     "Same as --format json"},
    {Msg::HelpExplain, "Bagaimana satu angka tabel PK dihitung: rumus, masukan, seq op",
     "How a figure of the PK table was computed: formula, inputs, op seqs"},
    {Msg::HelpYear, "Tahun",
     "The year"},
    {Msg::HelpExplainIndicator, "Satu indikator: realisasi, capaian, perbandingan nasional",
     "An indicator: realisasi, capaian, national comparison"},
    {Msg::HelpExplainSasaran, "Satu sasaran, dengan kode (SK3) atau nomor tabel (3): rata-rata capaiannya",
     "A sasaran, by code (SK3) or table number (3): its average capaian"},
    {Msg::HelpExplainOverall, "Capaian keseluruhan",
     "The overall capaian"},
    {Msg::HelpExplainAnggaran, "Baris anggaran",
     "The budget row"},
    {Msg::HelpExplainNka, "Nilai Kinerja Anggaran: setiap komponen dan masukan, berbobot",
     "The Nilai Kinerja Anggaran: each component and input, weighted"},
    {Msg::HelpExplainOps, "Daftar setiap op di balik satu angka (bawaan: lebih dari 20 diringkas per jenis dan perangkat sebagai rentang seq)",
     "List every op behind a figure (default: more than 20 are summarised per type and device as seq ranges)"},
    {Msg::HelpExplainJson, "Dengan --indicator: rumus, masukan dan seq op sebagai JSON",
     "With --indicator: formula, inputs and op seqs as JSON"},
    {Msg::HelpTarget, "Target PK, baris anggaran PK dan rata-rata nasional",
     "PK targets, the PK budget row and national averages"},
    {Msg::HelpTargetSet, "Tetapkan target PK satu indikator untuk satu tahun (atau satu triwulan)",
     "Set the PK target of an indicator for a year (or a quarter)"},
    {Msg::HelpTargetValue, "Target dalam satuan indikator: 90 (persen), 3,1 (indeks)",
     "The target in the indicator's unit: 90 (percent), 3,1 (index)"},
    {Msg::HelpTargetQuarter, "Target triwulan, 1-4, sebagai ganti target tahunan",
     "A triwulan target, 1-4, instead of the year's"},
    {Msg::TargetSet, "Target {1} {2} ditetapkan (op seq {3})",
     "Target {1} {2} set (op seq {3})"},
    {Msg::TargetSetQuarter, "Target {1} {2} TW {3} ditetapkan (op seq {4})",
     "Target {1} {2} TW {3} set (op seq {4})"},
    {Msg::HelpTargetBudget, "Tetapkan baris anggaran PK satu tahun: pagu dan realisasi dalam rupiah",
     "Set the PK budget row of a year: pagu and realisasi in rupiah"},
    {Msg::HelpPagu, "Pagu (alokasi), rupiah bulat: 4780958000 atau 4.780.958.000",
     "Pagu (allocation), whole rupiah: 4780958000 or 4.780.958.000"},
    {Msg::HelpRealisasi, "Realisasi (belanja), rupiah bulat",
     "Realisasi (spending), whole rupiah"},
    {Msg::RealisasiAbovePagu, "realisasi {1} melebihi pagu {2}",
     "realisasi {1} is above the pagu {2}"},
    {Msg::BudgetSet, "Anggaran {1} ditetapkan (op seq {2})",
     "Budget {1} set (op seq {2})"},
    {Msg::HelpTargetNational, "Tetapkan rata-rata capaian nasional satu indikator untuk satu tahun",
     "Set the national average capaian of an indicator for a year"},
    {Msg::HelpNationalCapaian, "Rata-rata capaian seluruh satker, persen: 39,68",
     "Rata-rata capaian of all satker, percent: 39,68"},
    {Msg::NationalSet, "Rata-rata nasional {1} {2} ditetapkan (op seq {3})",
     "National average {1} {2} set (op seq {3})"},
    {Msg::CatalogueFileOrYear, "catalogue load: berikan FILE atau --year untuk katalog bawaan, bukan keduanya",
     "catalogue load: give a FILE or --year for a shipped catalogue, not both"},
    {Msg::NoShippedCatalogue, "--year: tidak ada katalog bawaan untuk {1} (bawaan: {2})",
     "--year: no catalogue is shipped for {1} (shipped: {2})"},
    {Msg::CatalogueLoadedFile, "Katalog {1} dimuat dari {2} ({3} sasaran)",
     "Loaded the {1} catalogue from {2} ({3} sasaran)"},
    {Msg::CatalogueLoadedShipped, "Katalog {1} dimuat dari schema/catalogue/{1}.json bawaan ({2} sasaran)",
     "Loaded the {1} catalogue from the shipped schema/catalogue/{1}.json ({2} sasaran)"},
    {Msg::WeightsPublished, "Bobot {1} dalam katalog {2} diterbitkan (op seq {3})",
     "Published the weights of {1} in the {2} catalogue (op seq {3})"},
    {Msg::HelpCatalogue, "Katalog indikator: muat dari berkas, tampilkan yang sudah dimuat",
     "Indicator catalogues: load one from a file, show the loaded ones"},
    {Msg::HelpCatalogueLoad, "Muat berkas JSON katalog, atau katalog bawaan satu tahun, ke penyimpanan (sebagai op)",
     "Load a catalogue JSON file, or a shipped year's, into the store (as an op)"},
    {Msg::HelpCatalogueFile, "Berkas katalog, mis. katalog-2026.json",
     "Catalogue file, e.g. katalog-2026.json"},
    {Msg::HelpCatalogueYear, "Sebagai ganti berkas, katalog bawaan tahun ini, mis. 2022",
     "Instead of a file, the catalogue shipped for this year, e.g. 2022"},
    {Msg::HelpCatalogueShow, "Sasaran dan indikator katalog yang sudah dimuat",
     "The loaded catalogues' sasaran and indicators"},
    {Msg::HelpOnlyYear, "Hanya tahun ini",
     "Only this year"},
    {Msg::HelpCatalogueJson, "Cetak katalog sebagai JSON",
     "Print the catalogues as JSON"},
    {Msg::HelpCatalogueWeights, "Terbitkan bobot komponen satu indeks komposit (jumlahnya 100)",
     "Publish the component weights of a composite index (they sum to 100)"},
    {Msg::HelpCatalogueWeightsYear, "Tahun katalog, mis. 2025",
     "The catalogue year, e.g. 2025"},
    {Msg::HelpCompositeIndicator, "Indikator komposit, mis. IPHK",
     "The composite indicator, e.g. IPHK"},
    {Msg::HelpWeights, "PART=BOBOT untuk setiap komponen, dalam persen: PENGAWASAN=20 …",
     "PART=WEIGHT for every component, in percent: PENGAWASAN=20 …"},
};

constexpr bool in_enum_order() {
  for (size_t i = 0; i < std::size(kTexts); ++i)
    if (static_cast<size_t>(kTexts[i].id) != i) return false;
  return std::size(kTexts) == static_cast<size_t>(Msg::Count);
}
static_assert(in_enum_order(), "kTexts lists every Msg once, in the order of the enum");

}  // namespace

bool english() {
  const char* lang = std::getenv("KINERJA_LANG");
  return lang && std::string_view(lang).substr(0, 2) == "en";
}

std::string msg(Msg id, const std::vector<std::string>& args) {
  const Text& t = kTexts[static_cast<size_t>(id)];
  std::string_view text = english() ? t.en_text : t.id_text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t close = text.find('}', i);
    if (text[i] == '{' && close != std::string_view::npos && close == i + 2 && text[i + 1] >= '1' && text[i + 1] <= '9') {
      size_t n = static_cast<size_t>(text[i + 1] - '1');
      if (n < args.size()) out += args[n];
      i = close;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace kinerja
