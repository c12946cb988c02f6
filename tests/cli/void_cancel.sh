#!/usr/bin/env bash
# Mistakes undone visibly (void_register.hpp): an RB item added by mistake is cancelled, a
# case opened under a wrong reference, a survey month and a month's realisasi are voided, a
# risk and an innovation archived. Each void is an op kept in the log, the entry is listed
# with its reason, and every figure leaves it out. Voiding twice, an unknown entry or no
# reason is exit 2 with nothing written. A cancel made on one device reaches another
# through a real hub.
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
new_store

# listed ENTRY MARK SUMMARY ARGS…: `kinerja ARGS` prints ENTRY on a line with MARK, and SUMMARY.
listed() {
  local entry=$1 mark=$2 summary=$3
  shift 3
  "$kinerja" "$@" >"$work/list.txt"
  grep -F -- "$entry" "$work/list.txt" | grep -qF -- "$mark" || fail "kinerja $* does not mark $entry '$mark': $(cat "$work/list.txt")"
  grep -qF -- "$summary" "$work/list.txt" || fail "kinerja $* does not say '$summary': $(cat "$work/list.txt")"
}

pk_realisasi() {  # pk_realisasi CODE: the indicator's realisasi in `report pk --year 2024 --format json`
  "$kinerja" report pk --year 2024 --format json |
    python3 -c "import json, sys; print([i['realisasi'] for s in json.load(sys.stdin)['sasaran'] for i in s['indicators'] if i['code'] == '$1'][0])"
}

# RB: 3 of 4 items done = 75 %; a junk item makes it 3 of 5 = 60 %; cancelled, 75 % again.
"$kinerja" target set --year 2024 --indicator RB --value 100 >/dev/null
ids=()
for q in 1 2 3 4; do
  ids+=("$("$kinerja" rb add --year 2024 --area "Penguatan Akuntabilitas" --action "Monitoring triwulan $q" --due 2024-Q$q)")
done
for q in 1 2 3; do
  "$kinerja" rb done "${ids[$((q - 1))]}" --evidence "https://data-dukung.example/rb/$q.pdf" --date 2024-0$((3 * q))-20 >/dev/null
done
[ "$(pk_realisasi RB)" = 75.00 ] || fail "RB with 3 of 4 done is not 75.00: $(pk_realisasi RB)"
junk=$("$kinerja" rb add --year 2024 --area "Penguatan Akuntabilitas" --action "coba-coba" --due 2024-Q4)
[ "$(pk_realisasi RB)" = 60.00 ] || fail "RB with a junk item is not 60.00"
before=$(op_count)
"$kinerja" rb cancel "$junk" --reason "salah input" | grep -qF "Rencana aksi $junk dibatalkan: salah input" || fail "cancel output"
[ "$(op_count)" = $((before + 1)) ] || fail "a cancel is one new op"
[ "$(pk_realisasi RB)" = 75.00 ] || fail "RB after the cancel is not 75.00 again"
listed "$junk" "[BATAL: salah input]" "Rencana aksi RB 2024: 3 terlaksana dari 4 direncanakan" rb list --year 2024
"$kinerja" rb list --year 2024 --json |
  json_check "[(i['id'], i['voided'], i['void_reason']) for i in j['items'] if i['voided']] == [('$junk', True, 'salah input')] and j['quarters'][3]['planned'] == '4'"
"$kinerja" report rb --year 2024 --format json |
  json_check "j['tables'][0]['rows'][3][2:] == ['4', '3', '75.00'] and len(j['tables'][1]['rows']) == 4 and 'Dibatalkan, tidak dihitung: $junk coba-coba [BATAL: salah input]' in j['tables'][1]['notes']"
grep -qF "3 / 4 × 100" <<<"$("$kinerja" explain --indicator RB --year 2024)" || fail "explain RB counts the cancelled item"
"$kinerja" log --json | json_check "[(o['key'], o['body']['reason'], o['body']['target']) for o in j if o['type'] == 'void'] == [('rb|$junk', 'salah input', 'rb')]"
expect_bad "rencana aksi '$junk' sudah dibatalkan (alasan: salah input)" rb cancel "$junk" --reason "lagi"
expect_bad "tidak ada rencana aksi 'RB-0000-1'" rb cancel RB-0000-1 --reason "salah"
expect_bad "--reason: wajib diisi" rb cancel "${ids[3]}"
expect_bad "--reason: is empty" rb cancel "${ids[3]}" --reason " "
expect_bad "rencana aksi '$junk' telah dibatalkan" rb done "$junk" --evidence https://data-dukung.example/x.pdf

# Cases: TAK 2 selesai of 2, Pro Yustisia 1 ditindaklanjuti of 1; one wrong reference of each.
"$kinerja" case open --kind tak --ref TAK-1/2024 --date 2024-01-10 >/dev/null
"$kinerja" case open --kind tak --ref TAK-2/2024 --date 2024-02-10 >/dev/null
"$kinerja" case open --kind proyustisia --ref PY-1/2024 --date 2024-03-10 >/dev/null
"$kinerja" case update TAK-1/2024 --status selesai --date 2024-01-20 >/dev/null
"$kinerja" case update TAK-2/2024 --status selesai --date 2024-02-20 >/dev/null
"$kinerja" case update PY-1/2024 --status ditindaklanjuti --date 2024-03-20 >/dev/null
"$kinerja" case open --kind tak --ref TAK-02/2024 --date 2024-02-10 >/dev/null
"$kinerja" case open --kind proyustisia --ref PY-01/2024 --date 2024-03-10 >/dev/null
[ "$(pk_realisasi TAK)" = 66.67 ] && [ "$(pk_realisasi PROYUSTISIA)" = 50.00 ] || fail "cases before the void"
"$kinerja" case void TAK-02/2024 --reason "nomor salah, seharusnya TAK-2/2024" >/dev/null
"$kinerja" case void PY-01/2024 --reason "nomor ganda" >/dev/null
[ "$(pk_realisasi TAK)" = 100.00 ] || fail "the voided TAK case still counts: $(pk_realisasi TAK)"
[ "$(pk_realisasi PROYUSTISIA)" = 100.00 ] || fail "the voided Pro Yustisia case still counts"
listed TAK-02/2024 "[BATAL: nomor salah, seharusnya TAK-2/2024]" "TAK 2024: 2 selesai dari 2 ditangani" case list --year 2024
"$kinerja" case list --year 2024 --json |
  json_check "[(c['ref'], c['void_reason']) for c in j['cases'] if c['voided']] == [('TAK-02/2024', 'nomor salah, seharusnya TAK-2/2024'), ('PY-01/2024', 'nomor ganda')] and {c['kind']: c['denominator'] for c in j['counts']} == {'proyustisia': '1', 'tak': '2'}"
expect_bad "kasus 'TAK-02/2024' sudah dibatalkan" case void TAK-02/2024 --reason "lagi"
expect_bad "tidak ada kasus 'TAK-9/2024'" case void TAK-9/2024 --reason "salah"
expect_bad "kasus 'TAK-02/2024' telah dibatalkan" case update TAK-02/2024 --status selesai --date 2024-02-20
expect_bad "already in the register" case open --kind tak --ref TAK-02/2024 --date 2024-02-10

# Surveys: ILK (3,98 × 40 + 2,00 × 40) / 80 = 2,99 with a mistyped February; voided, 3,98.
"$kinerja" survey record --survey ILK --period 2024-01 --value 3,98 --respondents 40 >/dev/null
"$kinerja" survey record --survey ILK --period 2024-02 --value 2,00 --respondents 40 >/dev/null
grep -qF "ILK 2024: 2,99 (80 responden, 2 bulan)" <<<"$("$kinerja" survey list --year 2024)" || fail "survey before the void"
"$kinerja" survey void --survey ILK --period 2024-02 --reason "salah ketik" >/dev/null
listed Februari "[BATAL: salah ketik]" "ILK 2024: 3,98 (40 responden, 1 bulan)" survey list --year 2024
[ "$(pk_realisasi ILK)" = 3.98 ] || fail "ILK realisasi counts the voided month: $(pk_realisasi ILK)"
"$kinerja" report survey --year 2024 --format json | json_check "'Dibatalkan, tidak dihitung: ILK Februari 2024 [BATAL: salah ketik]' in j['tables'][0]['notes']"
expect_bad "survei ILK 2024-02 sudah dibatalkan" survey void --survey ILK --period 2024-02 --reason "lagi"
expect_bad "tidak ada survei ILK 2024-03" survey void --survey ILK --period 2024-03 --reason "salah"
# Recorded again, the month stands: a later write of the cell outlives the void of the earlier one.
"$kinerja" survey record --survey ILK --period 2024-02 --value 3,90 --respondents 40 >/dev/null
grep -qF "ILK 2024: 3,94 (80 responden, 2 bulan)" <<<"$("$kinerja" survey list --year 2024)" || fail "the month recorded again"

# Budget: pagu Rp 1.000.000 with January Rp 100.000 and a February typed Rp 900.000 (100 %);
# the month voided gives 10 %, a line added under a wrong code voided leaves the total pagu.
"$kinerja" budget line --year 2024 --activity 5254.8AA.001 --name "Layanan paspor" --jenis 52 --sumber RM --pagu 1000000 >/dev/null
"$kinerja" budget line --year 2024 --activity 5254.8AA.009 --name "Kode salah" --jenis 52 --sumber RM --pagu 500000 >/dev/null
"$kinerja" budget spend --year 2024 --activity 5254.8AA.001 --month 1 --amount 100000 >/dev/null
"$kinerja" budget spend --year 2024 --activity 5254.8AA.001 --month 2 --amount 900000 >/dev/null
"$kinerja" budget void --year 2024 --activity 5254.8AA.001 --month 2 --reason "salah ketik, Rp 90.000" >/dev/null
"$kinerja" budget void --year 2024 --activity 5254.8AA.009 --reason "kode kegiatan salah" >/dev/null
"$kinerja" report budget --year 2024 --format json >"$work/budget.json"
python3 - "$work/budget.json" <<'PY'
import json, sys
t = {t["id"]: t for t in json.load(open(sys.argv[1]))["tables"]}
assert t["budget.activity"]["rows"] == [["5254.8AA.001", "Layanan paspor", "1000000", "100000", "10.00"],
                                        ["Jumlah", "", "1000000", "100000", "10.00"]], t["budget.activity"]["rows"]
notes = t["budget.line"]["notes"]
assert "Dibatalkan, tidak dihitung: 5254.8AA.001 52/RM Februari 2024 Rp 900.000 [BATAL: salah ketik, Rp 90.000]" in notes, notes
assert "Dibatalkan, tidak dihitung: 5254.8AA.009 52/RM pagu Rp 500.000 [BATAL: kode kegiatan salah]" in notes, notes
PY
"$kinerja" budget list --year 2024 --json |
  json_check "[l['realisasi'] for l in j['lines']] == ['100000'] and [(v['type'], v['void_reason']) for v in j['voided']] == [('budget.line', 'kode kegiatan salah'), ('budget.spend', 'salah ketik, Rp 90.000')]"
grep -qF "[BATAL: kode kegiatan salah]" <<<"$("$kinerja" budget list --year 2024)" || fail "budget list does not name the voided line"
expect_bad "realisasi 2024/5254.8AA.001/52/RM/02 sudah dibatalkan" budget void --year 2024 --activity 5254.8AA.001 --month 2 --reason x
expect_bad "tidak ada realisasi 2024/5254.8AA.001/52/RM/03" budget void --year 2024 --activity 5254.8AA.001 --month 3 --reason x
expect_bad "baris anggaran 2024/5254.8AA.009/52/RM telah dibatalkan" budget spend --year 2024 --activity 5254.8AA.009 --month 1 --amount 1

# Risks and innovations: archived, listed with the reason, left out of the report tables.
r1=$("$kinerja" risk add --year 2024 --sasaran SK3 --indicator RB --risiko "Rencana aksi terlambat" \
  --perlakuan "Monitoring bulanan" --pj "Ketua Tim RB" --keberhasilan "100% terlaksana")
r2=$("$kinerja" risk add --year 2024 --sasaran SK1 --risiko "Duplikat" --perlakuan "-" --pj "-" --keberhasilan "-")
"$kinerja" risk archive "$r2" --reason "tercatat dua kali" | grep -qF "Risiko $r2 diarsipkan: tercatat dua kali" || fail "archive output"
"$kinerja" report risks --year 2024 --format json |
  json_check "[r[0] for r in j['tables'][0]['rows']] == ['$r1'] and 'Diarsipkan, tidak dihitung: $r2 Duplikat [DIARSIPKAN: tercatat dua kali]' in j['tables'][0]['notes']"
grep -F "$r2" <<<"$("$kinerja" risk list)" | grep -qF "[DIARSIPKAN: tercatat dua kali]" || fail "risk list"
expect_bad "risiko '$r2' sudah diarsipkan" risk archive "$r2" --reason lagi
expect_bad "risiko '$r2' telah diarsipkan" risk edit "$r2" --perlakuan "x"
i1=$("$kinerja" innovation add --year 2024 --name PERSARI --kepanjangan "Pelayanan Sabtu Ceria" --kategori layanan \
  --deskripsi "Layanan paspor hari Sabtu" --tujuan "Layanan di luar hari kerja" --output "Permohonan selesai" \
  --cadence "setiap Sabtu" --status berjalan)
"$kinerja" innovation archive "$i1" --reason "tidak berjalan lagi" >/dev/null
"$kinerja" innovation list --json | json_check "[(v['id'], v['voided'], v['void_reason']) for v in j['innovations']] == [('$i1', True, 'tidak berjalan lagi')]"
expect_exit 0 "" report innovations --year 2024 --format json
grep -qF '"tables": []' "$work/out" || fail "an archived innovation is still in the report: $(cat "$work/out")"
expect_bad "tidak ada inovasi 'IN-0000-1'" innovation archive IN-0000-1 --reason x

"$kinerja" verify >/dev/null
"$kinerja" rebuild --check >/dev/null

# Through a real hub: device a cancels an item, device b sees it cancelled and RB at 75 %.
several_devices
start_hub
enrolled_devices a b
for q in 1 2 3 4; do
  k a rb add --year 2024 --area "Penguatan Akuntabilitas" --action "Monitoring triwulan $q" --due 2024-Q$q >/dev/null
done
k a rb list --year 2024 --json | python3 -c 'import json, sys; print("\n".join(i["id"] for i in json.load(sys.stdin)["items"]))' >"$work/ids"
for q in 1 2 3; do k a rb done "$(sed -n ${q}p "$work/ids")" --evidence https://data-dukung.example/$q.pdf --date 2024-0$((3 * q))-20 >/dev/null; done
junk=$(k a rb add --year 2024 --area "Penguatan Akuntabilitas" --action "coba-coba" --due 2024-Q4)
k a sync >/dev/null
k b sync >/dev/null
grep -qF "3 terlaksana dari 5" <<<"$(k b rb list --year 2024)" || fail "b before the cancel"
k a rb cancel "$junk" --reason "salah input" >/dev/null
k a sync >/dev/null
k b sync >/dev/null
listed "$junk" "[BATAL: salah input]" "3 terlaksana dari 4" --store "$work/b.db" rb list --year 2024
rc=0; k b rb cancel "$junk" --reason "lagi" >"$work/out" 2>&1 || rc=$?
[ "$rc" = 2 ] && grep -qF "sudah dibatalkan" "$work/out" || fail "b may cancel the item a cancelled (exit $rc)"
[ "$(k b log --json | jq '[.[] | select(.type == "void")] | length')" = 1 ] || fail "b's log holds the void op"
k b verify >/dev/null
echo "ok: cancels and voids are ops, listed with their reasons, left out of every figure, and synced"
