#!/usr/bin/env bash
# The --json output of status, log, show and rebuild that scripts rely on: field names,
# every number a string, newest op last, corrections marked by body.base.
set -euo pipefail
source "$(dirname "$0")/lib.bash"
new_store
"$kinerja" record --indicator LAYANAN --period 2024-Q1 --numerator 380 --denominator 400 --note "hitungan awal" >/dev/null
"$kinerja" record --indicator LAYANAN --period 2024-Q1 --numerator 399 --denominator 400 >/dev/null
"$kinerja" record --indicator LAYANAN --period 2024-Q2 --numerator 20.512 --denominator 21.300 >/dev/null

"$kinerja" status --json | json_check 'set(j) >= {"office", "name", "kanwil", "device", "author", "store", "ops", "last_seq", "catalogues"}
  and j["office"] == "407973" and j["kanwil"] == "JATENG" and j["author"] == "199001"
  and j["ops"] == "5" and j["last_seq"] == "5" and j["catalogues"] == ["2024"]
  and j["store"] == "'"$KINERJA_STORE"'" and j["device"].startswith("d")'

"$kinerja" log --json | json_check 'len(j) == 5
  and all(set(o) == {"v", "office", "device", "seq", "hlc", "author", "type", "key", "body", "prev", "hash"} for o in j)
  and [o["seq"] for o in j] == ["1", "2", "3", "4", "5"]
  and [o["type"] for o in j] == ["office", "catalogue", "value", "value", "value"]
  and all(o["prev"] == p["hash"] for p, o in zip(j, j[1:]))
  and j[3]["body"]["base"] == j[2]["hash"] and "base" not in j[2]["body"]
  and all(isinstance(v, str) for o in j[2:] for v in o["body"].values())'
"$kinerja" log --json --limit 2 | json_check '[o["seq"] for o in j] == ["4", "5"]'
"$kinerja" log --limit 1 | grep -q "LAYANAN/2024-Q2" || fail "log --limit 1 does not show the newest op"
"$kinerja" log | awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "koreksi") c = i }
  /LAYANAN\/2024-Q1/ { mark = $c } END { exit mark != "ya" }' || fail "log does not mark the correction"

"$kinerja" show --json | json_check 'j == [
  {"indicator": "LAYANAN", "period": "2024-Q1", "numerator": "399", "denominator": "400", "device": j[0]["device"], "seq": "4", "hlc": j[0]["hlc"]},
  {"indicator": "LAYANAN", "period": "2024-Q2", "numerator": "20512", "denominator": "21300",
   "device": j[1]["device"], "seq": "5", "hlc": j[1]["hlc"]}]'
"$kinerja" show --indicator LAYANAN --json | json_check 'len(j) == 2 and j[0]["indicator"] == "LAYANAN"'
"$kinerja" show --indicator TAK --json | json_check 'j == []'
"$kinerja" show --year 2025 --json | json_check 'j == []'
"$kinerja" show | grep -q "Triwulan I 2024" || fail "show does not label the quarter in Indonesian"
"$kinerja" show | grep -qE '^LAYANAN +Triwulan II 2024 +20\.512 +21\.300' || fail "show does not print counts Indonesian style"

"$kinerja" rebuild --check --json | json_check 'j == {"ops": "5", "cells": "4", "identical": "true", "differences": []}'
sqlite3 "$KINERJA_STORE" "UPDATE cells SET body=replace(body,'399','398') WHERE key='LAYANAN/2024-Q1'"
rc=0
"$kinerja" rebuild --check --json >"$work/r.json" || rc=$?
[ "$rc" = 1 ] || fail "rebuild --check of an altered state exited $rc"
json_check 'j["identical"] == "false" and j["differences"] == ["value LAYANAN/2024-Q1: differs from the log"]' <"$work/r.json"
"$kinerja" rebuild | grep -q "replaced" || fail "rebuild did not say it replaced the state"
"$kinerja" rebuild --check | grep -q "identical" || fail "rebuild did not repair the state"
"$kinerja" show --json | json_check 'j[0]["numerator"] == "399"'
echo "ok: status, log, show and rebuild JSON shapes"
