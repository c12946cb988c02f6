#!/usr/bin/env bash
# Issue 4, faults (e): push bodies forged with a valid token (an op altered with its hash
# kept, altered and re-hashed so the chain breaks, the last op re-hashed under the old
# checkpoint signature, a held op re-sent altered under its old signature; each with a
# correct body checksum, which anyone can compute) are refused with their reason, store
# nothing (not even in quarantine: only a validly signed fork is kept there), and are
# logged by the hub with office and device.
source "${KINERJA_SOURCE_DIR:?}/tests/cli/sync_faults.bash"
py=python3; [ -x /usr/bin/python3 ] && py=/usr/bin/python3  # a pyenv shim costs seconds per start
forge=$KINERJA_SOURCE_DIR/tests/cli/forge_push.py
start_hub
new_device a
record_rows a 3
sync_until_ok a 1
held=$(k a status --json | jq -r .last_seq)
record_rows a 3 3  # seqs held+1 .. held+3, one signed checkpoint, not pushed yet
token=$(sqlite3 a.db "SELECT value FROM meta WHERE key='sync.token'")
dev=$(device_of a)
[ -n "$token" ] || fail "no token in a.db"
ops_before=$(sqlite3 hub.db "SELECT count(*) || '/' || max(seq) FROM ops WHERE device='$dev'")

push_forged() {  # KIND FIRST LAST EXPECTED_CODE
  $py "$forge" a.db "$1" "$2" "$3" >"forged.$1.json"
  status=$(curl -sS -o "answer.$1.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -H "X-Kinerja-Body-Sha256: $(sha256sum <"forged.$1.json" | cut -d' ' -f1)" \
    --data-binary @"forged.$1.json" "http://127.0.0.1:$hub_port/v1/push")
  [ "$status" = 409 ] || fail "$1: HTTP $status, expected 409: $(cat "answer.$1.json")"
  [ "$(jq -r .error.code "answer.$1.json")" = "$4" ] || fail "$1: answered $(cat "answer.$1.json"), expected $4"
  [ "$(sqlite3 hub.db "SELECT count(*) || '/' || max(seq) FROM ops WHERE device='$dev'")" = "$ops_before" ] ||
    fail "$1: the hub stored something of a forged batch"
  [ "$(sqlite3 hub.db "SELECT count(*) FROM requests WHERE path='/v1/push' AND office='$office' AND device='$dev' AND status=409 AND outcome='$4'")" -ge 1 ] ||
    fail "$1: the refusal is not in the hub's request log"
  grep -q "POST /v1/push office=$office device=$dev 409 $4" hub.log || fail "$1: the refusal is not logged on stderr"
}
push_forged bad_hash $((held + 1)) $((held + 3)) bad_hash
push_forged bad_prev $((held + 1)) $((held + 3)) bad_prev
push_forged bad_checkpoint $((held + 1)) $((held + 3)) bad_checkpoint
push_forged fork "$held" $((held + 3)) bad_checkpoint
[ "$(sqlite3 hub.db "SELECT count(*) FROM quarantine WHERE device='$dev'")" = 0 ] || fail "an unsigned fork was quarantined"

# The genuine ops still go through, and nothing forged shows anywhere.
sync_until_ok a 1
check_exactly_once a
[ "$(sqlite3 hub.db "SELECT count(*) FROM ops WHERE body LIKE '%forged%'")" = 0 ] || fail "a forged op reached the hub"
echo "forged bodies refused and logged"
