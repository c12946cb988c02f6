#!/usr/bin/env bash
# Issue 4, faults (b) and (c): `kill -9` of the client at seeded random points of its push
# and of another device's pull, then `kill -9` of the hub mid-push and a restart on the
# same db; after a final sync nothing is lost or doubled anywhere. A proxy that only
# delays (every request, up to 20 ms) stretches each sync so the kills land inside it.
source "${KINERJA_SOURCE_DIR:?}/tests/cli/sync_faults.bash"
export KINERJA_SYNC_BATCH_OPS=100 KINERJA_SYNC_PULL_OPS=100 KINERJA_SYNC_ATTEMPTS=3
RANDOM=4242
start_hub
new_device a
new_device b
start_proxy --seed 7 --fault-rate 1 --faults delay --max-delay-ms 20
via=(--hub "http://127.0.0.1:$proxy_port")
held() { sqlite3 hub.db "SELECT count(*) FROM ops WHERE device='$1'"; }
dev_a=$(device_of a)

# Starts `kinerja sync` of store $1 through the proxy and kills it -9 once COUNT (a command
# printing a number: ops the hub holds, ops the store holds) has grown, plus a seeded 0-30 ms,
# so the kill lands after the first batch or page and, with many left, before the last one
# whatever the machine's load; counts in $cut the kills that found it still running.
cut=0
kill_sync_mid_way() {
  local store=$1 count=$2 start
  start=$($count)
  # The binary itself, not k(): $! of a backgrounded function is a subshell, and killing
  # that would leave the sync running.
  "$bin/kinerja" --store "$store.db" sync "${via[@]}" >/dev/null 2>>"kill.$store.err" &
  local pid=$!
  for _ in $(seq 2000); do
    [ "$($count)" -gt "$start" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.005
  done
  sleep "$(printf 0.%03d $((RANDOM % 30)))"
  if kill -9 $pid 2>/dev/null; then cut=$((cut + 1)); fi
  wait $pid 2>/dev/null || true
}
held_by_hub() { held "$dev_a"; }
held_by_b() { sqlite3 b.db "SELECT count(*) FROM ops"; }

# (b) the client killed mid-push, new entries recorded between the attempts.
row=0
for round in 1 2 3 4 5 6; do
  record_rows a 1500 $row; row=$((row + 1500))
  before=$(held "$dev_a")
  kill_sync_mid_way a held_by_hub
  echo "round $round: the hub held $before ops of a before, $(held "$dev_a") after the kill"
done
[ $cut -ge 3 ] || fail "only $cut of 6 kills hit a running push"
# ... and the other device killed mid-pull.
cut=0
for round in 1 2 3 4; do kill_sync_mid_way b held_by_b; done
[ $cut -ge 2 ] || fail "only $cut of 4 kills hit a running pull"
partial=$(k b status --json | jq -r .ops)
echo "b holds $partial ops after the killed pulls"
sync_until_ok a 3 "${via[@]}"
sync_until_ok b 3 "${via[@]}"
sync_until_ok a 3 "${via[@]}"  # again: b's own ops reach the hub only with b's first whole sync
check_exactly_once a b

# (c) the hub killed -9 mid-push and restarted on the same db (and port, behind the proxy).
hub_cut=0
for round in 1 2 3 4; do
  record_rows a 1500 $row; row=$((row + 1500))
  k a sync "${via[@]}" >/dev/null 2>>kill.hub.err &
  sync_pid=$!
  sleep "0.0$(printf %02d $((RANDOM % 40 + 5)))"  # early: a push of 1500 ops through the delaying proxy outlasts it
  kill -9 "$hub_pid"
  wait "$hub_pid" 2>/dev/null || true
  if wait $sync_pid; then :; else hub_cut=$((hub_cut + 1)); fi
  [ "$(sqlite3 hub.db 'PRAGMA integrity_check')" = ok ] || fail "hub db damaged by kill -9"
  echo "round $round: the hub held $(held "$dev_a") ops of a when killed"
  start_hub "$hub_port"
done
[ $hub_cut -ge 2 ] || fail "only $hub_cut of 4 hub kills interrupted a push"
sync_until_ok a 3 "${via[@]}"
sync_until_ok b 3 "${via[@]}"
stop_proxy
check_exactly_once a b
[ "$(held "$dev_a")" = "$(k a status --json | jq -r .last_seq)" ] || fail "the hub does not hold all of a"
echo "kill -9 of client and hub: nothing lost or doubled"
