#!/usr/bin/env bash
# End to end: the budget register through the real `kinerja` binary — Semarang's DIPA 2023
# (one line per jenis belanja) and 2024 (split across RM and PNBP) entered as lines and
# monthly realisasi, `report budget` to the printed digit in table and JSON, a revision
# with its reason, a correction, the PK row not the whole DIPA, and bad input (exit 2,
# op count unchanged).
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"

new_store
b() { "$kinerja" budget "$@" >/dev/null; }

# 2023: one line per jenis belanja, realisasi spread over months.
b line --year 2023 --activity 5254.EBA.994 --name "Layanan Dukungan Manajemen (gaji)" --jenis 51 --sumber RM --pagu 5.745.906.000
b line --year 2023 --activity 5254.8AA.001 --name "Layanan Penerbitan Dokumen Perjalanan RI" --jenis 52 --sumber RM \
  --pagu 7235995000 --volume 75.351 --satuan dokumen
b line --year 2023 --activity 5254.CAN.001 --name "Sarana Bidang Teknologi Informasi" --jenis 53 --sumber RM --pagu 2256723000
b spend --year 2023 --activity 5254.EBA.994 --month 6 --amount 2.850.000.000
b spend --year 2023 --activity 5254.EBA.994 --month 12 --amount 2851697246
b spend --year 2023 --activity 5254.8AA.001 --month 3 --amount 3000000000
b spend --year 2023 --activity 5254.8AA.001 --month 9 --amount 4202499262
b spend --year 2023 --activity 5254.CAN.001 --month 12 --amount 2241739811

"$kinerja" report budget --year 2023 >"$work/2023.txt"
grep -qE '^51 Belanja Pegawai +Rp 5\.745\.906\.000 +Rp 5\.701\.697\.246 +99,23%$' "$work/2023.txt" || fail "2023 51: $(cat "$work/2023.txt")"
grep -qE '^52 Belanja Barang +Rp 7\.235\.995\.000 +Rp 7\.202\.499\.262 +99,54%$' "$work/2023.txt" || fail "2023 52"
grep -qE '^53 Belanja Modal +Rp 2\.256\.723\.000 +Rp 2\.241\.739\.811 +99,34%$' "$work/2023.txt" || fail "2023 53"
grep -qE '^Jumlah +Rp 15\.238\.624\.000 +Rp 15\.145\.936\.319 +99,39%$' "$work/2023.txt" || fail "2023 total"
grep -qE '^Juni +Rp 2\.850\.000\.000 +Rp 5\.850\.000\.000 +38,39%$' "$work/2023.txt" || fail "2023 Juni"
grep -qE '^Desember +Rp 5\.093\.437\.057 +Rp 15\.145\.936\.319 +99,39%$' "$work/2023.txt" || fail "2023 Desember"
grep -qF '75.351 dokumen' "$work/2023.txt" || fail "volume"

"$kinerja" report budget --year 2023 --json | json_check '
{r[0]: r[3] for r in next(t for t in j["tables"] if t["id"] == "budget.jenis")["rows"]}
  == {"51 Belanja Pegawai": "99.23", "52 Belanja Barang": "99.54", "53 Belanja Modal": "99.34", "Jumlah": "99.39"}
and [t["id"] for t in j["tables"]] == ["budget.activity", "budget.jenis", "budget.sumber", "budget.monthly", "budget.line"]
and next(t for t in j["tables"] if t["id"] == "budget.monthly")["rows"][11] == ["Desember", "5093437057", "15145936319", "99.39"]
and all(t["notes"] == [] and t["data_per"] for t in j["tables"])'

# 2024: 52 and 53 split across RM and PNBP so that RM 79.250.984.000 + PNBP 13.537.676.000.
b line --year 2024 --activity 5254.EBA.994 --name "Layanan Dukungan Manajemen (gaji)" --jenis 51 --sumber RM --pagu 6571370000
b line --year 2024 --activity 5254.8AA.001 --name "Layanan Penerbitan Dokumen Perjalanan RI" --jenis 52 --sumber RM --pagu 4561612000
b line --year 2024 --activity 5254.8AA.001 --name "Layanan Penerbitan Dokumen Perjalanan RI" --jenis 52 --sumber PNBP --pagu 4000000000
b line --year 2024 --activity 5254.CAN.001 --name "Sarana Bidang Teknologi Informasi" --jenis 53 --sumber RM --pagu 68118002000
b line --year 2024 --activity 5254.CAN.001 --name "Sarana Bidang Teknologi Informasi" --jenis 53 --sumber PNBP --pagu 8537676000
# A revision of the 52 PNBP line (after the APBN-P addition): needs a reason, then version 2.
expect_bad "--reason: budget line 2024/5254.8AA.001/52/PNBP already has version 1" \
  budget line --year 2024 --activity 5254.8AA.001 --name "Layanan Penerbitan Dokumen Perjalanan RI" --jenis 52 --sumber PNBP --pagu 5000000000
before=$(op_count)
"$kinerja" budget line --year 2024 --activity 5254.8AA.001 --name "Layanan Penerbitan Dokumen Perjalanan RI" --jenis 52 \
  --sumber PNBP --pagu 5.000.000.000 --reason "Revisi DIPA: tambahan pagu PNBP" | grep -qF "2024/5254.8AA.001/52/PNBP version 2" ||
  fail "revision"
[ "$(op_count)" = $((before + 1)) ] || fail "a revision is one new op"
"$kinerja" log --json | json_check 'len([o for o in j if o["type"] == "budget.line" and o["key"] == "2024/5254.8AA.001/52/PNBP"]) == 2'

b spend --year 2024 --activity 5254.EBA.994 --month 12 --amount 6481878894
b spend --year 2024 --activity 5254.8AA.001 --jenis 52 --sumber RM --month 11 --amount 4300000000
b spend --year 2024 --activity 5254.8AA.001 --jenis 52 --sumber PNBP --month 12 --amount 4857466000
# A re-entry of the same month is a correction: it replaces, never adds.
"$kinerja" budget spend --year 2024 --activity 5254.8AA.001 --sumber PNBP --month 12 --amount 4857466363 | grep -qF corrected ||
  fail "correction"
b spend --year 2024 --activity 5254.CAN.001 --jenis 53 --sumber RM --month 12 --amount 64000000000
b spend --year 2024 --activity 5254.CAN.001 --jenis 53 --sumber PNBP --month 12 --amount 8516433445

"$kinerja" report budget --year 2024 >"$work/2024.txt"
grep -qE '^51 Belanja Pegawai +Rp 6\.571\.370\.000 +Rp 6\.481\.878\.894 +98,64%$' "$work/2024.txt" || fail "2024 51: $(cat "$work/2024.txt")"
grep -qE '^52 Belanja Barang +Rp 9\.561\.612\.000 +Rp 9\.157\.466\.363 +95,77%$' "$work/2024.txt" || fail "2024 52"
grep -qE '^53 Belanja Modal +Rp 76\.655\.678\.000 +Rp 72\.516\.433\.445 +94,60%$' "$work/2024.txt" || fail "2024 53"
grep -qE '^Jumlah +Rp 92\.788\.660\.000 +Rp 88\.155\.778\.702 +95,01%$' "$work/2024.txt" || fail "2024 total"
grep -qE '^RM \(Rupiah Murni\) +Rp 79\.250\.984\.000 ' "$work/2024.txt" || fail "2024 RM"
grep -qE '^PNBP \(Penerimaan Negara Bukan Pajak\) +Rp 13\.537\.676\.000 ' "$work/2024.txt" || fail "2024 PNBP"
grep -qF "5254.8AA.001 52/PNBP revisi versi 2: Revisi DIPA: tambahan pagu PNBP" "$work/2024.txt" || fail "revision note"
"$kinerja" report budget --year 2024 --format json | json_check '
{r[0]: r[3] for r in next(t for t in j["tables"] if t["id"] == "budget.jenis")["rows"]}
  == {"51 Belanja Pegawai": "98.64", "52 Belanja Barang": "95.77", "53 Belanja Modal": "94.60", "Jumlah": "95.01"}
and {r[0]: r[1] for r in next(t for t in j["tables"] if t["id"] == "budget.sumber")["rows"]}
  == {"PNBP (Penerimaan Negara Bukan Pajak)": "13537676000", "RM (Rupiah Murni)": "79250984000", "Jumlah": "92788660000"}'
"$kinerja" report budget --year 2024 --format md | grep -qF "| 53 Belanja Modal | Rp 76.655.678.000 | Rp 72.516.433.445 | 94,60% |" ||
  fail "markdown"
"$kinerja" report budget --year 2024 --format csv | grep -qF "Jumlah,92788660000,88155778702,95.01" || fail "csv"
"$kinerja" budget list --year 2024 --json | json_check '
len(j["lines"]) == 5 and [l for l in j["lines"] if l["sumber"] == "PNBP" and l["jenis"] == "52"][0]["version"] == "2"
and [l for l in j["lines"] if l["sumber"] == "PNBP" and l["jenis"] == "52"][0]["months"] == {"12": "4857466363"}'

# The PK anggaran row is never the whole DIPA (issue 13, item 2): with no RO mapped to a
# sasaran (`budget map`, budget_by_sasaran.sh) it is the PK total set with `target budget`,
# and the DIPA being larger is no warning.
"$kinerja" report pk --year 2024 --format json | json_check 'j["anggaran"]["pagu"] is None'
"$kinerja" target budget --year 2024 --pagu 4.780.958.000 --realisasi 4.547.339.991 >/dev/null
"$kinerja" report pk --year 2024 --format json | json_check 'j["anggaran"]["pagu"] == "4780958000" and j["anggaran"]["capaian"] == "95.11"'
"$kinerja" explain --year 2024 --anggaran | grep -qF "(kinerja target budget; op seq" || fail "explain names the stated total"
"$kinerja" report budget --year 2024 | grep -qF "tidak sama dengan" && fail "the DIPA compared with the PK total"

# The LKjIP annex carries the budget tables with their notes.
"$kinerja" report lkjip --year 2024 --format md >"$work/lkjip.md"
grep -qF "## Penyerapan anggaran 2024 per jenis belanja" "$work/lkjip.md" || fail "lkjip budget table"
grep -qF "| **Jumlah** | **Rp 92.788.660.000** | **Rp 88.155.778.702** | **95,01%** |" "$work/lkjip.md" || fail "lkjip total row"
grep -qF "5254.8AA.001 52/PNBP revisi versi 2: Revisi DIPA: tambahan pagu PNBP" "$work/lkjip.md" || fail "lkjip budget note"

# Realisasi above pagu: a warning, recorded anyway.
b line --year 2025 --activity 5254.8AA.001 --name "Layanan Paspor" --jenis 52 --sumber RM --pagu 1000
"$kinerja" budget spend --year 2025 --activity 5254.8AA.001 --month 1 --amount 1500 2>"$work/err" >/dev/null
grep -qF "peringatan: realisasi 2025/5254.8AA.001/52/RM Rp 1.500 melebihi pagu Rp 1.000" "$work/err" || fail "over pagu warning"

# Bad input: exit 2, the field named, nothing written.
expect_bad "--activity: '5254.8A.001' is not an activity code" \
  budget line --year 2024 --activity 5254.8A.001 --name X --jenis 52 --sumber RM --pagu 1
expect_bad "--jenis: '54' is not a jenis belanja" budget line --year 2024 --activity 5254.8AA.002 --name X --jenis 54 --sumber RM --pagu 1
expect_bad "--sumber: 'XX' is not a sumber dana" budget line --year 2024 --activity 5254.8AA.002 --name X --jenis 52 --sumber XX --pagu 1
expect_bad "--pagu: '-1' must not be negative" budget line --year 2024 --activity 5254.8AA.002 --name X --jenis 52 --sumber RM --pagu=-1
expect_bad "--month: 13 is outside 1-12" budget spend --year 2024 --activity 5254.EBA.994 --month 13 --amount 1
expect_bad "--amount: '-5' must not be negative" budget spend --year 2024 --activity 5254.EBA.994 --month 1 --amount=-5
expect_bad "--amount: '1000,5' must be a whole number" budget spend --year 2024 --activity 5254.EBA.994 --month 1 --amount 1000,5
expect_bad "--activity: no budget line 2024/5254.8AA.009/*/*" budget spend --year 2024 --activity 5254.8AA.009 --month 1 --amount 1
expect_bad "--jenis: activity 5254.CAN.001 has 2 budget lines in 2024 (53/PNBP, 53/RM); give --jenis and --sumber" \
  budget spend --year 2024 --activity 5254.CAN.001 --month 1 --amount 1
printf 'year,activity,jenis,sumber,name,pagu,month,amount\n2026,5254.8AA.001,52,RM,Layanan,1000,,\n2026,5254.8AA.001,52,RM,,,13,5\n' >"$work/bad.csv"
expect_bad "bad.csv: line 3, column month: 13 is outside 1-12" budget import "$work/bad.csv"
printf 'year,activity,jenis,sumber,name,pagu,month,amount\n2026,5254.8AA.001,52,RM,Layanan,1000,,\n2026,5254.8AA.001,52,RM,,,3,500\n' >"$work/good.csv"
"$kinerja" budget import "$work/good.csv" | grep -qF "Imported 2 budget rows" || fail "import"

# The demo's sample DIPA 2023 (tools/sample) adds up to DOMAIN's figures.
sample=(--store "$work/sample.db")
"$kinerja" "${sample[@]}" init --office 407973 --name "Kanim Semarang" --kanwil JATENG --year 2023 >/dev/null
"$kinerja" "${sample[@]}" budget import "$KINERJA_SOURCE_DIR/tools/sample/semarang-2023-dipa.csv" >/dev/null
"$kinerja" "${sample[@]}" report budget --year 2023 | grep -qE '^Jumlah +Rp 15\.238\.624\.000 +Rp 15\.145\.936\.319 +99,39%$' ||
  fail "sample DIPA 2023"

"$kinerja" rebuild --check >/dev/null
"$kinerja" verify >/dev/null
echo ok
