#!/usr/bin/env bash
# End to end: the RB action plan through the real `kinerja` binary — add, done with a file
# or a URL as evidence, import, list --json, the quarter table (B03/B06/B09/B12) in every
# format, the RB indicator counted from the plan, and bad input (exit 2, op count unchanged).
set -euo pipefail
PATH=/usr/bin:$PATH
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
new_store
expect_bad() {  # expect_bad FRAGMENT CMD... : exit 2, message, nothing written (no op, no blob)
  local fragment=$1 before blobs
  shift
  before=$(op_count)
  blobs=$(find "$KINERJA_STORE.evidence" -type f 2>/dev/null | wc -l)
  expect_exit 2 "$fragment" "$@"
  [ "$(op_count)" = "$before" ] || fail "kinerja $* wrote ops"
  [ "$(find "$KINERJA_STORE.evidence" -type f 2>/dev/null | wc -l)" = "$blobs" ] || fail "kinerja $* wrote a blob"
}

# schema/domain.md: RB 2023, 75 action items of 75 done. 20 due per quarter (15 in Q4), each done
# in its quarter except two of Q1 done in April (late: they count from B06).
{
  echo "year,area,action,due,owner,done,evidence"
  for i in $(seq 75); do
    q=$(( (i - 1) / 20 + 1 ))
    done=2023-$(printf %02d $((3 * q)))-20
    [ "$i" -le 2 ] && done=2023-04-10
    echo "2023,Penguatan Akuntabilitas,Rencana aksi $i,2023-Q$q,199001012020121001,$done,https://data-dukung.example/rb/2023/$i.pdf"
  done
} >"$work/rb2023.csv"
grep -q "75 rencana aksi baru" <<<"$("$kinerja" rb import "$work/rb2023.csv")" || fail "import 2023"
"$kinerja" report rb --year 2023 --format json >"$work/rb2023.json"
python3 - "$work/rb2023.json" <<'PY'
import datetime, json, sys
d = json.load(open(sys.argv[1]))
q = {t["id"]: t for t in d["tables"]}["rb.quarter"]
assert q["header"] == ["Periode", "Akhir triwulan", "Rencana aksi", "Terlaksana", "Persentase"], q["header"]
want = [["B03", "2023-03-31", "20", "18", "90.00"], ["B06", "2023-06-30", "40", "40", "100.00"],
        ["B09", "2023-09-30", "60", "60", "100.00"], ["B12", "2023-12-31", "75", "75", "100.00"]]
assert q["rows"] == want, q["rows"]
assert q["data_per"] == datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"), q["data_per"]  # date of the newest op
items = {t["id"]: t for t in d["tables"]}["rb.items"]
assert len(items["rows"]) == 75 and "2 rencana aksi terlaksana setelah batas waktunya." in items["notes"], items["notes"]
PY
grep -q "Rencana aksi RB 2023: 75 terlaksana dari 75 direncanakan" <<<"$("$kinerja" rb list --year 2023)" || fail "list 2023"
grep -qE "^B12 +2023-12-31 +75 +75 +100,00%" <<<"$("$kinerja" report rb --year 2023)" || fail "people table"
grep -qF "| B03 | 2023-03-31 | 20 | 18 | 90,00% |" <<<"$("$kinerja" report rb --year 2023 --format md)" || fail "md"
grep -qF "B06,2023-06-30,40,40,100.00" <<<"$("$kinerja" report rb --year 2023 --format csv)" || fail "csv"

# 2024 (the catalogue's RB indicator): a file as evidence, a late item, an open item, and
# one done only after the year's end.
"$kinerja" target set --year 2024 --indicator RB --value 100 >/dev/null
a=$("$kinerja" rb add --year 2024 --area "Manajemen Perubahan" --action "Sosialisasi zona integritas" --due 2024-Q1 \
  --owner 199001012020121001 --program "Pembangunan Zona Integritas" --output "Laporan sosialisasi" --target "1 laporan")
b=$("$kinerja" rb add --year 2024 --area "Penataan Tata Laksana" --action "SOP layanan paspor" --due 2024-Q1)
c=$("$kinerja" rb add --year 2024 --area "Penguatan Pengawasan" --action "Pengendalian gratifikasi" --due 2024-Q2)
d=$("$kinerja" rb add --year 2024 --area "Peningkatan Kualitas Pelayanan Publik" --action "Survei kepuasan" --due 2024-Q3)
[[ "$a" =~ ^RB-[0-9A-F]{4}-[0-9]+$ ]] || fail "ID '$a' is not RB-DDDD-SEQ"
[ "$(printf '%s\n' "$a" "$b" "$c" "$d" | sort -u | wc -l)" = 4 ] || fail "IDs not unique"
head -c 70000 /dev/urandom >"$work/notulen rapat.pdf"
"$kinerja" rb done "$a" --evidence "$work/notulen rapat.pdf" --date 2024-03-28 >/dev/null
"$kinerja" rb done "$(tr A-Z a-z <<<"$b")" --evidence https://data-dukung.example/sop.pdf --date 2024-05-02 >/dev/null
"$kinerja" rb done "$d" --evidence https://data-dukung.example/survei.pdf --date 2025-01-10 >/dev/null
sha=$(sha256sum "$work/notulen rapat.pdf" | cut -d' ' -f1)
blob=$KINERJA_STORE.evidence/${sha:0:2}/${sha:2}
cmp -s "$blob" "$work/notulen rapat.pdf" || fail "the evidence is not stored under its SHA-256 with identical bytes"
[ "$(find "$KINERJA_STORE.evidence" -type f | wc -l)" = 1 ] || fail "stray files in the evidence folder"
"$kinerja" rb list --year 2024 --json | json_check "[(i['evidence'], i['program'], i['output'], i['target']) for i in j['items'] if i['id'] == '$a'] == [({'sha256': '$sha', 'name': 'notulen rapat.pdf', 'size': '70000'}, 'Pembangunan Zona Integritas', 'Laporan sosialisasi', '1 laporan')] and [i['done'] for i in j['items']] == ['2024-03-28', '2024-05-02', None, '2025-01-10'] and [(q['planned'], q['done']) for q in j['quarters']] == [('2', '1'), ('3', '2'), ('4', '2'), ('4', '2')]"
"$kinerja" report pk --year 2024 --format json |
  json_check "[(i['realisasi'], i['capaian']) for s in j['sasaran'] for i in s['indicators'] if i['code'] == 'RB'] == [('50.00', '50.00')]"
grep -qF "2 / 4 × 100" <<<"$("$kinerja" explain --indicator RB --year 2024)" || fail "explain RB"
# Done again with other evidence: a correction of the same cell.
"$kinerja" rb done "$c" --evidence "$work/notulen rapat.pdf" --date 2024-06-30 >/dev/null
"$kinerja" report rb --year 2024 --format json | json_check "j['tables'][0]['rows'][3][2:] == ['4', '3', '75.00']"

expect_bad "counted from the RB action plan" record --indicator RB --period 2024 --numerator 1 --denominator 1
expect_bad "--evidence: '$work/nope.pdf' is not a readable file" rb done "$c" --evidence "$work/nope.pdf"
expect_bad "--evidence: '$work' is not a readable file" rb done "$c" --evidence "$work"
expect_bad "no action item 'RB-0000-1'" rb done RB-0000-1 --evidence "$work/notulen rapat.pdf"
expect_bad "--due: '2024-Q5' triwulannya di luar 1-4" rb add --year 2024 --area A --action B --due 2024-Q5
expect_bad "--due: 2025-Q1 is not in the plan's year 2024" rb add --year 2024 --area A --action B --due 2025-Q1
expect_bad "--due: '2024-05' is not a quarter" rb add --year 2024 --area A --action B --due 2024-05
expect_bad "--area: is empty" rb add --year 2024 --area "" --action B --due 2024-Q1
expect_bad "--target: is empty" rb add --year 2024 --area A --action B --due 2024-Q1 --target " "
expect_bad "--owner: 'pak budi' is not a NIP" rb add --year 2024 --area A --action B --due 2024-Q1 --owner "pak budi"
expect_bad "--date: '2024-02-30' is not a day of that month" rb done "$c" --evidence https://x.example/a --date 2024-02-30
# An import is all or none, naming the line; a bad evidence file writes no blob either.
head -c 100 /dev/urandom >"$work/ok.bin"
printf 'year,area,action,due,done,evidence\n2024,A,B,2024-Q1,2024-01-05,ok.bin\n2024,A,C,2024-Q2,2024-04-01,missing.bin\n' >"$work/bad.csv"
expect_bad "bad.csv: line 3, column evidence: '$work/missing.bin' is not a readable file" rb import "$work/bad.csv"
printf 'year,area,action,due\n2024,A,B,2024-Q1\n2024,A,C,2024-Q9\n' >"$work/bad2.csv"
expect_bad "bad2.csv: line 3, column due: '2024-Q9' triwulannya di luar 1-4" rb import "$work/bad2.csv"

# Evidence sync through a real kinerja-hub on a loopback port: nothing on a metered link,
# then the file after the ops (identical bytes at the hub), then down to a second device.
export KINERJA_SYNC_ATTEMPTS=2 KINERJA_SYNC_BACKOFF_MS=10
start_hub
url=$hub_url
"$kinerja" enrol --hub "$url" --code "$(hub enrol --office 407973)" >/dev/null
KINERJA_METERED=1 "$kinerja" sync --json | json_check "j['ok'] == 'true' and j['evidence_skipped'] == 'true' and j['evidence_uploaded'] == '0'"
"$kinerja" sync --metered --json | json_check "j['evidence_skipped'] == 'true'"
[ ! -e "$work/hub.db.blobs/${sha:0:2}/${sha:2}" ] || fail "a metered sync uploaded evidence"
"$kinerja" sync --json | json_check "j['evidence_skipped'] == 'false' and j['evidence_uploaded'] == '1' and j['evidence_pending'] == '0'"
cmp -s "$work/hub.db.blobs/${sha:0:2}/${sha:2}" "$work/notulen rapat.pdf" || fail "the hub's copy differs"
"$kinerja" sync --json | json_check "j['evidence_uploaded'] == '0'"
kb() { "$kinerja" --store "$work/b.db" "$@"; }
kb init --office 407973 --name "Kantor Imigrasi Kelas I Khusus TPI Semarang" --kanwil JATENG >/dev/null
kb enrol --hub "$url" --code "$(hub enrol --office 407973)" >/dev/null
kb sync --json | json_check "j['evidence_downloaded'] == '1' and j['evidence_pending'] == '0'"
cmp -s "$work/b.db.evidence/${sha:0:2}/${sha:2}" "$work/notulen rapat.pdf" || fail "the second device's copy differs"
[ "$(kb rb list --year 2023 --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))')" = 75 ] || fail "b lacks the plan"

"$kinerja" verify >/dev/null
"$kinerja" rebuild --check >/dev/null
echo "rb: ok"
