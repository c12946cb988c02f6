#!/usr/bin/env bash
# `kinerja verify` passes on an intact store and, after an op is altered by hand with the
# sqlite3 shell (its trigger dropped first), exits 1 naming the first broken seq.
set -euo pipefail
source "$(dirname "$0")/lib.bash"
new_store
for q in 1 2 3 4; do
  "$kinerja" record --indicator LAYANAN --period 2024-Q$q --numerator $((100 + q)) --denominator 200 >/dev/null
done
expect_exit 0 "ok: 6 ops from 1 device(s), 5 signed checkpoints" verify
[ "$(wc -l <"$work/out")" = 1 ] || fail "verify printed more than one line"
"$kinerja" verify --json | json_check 'j == {"ok": "true", "ops": "6", "devices": "1", "checkpoints": "5"}'

if sqlite3 "$KINERJA_STORE" "UPDATE ops SET body=replace(body,'103','193') WHERE seq=5" 2>/dev/null; then
  fail "the append-only trigger let an UPDATE through"
fi
expect_exit 0 "ok:" verify

sqlite3 "$KINERJA_STORE" "DROP TRIGGER ops_append_only_update;
  UPDATE ops SET body=replace(body,'103','193') WHERE seq=5;
  UPDATE ops SET body=replace(body,'104','194') WHERE seq=6;"
device=$("$kinerja" status --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["device"])')
expect_exit 1 "BROKEN at seq 5 of device $device: hash does not match the op's content" verify
rc=0
"$kinerja" verify --json >"$work/v.json" || rc=$?
[ "$rc" = 1 ] || fail "verify --json exited $rc"
json_check 'j["ok"] == "false" and j["seq"] == "5" and "hash" in j["reason"]' <"$work/v.json"
echo "ok: tampering found at seq 5"
