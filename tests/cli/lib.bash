# Shared by the CLI end-to-end scripts (sourced, hence no .sh suffix): the kinerja binary,
# a scratch directory removed on exit with KINERJA_STORE inside it, background processes
# (e.g. a hub: add its pid to bg_pids) killed on exit, a loopback hub, and small assertions.
kinerja=$KINERJA_BIN_DIR/kinerja
work=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-cli.XXXXXX")
bg_pids=()
trap 'for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
export KINERJA_STORE=$work/office.db

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# A fresh store for Kanim Semarang with the 2024 catalogue.
new_store() {
  "$kinerja" init --office 407973 --name "Kantor Imigrasi Kelas I Khusus TPI Semarang" --kanwil JATENG \
    --author 199001 --year 2024 >/dev/null
}

# The store's op count, read from `kinerja status --json`.
op_count() {
  "$kinerja" status --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["ops"])'
}

# expect_exit CODE TEXT ARGS...: runs kinerja ARGS, checks the exit code is CODE and its
# stderr and stdout together contain TEXT.
expect_exit() {
  local code=$1 text=$2 rc=0
  shift 2
  "$kinerja" "$@" >"$work/out" 2>&1 || rc=$?
  [ "$rc" = "$code" ] || fail "kinerja $* exited $rc, expected $code: $(cat "$work/out")"
  grep -qF -- "$text" "$work/out" || fail "kinerja $* printed '$(cat "$work/out")', expected '$text'"
}

# expect_rc CODE TEXT CMD...: CMD (any command, run in the current directory) exits CODE and
# prints TEXT (stdout and stderr together, kept in out.txt).
expect_rc() {
  local code=$1 text=$2 rc=0
  shift 2
  "$@" >out.txt 2>&1 || rc=$?
  [ "$rc" = "$code" ] || fail "$* exited $rc, expected $code: $(cat out.txt)"
  grep -qF -- "$text" out.txt || fail "$* printed '$(cat out.txt)', expected '$text'"
}

# expect_bad TEXT ARGS...: like expect_exit 2, and the store's op count is unchanged (nothing written).
expect_bad() {
  local before
  before=$(op_count)
  expect_exit 2 "$@"
  [ "$(op_count)" = "$before" ] || fail "kinerja ${*:2} wrote ops"
}

# json_check PYTHON-EXPRESSION: evaluates the expression with `j` bound to the JSON on stdin.
json_check() {
  python3 -c "import json, sys
j = json.load(sys.stdin)
assert ($1), 'not true: ' + '''$1 ''' + ' for ' + json.dumps(j)[:2000]"
}

# `hub ARGS`: kinerja-hub on the scratch hub store $work/hub.db.
hub() { "$KINERJA_BIN_DIR/kinerja-hub" --db "$work/hub.db" "$@"; }

# Adds Kanim Semarang to the hub store and serves it (serve_hub).
start_hub() {
  hub office add --office 407973 --name "Kantor Imigrasi Kelas I Khusus TPI Semarang" --kanwil JATENG >/dev/null
  serve_hub
}

# Serves the hub store on a free loopback port until exit; sets hub_pid and hub_url. Its
# stdout and log are $work/hub.out and $work/hub.log.
serve_hub() {
  # Not through hub(): backgrounding a function would make $! a subshell, not the hub.
  "$KINERJA_BIN_DIR/kinerja-hub" --db "$work/hub.db" --listen 127.0.0.1:0 >"$work/hub.out" 2>"$work/hub.log" &
  hub_pid=$!
  bg_pids+=("$hub_pid")
  for _ in $(seq 100); do grep -q '^listening on ' "$work/hub.out" && break; sleep 0.1; done
  local address
  address=$(sed -n 's/^listening on \(127\.0\.0\.1:[0-9]*\)$/\1/p' "$work/hub.out")
  [ -n "$address" ] || fail "the hub did not print its address"
  hub_url=http://$address
}

# hold_store DB: a connection to DB held open in the background (at most 30 s) until
# release_store, so that DB's WAL and SHM files outlive each kinerja command.
hold_store() {
  rm -f "$work/held" "$work/release"
  python3 - "$1" "$work" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
c.execute("SELECT count(*) FROM meta").fetchall()
open(os.path.join(sys.argv[2], "held"), "w").close()
for _ in range(600):
    if os.path.exists(os.path.join(sys.argv[2], "release")):
        break
    time.sleep(0.05)
PY
  hold_pid=$!
  bg_pids+=("$hold_pid")
  for _ in $(seq 100); do [ -e "$work/held" ] && return; sleep 0.1; done
  fail "the store was not held"
}
release_store() {
  touch "$work/release"
  wait "$hold_pid" || true
}

# For tests with several devices in $work: enters $work, sets sync settings short enough for
# loopback, and `k NAME ARGS…` runs kinerja on the store $work/NAME.db.
several_devices() {
  cd "$work"
  export KINERJA_SYNCHRONOUS=OFF KINERJA_SYNC_ATTEMPTS=2 KINERJA_SYNC_BACKOFF_MS=10 KINERJA_SYNC_CONNECT_TIMEOUT_MS=2000
}
k() { local s=$1; shift; "$kinerja" --store "$work/$s.db" "$@"; }
# enrolled_devices NAME…: a store $work/NAME.db of Kanim Semarang (2024 catalogue) per NAME,
# each enrolled with the hub of start_hub.
enrolled_devices() {
  local s
  for s in "$@"; do
    k "$s" init --office 407973 --name "Kantor Imigrasi Kelas I Khusus TPI Semarang" --kanwil JATENG --year 2024 >/dev/null
    k "$s" enrol --hub "$hub_url" --code "$(hub enrol --office 407973 2>/dev/null)" >/dev/null
  done
}
