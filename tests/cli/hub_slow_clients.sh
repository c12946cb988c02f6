#!/usr/bin/env bash
# Issue 10, point 9: slow clients cannot starve the hub. 20 connections that drip one header
# line a second hold no worker past --request-timeout (the hub closes them), and a real
# `kinerja sync` succeeds while they are open; connections past
# --max-connections-per-address (default 32) from one address are answered 429.
source "${KINERJA_SOURCE_DIR:?}/tests/cli/sync_faults.bash"
py=python3; [ -x /usr/bin/python3 ] && py=/usr/bin/python3
abuse() { $py "$KINERJA_SOURCE_DIR/tests/cli/hub_abuse.py" "$@"; }
start_hub 0 --request-timeout 4
new_device a
record_rows a 2

abuse drip "$hub_port" 20 12 >drip.out &
drip_pid=$!
pids+=($drip_pid)
wait_line drip.out '^open$'
started=$SECONDS
KINERJA_SYNC_TIMEOUT_MS=8000 KINERJA_SYNC_ATTEMPTS=1 sync_until_ok a 1
[ $((SECONDS - started)) -le 10 ] || fail "the sync took $((SECONDS - started)) s beside 20 slow connections"
[ "$(jq -r .ok sync.a.json)" = true ] && [ "$(jq -r .pushed_ops sync.a.json)" -ge 2 ] ||
  fail "the sync beside slow connections: $(cat sync.a.json)"
wait "$drip_pid"
read -r closed longest < <(tail -1 drip.out | tr '=' ' ' | awk '{print $2, $4}')
[ "$closed" = 20 ] || fail "the hub closed $closed of 20 slow connections: $(cat drip.out)"
awk -v l="$longest" 'BEGIN { exit !(l < 11) }' || fail "a slow connection stayed open $longest s (--request-timeout 4)"

# Connections of the steps above may still be closing on a loaded machine: one more try.
refused=$(abuse hold "$hub_port" 36)
[ "$refused" = 4 ] || { sleep 2; refused=$(abuse hold "$hub_port" 36); }
[ "$refused" = 4 ] || fail "36 connections from one address: 4 must be answered 429, $refused were"
sync_until_ok a 1
