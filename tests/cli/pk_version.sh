#!/usr/bin/env bash
# End to end: the PK (Perjanjian Kinerja) signed and revised, typed as an office would.
# Tanjungpandan 2023: signed on 3 January for Rp 8.276.071.000, revised on 1 August to
# Rp 9.092.592.000. The reports use the latest version and list the earlier one; the
# signed document prints both parties, the targets and the budget, as HTML and as a real
# PDF (checked with pdftotext and pdfinfo); bad input is exit 2 with nothing written.
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"

"$kinerja" init --office 407975 --name "Kantor Imigrasi Kelas II TPI Tanjung Pandan" --kanwil BABEL --author 199001 \
  --year 2023 >/dev/null
"$kinerja" target set --year 2023 --indicator IKM --value 3,5 >/dev/null

expect_bad "--year: the PK 2023 has no version yet" report pk-document --year 2023
"$kinerja" pk version --year 2023 --pagu 8.276.071.000 --date 2023-01-03 --place "Tanjung Pandan" \
  --signer-office "Budi Santoso" 197001011990031001 --signer-kanwil "Siti Rahma" 196805121989032002 |
  grep -qF "PK 2023 version 1 recorded" || fail "version 1"
expect_bad "--reason: the PK 2023 has version 1 already; a revision needs its reason" \
  pk version --year 2023 --pagu 9.092.592.000 --date 2023-08-01
expect_bad "--date: 2022-12-01 is before version 1 of 2023-01-03" \
  pk version --year 2023 --pagu 9.092.592.000 --date 2022-12-01 --reason "Revisi DIPA"
"$kinerja" pk version --year 2023 --pagu 9.092.592.000 --date 2023-08-01 --reason "Revisi anggaran (tambahan pagu)" |
  grep -qF "PK 2023 version 2 recorded" || fail "version 2"

"$kinerja" pk list --year 2023 --json | json_check '
[v["version"] for v in j["versions"]] == ["1", "2"] and j["versions"][0]["pagu"] == "8276071000"
and j["versions"][1]["pagu"] == "9092592000" and j["versions"][1]["reason"] == "Revisi anggaran (tambahan pagu)"
and j["versions"][1]["office_signer"] == {"name": "Budi Santoso", "nip": "197001011990031001"}
and j["versions"][1]["place"] == "Tanjung Pandan"'
"$kinerja" pk list --year 2023 | grep -qE '^2 +2023-08-01 +Rp 9\.092\.592\.000 +Budi Santoso +Siti Rahma +Revisi anggaran' ||
  fail "list: $("$kinerja" pk list --year 2023)"

# The PK table's budget row is the latest version's pagu (realisasi as set with target budget).
"$kinerja" target budget --year 2023 --pagu 8.276.071.000 --realisasi 8.000.000.000 >/dev/null
"$kinerja" report pk --year 2023 --format json | json_check '
j["anggaran"]["pagu"] == "9092592000" and j["anggaran"]["realisasi"] == "8000000000"'
"$kinerja" report pk --year 2023 | grep -qF "pagu PK versi 2 (2023-08-01: Revisi anggaran (tambahan pagu)); versi sebelumnya: versi 1 2023-01-03 Rp 8.276.071.000" ||
  fail "the earlier version listed: $("$kinerja" report pk --year 2023)"
"$kinerja" explain --year 2023 --anggaran | grep -qF "PK versi 2 (2023-08-01" || fail "explain: $("$kinerja" report pk --year 2023 | grep -qF "pagu PK versi 2 (2023-08-01: Revisi anggaran (tambahan pagu)); versi sebelumnya: versi 1 2023-01-03 Rp 8.276.071.000" ||
  fail "the earlier version listed: $("$kinerja" report pk --year 2023)"
"$kinerja" explain --year 2023 --anggaran)"

# The budget per kegiatan and RO: the DIPA line of the RO mapped to a sasaran (not the unmapped one).
"$kinerja" budget line --year 2023 --activity 5254.8HB.U01 --name "Layanan Keimigrasian Perbatasan" --jenis 52 \
  --sumber RM --pagu 9.092.592.000 >/dev/null
"$kinerja" budget line --year 2023 --activity 5254.8AA.001 --name "Layanan Dokumen" --jenis 52 --sumber RM \
  --pagu 1.000.000 >/dev/null
"$kinerja" budget map --year 2023 --activity 5254.8HB.U01 --sasaran SK1 >/dev/null

"$kinerja" report pk-document --year 2023 --out "$work/pk.html" 2>/dev/null
for text in "Perjanjian Kinerja Tahun 2023" "Kantor Imigrasi Kelas II TPI Tanjung Pandan" "pihak pertama" "pihak kedua" \
  "Kepala Kantor Wilayah BABEL" "Rp 9.092.592.000" "Tanjung Pandan, 1 Agustus 2023" "NIP 197001011990031001" \
  "NIP 196805121989032002" "Kegiatan 5254" "Layanan Keimigrasian Perbatasan" "Indeks Kepuasan Masyarakat terhadap Layanan Keimigrasian" "3,50" "Rp 8.276.071.000" "penetapan awal"; do
  grep -qF "$text" "$work/pk.html" || fail "pk-document html lacks '$text'"
done
grep -q "<script\|http://\|https://" "$work/pk.html" && fail "the document must be self-contained"
grep -qF "Layanan Dokumen" "$work/pk.html" && fail "an RO mapped to no sasaran is not the PK's budget"

"$kinerja" report pk-document --year 2023 --format pdf --out "$work/pk.pdf" 2>/dev/null
[ "$(head -c 5 "$work/pk.pdf")" = "%PDF-" ] || fail "not a PDF"
pdfinfo "$work/pk.pdf" | grep -qE '^Pages: +[2-9]' || fail "the document and its annex: $(pdfinfo "$work/pk.pdf")"
pdftotext -layout "$work/pk.pdf" "$work/pk.txt"
for text in "Perjanjian Kinerja Tahun 2023" "Rp 9.092.592.000" "NIP 197001011990031001" "Lampiran Perjanjian Kinerja"; do
  grep -qF "$text" "$work/pk.txt" || fail "pdf lacks '$text'"
done
expect_bad "--out: a PDF needs a file" report pk-document --year 2023 --format pdf

# Bad input: exit 2, the field named, nothing written.
expect_bad "--signer-office: NIP '1970' is not 18 digits" \
  pk version --year 2024 --pagu 1 --date 2024-01-02 --signer-office "Budi" 1970
expect_bad "--date: 2021-12-31 is not in 2023 or the year before" \
  pk version --year 2023 --pagu 1 --date 2021-12-31 --reason x
expect_bad "--date" pk version --year 2024 --pagu 1 --date 2024-13-01
expect_bad "--pagu" pk version --year 2024 --pagu=-5 --date 2024-01-02
expect_bad "--pagu" pk version --year 2024 --pagu banyak --date 2024-01-02

"$kinerja" rebuild --check >/dev/null
"$kinerja" verify >/dev/null
echo ok
