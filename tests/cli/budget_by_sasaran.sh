#!/usr/bin/env bash
# End to end: budget per sasaran and indicator (issue 13, item 2; LKjIP Tabel 16) typed as an
# office would. Semarang's DIPA 2024 ROs are mapped to the PK's sasaran with `budget map`:
# SK1 Rp 232.141.000 / 193.260.524 → 83,25%, SK3 Rp 1.506.726.000 / 1.354.999.985 → 89,93%,
# all mapped ROs Rp 4.780.958.000 / 4.547.339.991 → 95,11%, to the printed digit; two DIPA
# lines stay unmapped ("Tidak dipetakan", outside the total) and the PK table's anggaran row
# is the mapped total, never the whole DIPA. A mapping again replaces it (both in the log);
# a mapped total differing from `target budget` is a footnote; bad input is exit 2 with
# nothing written.
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"

new_store
b() { "$kinerja" budget "$@" >/dev/null; }

b line --year 2024 --activity 5254.8HB.U01 --name "Layanan Penegakan Hukum Pro Yustisia" --jenis 52 --sumber RM --pagu 150.000.000
b line --year 2024 --activity 5254.8HB.U02 --name "Layanan Tindakan Administratif Keimigrasian" --jenis 52 --sumber RM --pagu 82.141.000
b line --year 2024 --activity 5254.8AA.001 --name "Layanan Penerbitan Dokumen Perjalanan RI" --jenis 52 --sumber RM --pagu 2.000.000.000
b line --year 2024 --activity 5254.8AA.001 --name "Layanan Penerbitan Dokumen Perjalanan RI" --jenis 52 --sumber PNBP --pagu 1.042.091.000
b line --year 2024 --activity 5254.EBA.994 --name "Layanan Perkantoran" --jenis 52 --sumber RM --pagu 1.000.000.000
b line --year 2024 --activity 5254.EBA.956 --name "Layanan Reformasi Kinerja" --jenis 52 --sumber RM --pagu 506.726.000
# Left unmapped: they are in the DIPA but fund no sasaran of the PK.
b line --year 2024 --activity 5254.CAN.001 --name "Sarana Bidang Teknologi Informasi" --jenis 53 --sumber RM --pagu 68.118.002.000
b line --year 2024 --activity 5254.EBA.962 --name "Layanan Umum (gaji)" --jenis 51 --sumber RM --pagu 6.571.370.000
b spend --year 2024 --activity 5254.8HB.U01 --month 6 --amount 50.000.000
b spend --year 2024 --activity 5254.8HB.U01 --month 12 --amount 70.000.000
b spend --year 2024 --activity 5254.8HB.U02 --month 12 --amount 73.260.524
b spend --year 2024 --activity 5254.8AA.001 --sumber RM --month 12 --amount 1.980.000.000
b spend --year 2024 --activity 5254.8AA.001 --sumber PNBP --month 12 --amount 1.019.079.482
b spend --year 2024 --activity 5254.EBA.994 --month 12 --amount 900.000.000
b spend --year 2024 --activity 5254.EBA.956 --month 12 --amount 454.999.985
b spend --year 2024 --activity 5254.CAN.001 --month 12 --amount 64.000.000.000
b spend --year 2024 --activity 5254.EBA.962 --month 12 --amount 6.481.878.894

# No mapping yet: nothing per sasaran, and the PK row is not the DIPA (nothing stated: "-").
"$kinerja" report budget --year 2024 --by sasaran 2>"$work/err" >/dev/null
grep -qF "No RO of 2024 is mapped to a sasaran (map them with \`kinerja budget map\`)" "$work/err" || fail "no mapping: $(cat "$work/err")"
"$kinerja" report pk --year 2024 --format json | json_check 'j["anggaran"] == {"pagu": None, "realisasi": None, "capaian": None}'
# A stated PK budget is the row while no RO is mapped.
"$kinerja" target budget --year 2024 --pagu 5.000.000.000 --realisasi 4.547.339.991 >/dev/null
"$kinerja" report pk --year 2024 --format json | json_check 'j["anggaran"]["pagu"] == "5000000000"'

# Bad input: exit 2 naming the flag and the reason, nothing written.
expect_bad "--activity: '5254.8HB.U1' is not an activity code kegiatan.KRO.RO (NNNN.XXX.NNN" \
  budget map --year 2024 --activity 5254.8HB.U1 --sasaran SK1
expect_bad "--year: belum ada katalog yang dimuat untuk 2019" budget map --year 2019 --activity 5254.8HB.U01 --sasaran SK1
expect_bad "--sasaran: SK9 bukan sasaran dalam katalog 2024 (SK1, SK2, SK3)" \
  budget map --year 2024 --activity 5254.8HB.U01 --sasaran SK9
expect_bad "--indicator: LAYANAN bukan indikator sasaran SK1 pada 2024 (PROYUSTISIA, TAK)" \
  budget map --year 2024 --activity 5254.8HB.U01 --sasaran SK1 --indicator LAYANAN
expect_bad "--activity: 5254.8AA.009 has no budget line in 2024; add the DIPA line first with \`kinerja budget line\`" \
  budget map --year 2024 --activity 5254.8AA.009 --sasaran SK2

"$kinerja" budget map --year 2024 --activity 5254.8HB.U01 --sasaran SK1 --indicator PROYUSTISIA |
  grep -qE '^RO 2024/5254\.8HB\.U01 mapped to SK1/PROYUSTISIA \(op seq [0-9]+\)$' || fail "map U01"
b map --year 2024 --activity 5254.8HB.U02 --sasaran SK1 --indicator TAK
b map --year 2024 --activity 5254.8AA.001 --sasaran SK1
# Mapped to the wrong sasaran: mapping it again replaces it, and both stay in the log.
before=$(op_count)
"$kinerja" budget map --year 2024 --activity 5254.8AA.001 --sasaran SK2 --indicator LAYANAN |
  grep -qF "RO 2024/5254.8AA.001 mapped to SK2/LAYANAN (was SK1)" || fail "re-map"
[ "$(op_count)" = $((before + 1)) ] || fail "a re-mapping is one new op"
"$kinerja" log --json | json_check 'len([o for o in j if o["type"] == "budget.map" and o["key"] == "2024/5254.8AA.001"]) == 2'
b map --year 2024 --activity 5254.EBA.994 --sasaran SK3
b map --year 2024 --activity 5254.EBA.956 --sasaran SK3 --indicator RB

"$kinerja" report budget --year 2024 --by sasaran >"$work/sasaran.txt"
row() { grep -qE "$1" "$work/sasaran.txt" || fail "no row $1 in: $(cat "$work/sasaran.txt")"; }
row '^SK1 +Optimalnya Penegakan Hukum Keimigrasian di Kewilayahan +Rp 232\.141\.000 +Rp 193\.260\.524 +83,25%$'
row '^PROYUSTISIA +Persentase Penegakan Hukum Pro Yustisia yang ditangani +Rp 150\.000\.000 +Rp 120\.000\.000 +80,00%$'
row '^5254\.8HB\.U01 +Layanan Penegakan Hukum Pro Yustisia +Rp 150\.000\.000 +Rp 120\.000\.000 +80,00%$'
row '^TAK +Persentase Tindakan Administratif Keimigrasian yang ditangani +Rp 82\.141\.000 +Rp 73\.260\.524 +89,19%$'
row '^SK2 +Meningkatnya Layanan Keimigrasian di Kewilayahan +Rp 3\.042\.091\.000 +Rp 2\.999\.079\.482 +98,59%$'
row '^5254\.8AA\.001 +Layanan Penerbitan Dokumen Perjalanan RI +Rp 3\.042\.091\.000 +Rp 2\.999\.079\.482 +98,59%$'
row '^SK3 +Meningkatnya Pelayanan Reformasi Birokrasi di Lingkup UPT Imigrasi +Rp 1\.506\.726\.000 +Rp 1\.354\.999\.985 +89,93%$'
row '^RB +Persentase Pelaksanaan Rencana Aksi RB +Rp 506\.726\.000 +Rp 454\.999\.985 +89,79%$'
row '^Jumlah +Rp 4\.780\.958\.000 +Rp 4\.547\.339\.991 +95,11%$'
row '^Tidak dipetakan +RO yang tidak dipetakan ke sasaran \(tidak dihitung dalam jumlah\) +Rp 74\.689\.372\.000 +Rp 70\.481\.878\.894 +94,37%$'
row '^\[1\] jumlah pagu RO yang dipetakan ke sasaran Rp 4\.780\.958\.000 tidak sama dengan anggaran PK Rp 5\.000\.000\.000 \(kinerja target budget\)$'

# JSON: plain numbers as strings with '.', the ROs under their sasaran and indicator.
"$kinerja" report budget --year 2024 --by sasaran --format json | json_check '
len(j["tables"]) == 1 and j["tables"][0]["id"] == "budget.sasaran"
and [r[0] for r in j["tables"][0]["rows"]] == ["SK1", "PROYUSTISIA", "5254.8HB.U01", "TAK", "5254.8HB.U02",
  "SK2", "LAYANAN", "5254.8AA.001", "SK3", "5254.EBA.994", "RB", "5254.EBA.956", "Jumlah", "Tidak dipetakan"]
and {r[0]: r[2:] for r in j["tables"][0]["rows"]}["SK1"] == ["232141000", "193260524", "83.25"]
and {r[0]: r[2:] for r in j["tables"][0]["rows"]}["SK3"] == ["1506726000", "1354999985", "89.93"]
and {r[0]: r[2:] for r in j["tables"][0]["rows"]}["Jumlah"] == ["4780958000", "4547339991", "95.11"]
and {r[0]: r[2:] for r in j["tables"][0]["rows"]}["Tidak dipetakan"] == ["74689372000", "70481878894", "94.37"]
and j["tables"][0]["data_per"]'

# The PK table's anggaran row is the mapped ROs' total; the stated 5.000.000.000 differing is a footnote.
"$kinerja" report pk --year 2024 >"$work/pk.txt"
grep -qE '^ +Anggaran \(pagu, realisasi, penyerapan\) +Rp 4\.780\.958\.000 +Rp 4\.547\.339\.991 +95,11%' "$work/pk.txt" ||
  fail "PK anggaran row: $(cat "$work/pk.txt")"
grep -qF "Anggaran: jumlah pagu RO yang dipetakan ke sasaran Rp 4.780.958.000 tidak sama dengan anggaran PK Rp 5.000.000.000 (kinerja target budget)" \
  "$work/pk.txt" || fail "PK footnote"
"$kinerja" report pk --year 2024 --format json | json_check '
j["anggaran"] == {"pagu": "4780958000", "realisasi": "4547339991", "capaian": "95.11"}'
# The stated total corrected to the mapped one: no footnote any more.
"$kinerja" target budget --year 2024 --pagu 4.780.958.000 --realisasi 4.547.339.991 >/dev/null
"$kinerja" report pk --year 2024 --format md | grep -qF "tidak sama dengan" && fail "footnote after the correction"
"$kinerja" report pk --year 2024 --format md | grep -qF "**Rp 4.780.958.000** | **Rp 4.547.339.991** | **95,11%**" || fail "PK md row"

# explain names the map ops and the mapped lines' ops, not the unmapped ones.
"$kinerja" explain --year 2024 --anggaran >"$work/explain.txt"
for s in "RO yang dipetakan ke sasaran PK (kinerja budget map): 5 RO, 6 baris DIPA" "budget.map 2024/5254.8HB.U01" \
  "budget.map 2024/5254.8AA.001" "budget.spend 2024/5254.8AA.001/52/PNBP/12" "budget.line 2024/5254.EBA.956/52/RM" \
  "95,11%"; do
  grep -qF "$s" "$work/explain.txt" || fail "explain lacks $s: $(cat "$work/explain.txt")"
done
grep -qF "5254.CAN.001" "$work/explain.txt" && fail "explain names an unmapped line"

# The LKjIP annex carries the table per sasaran.
"$kinerja" report lkjip --year 2024 --format md >"$work/lkjip.md"
grep -qF "## Penyerapan anggaran 2024 per sasaran kegiatan dan indikator kinerja" "$work/lkjip.md" || fail "lkjip table"
grep -qF "| **SK1** | **Optimalnya Penegakan Hukum Keimigrasian di Kewilayahan** | **Rp 232.141.000** | **Rp 193.260.524** | **83,25%** |" \
  "$work/lkjip.md" || fail "lkjip SK1 row"

"$kinerja" rebuild --check >/dev/null
"$kinerja" verify >/dev/null
echo ok
