#!/usr/bin/env bash
# tools/flaky-proxy against a loopback echo server: faithful at rate 0; at rate 0.5 every
# fault kind happens, each leaves exactly the trace it should on client and server, and a
# seed replays the same faults; it refuses non-loopback addresses and stops by itself.
set -euo pipefail
bin=${KINERJA_BIN_DIR:?}/flaky-proxy
echo_py=${KINERJA_SOURCE_DIR:?}/tests/cli/http_echo.py
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Starts a process whose first stdout line is its port; sets $port and appends to pids.
start() {
  local out=$1; shift
  "$@" >"$out" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$out" ] && break; sleep 0.1; done
  port=$(head -1 "$out")
  [ -n "$port" ] || fail "no port from $*"
}
# Waits (bounded) for pid $1 to exit by itself.
wait_exit() {
  for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  fail "process $1 did not exit"
}
# The value of KEY in the key=value words of FILE (for summary: its summary line).
field() { tr ' ' '\n' <"$1" | sed -n "s/^$2=//p"; }
summary() { grep summary "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
count() { grep -c "$2" "$1" || true; }
py=python3; [ -x /usr/bin/python3 ] && py=/usr/bin/python3  # a pyenv shim costs seconds per start

start "$tmp/echo.port" $py "$echo_py" serve "$tmp/served"
echo_port=$port

# Non-loopback addresses are refused with exit 2.
for args in "--upstream 10.0.0.1:80" "--upstream example.org:80" "--upstream 127.0.0.1:$echo_port --listen 0.0.0.0:0"; do
  rc=0; $bin $args >/dev/null 2>"$tmp/err" || rc=$?
  [ "$rc" = 2 ] || fail "flaky-proxy $args: exit $rc, expected 2"
  grep -q "loopback" "$tmp/err" || fail "no loopback message for $args: $(cat "$tmp/err")"
done

# Rate 0: a faithful proxy.
: >"$tmp/served"
start "$tmp/p0.port" $bin --upstream 127.0.0.1:$echo_port --seed 1 --fault-rate 0 --log "$tmp/p0.log"
$py "$echo_py" client "$port" 50 11 >"$tmp/c0.out"
[ "$(field "$tmp/c0.out" exact)" = 50 ] || fail "rate 0 changed traffic: $(cat "$tmp/c0.out")"
[ "$(wc -l <"$tmp/served")" = 50 ] || fail "rate 0: server saw $(wc -l <"$tmp/served") requests"
kill -TERM "${pids[-1]}"; wait_exit "${pids[-1]}"
[ "$(summary "$tmp/p0.log" faults)" = 0 ] || fail "rate 0 logged faults"
[ "$(summary "$tmp/p0.log" requests)" = 50 ] || fail "rate 0: $(grep summary "$tmp/p0.log")"

# Rate 0.5, twice with the same seed.
for run in a b; do
  start "$tmp/p.$run.port" $bin --upstream 127.0.0.1:$echo_port --seed 42 --fault-rate 0.5 \
    --max-delay-ms 20 --log "$tmp/p.$run.log"
  cp /dev/null "$tmp/served"
  $py "$echo_py" client "$port" 300 7 >"$tmp/c.$run.out"
  cp "$tmp/served" "$tmp/served.$run"
  kill -TERM "${pids[-1]}"; wait_exit "${pids[-1]}"
done
log=$tmp/p.a.log c=$tmp/c.a.out
cat "$c"; grep summary "$log"
for f in drop_request drop_response delay truncate error duplicate; do
  [ "$(summary "$log" $f)" -gt 0 ] || fail "fault $f never happened"
  [ "$(summary "$log" $f)" = "$(count "$log" "fault $f ")" ] || fail "summary and log lines disagree on $f"
done
sent=$(field "$c" sent) faults=$(summary "$log" faults)
dr=$(summary "$log" drop_request) dp=$(summary "$log" drop_response) dl=$(summary "$log" delay)
tr=$(summary "$log" truncate) er=$(summary "$log" error) du=$(summary "$log" duplicate)
before=$(count "$log" "before hub")
[ "$(field "$c" garbled)" = 0 ] || fail "a 200 body was neither the request nor a prefix of it"
[ "$(field "$c" conn_error)" = $((dr + dp)) ] || fail "connection errors != drops"
[ "$(field "$c" prefix)" = "$tr" ] || fail "truncated bodies != truncate faults"
[ $(($(field "$c" status_500) + $(field "$c" status_503))) = "$er" ] || fail "5xx != error faults"
[ "$(field "$c" exact)" = $((sent - faults + dl + du)) ] || fail "exact answers != requests without harmful faults"
[ "$(wc -l <"$tmp/served.a")" = $((sent - dr - before + du)) ] || fail "server saw $(wc -l <"$tmp/served.a") requests"
diff <(grep ' fault ' "$tmp/p.a.log") <(grep ' fault ' "$tmp/p.b.log") >/dev/null || fail "same seed, different faults"
cmp "$tmp/c.a.out" "$tmp/c.b.out" || fail "same seed, different outcomes"

# Bounded: exits by itself after --max-connections.
start "$tmp/pm.port" $bin --upstream 127.0.0.1:$echo_port --max-connections 2 --log "$tmp/pm.log"
$py "$echo_py" client "$port" 3 1 >/dev/null  # one connection, kept alive
$py "$echo_py" client "$port" 3 2 >/dev/null
wait_exit "${pids[-1]}"
grep -q "max-connections 2 reached" "$tmp/pm.log" || fail "no max-connections exit"
echo "flaky-proxy ok"
