#!/usr/bin/env bash
# End to end (issue 3 gaps): component weights published for a composite index and its
# value computed from recorded components; `report pk --quarter`; `explain --json`.
set -euo pipefail
PATH=/usr/bin:$PATH
source "$(dirname "$0")/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
"$kinerja" init --office 407973 --name "Kanim Semarang" --kanwil JATENG >/dev/null  # catalogues 2023-2025

refused() {  # TEXT ARGS...: exit 2 naming the field, nothing written
  local before; before=$(op_count)
  expect_exit 2 "$@"
  [ "$(op_count)" = "$before" ] || fail "kinerja ${*:2} wrote ops"
}

# IKK 8.1 IKLK: entered directly until weights exist, then Σ weight × component / 100.
"$kinerja" record --indicator IKLK --period 2025 --value 91,5 >/dev/null
"$kinerja" record --indicator IKLK --period 2025 --component DOKLN --value 95 >/dev/null
"$kinerja" record --indicator IKLK --period 2025 --component IZINTINGGAL --value 90 >/dev/null
iklk() { "$kinerja" report pk --year 2025 --format json | python3 -c '
import json, sys
print([i for s in json.load(sys.stdin)["sasaran"] for i in s["indicators"] if i["code"] == "IKLK"][0]["realisasi"])'; }
[ "$(iklk)" = 91.50 ] || fail "direct entry before weights: $(iklk)"
refused "weights: the weights of IKLK sum to 90, not 100" catalogue weights --year 2025 --indicator IKLK DOKLN=60 IZINTINGGAL=30
refused "weights: 'PASPOR' is not a component of IKLK (DOKLN, IZINTINGGAL)" catalogue weights --year 2025 --indicator IKLK DOKLN=60 PASPOR=40
refused "weights: no weight for IZINTINGGAL" catalogue weights --year 2025 --indicator IKLK DOKLN=100
refused "--indicator: RB is not a composite index" catalogue weights --year 2025 --indicator RB X=100
"$kinerja" catalogue weights --year 2025 --indicator IKLK DOKLN=60 IZINTINGGAL=40 | grep -qF "Bobot IKLK dalam katalog 2025 diterbitkan" || fail "weights"
"$kinerja" catalogue show --year 2025 --json | json_check '
  [c["weight"] for s in j[0]["sasaran"] for i in s["indicators"] if i["code"] == "IKLK" for c in i["components"]] == ["60", "40"]'
[ "$(iklk)" = 93.00 ] || fail "60 % × 95 + 40 % × 90 = 93: $(iklk)"
grep -qF "60% × 95 + 40% × 90 = 93" <<<"$("$kinerja" explain --indicator IKLK --year 2025)" || fail "explain IKLK"
refused "component: 'PASPOR' is not a component of IKLK" record --indicator IKLK --period 2025 --component PASPOR --value 90
refused "component: LAYANAN is not a composite index" record --indicator LAYANAN --period 2024 --component X --numerator 1 --denominator 2
"$kinerja" show --indicator IKLK | grep -qF "IKLK/DOKLN" || fail "show names the component"

# Quarter targets: report pk --quarter Q, cumulative up to the end of the triwulan.
"$kinerja" record --indicator LAYANAN --period 2024-Q1 --numerator 180 --denominator 200 >/dev/null
"$kinerja" record --indicator LAYANAN --period 2024-Q2 --numerator 190 --denominator 200 >/dev/null
"$kinerja" record --indicator LAYANAN --period 2024-Q3 --numerator 100 --denominator 100 >/dev/null
"$kinerja" target set --year 2024 --indicator LAYANAN --value 90 >/dev/null
"$kinerja" target set --year 2024 --indicator LAYANAN --value 95 --quarter 2 >/dev/null
"$kinerja" report pk --year 2024 --quarter 2 --format json | json_check '
  j["quarter"] == "2" and j["anggaran"]["pagu"] is None and
  [(i["target"], i["realisasi"], i["capaian"]) for s in j["sasaran"] for i in s["indicators"] if i["code"] == "LAYANAN"]
    == [("95.00", "92.50", "97.37")]'
"$kinerja" report pk --year 2024 --format json | json_check '
  "quarter" not in j and [(i["target"], i["realisasi"]) for s in j["sasaran"] for i in s["indicators"] if i["code"] == "LAYANAN"]
    == [("90.00", "94.00")]'
"$kinerja" report pk --year 2024 --quarter 2 | grep -qF "Realisasi Perjanjian Kinerja s.d. Triwulan II 2024" || fail "quarter title"
expect_exit 2 "--quarter" report pk --year 2024 --quarter 5

# explain --json: the inputs with the op seqs behind them, numbers as strings with '.'.
"$kinerja" log --json >"$work/log.json"
"$kinerja" explain --indicator LAYANAN --year 2024 --json | python3 -c '
import json, sys
j = json.load(sys.stdin)
log = {(o["type"], o["key"]): o["seq"] for o in json.load(open(sys.argv[1]))}
assert [i["period"] for i in j["inputs"]] == ["2024-Q1", "2024-Q2", "2024-Q3"], j["inputs"]
assert [i["ops"][0]["seq"] for i in j["inputs"]] == [log[("value", "LAYANAN/2024-Q%d" % q)] for q in (1, 2, 3)]
assert j["inputs"][0]["numerator"] == "180" and j["inputs"][0]["denominator"] == "200"
assert j["realisasi"]["value"] == {"exact": "94", "printed": "94.00"}, j["realisasi"]
assert j["realisasi"]["formula"] == "Σ pembilang / Σ penyebut × 100 = 470 / 500 × 100 = 94"
assert j["target"]["value"] == "90" and j["target"]["ops"][0]["seq"] == log[("target", "LAYANAN/2024")]
assert j["capaian"]["value"]["printed"] == "104.44" and j["national"]["average"] is None
' "$work/log.json" || fail "explain --json"
refused "--json: hanya tersedia bersama --indicator" explain --year 2024 --overall --json
echo "ok: composite weights, quarter report, explain --json"
