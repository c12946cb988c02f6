#!/usr/bin/env bash
# Messages and --help in Indonesian by default, in English with KINERJA_LANG=en (issue 12,
# item 6), from one catalogue; a mistyped command or option suggests the closest one.
set -euo pipefail
source "$(dirname "$0")/lib.bash"
new_store
en() { KINERJA_LANG=en "$@"; }

# A mistyped subcommand or option: exit 2, the closest sibling suggested, nothing written.
expect_bad "kinerja: galat: perintah 'reprot' tidak dikenal; maksud Anda: report?" reprot pk --year 2024
expect_bad "perintah 'opne' tidak dikenal; maksud Anda: open?" case opne --kind tak --ref X-1 --date 2024-03-04
expect_bad "opsi '--indikator' tidak dikenal; maksud Anda: --indicator?" record --indikator TAK --period 2024 --value 3
expect_bad "opsi '--yaer' tidak dikenal; maksud Anda: --year?" report pk --yaer=2024
expect_bad "perintah 'zzzzzz' tidak dikenal (jalankan \`kinerja --help\` untuk daftar perintah)" zzzzzz
grep -qF "maksud Anda" "$work/out" && fail "a name far from every command suggested one: $(cat "$work/out")"
expect_bad "argumen 'extra' tidak diharapkan" status extra
expect_exit 2 "perintah 'bogus' tidak dikenal" --store "$work/none.db" bogus
rc=0
"$KINERJA_BIN_DIR/kinerja-hub" --db "$work/hub.db" ofice >"$work/out" 2>&1 || rc=$?
[ "$rc" = 2 ] && grep -qF "kinerja-hub: galat: perintah 'ofice' tidak dikenal; maksud Anda: office?" "$work/out" ||
  fail "kinerja-hub ofice exited $rc: $(cat "$work/out")"

# CLI11's own errors, in the person's language.
expect_bad "--year: wajib diisi" report pk
expect_bad "report: pilih salah satu subperintah: pk, lkjip, trend" report
expect_bad "--year: '1999' di luar rentang 2000-2100" report pk --year 1999
expect_bad "--year: 'abc' bukan nilai yang sah" report pk --year abc
expect_bad "--format: 'pdf' bukan salah satu dari table|md|csv|json|html|xlsx" report pk --year 2024 --format pdf
expect_bad "--numerator memerlukan --denominator" record --indicator LAYANAN --period 2024-Q2 --numerator 5

# The same errors in English with KINERJA_LANG=en.
en expect_bad "kinerja: error: unknown command 'reprot'; did you mean: report?" reprot pk --year 2024
en expect_bad "unknown option '--indikator'; did you mean: --indicator?" record --indikator TAK --period 2024 --value 3
en expect_bad "--year: is required" report pk
en expect_bad "--year: '1999' is outside 2000-2100" report pk --year 1999

# A converted engine message, in both languages.
expect_bad "--indicator: 'NOPE' tidak ada dalam katalog 2024 (PROYUSTISIA, TAK, LAYANAN, RB, ILK)" \
  target set --year 2024 --indicator NOPE --value 3
en expect_bad "--indicator: 'NOPE' is not in the catalogue for 2024 (PROYUSTISIA, TAK, LAYANAN, RB, ILK)" \
  target set --year 2024 --indicator NOPE --value 3
"$kinerja" target set --year 2024 --indicator TAK --value 90 | grep -qF "Target TAK 2024 ditetapkan (op seq" || fail "target set output"
en "$kinerja" target set --year 2024 --indicator TAK --value 95 | grep -qF "Target TAK 2024 set (op seq" || fail "target set output (en)"

# --help: Indonesian section headers and descriptions; English with KINERJA_LANG=en.
"$kinerja" --help >"$work/help"
for text in "Pemakaian:" "Opsi:" "Subperintah:" "Tampilkan bantuan ini lalu keluar" "Penyimpanan kantor"; do
  grep -qF "$text" "$work/help" || fail "kinerja --help lacks '$text': $(cat "$work/help")"
done
"$kinerja" report pk --help >"$work/help"
grep -qF "Tahun PK" "$work/help" && grep -qF "Opsi:" "$work/help" && ! grep -qF "Options:" "$work/help" ||
  fail "report pk --help is not in Indonesian: $(cat "$work/help")"
en "$kinerja" --help >"$work/help"
for text in "Usage:" "Options:" "Subcommands:" "Print this help message and exit" "The office store"; do
  grep -qF "$text" "$work/help" || fail "KINERJA_LANG=en kinerja --help lacks '$text': $(cat "$work/help")"
done
echo "ok: Indonesian by default, English with KINERJA_LANG=en, suggestions for mistyped names"
