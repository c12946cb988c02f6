#!/usr/bin/env bash
# Issue 12 item 3: the yearly total (rekap) an office reported before a register existed,
# for the five-year trend: recorded with `record --rekap` only for a year the register holds
# nothing for, marked "rekap" in the trend table, in explain and in the LKjIP footnotes; the
# 2020-2022 catalogues shipped, and every catalogue advice in an error is a command that works.
set -euo pipefail
PATH=/usr/bin:$PATH
source "$(dirname "$0")/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
new_store  # the 2024 catalogue only

# schema/domain.md: TAK 2021, 31 handled, 31 followed up, as the LKjIP 2021 reported it.
"$kinerja" record --indicator TAK --period 2021 --numerator 31 --denominator 31 --rekap "LKjIP 2021" |
  grep -qF "Recorded TAK 2021 as 1 op(s)" || fail "rekap TAK 2021"
# RB 2023: 75 of 75 (schema/domain.md).
"$kinerja" record --indicator RB --period 2023 --numerator 75 --denominator 75 --rekap "LKjIP 2023" >/dev/null

# A year the register holds entries for takes no rekap: exit 2, nothing written.
"$kinerja" case open --kind tak --ref TAK-1/2022 --date 2022-06-15 >/dev/null
expect_bad "rekap: the register has entries for TAK 2022 (1 op in the case register" \
  record --indicator TAK --period 2022 --numerator 88 --denominator 88 --rekap "LKjIP 2022"
"$kinerja" rb add --year 2020 --area "Manajemen Perubahan" --action "Sosialisasi" --due 2020-Q2 >/dev/null
expect_bad "rekap: the register has entries for RB 2020" record --indicator RB --period 2020 --numerator 1 --denominator 1 --rekap "LKjIP 2020"
expect_bad "is recorded by hand, not counted from a register" \
  record --indicator LAYANAN --period 2021 --numerator 1 --denominator 2 --rekap "LKjIP 2021"
expect_bad "period: a rekap is the total of a whole year" \
  record --indicator TAK --period 2020-Q1 --numerator 3 --denominator 3 --rekap "LKjIP 2020"
expect_bad "not recorded by hand; a year's total reported before the register existed is recorded with --rekap" \
  record --indicator TAK --period 2020 --numerator 3 --denominator 3

# From a CSV file (column rekap), all rows or none: the 2022 row names its line.
printf 'indicator,period,numerator,denominator,rekap\nTAK,2020,3,3,LKjIP 2020\nTAK,2022,88,88,LKjIP 2022\n' >"$work/rekap.csv"
expect_bad "rekap.csv: line 3, column rekap: the register has entries for TAK 2022" import "$work/rekap.csv"
printf 'indicator,period,numerator,denominator,rekap\nTAK,2020,3,3,LKjIP 2020\n' >"$work/rekap.csv"
"$kinerja" import "$work/rekap.csv" >/dev/null

# The trend: 2020, 2021 and 2023 are rekap years, 2022 comes from the register.
trend=$("$kinerja" report trend --indicator TAK --from 2020 --to 2024)
grep -qE '^2021 +31 +31 +- +- +100,00% +- +- +- +rekap *$' <<<"$trend" || fail "trend row 2021: $trend"
grep -qE '^2022 +0 +1 +- +- +0,00% ' <<<"$trend" || fail "trend row 2022 (register): $trend"
grep -qF "2021: rekap — total tahunan yang dilaporkan (LKjIP 2021)" <<<"$trend" || fail "trend footnote: $trend"
"$kinerja" report trend --indicator TAK --from 2020 --to 2024 --json | json_check '
  [(y["year"], y["rekap"], y["realisasi"]) for y in j["years"]][0:3] ==
    [("2020", "LKjIP 2020", "100.00"), ("2021", "LKjIP 2021", "100.00"), ("2022", None, "0.00")]'
"$kinerja" report trend --indicator RB --from 2020 --to 2024 --json | json_check '
  j["years"][3]["rekap"] == "LKjIP 2023" and j["years"][3]["numerator"] == "75" and j["years"][3]["realisasi"] == "100.00"'

# explain names the rekap and its op.
seq=$("$kinerja" log | awk '$4 == "value" && $5 == "TAK/2021" { print $2 }')
ex=$("$kinerja" explain --indicator TAK --year 2021)
grep -qF "2021: pembilang 31, penyebut 31  [rekap; op seq $seq " <<<"$ex" || fail "explain rekap: $ex"
grep -qF '"LKjIP 2021"' <<<"$ex" || fail "explain names the report: $ex"
grep -qF "31 / 31 × 100 = 100" <<<"$ex" || fail "explain formula: $ex"
grep -qF "TAK tidak ada dalam katalog 2021" <<<"$ex" || fail "explain must not advise a target the catalogue refuses: $ex"

# The LKjIP annex: the trend table's row and footnote.
"$kinerja" report lkjip --year 2024 --format json | json_check '
  [(t["rows"][1][-1], [n for n in t["notes"] if n.startswith("2021: rekap")] != []) for t in j["tables"] if t["id"] == "trend.TAK"]
    == [("rekap", True)]'

# A case entered later for a rekap year (here, or on another device) does not count twice.
"$kinerja" case open --kind tak --ref TAK-9/2021 --date 2021-03-01 >/dev/null
"$kinerja" report trend --indicator TAK --from 2021 --to 2021 --json | json_check 'j["years"][0]["denominator"] == "31"'
grep -qF "1 op register tahun ini tidak dihitung" <<<"$("$kinerja" explain --indicator TAK --year 2021)" || fail "explain left out"

# Catalogues: the advice in errors is a command that works on this store.
expect_bad 'load the shipped one with `kinerja catalogue load --year 2022`' report pk --year 2022
"$kinerja" catalogue load --year 2022 | grep -qF "Loaded the 2022 catalogue" || fail "catalogue load --year"
"$kinerja" report pk --year 2022 --format json | json_check '[i["code"] for s in j["sasaran"] for i in s["indicators"]] == ["IKM", "IPK", "IKI"]'
expect_bad "none is shipped for it (shipped: 2020, 2021, 2022, 2023, 2024, 2025)" report pk --year 2019
expect_bad "no catalogue is shipped for 2019 (shipped: 2020, 2021, 2022, 2023, 2024, 2025)" catalogue load --year 2019
expect_bad "give a FILE or --year" catalogue load
expect_exit 2 "no catalogue is shipped for 2019 (shipped: 2020," --store "$work/none.db" init --office 407973 --name X --kanwil JATENG --year 2019
[ ! -e "$work/none.db" ] || fail "a refused init wrote a store"

# init --year 2022 and the PK 2022 of a survey indicator: IKM 3,5 against 3,25 → 107,69%.
export KINERJA_STORE=$work/y2022.db
"$kinerja" init --office 407973 --name "Kanim Semarang" --kanwil JATENG --year 2022 | grep -qF "Loaded the 2022 indicator catalogue" ||
  fail "init --year 2022"
"$kinerja" survey record --survey SKM --period 2022-06 --value 3,5 --respondents 100 >/dev/null
"$kinerja" target set --year 2022 --indicator IKM --value 3,25 >/dev/null
"$kinerja" report pk --year 2022 --format json | json_check '
  [(i["realisasi"], i["capaian"]) for s in j["sasaran"] for i in s["indicators"] if i["code"] == "IKM"] == [("3.50", "107.69")]'
grep -qF "107,69%" <<<"$("$kinerja" report pk --year 2022)" || fail "PK 2022 table"
# A survey index's rekap: IKI 2021 (IIO / 25) as reported.
"$kinerja" record --indicator IKI --period 2021 --value 3,8 --rekap "LKjIP 2021" >/dev/null
"$kinerja" report trend --indicator IKI --from 2020 --to 2022 --json | json_check '
  [(y["rekap"], y["realisasi"]) for y in j["years"]] == [(None, None), ("LKjIP 2021", "3.80"), (None, None)]'
"$kinerja" verify >/dev/null
echo "rekap_years: ok"
