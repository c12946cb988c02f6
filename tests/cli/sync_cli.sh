#!/usr/bin/env bash
# End-to-end sync through the two command lines and a real kinerja-hub on a free loopback
# port: enrol two devices of one office (second device = `kinerja init` of the same office,
# then `kinerja enrol` with its own code), offline edits of the same cell, sync, identical
# `show --json` on both devices and the hub, `conflicts`, `status`, a locked period
# (exit 3, kept and listed), and a hub that is down (exit 1 naming the cause, no success).
set -euo pipefail
bin=${KINERJA_BIN_DIR:?}
source "$(dirname "$0")/lib.bash"
cd "$work"
export KINERJA_SYNCHRONOUS=OFF KINERJA_SYNC_ATTEMPTS=2 KINERJA_SYNC_BACKOFF_MS=10 KINERJA_SYNC_CONNECT_TIMEOUT_MS=2000
ka() { "$bin/kinerja" --store a.db "$@"; }
kb() { "$bin/kinerja" --store b.db "$@"; }

start_hub
url=$hub_url

for s in a b; do
  "$bin/kinerja" --store $s.db init --office 407973 --name "Kantor Imigrasi Kelas I Khusus TPI Semarang" --kanwil JATENG --year 2024 >/dev/null
  "$bin/kinerja" --store $s.db enrol --hub "$url" --code "$(hub enrol --office 407973)" >/dev/null
done
code=$(hub enrol --office 407973)
ka enrol --hub "$url" --code "$code" >/dev/null
rc=0; kb enrol --hub "$url" --code "$code" 2>err.txt || rc=$?
[ $rc = 3 ] && grep -q code_used err.txt || fail "a used enrolment code must be refused with exit 3 (got $rc)"

ka sync --json > s1.json
[ "$(jq -r .ok s1.json)" = true ] || fail "first sync of a"
kb sync --json >/dev/null
ka sync --json >/dev/null
ka record --indicator LAYANAN --period 2024-Q1 --numerator 31 --denominator 100 >/dev/null
ka record --indicator LAYANAN --period 2024-Q2 --numerator 32 --denominator 100 >/dev/null
kb record --indicator LAYANAN --period 2024-Q1 --numerator 33 --denominator 100 >/dev/null
[ "$(ka status --json | jq -r .sync.unacked_ops)" = 2 ] || fail "status must count 2 unacknowledged ops"
kb sync --json > sb.json
[ "$(jq -r .pushed_ops sb.json)" = 1 ] || fail "b pushes its 1 op"
ka sync --json > sa.json
[ "$(jq -r .pushed_ops sa.json)" = 2 ] && [ "$(jq -r .pulled_ops sa.json)" = 1 ] || fail "a pushes 2, pulls 1: $(cat sa.json)"
kb sync >/dev/null
ka sync >/dev/null
ka show --json > a.json
kb show --json > b.json
hub show --office 407973 --json > h.json
cmp -s a.json b.json || fail "a and b differ: $(diff a.json b.json)"
cmp -s a.json h.json || fail "a and the hub differ: $(diff a.json h.json)"
[ "$(jq length a.json)" = 2 ] || fail "two cells expected"
[ "$(ka conflicts --json | jq length)" = 1 ] && [ "$(kb conflicts --json | jq length)" = 1 ] || fail "the pair is listed on both"
[ "$(ka conflicts --json | jq -r '.[0].winner.hash')" = "$(kb conflicts --json | jq -r '.[0].winner.hash')" ] || fail "same winner"
[ "$(ka log --json | jq '[.[] | select(.key=="LAYANAN/2024-Q1")] | length')" = 2 ] || fail "both values stay in a's log"
[ "$(kb log --json | jq '[.[] | select(.key=="LAYANAN/2024-Q1")] | length')" = 2 ] || fail "both values stay in b's log"
ka status --json > st.json
[ "$(jq -r .sync.unacked_ops st.json)" = 0 ] && [ -n "$(jq -r .sync.last_sync st.json)" ] || fail "status after sync"
[ "$(hub offices --json | jq -r '.[0].ops_held')" = 7 ] || fail "the hub holds 7 office ops: $(hub offices --json)"

# A locked period: the op is rejected, kept, listed; sync exits 3.
hub lock --office 407973 --period 2024-Q2 >/dev/null
ka record --indicator LAYANAN --period 2024-Q2 --numerator 39 --denominator 100 >/dev/null
rc=0; ka sync > lock.txt || rc=$?
[ $rc = 3 ] && grep -q "value LAYANAN/2024-Q2 (period_locked)" lock.txt ||
  fail "a sync with a locked-period op exits 3 naming the cell and period_locked (got $rc): $(cat lock.txt)"
ka status | grep -q "value LAYANAN/2024-Q2 (period_locked)" || fail "status lists the rejection and its cell"
[ "$(ka status --json | jq -r '.sync.rejections | length, .[0].cell')" = "1
value LAYANAN/2024-Q2" ] || fail "one rejection in status --json, with its cell"
[ "$(ka show --json | jq -r '.[] | select(.period=="2024-Q2") | .numerator')" = 32 ] || fail "the locked value stands"
[ "$(hub offices --json | jq -r '.[0].pending_rejections')" = 1 ] || fail "the hub counts the rejection"
kb sync >/dev/null
kb show --json > b.json
hub show --office 407973 --json > h.json
ka show --json > a.json
cmp -s a.json b.json && cmp -s a.json h.json || fail "after the rejection, a, b and the hub still agree"
ka rebuild --check >/dev/null || fail "rebuild --check agrees with the state after a rejection"

# The hub goes away: the sync fails, names the cause, and is not recorded as a success.
last=$(ka status --json | jq -r .sync.last_sync)
kill "$hub_pid"; wait "$hub_pid" 2>/dev/null || true
ka record --indicator LAYANAN --period 2024-Q3 --numerator 30 --denominator 100 >/dev/null
rc=0; ka sync --json > down.json 2> down.err || rc=$?
[ $rc = 1 ] || fail "sync against a stopped hub exits 1 (got $rc)"
grep -q "2 attempt" down.err || fail "the error names the attempts and cause: $(cat down.err)"
[ "$(jq -r .ok down.json)" = false ] || fail "--json reports ok=false"
[ "$(ka status --json | jq -r .sync.last_sync)" = "$last" ] || fail "a failed sync is never recorded as successful"
[ "$(ka status --json | jq -r .sync.unacked_ops)" = 1 ] || fail "the new op stays unacknowledged"
grep -q "POST /v1/push office=407973 device=" hub.log || fail "the hub logs requests with office and device"
echo "ok"
