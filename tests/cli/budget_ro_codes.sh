#!/usr/bin/env bash
# End to end: RO codes as the DIPA writes them (issue 13, item 1). Semarang's 5254.8HB.U01,
# whose last part has letters, is a budget line with its realisasi; a malformed code is
# exit 2 naming the expected shape, and nothing is written.
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"

new_store
"$kinerja" budget line --year 2024 --activity 5254.8HB.U01 --name "Layanan Keimigrasian (U01)" --jenis 52 --sumber RM \
  --pagu 232.141.000 | grep -qF "Budget line 2024/5254.8HB.U01/52/RM version 1" || fail "U01 line"
"$kinerja" budget spend --year 2024 --activity 5254.8HB.U01 --month 12 --amount 193.260.524 >/dev/null
"$kinerja" report budget --year 2024 >"$work/2024.txt"
grep -qE '^5254\.8HB\.U01 +Layanan Keimigrasian \(U01\) +Rp 232\.141\.000 +Rp 193\.260\.524 +83,25%$' "$work/2024.txt" ||
  fail "U01 row: $(cat "$work/2024.txt")"

expect_bad "--activity: '5254.8HB.U1' is not an activity code kegiatan.KRO.RO (NNNN.XXX.NNN" \
  budget line --year 2024 --activity 5254.8HB.U1 --name X --jenis 52 --sumber RM --pagu 1
expect_bad "--activity: '5254.8hb.u01' is not an activity code" \
  budget spend --year 2024 --activity 5254.8hb.u01 --month 1 --amount 1
echo ok
