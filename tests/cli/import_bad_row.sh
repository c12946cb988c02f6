#!/usr/bin/env bash
# `kinerja import` is all or nothing: a CSV of 1000 rows with one bad row at 500 exits 2,
# names the line and the column, and leaves the op count unchanged. The good file imports:
# its rows are the 12 months of LAYANAN, each repeated (a repeat saying the same is skipped).
set -euo pipefail
source "$(dirname "$0")/lib.bash"
new_store
before=$(op_count)

# write_csv FILE BAD-ROW: 1000 rows of LAYANAN by month; data row 500 (file line 501) is BAD-ROW.
write_csv() {
  python3 - "$1" "$2" <<'PY'
import sys
path, bad = sys.argv[1], sys.argv[2]
with open(path, "w") as f:
    f.write("indicator,period,value,numerator,denominator,note\n")
    for i in range(1, 1001):
        m = i % 12 + 1
        f.write(bad + "\n" if i == 500 and bad else f"LAYANAN,2024-{m:02d},,{m},1000,month {m}\n")
PY
}

check_refused() {  # BAD-ROW TEXT
  write_csv "$work/in.csv" "$1"
  expect_exit 2 "$2" import "$work/in.csv"
  [ "$(op_count)" = "$before" ] || fail "a refused import changed the op count ($1)"
}
check_refused "LAYANAN,2024-13,,1,2,x" "in.csv: line 501, column period: '2024-13' bulannya di luar 1-12"
check_refused "NOPE,2024-01,,1,2,x" "in.csv: line 501, column indicator: 'NOPE' is not in the catalogue"
check_refused "LAYANAN,2024-01,,abc,2,x" "in.csv: line 501, column numerator: 'abc' is not a number"
check_refused "LAYANAN,2024-01,,-3,2,x" "in.csv: line 501, column numerator: '-3' must not be negative"
check_refused "LAYANAN,2024-01,,3,2,x" "in.csv: line 501, column numerator: 3 is greater than the denominator 2"
check_refused "LAYANAN,2024-01,,3" "in.csv: line 501: has 4 fields, the header has 6"
"$kinerja" show --json | json_check 'j == []'

write_csv "$work/in.csv" ""
"$kinerja" import "$work/in.csv" | grep -qF "Recorded 12 rows of $work/in.csv as 12 op(s), last seq $((before + 12)); 988 row(s) repeating an earlier row, skipped" ||
  fail "the good file did not import"
[ "$(op_count)" = "$((before + 12))" ] || fail "expected $((before + 12)) ops, have $(op_count)"
"$kinerja" show --json | json_check 'len(j) == 12 and {e["period"] for e in j} == {"2024-%02d" % m for m in range(1, 13)}'
"$kinerja" verify >/dev/null
echo "ok: bad rows refused by line and column, nothing written; the good file imported"
