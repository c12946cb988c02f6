#!/usr/bin/env bash
# End to end: the PNBP register through the real `kinerja` binary, typed as an office would.
# Semarang 2024: targets per akun adding up to Rp 22.158.700.000, monthly realisasi adding
# up to Rp 56.172.142.928 → capaian 253,50% (the exact quotient 253,4992… half-up), per
# akun and in total, in table, md, csv and JSON; a correction replaces a month; 2023 with
# target 0 shows capaian "-"; the multi-year table; import all or none; bad input is exit 2
# with nothing written.
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"

new_store
p() { "$kinerja" pnbp "$@" >/dev/null; }

# A month recorded before its target is fine.
p record --year 2024 --month 1 --akun 425121 --value 3.100.000.000
p target --year 2024 --akun 425121 --value 15.000.000.000
p target --year 2024 --akun 425122 --value 7158700000
p record --year 2024 --month 6 --akun 425121 --value 16.900.000.000
p record --year 2024 --month 12 --akun 425121 --value 20.000.000.000
p record --year 2024 --month 3 --akun 425122 --value 4.000.000.000
p record --year 2024 --month 9 --akun 425122 --value 5.000.000.000
p record --year 2024 --month 12 --akun 425122 --value 7.000.000.000
# December of 425122 re-entered: a correction that replaces the 7.000.000.000, never adds to it.
"$kinerja" pnbp record --year 2024 --month 12 --akun 425122 --value 7.172.142.928 | grep -qF "corrected" || fail "correction"

"$kinerja" report pnbp --year 2024 >"$work/2024.txt"
grep -qE '^425121 +Rp 15\.000\.000\.000 +Rp 40\.000\.000\.000 +266,67%$' "$work/2024.txt" || fail "425121: $(cat "$work/2024.txt")"
grep -qE '^425122 +Rp 7\.158\.700\.000 +Rp 16\.172\.142\.928 +225,91%$' "$work/2024.txt" || fail "425122"
grep -qE '^Jumlah +Rp 22\.158\.700\.000 +Rp 56\.172\.142\.928 +253,50%$' "$work/2024.txt" || fail "total 253,50%"
grep -qE '^2024 +Rp 22\.158\.700\.000 +Rp 56\.172\.142\.928 +253,50%$' "$work/2024.txt" || fail "multi-year 2024"
grep -qF "data per " "$work/2024.txt" || fail "data per"

"$kinerja" report pnbp --year 2024 --format json | json_check '
[t["id"] for t in j["tables"]] == ["pnbp.akun", "pnbp.years"]
and j["tables"][0]["rows"][-1] == ["Jumlah", "22158700000", "56172142928", "253.50"]
and j["tables"][0]["notes"] == []'
"$kinerja" report pnbp --year 2024 --format md | grep -qF "| **Jumlah** | **Rp 22.158.700.000** | **Rp 56.172.142.928** | **253,50%** |" ||
  fail "markdown"
"$kinerja" report pnbp --year 2024 --format csv | grep -qF "Jumlah,22158700000,56172142928,253.50" || fail "csv"
"$kinerja" pnbp list --year 2024 --json | json_check '
[a["akun"] for a in j["akun"]] == ["425121", "425122"]
and j["akun"][1]["months"] == {"3": "4000000000", "9": "5000000000", "12": "7172142928"}
and j["akun"][0]["target"] == "15000000000" and j["akun"][0]["realisasi"] == "40000000000"'
"$kinerja" pnbp list --year 2024 | grep -qE '^425122 +Rp 7\.158\.700\.000 ' || fail "list"

# 2023: target 0, realisasi recorded → capaian "-", with a note; both years in the multi-year table.
p target --year 2023 --akun 425121 --value 0
p record --year 2023 --month 12 --akun 425121 --value 48.000.000.000
"$kinerja" report pnbp --year 2023 >"$work/2023.txt"
grep -qE '^Jumlah +Rp 0 +Rp 48\.000\.000\.000 +-$' "$work/2023.txt" || fail "2023 capaian -: $(cat "$work/2023.txt")"
grep -qF "target PNBP 0; capaian tidak dihitung" "$work/2023.txt" || fail "2023 note"
"$kinerja" report pnbp --year 2024 --json | json_check '
j["tables"][1]["rows"] == [["2023", "0", "48000000000", "-"], ["2024", "22158700000", "56172142928", "253.50"]]'

# Import: all rows or none; a bad row names its line.
printf 'year,akun,month,value\n2025,425121,,1.000.000\n2025,425121,2,500.000\n2025,425121,13,5\n' >"$work/bad.csv"
expect_bad "bad.csv: line 4, column month: 13 is outside 1-12" pnbp import "$work/bad.csv"
printf 'year,akun,month,value\n2025,425121,,1.000.000\n2025,42512,2,500.000\n' >"$work/bad2.csv"
expect_bad "bad2.csv: line 3, column akun: '42512' is not an akun (6 digits" pnbp import "$work/bad2.csv"
printf 'year,akun,month,value\n2025,425121,,1.000.000\n2025,425121,2,500.000\n2025,425121,3,250000\n' >"$work/good.csv"
"$kinerja" pnbp import "$work/good.csv" | grep -qF "Imported 3 PNBP rows" || fail "import"
"$kinerja" report pnbp --year 2025 | grep -qE '^Jumlah +Rp 1\.000\.000 +Rp 750\.000 +75,00%$' || fail "imported 2025"

# Bad input: exit 2, the field named, nothing written.
expect_bad "--month: 13 is outside 1-12" pnbp record --year 2024 --month 13 --akun 425121 --value 1
expect_bad "--akun: '42A121' is not an akun (6 digits, e.g. 425121)" pnbp record --year 2024 --month 1 --akun 42A121 --value 1
expect_bad "--akun: '42A121' is not an akun" pnbp target --year 2024 --akun 42A121 --value 1
expect_bad "--value: '-5' must not be negative" pnbp record --year 2024 --month 1 --akun 425121 --value=-5
expect_bad "--value: '-5' must not be negative" pnbp target --year 2024 --akun 425121 --value=-5
expect_bad "--value" pnbp record --year 2024 --month 1 --akun 425121 --value banyak
expect_bad "--value: '1000,5' must be a whole number" pnbp target --year 2024 --akun 425121 --value 1000,5

"$kinerja" rebuild --check >/dev/null
"$kinerja" verify >/dev/null
echo ok
