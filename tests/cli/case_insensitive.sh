#!/usr/bin/env bash
# Codes and enumerations are typed in any case (issue 12, item 6): indicator codes, periods,
# case kinds and statuses, survey names, innovation categories and report formats typed in
# small letters are stored in their one canonical form, and the figures count them.
set -euo pipefail
source "$(dirname "$0")/lib.bash"
new_store

"$kinerja" record --indicator layanan --period 2024-q1 --numerator 180 --denominator 200 >/dev/null
"$kinerja" case open --kind TAK --ref W.11-2024-001 --date 2024-03-04 >/dev/null
"$kinerja" case update W.11-2024-001 --status Selesai --date 2024-03-20 >/dev/null
"$kinerja" case open --kind ProYustisia --ref PY-01/2024 --date 2024-04-02 >/dev/null
printf 'kind,ref,date,status,status_date\ntak,W.11-2024-002,2024-05-06,SELESAI,2024-05-20\n' >"$work/cases.csv"
"$kinerja" case import "$work/cases.csv" >/dev/null
"$kinerja" survey record --survey ilk --period 2024-03 --value 3,52 --respondents 120 >/dev/null
"$kinerja" target set --year 2024 --indicator tak --value 90 | grep -qF "TAK 2024" || fail "target set prints the canonical code"
"$kinerja" target national --year 2024 --indicator Layanan --capaian 95 >/dev/null

# The log holds the canonical forms only.
"$kinerja" log --json | json_check '
  [o["key"] for o in j if o["type"] == "value"] == ["LAYANAN/2024-Q1"]
  and [o["body"]["kind"] for o in j if o["type"] == "case"] == ["tak", "proyustisia", "tak"]
  and [o["body"]["status"] for o in j if o["type"] == "case.status"] == ["selesai", "selesai"]
  and [o["body"]["survey"] for o in j if o["type"] == "survey"] == ["ILK"]
  and [o["body"]["indicator"] for o in j if o["type"] in ("target", "national")] == ["TAK", "LAYANAN"]'

# The figures count them: TAK 2 of 2 done against a target of 90, LAYANAN 180/200 = 90 %.
"$kinerja" report pk --year 2024 --format JSON | json_check '
  [(i["realisasi"], i["target"]) for s in j["sasaran"] for i in s["indicators"] if i["code"] == "TAK"] == [("100.00", "90.00")]
  and [i["realisasi"] for s in j["sasaran"] for i in s["indicators"] if i["code"] == "LAYANAN"] == ["90.00"]'
"$kinerja" case list --year 2024 --json | json_check '
  {c["kind"]: (c["numerator"], c["denominator"]) for c in j["counts"]}["tak"] == ("2", "2")'
"$kinerja" explain --year 2024 --indicator tak | grep -qF "TAK" || fail "explain --indicator tak"
"$kinerja" explain --year 2024 --sasaran sk1 >/dev/null || fail "explain --sasaran sk1"
"$kinerja" report trend --indicator Tak --from 2023 --to 2024 | grep -qF "Capaian TAK 2023" || fail "report trend --indicator Tak"

"$kinerja" catalogue load --year 2025 >/dev/null
"$kinerja" catalogue weights --year 2025 --indicator iklk dokln=60 Izintinggal=40 | grep -qF "Bobot IKLK" || fail "weights in any case"
"$kinerja" catalogue show --year 2025 --json | json_check '
  [(p["code"], p["weight"]) for s in j[0]["sasaran"] for i in s["indicators"] if i["code"] == "IKLK" for p in i["components"]]
  == [("DOKLN", "60"), ("IZINTINGGAL", "40")]'

# A value that is no member in any case is still refused, naming the field.
expect_bad "--kind: 'takk' is not one of proyustisia|tak" case open --kind takk --ref X-9 --date 2024-03-04
echo "ok: codes and enumerations in any case are stored canonical and counted"
