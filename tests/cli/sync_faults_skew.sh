#!/usr/bin/env bash
# Issue 4, faults (d): device b's clock is 3 days behind the hub and device a
# (KINERJA_CLOCK_OFFSET_MS=-259200000 for every b command). A correction b makes after
# seeing a's value still supersedes it (no conflict); a concurrent offline write to one
# cell is won by the same op everywhere and listed as a conflict on both; every chain's
# hlc only grows; both stores and the hub's view converge.
source "${KINERJA_SOURCE_DIR:?}/tests/cli/sync_faults.bash"
kb() { KINERJA_CLOCK_OFFSET_MS=-259200000 k b "$@"; }
start_hub
new_device a
KINERJA_CLOCK_OFFSET_MS=-259200000 new_device b
dev_a=$(device_of a) dev_b=$(device_of b)

# Causal order: a writes, b sees it, b corrects it.
k a record --indicator LAYANAN --period 2024-01 --numerator 1 --denominator 3 >/dev/null
sync_until_ok a 1
KINERJA_CLOCK_OFFSET_MS=-259200000 sync_until_ok b 1
kb record --indicator LAYANAN --period 2024-01 --numerator 2 --denominator 3 >/dev/null
# Concurrency: both write LAYANAN 2024-02 offline, b first in real time.
kb record --indicator LAYANAN --period 2024-02 --numerator 5 --denominator 9 >/dev/null
k a record --indicator LAYANAN --period 2024-02 --numerator 7 --denominator 9 >/dev/null
for round in 1 2; do
  KINERJA_CLOCK_OFFSET_MS=-259200000 sync_until_ok b 1
  sync_until_ok a 1
done
check_exactly_once a b

jan() { jq -r --arg p "$2" '.[] | select(.indicator=="LAYANAN" and .period==$p) | .'"$3" "$1.show.json"; }
lay() { jq -r '.[] | select(.indicator=="LAYANAN" and .period=="2024-02") | .'"$2" "$1.show.json"; }
for s in a b hub; do
  [ "$(jan $s 2024-01 numerator)" = 2 ] && [ "$(jan $s 2024-01 device)" = "$dev_b" ] ||
    fail "$s: b's later correction from a slow clock must win LAYANAN 2024-01"
  # Concurrent: the larger (hlc, device) wins; a's clock is 3 days ahead of b's.
  [ "$(lay $s numerator)" = 7 ] && [ "$(lay $s device)" = "$dev_a" ] || fail "$s: LAYANAN 2024-02 winner"
done
for s in a b; do
  k $s conflicts --json >"$s.conflicts.json"
  [ "$(jq '[.[] | select(.key=="LAYANAN/2024-01")] | length' "$s.conflicts.json")" = 0 ] ||
    fail "$s: a correction that saw the value is not a conflict"
  [ "$(jq -r '.[] | select(.key=="LAYANAN/2024-02") | .winner.device + " " + .other.device' "$s.conflicts.json")" = "$dev_a $dev_b" ] ||
    fail "$s: the concurrent pair is not listed: $(cat "$s.conflicts.json")"
done
# The hlc of every chain grows with seq on every node, b's correction above a's original.
for db in a.db b.db hub.db; do
  [ "$(sqlite3 $db "SELECT count(*) FROM ops x JOIN ops y ON y.device=x.device AND y.seq=x.seq+1 WHERE y.hlc<=x.hlc")" = 0 ] ||
    fail "$db: an hlc that does not grow along its chain"
done
[ "$(sqlite3 a.db "SELECT (SELECT max(hlc) FROM ops WHERE device='$dev_b' AND key='LAYANAN/2024-01') > (SELECT max(hlc) FROM ops WHERE device='$dev_a' AND key='LAYANAN/2024-01')")" = 1 ] ||
  fail "b's correction is not ordered after a's value"
echo "3 days of clock skew: order and convergence hold"
