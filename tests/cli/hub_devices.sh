#!/usr/bin/env bash
# Issue 10, points 10-12, against a real kinerja-hub on a free loopback port: enrolment
# proves possession of the device key (a used code plus a victim's public id and key, which
# every office-mate pulls, gets 403 and the victim keeps its token); codes expire by hub
# time, are single-use and kept hashed; `device revoke` and `office deactivate` refuse
# tokens with a reason the client prints, and keep the data office-mates pull.
set -euo pipefail
bin=${KINERJA_BIN_DIR:?}
source "$(dirname "$0")/lib.bash"
several_devices
new_device() {
  k "$1" init --office 407973 --name "Kantor Imigrasi Kelas I Khusus TPI Semarang" --kanwil JATENG --year 2024 >/dev/null
}

start_hub
for s in a b; do new_device $s; done
code_a=$(hub enrol --office 407973)
k a enrol --hub "$hub_url" --code "$code_a" >/dev/null
k b enrol --hub "$hub_url" --code "$(hub enrol --office 407973)" >/dev/null
k a record --indicator LAYANAN --period 2024-Q1 --numerator 31 --denominator 100 >/dev/null
k a sync >/dev/null
k b sync >/dev/null
dev_a=$(k a status --json | jq -r .device)
dev_b=$(k b status --json | jq -r .device)

# Codes are kept hashed: the plain code is nowhere in the hub's files.
! grep -qF "$code_a" hub.db* || fail "the hub store holds an enrolment code in the clear"

# 10. An office-mate holds a's used code and pulled a's public key: without a's private key,
# its enrolment as a is refused (403 bad_signature) and a's token still works.
pub_a=$(sqlite3 b.db "SELECT public_key FROM devices WHERE device='$dev_a'")
[ -n "$pub_a" ] || fail "b did not pull a's public key"
steal() {  # SIG: posts an enrolment as device a with a's used code and signature SIG
  jq -nc --arg c "$code_a" --arg d "$dev_a" --arg p "$pub_a" --arg s "$1" \
    '{v:"1",code:$c,office:"407973",device:$d,public_key:$p,sig:$s}' >steal.json
  curl -sS -o steal.out -w '%{http_code}' -H 'Content-Type: application/json' \
    -H "X-Kinerja-Body-Sha256: $(sha256sum <steal.json | cut -d' ' -f1)" --data-binary @steal.json "$hub_url/v1/enrol"
}
sig_b=$(sqlite3 b.db "SELECT sig FROM checkpoints WHERE device='$dev_b' ORDER BY seq DESC LIMIT 1")
for sig in "$(printf '0%.0s' $(seq 128))" "$sig_b" "not hex"; do
  status=$(steal "$sig")
  [ "$status" = 403 ] && [ "$(jq -r .error.code steal.out)" = bad_signature ] ||
    fail "enrolling as a without a's key: HTTP $status $(cat steal.out), expected 403 bad_signature"
done
jq -c 'del(.sig)' steal.json >nosig.json
status=$(curl -sS -o steal.out -w '%{http_code}' -H "X-Kinerja-Body-Sha256: $(sha256sum <nosig.json | cut -d' ' -f1)" \
  --data-binary @nosig.json "$hub_url/v1/enrol")
[ "$status" = 400 ] && jq -r .error.message steal.out | grep -q "'sig'" || fail "an enrolment without sig: $status $(cat steal.out)"
k a record --indicator LAYANAN --period 2024-Q2 --numerator 32 --denominator 100 >/dev/null
[ "$(k a sync --json | jq -r .pushed_ops)" = 1 ] || fail "a's token must still work after the takeover attempts"
# The real device presenting its used code again (its answer was lost) signs it: a new token.
k a enrol --hub "$hub_url" --code "$code_a" >/dev/null
k a sync >/dev/null
expect_rc 3 code_used k b enrol --hub "$hub_url" --code "$code_a"

# 11. Codes expire by hub time; --expires is checked before anything is written.
expect_rc 2 "--expires" hub enrol --office 407973 --expires 0s
expect_rc 2 "--expires" hub enrol --office 407973 --expires 3w
expect_rc 2 "--expires" hub enrol --office 407973 --expires 31d
[ "$(sqlite3 hub.db "SELECT count(*) FROM enrol_codes")" = 2 ] || fail "a refused --expires wrote a code"
hub enrol --office 407973 >/dev/null 2>&1
hours=$(sqlite3 hub.db "SELECT round((julianday(expires_at) - julianday(created_at)) * 24) FROM enrol_codes ORDER BY created_at DESC LIMIT 1")
[ "$hours" = 72.0 ] || fail "a code is valid 72 h by default, got $hours h"
short=$(hub enrol --office 407973 --expires 1s 2>/dev/null)
new_device c
sleep 2
expect_rc 3 "code_expired" k c enrol --hub "$hub_url" --code "$short"
grep -q "ask the kanwil for a new one" out.txt || fail "the expiry message says what to do: $(cat out.txt)"
k c enrol --hub "$hub_url" --code "$(hub enrol --office 407973 --expires 10m 2>/dev/null)" >/dev/null

# 12. Revoking a device: its token is refused with the reason; its ops stay and are pulled.
hub device list --office 407973 --json >devices.json
[ "$(jq -r 'length' devices.json)" = 3 ] && [ "$(jq -r '[.[].status] | unique | join(",")' devices.json)" = active ] ||
  fail "three active devices: $(cat devices.json)"
[ "$(jq -r --arg d "$dev_a" '.[] | select(.device==$d) | .ops_held' devices.json)" = "$(sqlite3 a.db "SELECT count(*) FROM ops WHERE device='$dev_a'")" ] ||
  fail "device list counts a's ops: $(cat devices.json)"
hub device revoke --device "$dev_a" --reason "laptop stolen" | grep -q revoked || fail "revoke prints what it did"
k a record --indicator LAYANAN --period 2024-Q3 --numerator 33 --denominator 100 >/dev/null
expect_rc 3 "device_revoked" k a sync
grep -q "laptop stolen" out.txt || fail "the client prints the kanwil's reason: $(cat out.txt)"
expect_rc 3 "device_revoked" k a enrol --hub "$hub_url" --code "$(hub enrol --office 407973 2>/dev/null)"
hub device revoke --device "$dev_a" --reason "again" | grep -q "already" || fail "a second revoke says so"
hub device list --office 407973 --json >devices.json
[ "$(jq -r --arg d "$dev_a" '.[] | select(.device==$d) | .status + "/" + .reason' devices.json)" = "revoked/laptop stolen" ] ||
  fail "device list shows the revocation: $(cat devices.json)"
hub device list --office 407973 | grep -q "$dev_a .*revoked at .*laptop stolen" || fail "the text listing shows it"
k c sync >/dev/null
[ "$(k c show --json | jq -r '[.[] | select(.indicator=="LAYANAN")] | length')" = 2 ] ||
  fail "an office-mate still pulls the revoked device's ops"
expect_rc 2 "not a device enrolled" hub device revoke --device d0000000000000000
expect_rc 2 "the hub itself" hub device revoke --device "$(sqlite3 hub.db "SELECT value FROM meta WHERE key='device'")"
expect_rc 2 "--office" hub device list --office 999999

# Deactivating the office refuses all its devices and keeps its data; activate undoes it.
hub office deactivate --office 407973 >/dev/null
[ "$(hub offices --json | jq -r '.[0].status')" = inactive ] || fail "offices --json shows the office inactive"
hub offices | grep -q "407973 .* inactive" || fail "the offices listing shows the status"
expect_rc 3 "office_inactive" k b sync
expect_rc 2 "deactivated" hub enrol --office 407973
[ "$(hub device list --office 407973 --json | jq -r --arg d "$dev_b" '.[] | select(.device==$d) | .status')" = office_inactive ] ||
  fail "device list shows b refused with its office"
ops_held=$(hub offices --json | jq -r '.[0].ops_held')
hub office activate --office 407973 >/dev/null
[ "$(hub offices --json | jq -r '.[0].status + "/" + .[0].ops_held')" = "active/$ops_held" ] || fail "activated, data kept"
k b sync >/dev/null
cmp -s <(k b show --json) <(k c show --json) || fail "b and c agree after the office is active again"
