# Shared by the sync fault tests (tests/cli/sync_faults_*.sh; sourced, not a test itself):
# real processes only — a kinerja-hub on a free loopback port, tools/flaky-proxy or
# tools/link-proxy in front of it, office stores driven through the `kinerja` command line — every wait bounded.
set -euo pipefail
bin=${KINERJA_BIN_DIR:?}
work=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-faults.XXXXXX")
pids=()
cleanup() {
  local rc=$?
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ $rc != 0 ]; then tail -n 5 "$work"/*.log 2>/dev/null | tail -n 60 >&2 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
export KINERJA_SYNCHRONOUS=OFF KINERJA_SYNC_BACKOFF_MS=5 KINERJA_SYNC_BACKOFF_MAX_MS=50 KINERJA_SYNC_CONNECT_TIMEOUT_MS=2000
office=407973
fail() { echo "FAIL: $*" >&2; exit 1; }
hub() { "$bin/kinerja-hub" --db hub.db "$@"; }
k() { local s=$1; shift; "$bin/kinerja" --store "$s.db" "$@"; }

# Waits (bounded) until FILE has a line matching RE.
wait_line() {
  for _ in $(seq 200); do grep -qE "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
  fail "no line '$2' in $1: $(cat "$1" 2>/dev/null)"
}

# Starts the hub on hub.db (port 0, or PORT $1) with the hub flags that follow; sets hub_pid, hub_port.
start_hub() {
  : >hub.out
  "$bin/kinerja-hub" --db hub.db --listen "127.0.0.1:${1:-0}" "${@:2}" >hub.out 2>>hub.log &
  hub_pid=$!
  pids+=($hub_pid)
  wait_line hub.out '^listening on '
  hub_port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' hub.out)
}

# Starts tools/TOOL (flaky-proxy or link-proxy) in front of the hub with extra options; sets
# proxy_pid, proxy_port, proxy_log.
start_tool_proxy() {
  local tool=$1; shift
  proxy_log=$work/proxy.$(( ${#pids[@]} )).log
  : >proxy.out
  "$bin/$tool" --upstream "127.0.0.1:$hub_port" --max-connections 20000 --max-seconds 600 --log "$proxy_log" "$@" >proxy.out &
  proxy_pid=$!
  pids+=($proxy_pid)
  wait_line proxy.out '^[0-9]+$'
  proxy_port=$(head -1 proxy.out)
}
start_proxy() { start_tool_proxy flaky-proxy "$@"; }
stop_proxy() { kill -TERM "$proxy_pid"; wait "$proxy_pid" 2>/dev/null || true; }
# The count KIND (a fault, requests, resets, bytes_from_client…) in the proxy's summary line.
proxy_count() { grep summary "$proxy_log" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# Creates store NAME.db of the office and enrols it (the office is added on first use).
# The hub's admin commands run on the hub's clock, not on a skewed device's
# (KINERJA_CLOCK_OFFSET_MS set for the device would date the enrolment code's expiry).
new_device() {
  [ -n "$(sqlite3 hub.db "SELECT office FROM offices WHERE office='$office'" 2>/dev/null)" ] ||
    KINERJA_CLOCK_OFFSET_MS=0 hub office add --office $office --name "Kantor Imigrasi Kelas I Khusus TPI Semarang" \
      --kanwil JATENG >/dev/null
  k "$1" init --office $office --name "Kantor Imigrasi Kelas I Khusus TPI Semarang" --kanwil JATENG --year 2024 >/dev/null
  k "$1" enrol --hub "http://127.0.0.1:$hub_port" --code "$(KINERJA_CLOCK_OFFSET_MS=0 hub enrol --office $office)" >/dev/null
}
device_of() { k "$1" status --json | jq -r .device; }

# Writes N case rows starting at row FROM to FILE: case TAK-I/2024 for row I, its subject
# naming WHO, so that two devices writing the same rows write the same cells differently.
# (Cases, not realisasi: a realisasi file holds one row per indicator and period, too few.)
gen_rows() {
  local n=$1 from=$2 file=$3 who=$4
  awk -v n="$n" -v from="$from" -v who="$who" 'BEGIN {
    print "kind,ref,date,subject"
    for (i = from; i < from + n; i++)
      printf "tak,TAK-%d/2024,2024-%02d-%02d,row %d of %s\n", i, i % 12 + 1, i % 28 + 1, i, who
  }' >"$file"
}
# record_rows NAME N [FROM]: N ops on store NAME in one import (one batch, one checkpoint).
record_rows() { gen_rows "$2" "${3:-0}" "$work/rows.csv" "$1" && k "$1" case import "$work/rows.csv" >/dev/null; }

# Runs `kinerja sync` for store $1 with extra args until it succeeds, at most $2 times.
sync_until_ok() {
  local s=$1 tries=$2; shift 2
  for i in $(seq "$tries"); do
    if k "$s" sync --json "$@" >"sync.$s.json" 2>>"sync.$s.err"; then return 0; fi
  done
  fail "$s did not sync in $tries tries: $(tail -3 "sync.$s.err")"
}

# Nothing lost or doubled: for every device the hub holds exactly seqs 1..max of the
# device's chain, every store named holds the same, `kinerja verify` passes everywhere,
# and every store shows the same state as the hub's view of the office.
check_exactly_once() {
  [ "$(sqlite3 hub.db 'PRAGMA integrity_check')" = ok ] || fail "hub db integrity"
  sqlite3 hub.db "SELECT device, count(*), min(seq), max(seq), count(DISTINCT hash) FROM ops WHERE office='$office' GROUP BY device ORDER BY device" >hub.devices
  awk -F'|' '$2 != $4 || $3 != 1 || $5 != $2 { exit 1 }' hub.devices || fail "the hub's chains have gaps or doubles: $(cat hub.devices)"
  hub show --office $office --json >hub.show.json
  for s in "$@"; do
    local dev
    dev=$(device_of "$s")
    [ "$(sqlite3 "$s.db" "SELECT max(seq) FROM ops WHERE device='$dev'")" = "$(sqlite3 hub.db "SELECT max(seq) FROM ops WHERE device='$dev'")" ] ||
      fail "$s: the hub does not hold all of its ops"
    sqlite3 "$s.db" "SELECT device, count(*), min(seq), max(seq), count(DISTINCT hash) FROM ops WHERE office='$office' GROUP BY device ORDER BY device" >"$s.devices"
    cmp -s hub.devices "$s.devices" || fail "$s holds other ops than the hub: $(diff hub.devices "$s.devices" | head)"
    k "$s" verify >/dev/null || fail "$s: kinerja verify failed"
    k "$s" show --json >"$s.show.json"
    cmp -s hub.show.json "$s.show.json" || fail "$s shows another state than the hub: $(diff hub.show.json "$s.show.json" | head)"
    k "$s" case list --json >"$s.cases.json"
    cmp -s "$1.cases.json" "$s.cases.json" || fail "$s lists other cases than $1: $(diff "$1.cases.json" "$s.cases.json" | head)"
  done
}
