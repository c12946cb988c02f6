#!/usr/bin/env bash
# Crash safety: a large import (`kinerja case import`: a realisasi file has one row per
# indicator and period, too few cells for a large file) is killed with SIGKILL at several points of its
# run. After every kill the store opens, `verify` passes, the state matches the log, and
# the op count is the count before that import or that count plus every row: never between.
# At least one kill must land before the commit (killed, old count), or the test proves nothing.
set -euo pipefail
source "$(dirname "$0")/lib.bash"
rows=${KINERJA_CRASH_ROWS:-40000}
new_store
cases() {  # cases PREFIX: ROWS new TAK cases PREFIX-0/2024 …
  awk -v n="$rows" -v p="$1" 'BEGIN { print "kind,ref,date,subject"
    for (i = 0; i < n; i++) printf "tak,%s-%d/2024,2024-%02d-%02d,baris %d\n", p, i, i % 12 + 1, i % 28 + 1, i }'
}
cases TAK >"$work/big.csv"
cases TAK-B >"$work/next.csv"  # what the killed runs import: the cases of big.csv are in the register by then

now_ms() { date +%s%3N; }

# One import run to completion tells how long a run takes on this machine; the store it
# leaves (rows + 2 ops) is the starting point of every killed run.
before=$(op_count)
start=$(now_ms)
"$kinerja" case import "$work/big.csv" >/dev/null
full=$(($(now_ms) - start))
base=$(op_count)
[ "$base" = "$((before + rows))" ] || fail "the uninterrupted import did not add $rows ops"
cp "$KINERJA_STORE" "$work/base.db"
echo "an uninterrupted import of $rows rows takes ${full} ms"

mid=0
for percent in 20 45 70 95 130; do
  rm -f "$KINERJA_STORE"-wal "$KINERJA_STORE"-shm
  cp "$work/base.db" "$KINERJA_STORE"
  "$kinerja" case import "$work/next.csv" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v t="$full" -v p="$percent" 'BEGIN { printf "%.3f", t * p / 100000 }')"
  kill -9 "$pid" 2>/dev/null || true
  rc=0
  wait "$pid" || rc=$?
  after=$(op_count)
  echo "kill at ${percent}% of the run: exit $rc, $base -> $after ops"
  case "$rc" in
    0) [ "$after" = "$((base + rows))" ] || fail "an import that finished left $after ops, expected $((base + rows))" ;;
    137) [ "$after" = "$base" ] && mid=$((mid + 1))
         [ "$after" = "$base" ] || [ "$after" = "$((base + rows))" ] ||
           fail "after a kill at ${percent}%: $after ops, expected $base or $((base + rows))" ;;
    *) fail "the import exited $rc" ;;
  esac
  "$kinerja" verify >/dev/null || fail "verify failed after a kill at ${percent}%"
  "$kinerja" rebuild --check >/dev/null || fail "state differs from the log after a kill at ${percent}%"
done
[ "$mid" -ge 1 ] || fail "no kill landed before the import's commit: the test proved nothing (runs too fast?)"
echo "ok: $mid of 5 kills landed mid-import; the store stayed whole after every kill"
