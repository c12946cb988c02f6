#!/usr/bin/env bash
# One number grammar for the command line, CSV and XLSX (issue 12, item 5): a count written
# with a single comma before three digits (2,605) is ambiguous and refused with "tulis 2605
# atau 2.605", never guessed; 2605 and 2.605 are 2605; a decimal with a single separator
# before three digits is refused too (3,100); money may be typed `Rp 12.345.678.000`.
# Nothing is written on a refusal.
set -euo pipefail
PATH=/usr/bin:$PATH  # not a pyenv shim: python3 runs often here
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
new_store

record=(record --indicator LAYANAN --denominator 3000)
expect_bad "numerator: '2,605' ambigu (ribuan atau desimal?): tulis 2605 atau 2.605" "${record[@]}" --period 2024-01 --numerator 2,605
"$kinerja" "${record[@]}" --period 2024-01 --numerator 2605 >/dev/null
"$kinerja" "${record[@]}" --period 2024-02 --numerator 2.605 >/dev/null
"$kinerja" show --year 2024 --json | json_check '[(v["period"], v["numerator"]) for v in j] == [("2024-01", "2605"), ("2024-02", "2605")]'

expect_bad "--value: '3,100' ambigu (ribuan atau desimal?): tulis 3100 atau 3,1" \
  survey record --survey SKM --period 2024-03 --value 3,100 --respondents 40
expect_bad "--respondents: '1,200' ambigu (ribuan atau desimal?): tulis 1200 atau 1.200" \
  survey record --survey SKM --period 2024-03 --value 3,1 --respondents 1,200

"$kinerja" budget line --year 2024 --activity 5254.8AA.001 --name "Layanan Paspor" --jenis 52 --sumber RM \
  --pagu "Rp 12.345.678.000" >/dev/null
"$kinerja" budget spend --year 2024 --activity 5254.8AA.001 --month 3 --amount "Rp 2.605" >/dev/null
expect_bad "--amount: 'Rp 2,605' ambigu" budget spend --year 2024 --activity 5254.8AA.001 --month 4 --amount "Rp 2,605"
"$kinerja" budget list --year 2024 --json | json_check 'j["lines"][0]["pagu"] == "12345678000" and j["lines"][0]["realisasi"] == "2605"'

# The same grammar in a CSV (line and column named) and in XLSX text and numeric cells.
printf 'indicator,period,numerator,denominator\nLAYANAN,2024-03,"2,605",3000\n' >"$work/r.csv"
expect_bad "r.csv: line 2, column numerator: '2,605' ambigu (ribuan atau desimal?): tulis 2605 atau 2.605" import "$work/r.csv"
python3 "$KINERJA_SOURCE_DIR/tests/cli/make_xlsx.py" "$work/r.xlsx" <<'JSON'
[["indicator", "period", "numerator", "denominator"],
 ["LAYANAN", "2024-03", "2.605", {"n": "3000"}],
 ["LAYANAN", "2024-04", {"n": "2605"}, "3.000"]]
JSON
"$kinerja" import "$work/r.xlsx" >/dev/null
"$kinerja" show --year 2024 --json | json_check '[(v["numerator"], v["denominator"]) for v in j if v["period"] in ("2024-03", "2024-04")] == [("2605", "3000")] * 2'
"$kinerja" verify >/dev/null
echo "number grammar: ok"
