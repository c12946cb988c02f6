#!/usr/bin/env bash
# Issue 12, point 8, against a real kinerja-hub on a free loopback port: once the office has
# pulled the kanwil's lock on 2024-Q1, every register's write for the quarter (a realisasi
# cell, a case dated in it, a survey month, a budget month, an RB item due in it or done in
# it, a CSV import holding one such row) exits 3 at once with the Indonesian message and
# writes nothing, while 2024-Q2 is written. A rejection that an unlock and re-entry resolved
# leaves `status` and the hub's pending_rejections, and stays in the log; a conflicting pair
# leaves `conflicts` once a later write has seen both sides.
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
several_devices
start_hub
k a init --office 407973 --name "Kantor Imigrasi Kelas I Khusus TPI Semarang" --kanwil JATENG --year 2024 >/dev/null
k a enrol --hub "$hub_url" --code "$(hub enrol --office 407973)" >/dev/null
k a budget line --year 2024 --activity 5254.8AA.001 --name "Layanan Penerbitan Dokumen Perjalanan RI" --jenis 52 \
  --sumber RM --pagu 7235995000 >/dev/null
k a sync >/dev/null

# The kanwil locks 2024-Q1; the office, not synced yet, records a Q1 value: the hub rejects it.
hub lock --office 407973 --period 2024-Q1 >/dev/null
months=(Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember)
locked_on="$(date -u +%-d) ${months[$(($(date -u +%-m) - 1))]} $(date -u +%Y)"
k a record --indicator LAYANAN --period 2024-Q1 --numerator 31 --denominator 100 >/dev/null
rc=0; k a sync >sync.txt 2>&1 || rc=$?
[ $rc = 3 ] && grep -q "value LAYANAN/2024-Q1 (period_locked)" sync.txt || fail "the hub rejects the Q1 value (exit $rc): $(cat sync.txt)"
[ "$(k a status --json | jq '.sync.rejections | length')" = 1 ] || fail "status lists the rejection"
[ "$(hub offices --json | jq -r '.[0].pending_rejections')" = 1 ] || fail "the hub counts the rejection"

# The lock is pulled now: each write for Q1 is refused at entry, exit 3, nothing written.
ops() { k a status --json | jq -r .ops; }
expect_locked() {
  local before rc=0
  before=$(ops)
  k a "$@" >out.txt 2>&1 || rc=$?
  [ $rc = 3 ] || fail "kinerja $* exited $rc, expected 3: $(cat out.txt)"
  grep -qF "periode 2024-Q1 dikunci oleh kanwil pada $locked_on" out.txt ||
    fail "kinerja $* printed '$(cat out.txt)', expected the lock in Indonesian"
  [ "$(ops)" = "$before" ] || fail "kinerja $* wrote ops on a locked period"
}
expect_locked record --indicator LAYANAN --period 2024-Q1 --numerator 33 --denominator 100
grep -qF "value LAYANAN/2024-Q1 tidak dicatat" out.txt || fail "the refusal names the cell: $(cat out.txt)"
expect_locked case open --kind tak --ref TAK-009/2024 --date 2024-02-10
expect_locked survey record --survey SKM --period 2024-03 --value 3,5 --respondents 30
expect_locked budget spend --year 2024 --activity 5254.8AA.001 --month 2 --amount 1500000
expect_locked rb add --year 2024 --area "Manajemen Perubahan" --action "Sosialisasi zona integritas" --due 2024-Q1
printf 'kind,ref,date\ntak,TAK-010/2024,2024-04-02\ntak,TAK-011/2024,2024-03-30\n' >cases.csv
expect_locked case import cases.csv

# 2024-Q2 is open: the same registers write.
k a record --indicator LAYANAN --period 2024-Q2 --numerator 32 --denominator 100 >/dev/null
k a case open --kind tak --ref TAK-012/2024 --date 2024-04-10 >/dev/null
k a survey record --survey SKM --period 2024-04 --value 3,5 --respondents 30 >/dev/null
k a budget spend --year 2024 --activity 5254.8AA.001 --month 5 --amount 1500000 >/dev/null
item=$(k a rb add --year 2024 --area "Manajemen Perubahan" --action "Sosialisasi zona integritas" --due 2024-Q2)
expect_locked rb done "$item" --evidence https://data-dukung.example/notulen.pdf --date 2024-03-28
k a rb done "$item" --evidence https://data-dukung.example/notulen.pdf --date 2024-04-15 >/dev/null
k a sync >/dev/null || fail "Q2 entries sync without rejections"

# The kanwil unlocks; once pulled, the value is recorded again: the rejection is resolved.
hub unlock --office 407973 --period 2024-Q1 >/dev/null
k a sync >/dev/null
k a record --indicator LAYANAN --period 2024-Q1 --numerator 34 --denominator 100 >/dev/null
k a sync >/dev/null || fail "the re-entry after the unlock is accepted"
[ "$(k a status --json | jq '.sync.rejections | length')" = 0 ] || fail "a resolved rejection leaves status: $(k a status --json)"
! k a status | grep -q "Rejected:" || fail "status prints no resolved rejection"
[ "$(hub offices --json | jq -r '.[0].pending_rejections')" = 0 ] || fail "a resolved rejection leaves the hub's pending_rejections"
[ "$(k a show --json | jq -r '.[] | select(.period=="2024-Q1") | .numerator')" = 34 ] || fail "the re-entered value stands"
[ "$(k a log --json | jq '[.[] | select(.key=="LAYANAN/2024-Q1")] | length')" = 2 ] || fail "the rejected op stays in the log"
k a rebuild --check >/dev/null || fail "rebuild --check agrees"

# Two devices write 2024-Q3 without seeing each other: the pair is listed on both, until the
# other's device, having seen both sides, writes the cell again.
k b init --office 407973 --year 2024 >/dev/null
k b enrol --hub "$hub_url" --code "$(hub enrol --office 407973)" >/dev/null
k b sync >/dev/null
k a record --indicator LAYANAN --period 2024-Q3 --numerator 35 --denominator 100 >/dev/null
k b record --indicator LAYANAN --period 2024-Q3 --numerator 36 --denominator 100 >/dev/null
for s in a b a; do k $s sync >/dev/null; done
[ "$(k a conflicts --json | jq length)" = 1 ] && [ "$(k b conflicts --json | jq length)" = 1 ] || fail "the pair is listed on both"
other=$(k a conflicts --json | jq -r '.[0].other.device')
[ "$other" = "$(k a status --json | jq -r .device)" ] && loser=a || loser=b
k $loser record --indicator LAYANAN --period 2024-Q3 --numerator 37 --denominator 100 >/dev/null
[ "$(k $loser conflicts --json | jq length)" = 0 ] || fail "a write that saw both sides settles the pair on its device"
for s in a b a; do k $s sync >/dev/null; done
[ "$(k a conflicts --json | jq length)" = 0 ] && [ "$(k b conflicts --json | jq length)" = 0 ] || fail "settled on both devices"
[ "$(k a log --json | jq '[.[] | select(.key=="LAYANAN/2024-Q3")] | length')" = 3 ] || fail "all three writes stay in the log"
echo ok
