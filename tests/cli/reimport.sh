#!/usr/bin/env bash
# Offices keep one growing spreadsheet per register: importing it again is idempotent.
# Cases: rows the register already says change nothing, a new status is a status event, new
# rows are opened, and the summary counts each; RB: importing the plan twice does not double
# it; realisasi: two different rows for the same cell are exit 2 naming both lines. Every
# refused file writes nothing.
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
new_store

# Cases: 13 TAK cases, 12 selesai and TAK-13 still ditangani.
{
  echo "kind,ref,date,subject,status,status_date"
  for i in $(seq 12); do echo "tak,TAK-$i/2024,2024-01-$((i + 10)),WNA $i,selesai,2024-02-$((i + 10))"; done
  echo "tak,TAK-13/2024,2024-03-01,WNA 13,,"
} >"$work/cases.csv"
"$kinerja" case import "$work/cases.csv" | grep -qF "13 kasus baru, 0 status diperbarui, 0 tidak berubah (25 op)" || fail "first import"
before=$(op_count)
"$kinerja" case import "$work/cases.csv" | grep -qF "0 kasus baru, 0 status diperbarui, 13 tidak berubah (0 op)" ||
  fail "the same file again is not a no-op"
[ "$(op_count)" = "$before" ] || fail "the same file again wrote ops"
# The file grows: TAK-13 is now selesai, three new cases.
sed -i 's/^tak,TAK-13\/2024,2024-03-01,WNA 13,,$/tak,TAK-13\/2024,2024-03-01,WNA 13,selesai,2024-03-15/' "$work/cases.csv"
for i in 14 15 16; do echo "tak,TAK-$i/2024,2024-04-0$((i - 10)),WNA $i,," >>"$work/cases.csv"; done
"$kinerja" case import "$work/cases.csv" | grep -qF "3 kasus baru, 1 status diperbarui, 12 tidak berubah (4 op)" ||
  fail "the grown file: $("$kinerja" case list --year 2024 | tail -2)"
[ "$(op_count)" = $((before + 4)) ] || fail "the grown file wrote other than 4 ops"
"$kinerja" case list --year 2024 --json |
  json_check "[(c['status'], c['status_date']) for c in j['cases'] if c['ref'] == 'TAK-13/2024'] == [('selesai', '2024-03-15')] and j['counts'] == [{'year': '2024', 'kind': 'tak', 'numerator': '13', 'denominator': '16'}]"
# A row contradicting its case's opening, a ref twice: exit 2 naming the line, nothing written.
sed 's/^tak,TAK-2\/2024,/proyustisia,TAK-2\/2024,/' "$work/cases.csv" >"$work/kind.csv"
expect_bad "kind.csv: line 3, column kind: 'proyustisia' differs from the register's 'tak' for case 'TAK-2/2024'" case import "$work/kind.csv"
{ cat "$work/cases.csv"; echo "tak,TAK-17/2024,2024-05-01,x,,"; echo "tak,TAK-17/2024,2024-05-01,x,,"; } >"$work/twice.csv"
expect_bad "twice.csv: line 19, column ref: case 'TAK-17/2024' appears twice" case import "$work/twice.csv"
# A case voided in the register stays voided when the file still holds it.
"$kinerja" case void TAK-16/2024 --reason "nomor salah" >/dev/null
"$kinerja" case import "$work/cases.csv" | grep -qF "0 kasus baru, 0 status diperbarui, 15 tidak berubah, 1 kasus dibatalkan dilewati (0 op)" ||
  fail "a voided case in the file"

# RB: 4 items, 3 done = 75 %; imported twice, still 4 items.
{
  echo "year,area,action,due,done,evidence"
  for q in 1 2 3; do echo "2024,Penguatan Akuntabilitas,Monitoring triwulan $q,2024-Q$q,2024-0$((3 * q))-20,https://data-dukung.example/$q.pdf"; done
  echo "2024,Penguatan Akuntabilitas,Monitoring triwulan 4,2024-Q4,,"
} >"$work/rb.csv"
"$kinerja" rb import "$work/rb.csv" | grep -qF "4 rencana aksi baru" || fail "first rb import"
before=$(op_count)
"$kinerja" rb import "$work/rb.csv" | grep -qF "0 rencana aksi baru, 0 diperbarui, 4 tidak berubah" || fail "rb import again"
[ "$(op_count)" = "$before" ] || fail "the same plan again wrote ops"
grep -qF "Rencana aksi RB 2024: 3 terlaksana dari 4 direncanakan" <<<"$("$kinerja" rb list --year 2024)" || fail "the plan doubled"
# Q4 done in the file: one item updated, 4 of 4.
sed -i 's/^2024,Penguatan Akuntabilitas,Monitoring triwulan 4,2024-Q4,,$/2024,Penguatan Akuntabilitas,Monitoring triwulan 4,2024-Q4,2024-12-10,https:\/\/data-dukung.example\/4.pdf/' "$work/rb.csv"
"$kinerja" rb import "$work/rb.csv" | grep -qF "0 rencana aksi baru, 1 diperbarui, 3 tidak berubah" || fail "rb import with Q4 done"
[ "$(op_count)" = $((before + 1)) ] || fail "Q4 done is one op"
grep -qF "4 terlaksana dari 4" <<<"$("$kinerja" rb list --year 2024)" || fail "Q4 done not counted"
# With an id column the row is the item of that ID, whatever its action says now.
id=$("$kinerja" rb list --year 2024 --json | python3 -c 'import json, sys; print([i["id"] for i in json.load(sys.stdin)["items"] if i["due"] == "2024-Q4"][0])')
printf 'id,year,area,action,due\n%s,2024,Penguatan Akuntabilitas,Monitoring dan evaluasi triwulan 4,2024-Q4\n' "$id" >"$work/rb-id.csv"
"$kinerja" rb import "$work/rb-id.csv" | grep -qF "0 rencana aksi baru, 1 diperbarui, 0 tidak berubah" || fail "rb import by id"
"$kinerja" rb list --year 2024 --json | json_check "[i['action'] for i in j['items'] if i['id'] == '$id'] == ['Monitoring dan evaluasi triwulan 4'] and len(j['items']) == 4"
printf 'id,year,area,action,due\nRB-0000-1,2024,A,B,2024-Q4\n' >"$work/rb-bad.csv"
expect_bad "rb-bad.csv: line 2, column id: no action item 'RB-0000-1'" rb import "$work/rb-bad.csv"
{ cat "$work/rb.csv"; echo "2024,Penguatan Akuntabilitas,Baru,2024-Q4,,"; echo "2024,Penguatan Akuntabilitas,Baru,2024-Q4,,"; } >"$work/rb-twice.csv"
expect_bad "rb-twice.csv: line 7: the same action item as $work/rb-twice.csv: line 6 (2024|Penguatan Akuntabilitas|Baru 2024-Q4)" rb import "$work/rb-twice.csv"
# An action done every quarter is one item per due quarter, told apart by it.
printf 'year,area,action,due
2024,Penguatan Pengawasan,Laporan monitoring,2024-Q1
2024,Penguatan Pengawasan,Laporan monitoring,2024-Q2
' >"$work/rb-rec.csv"
"$kinerja" rb import "$work/rb-rec.csv" | grep -qF "2 rencana aksi baru" || fail "a recurring action"
"$kinerja" rb import "$work/rb-rec.csv" | grep -qF "0 rencana aksi baru, 0 diperbarui, 2 tidak berubah" || fail "a recurring action again"
expect_bad "the 2024 plan has this action item of Penguatan Akuntabilitas due 2024-Q1 already" \
  rb add --year 2024 --area "Penguatan Akuntabilitas" --action "Monitoring triwulan 1" --due 2024-Q1

# Realisasi: two different rows for one cell are refused naming both lines; a repeat is skipped.
printf 'indicator,period,value,numerator,denominator,note\nLAYANAN,2024-01,,90,100,\nLAYANAN,2024-02,,95,100,\nLAYANAN,2024-01,,91,100,\n' >"$work/r.csv"
expect_bad "r.csv: line 4: LAYANAN/2024-01 is on line 2 already, with other figures" import "$work/r.csv"
"$kinerja" show --indicator LAYANAN --json | json_check "j == []"
printf 'indicator,period,value,numerator,denominator,note\nLAYANAN,2024-01,,90,100,\nLAYANAN,2024-02,,95,100,\nLAYANAN,2024-01,,90,100,\n' >"$work/r.csv"
"$kinerja" import "$work/r.csv" | grep -qF "as 2 op(s)" || fail "a repeated row"
"$kinerja" show --indicator LAYANAN --json | json_check "[(e['period'], e['numerator']) for e in j] == [('2024-01', '90'), ('2024-02', '95')]"

"$kinerja" verify >/dev/null
"$kinerja" rebuild --check >/dev/null
echo "ok: cumulative registers import again without doubling; conflicting realisasi rows are refused"
