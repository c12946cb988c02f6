#!/usr/bin/env bash
# Issue 15: sync on the worst links, through tools/link-proxy (bandwidth cap, one-way delay,
# a reset of the hub's answer), with small sizes. (1) A backlog whose single big batch needs
# longer than an attempt may take fails with a fixed batch size, and completes with the
# default adaptive batches, the transfer timeout measuring progress; the batch size reached
# is remembered for the hub. (2) A push whose answer is lost (the connection is reset after
# the hub stored the batch) costs one head query, not a re-send: bytes sent <= 1,2x those of
# the same push on a clean link, and one request more.
source "${KINERJA_SOURCE_DIR:?}/tests/cli/sync_faults.bash"
start_hub
new_device a
new_device b
new_device c
record_rows a 400
record_rows b 300
record_rows c 300 1000

# (1) 64 kbit/s, 50 ms each way; a transfer may stall 2 s, an attempt last 2,5 s at most.
start_tool_proxy link-proxy --kbps 64 --delay-ms 50
via=(--hub "http://127.0.0.1:$proxy_port")
export KINERJA_SYNC_TIMEOUT_MS=2000 KINERJA_SYNC_MAX_REQUEST_MS=2500
rc=0
KINERJA_SYNC_BATCH_OPS=400 KINERJA_SYNC_ATTEMPTS=2 k a sync --json "${via[@]}" >fixed.json 2>fixed.err || rc=$?
[ "$rc" = 1 ] || fail "a fixed batch of 400 ops at 64 kbit/s: exit $rc, expected 1 (too long for one attempt)"
grep -q "timed out" fixed.err || fail "the failed sync does not name the timeout: $(cat fixed.err)"
stop_proxy  # a fresh link: the aborted attempts' bytes still in flight are not carried into the next run
start_tool_proxy link-proxy --kbps 64 --delay-ms 50
via=(--hub "http://127.0.0.1:$proxy_port")
k a sync --json "${via[@]}" >adaptive.json 2>adaptive.err || fail "the adaptive sync failed: $(cat adaptive.err)"
[ "$(jq -r .pushed_ops adaptive.json)" -ge 400 ] && [ "$(jq -r .push_batches adaptive.json)" -ge 3 ] ||
  fail "the adaptive sync: $(cat adaptive.json)"
link=$(sqlite3 a.db "SELECT value FROM meta WHERE key='sync.link'")
[ "$(jq -r .hub <<<"$link")" = "http://127.0.0.1:$proxy_port" ] && [ "$(jq -r .push_ops <<<"$link")" -ge 1 ] ||
  fail "the batch size that worked is not remembered for the hub: $link"
stop_proxy
unset KINERJA_SYNC_TIMEOUT_MS KINERJA_SYNC_MAX_REQUEST_MS

# (2) Two batches of 150 ops each for b and c; c on a clean link, b's first answer is lost.
export KINERJA_SYNC_BATCH_OPS=150 KINERJA_SYNC_PULL_OPS=5000
start_tool_proxy link-proxy --delay-ms 20
k c sync --json --hub "http://127.0.0.1:$proxy_port" >clean.json || fail "c: the clean sync failed"
stop_proxy
clean_bytes=$(proxy_count bytes_from_client) clean_requests=$(proxy_count requests)
start_tool_proxy link-proxy --delay-ms 20 --reset-after 2000
k b sync --json --hub "http://127.0.0.1:$proxy_port" >reset.json 2>reset.err || fail "b: the sync failed: $(cat reset.err)"
stop_proxy
grep summary "$proxy_log"
[ "$(proxy_count resets)" = 1 ] || fail "the proxy did not reset an answer"
grep -q "reset conn=.* POST /v1/push: the hub answered 200" "$proxy_log" || fail "the reset was not of a push's answer"
[ "$(jq -r .pushed_ops reset.json)" -ge 300 ] || fail "b: $(cat reset.json)"
bytes=$(proxy_count bytes_from_client) requests=$(proxy_count requests)
[ $((bytes * 10)) -le $((clean_bytes * 12)) ] ||
  fail "b sent $bytes bytes with its answer lost, more than 1,2x the $clean_bytes of the same push on a clean link"
[ "$requests" -le $((clean_requests + 1)) ] || fail "b made $requests requests, the clean push $clean_requests: more than one head query"
sync_until_ok a 1
sync_until_ok c 1
check_exactly_once a b c
echo "slow link: adaptive batches complete; a lost answer cost one head query ($bytes vs $clean_bytes bytes)"
