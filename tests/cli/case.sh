#!/usr/bin/env bash
# End to end: the case register through the real `kinerja` binary — open, update, import,
# list --json, and bad input (exit 2, op count unchanged).
set -euo pipefail
source "$(dirname "$0")/lib.bash"
k=$kinerja
ops() { "$k" status --json | sed -n 's/.*"ops": "\([0-9]*\)".*/\1/p'; }
expect_bad() {  # expect_bad FRAGMENT CMD... : exit 2, message on stderr, nothing written
  local fragment=$1; shift
  local before; before=$(ops)
  set +e; "$k" "$@" 2>"$work/err" >/dev/null; local rc=$?; set -e
  [ "$rc" = 2 ] || fail "$* exited $rc, expected 2"
  grep -qF -- "$fragment" "$work/err" || fail "$*: stderr lacks '$fragment': $(cat "$work/err")"
  [ "$(ops)" = "$before" ] || fail "$* wrote ops"
}

"$k" init --office 407973 --name "Kanim Semarang" --kanwil JATENG >/dev/null
"$k" case import "$KINERJA_SOURCE_DIR/tools/sample/semarang-2024-cases.csv" | grep -q "86 kasus baru, 0 status diperbarui, 0 tidak berubah"
"$k" case open --kind proyustisia --ref PY-02/2024 --date 2024-11-02 --subject "WNA tanpa izin tinggal" --location Semarang >/dev/null
"$k" case update PY-02/2024 --status dihentikan --date 2024-12-01 --note SP3 >/dev/null
"$k" case list --year 2024 --json >"$work/list.json"
python3 - "$work/list.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
counts = {c["kind"]: (c["numerator"], c["denominator"]) for c in d["counts"]}
assert counts == {"proyustisia": ("1", "2"), "tak": ("85", "85")}, counts
py2 = [c for c in d["cases"] if c["ref"] == "PY-02/2024"][0]
assert py2["status"] == "dihentikan" and py2["events"][0]["note"] == "SP3", py2
assert len(d["cases"]) == 87
PY
"$k" case list --year 2024 | grep -q "Pro Yustisia 2024: 1 ditindaklanjuti dari 2 ditangani" || fail "list summary"

expect_bad "already in the register" case open --kind tak --ref TAK-001/2024 --date 2024-03-01
expect_bad "--date: '2024-13-01' has a month outside 1-12" case open --kind tak --ref X-1 --date 2024-13-01
expect_bad "no case 'NOPE'" case update NOPE --status selesai
expect_bad "--status: 'beres'" case update PY-02/2024 --status beres
expect_bad "counted from the case register" record --indicator TAK --period 2024 --numerator 85 --denominator 85
printf 'kind,ref,date\ntak,N-1,2024-01-01\ntak,N-2,2024-02-31\n' >"$work/bad.csv"
expect_bad "bad.csv: line 3, column date" case import "$work/bad.csv"
"$k" rebuild --check >/dev/null
"$k" verify >/dev/null
echo ok
