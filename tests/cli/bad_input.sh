#!/usr/bin/env bash
# Every bad input of `kinerja record` exits 2 with a message naming the field, and writes nothing.
set -euo pipefail
source "$(dirname "$0")/lib.bash"
new_store
"$kinerja" record --indicator LAYANAN --period 2024-Q1 --numerator 20.512 --denominator 21.300 >/dev/null
before=$(op_count)

expect_exit 2 "indicator: 'NOPE' is not in the catalogue for 2024" record --indicator NOPE --period 2024 --value 3
expect_exit 2 "period: '2024-13' bulannya di luar 1-12" record --indicator LAYANAN --period 2024-13 --numerator 1 --denominator 2
expect_exit 2 "period: '2024-Q5' triwulannya di luar 1-4" record --indicator LAYANAN --period 2024-Q5 --numerator 1 --denominator 2
expect_exit 2 "numerator: 'abc' is not a number" record --indicator LAYANAN --period 2024-Q2 --numerator abc --denominator 10
expect_exit 2 "--value: '5,254,106,63' has a malformed digit grouping" survey record --survey ILK --period 2024-01 --value 5,254,106,63 --respondents 30
expect_exit 2 "numerator: '-5' must not be negative" record --indicator LAYANAN --period 2024-Q2 --numerator -5 --denominator 10
expect_exit 2 "denominator: '-10' must not be negative" record --indicator LAYANAN --period 2024-Q2 --numerator 5 --denominator=-10
expect_exit 2 "numerator: 11 is greater than the denominator 10" record --indicator LAYANAN --period 2024-Q2 --numerator 11 --denominator 10
expect_exit 2 "numerator: '2,5' must be a whole number" record --indicator LAYANAN --period 2024-Q2 --numerator 2,5 --denominator 10
expect_exit 2 "--numerator memerlukan --denominator" record --indicator LAYANAN --period 2024-Q2 --numerator 5
expect_exit 2 "value" record --indicator LAYANAN --period 2024-Q2 --value 5
expect_exit 2 "period" record --indicator LAYANAN --period 2024-05 --numerator 1 --denominator 2
expect_exit 2 "--indicator: wajib diisi" record --period 2024 --value 3
expect_exit 2 "--limit: must be 0 or more" log --limit -1
expect_exit 2 "a store already exists" init --office 407973 --name X --kanwil JATENG
expect_exit 2 "--office: '4079' must be the six-digit satker code" --store "$work/other.db" init --office 4079 --name X --kanwil JATENG
[ ! -e "$work/other.db" ] || fail "a refused init left a store behind"
expect_exit 2 "perintah 'bogus' tidak dikenal" bogus
expect_exit 2 "no store at $work/missing.db; run \`kinerja init\` first" --store "$work/missing.db" status
[ ! -e "$work/missing.db" ] || fail "a command on a missing store created it"
rc=0
"$KINERJA_BIN_DIR/kinerja-hub" --db "$work/hub.db" bogus >"$work/out" 2>&1 || rc=$?
[ "$rc" = 2 ] && grep -qF "perintah 'bogus' tidak dikenal" "$work/out" || fail "kinerja-hub bogus exited $rc: $(cat "$work/out")"

[ "$(op_count)" = "$before" ] || fail "op count changed from $before to $(op_count)"
"$kinerja" verify >/dev/null
echo "ok: every bad input exited 2 and wrote nothing"
