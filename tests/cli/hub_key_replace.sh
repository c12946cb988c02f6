#!/usr/bin/env bash
# The README's procedure for replacing the hub key, with a real kinerja-hub on a free
# loopback port: the old store is archived, a new store (new key) serves the office, every
# device enrols again and learns the new key, pushes its log again and pulls the new hub
# from the start, so what one device records afterwards reaches the other.
set -euo pipefail
bin=${KINERJA_BIN_DIR:?}
source "$(dirname "$0")/lib.bash"
several_devices

start_hub
enrolled_devices a b
k a record --indicator LAYANAN --period 2024-Q1 --numerator 31 --denominator 100 >/dev/null
for s in a b; do k $s sync >/dev/null; done
# The old hub's last op is the kanwil's: b's pull cursor there is past every op the new hub
# will number the same way, so b would miss a's next op if it kept that cursor.
hub target set --office 407973 --indicator LAYANAN --period 2024 --value 95 >/dev/null
k b sync >/dev/null
old_key=$(sqlite3 a.db "SELECT value FROM meta WHERE key='sync.hub_key'")

# 1. Stop the hub and archive its store and key; 2-3. a new store, new codes, enrol again.
kill "$hub_pid"
wait "$hub_pid" 2>/dev/null || true
mkdir archive
mv hub.db* archive/
start_hub
for s in a b; do
  rc=0
  k $s sync --hub "$hub_url" >out.txt 2>&1 || rc=$?
  [ $rc = 3 ] && grep -q bad_token out.txt || fail "$s must be refused by the new hub before enrolling again ($rc): $(cat out.txt)"
  k $s enrol --hub "$hub_url" --code "$(hub enrol --office 407973 2>/dev/null)" >/dev/null
done
[ "$(sqlite3 a.db "SELECT value FROM meta WHERE key='sync.hub_key'")" != "$old_key" ] || fail "a did not learn the new key"
for s in a b; do k $s sync >/dev/null; done
k a record --indicator LAYANAN --period 2024-Q2 --numerator 32 --denominator 100 >/dev/null
k a sync >/dev/null
k b sync >/dev/null
[ "$(k b show --json | jq -r '[.[] | select(.indicator=="LAYANAN")] | length')" = 2 ] ||
  fail "b pulls what a recorded after the new key: $(k b show --json)"
hub show --office 407973 --json >h.json
cmp -s <(k a show --json) <(k b show --json) || fail "a and b differ after the new key"
[ "$(jq -r '[.[] | select(.indicator=="LAYANAN")] | length' h.json)" = 2 ] || fail "the new hub holds both values: $(cat h.json)"
