#!/usr/bin/env bash
# End to end: the survey register through the real `kinerja` binary — record with elements,
# import (all or nothing, naming the line), list --json, report survey in every format with
# its warnings, ILK's realisasi in the PK report from the register, and bad input (exit 2,
# op count unchanged).
set -euo pipefail
PATH=/usr/bin:$PATH
source "$(dirname "$0")/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
new_store

# refused TEXT ARGS...: exit 2 naming the field, nothing written.
refused() {
  local before; before=$(op_count)
  expect_exit 2 "$@"
  [ "$(op_count)" = "$before" ] || fail "kinerja ${*:2} wrote ops"
}

"$kinerja" survey record --survey ILK --period 2024-01 --value 3,90 --respondents 25 --element U1=3,9 U2=3,95 \
  >"$work/rec.out" 2>"$work/rec.err"
grep -qF "Recorded ILK 2024-01 as 1 op(s)" "$work/rec.out" || fail "record: $(cat "$work/rec.out")"
grep -qF "peringatan: ILK Januari 2024: 25 responden, kurang dari 30" "$work/rec.err" || fail "record warns: $(cat "$work/rec.err")"
grep -qF "rata-rata 2 unsur 3,9250 berbeda 0,0250 dari nilai 3,9000" "$work/rec.err" || fail "element warning"

printf 'survey,period,value,respondents,elements,note\nILK,2024-02,"4,00",75,,\nILK,2024-03,3.99,x,,\n' >"$work/bad.csv"
refused "bad.csv: line 3, column respondents: 'x' is not a number" survey import "$work/bad.csv"
printf 'survey,period,value,respondents\nILK,2024-02,4,75\nIIO,2024-02,101,30\n' >"$work/bad.csv"
refused "bad.csv: line 3, column value: 101 is outside [0; 100] for IIO" survey import "$work/bad.csv"
printf 'survey,period,value,respondents,elements,note\nILK,2024-02,"4,00",75,,Februari\nIIO,2024-06,86,40,,\nIIO,2024-12,91,60,,\n' >"$work/ok.csv"
"$kinerja" survey import "$work/ok.csv" | grep -qF "Recorded 3 survey months" || fail "import"

# ILK 2024 = (3,90 × 25 + 4,00 × 75) / 100 = 3,975 → 3,98 (half-up); IIO (86 × 40 + 91 × 60) / 100 = 89 → IKI 3,56.
"$kinerja" survey list --year 2024 --json | json_check '
  [(m["survey"], m["period"], m["value"], m["respondents"]) for m in j["months"]] ==
    [("IIO", "2024-06", "86", "40"), ("IIO", "2024-12", "91", "60"), ("ILK", "2024-01", "3.9", "25"), ("ILK", "2024-02", "4", "75")]
  and j["months"][2]["elements"] == {"U1": "3.9", "U2": "3.95"} and len(j["months"][2]["warnings"]) == 2
  and j["years"] == [
    {"survey": "IIO", "year": "2024", "months": "2", "respondents": "100", "value": "89.00", "iki": "3.56"},
    {"survey": "ILK", "year": "2024", "months": "2", "respondents": "100", "value": "3.98"}]'
"$kinerja" survey list --year 2024 | grep -qF "ILK 2024: 3,98 (100 responden, 2 bulan)" || fail "list summary"

report=$("$kinerja" report survey --year 2024)
for s in "Indeks Kepuasan Unit Kerja terhadap Layanan Kesekretariatan (ILK) 2024" "Januari" "responden < 30; unsur ≠ nilai" \
         "Tahun 2024  3,98" "IKI (IIO / 25)  3,56" "[1] ILK Januari 2024: 25 responden, kurang dari 30" "data per "; do
  grep -qF -- "$s" <<<"$report" || fail "report survey lacks '$s': $report"
done
"$kinerja" report survey --year 2024 --format md | grep -qF "| Februari | 4,00 | 75 |  |" || fail "md"
"$kinerja" report survey --year 2024 --format csv | grep -qF "Tahun 2024,3.98,100," || fail "csv"
"$kinerja" report survey --year 2024 --format json | json_check '
  [t["id"] for t in j["tables"]] == ["survey.IIO", "survey.ILK"]
  and j["tables"][1]["rows"][0] == ["Januari", "3.90", "25", "responden < 30; unsur ≠ nilai"]
  and len(j["tables"][1]["notes"]) == 2 and j["tables"][0]["notes"] == []'
"$kinerja" report survey --year 2023 | grep -qF "No survey months recorded for 2023" || fail "empty year"

# SKM in 2023 gives the IKM and its category.
"$kinerja" survey record --survey SKM --period 2023-05 --value 3,0644 --respondents 300 >/dev/null
"$kinerja" report survey --year 2023 | grep -qF "mutu B (Baik)" || fail "IKM category"

# The PK report takes ILK from the register; a manual record is refused naming it.
"$kinerja" target set --year 2024 --indicator ILK --value 3,1 >/dev/null
"$kinerja" report pk --year 2024 --format json | json_check '
  [i for s in j["sasaran"] for i in s["indicators"] if i["code"] == "ILK"][0]["realisasi"] == "3.98"'
grep -qF "Σ(nilai × responden) / Σ responden = 397.5 / 100 = 3.975" <<<"$("$kinerja" explain --indicator ILK --year 2024)" \
  || fail "explain ILK"
refused "counted from the survey register" record --indicator ILK --period 2024 --value 3,99

refused "--survey: 'IKM' is not one of SKM|IIO|IPK|ILK" survey record --survey IKM --period 2024-01 --value 3 --respondents 40
refused "--period: '2024-13' bulannya di luar 1-12" survey record --survey SKM --period 2024-13 --value 3 --respondents 40
refused "--period: '2024' is not a month" survey record --survey SKM --period 2024 --value 3 --respondents 40
refused "--value: 4.5 is outside [1; 4] for IPK" survey record --survey IPK --period 2024-01 --value 4,5 --respondents 40
refused "--respondents: '12,5' must be a whole number" survey record --survey IPK --period 2024-01 --value 3 --respondents 12,5
refused "--element: 'U1:3' is not NAME=VALUE" survey record --survey SKM --period 2024-01 --value 3 --respondents 40 --element U1:3
"$kinerja" rebuild --check >/dev/null
"$kinerja" verify >/dev/null
echo "ok: survey register"
