#!/usr/bin/env bash
# Issue 15, item 4: a sync stopped by the user (SIGINT) on a slow link, through tools/link-proxy
# and a real kinerja-hub: it stops between writes, says how many ops the hub acknowledged
# ("dihentikan: X dari Y op diterima hub"), exits non-zero, and leaves nothing half-done: the
# store's acknowledged seq is what the hub holds or less, and a second sync completes with no
# op lost or doubled. No progress line is written when stderr is not a terminal.
source "${KINERJA_SOURCE_DIR:?}/tests/cli/sync_faults.bash"
start_hub
new_device a
record_rows a 600
pending=$(k a status --json | jq -r .sync.unacked_ops)

# 64 kbit/s, 100 ms each way, batches of 50 ops: several seconds of pushing.
start_tool_proxy link-proxy --kbps 64 --delay-ms 100
export KINERJA_SYNC_BATCH_OPS=50
dev=$(device_of a)
# Not through k(): backgrounding a function would make $! a subshell, not kinerja.
"$bin/kinerja" --store a.db sync --hub "http://127.0.0.1:$proxy_port" >int.out 2>int.err &
sync_pid=$!
pids+=($sync_pid)
for _ in $(seq 300); do
  [ "$(sqlite3 hub.db "SELECT count(*) FROM ops WHERE device='$dev'")" -ge 100 ] && break
  sleep 0.05
done
kill -INT $sync_pid
rc=0
wait $sync_pid || rc=$?
[ "$rc" != 0 ] || fail "an interrupted sync exits non-zero"
said=$(grep -o 'dihentikan: [0-9.]* dari [0-9.]* op diterima hub' int.err) || fail "no 'dihentikan' line: $(cat int.err)"
got=$(awk '{gsub(/\./, "", $2); print $2}' <<<"$said")
of=$(awk '{gsub(/\./, "", $4); print $4}' <<<"$said")
[ "$of" = "$pending" ] || fail "'$said': $pending ops were pending"
[ "$got" -gt 0 ] && [ "$got" -lt "$pending" ] || fail "'$said': stopped mid-way expected"
acked=$(k a status --json | jq -r .sync.acked_seq)
[ "$(k a status --json | jq -r .sync.unacked_ops)" = $((pending - got)) ] || fail "status disagrees with '$said'"
held=$(sqlite3 hub.db "SELECT max(seq) FROM ops WHERE device='$dev'")
[ "$acked" -le "$held" ] || fail "the store counts seq $acked acknowledged, the hub holds $held"
! grep -q $'\r' int.err || fail "a progress line was written to a stderr that is not a terminal"
[ ! -s int.out ] || fail "an interrupted sync reports no success: $(cat int.out)"
stop_proxy

# The second sync completes: nothing lost, nothing doubled.
unset KINERJA_SYNC_BATCH_OPS
sync_until_ok a 1
[ "$(jq -r .unacked_ops sync.a.json)" = 0 ] || fail "the second sync left ops: $(cat sync.a.json)"
check_exactly_once a
echo "interrupt: $said; the second sync completed"
