#!/usr/bin/env bash
# Issue 4, faults (a): 20 000 ops pushed by one device and pulled by another of the same
# office, every request through tools/flaky-proxy at a 30 % fault rate (drops mid-request
# and mid-response, delays, truncated bodies, 500/503, duplicated requests): every op
# arrives exactly once, on the hub and on the second device, and the states agree.
source "${KINERJA_SOURCE_DIR:?}/tests/cli/sync_faults.bash"
export KINERJA_SYNC_BATCH_OPS=200 KINERJA_SYNC_PULL_OPS=200
start_hub
new_device a
new_device b
record_rows a 20000
start_proxy --seed 30 --fault-rate 0.3 --max-delay-ms 30
via=(--hub "http://127.0.0.1:$proxy_port")
sync_until_ok a 20 "${via[@]}"
sync_until_ok b 20 "${via[@]}"
sync_until_ok a 20 "${via[@]}"
stop_proxy
grep summary "$proxy_log"
! grep -h refused sync.*.err 2>/dev/null || fail "a sync was refused: a damaged request must be retried, not reported as a rejection"
for f in drop_request drop_response delay truncate error duplicate; do
  [ "$(proxy_count $f)" -gt 0 ] || fail "the proxy never injected $f"
done
[ "$(sqlite3 hub.db "SELECT count(*) FROM ops WHERE device='$(device_of a)'")" -ge 20000 ] ||
  fail "the hub holds fewer than 20 000 ops of a"
[ "$(k b status --json | jq -r .ops)" -ge 20000 ] || fail "b did not pull a's 20 000 ops"
check_exactly_once a b
[ "$(k a status --json | jq -r .sync.unacked_ops)" = 0 ] || fail "a still has unacknowledged ops"
echo "sync through a 30 % faulty link: exactly once"
