#!/usr/bin/env bash
# Issue 12 item 10: a target (or national average) for an indicator outside that year's
# catalogue is refused, exit 2, nothing written; `target budget --pagu` without --realisasi
# keeps the realisasi recorded before.
set -euo pipefail
PATH=/usr/bin:$PATH
source "$(dirname "$0")/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
"$kinerja" init --office 407973 --name "Kanim Semarang" --kanwil JATENG >/dev/null  # catalogues 2023-2025

# IKM is in the 2023 catalogue of the same Renstra, not in 2024's PK: it was accepted and never shown.
expect_bad "--indicator: 'IKM' is not in the catalogue for 2024 (PROYUSTISIA, TAK, LAYANAN, RB, ILK)" \
  target set --year 2024 --indicator IKM --value 3,25
expect_bad "--indicator: 'TAK' is not in the catalogue for 2023 (IKM, IPK, IKI)" target set --year 2023 --indicator TAK --value 90 --quarter 2
expect_bad "--indicator: 'IKM' is not in the catalogue for 2024" target national --year 2024 --indicator IKM --capaian 100
# A year without a loaded catalogue: the advice works.
expect_bad 'no catalogue is loaded for 2022 (load the shipped one with `kinerja catalogue load --year 2022`)' \
  target set --year 2022 --indicator IKM --value 3,25
"$kinerja" catalogue load --year 2022 >/dev/null
"$kinerja" target set --year 2022 --indicator IKM --value 3,25 >/dev/null
"$kinerja" report pk --year 2022 --format json | json_check '
  [i["target"] for s in j["sasaran"] for i in s["indicators"] if i["code"] == "IKM"] == ["3.25"]'
"$kinerja" target set --year 2024 --indicator TAK --value 90 >/dev/null

# The budget row: a new pagu keeps the realisasi (Semarang 2024: Rp 4.547.339.991).
anggaran() { "$kinerja" report pk --year 2024 --format json | python3 -c 'import json, sys; a = json.load(sys.stdin)["anggaran"]; print(a["pagu"], a["realisasi"], a["capaian"])'; }
"$kinerja" target budget --year 2024 --pagu 4780958000 --realisasi 4547339991 >/dev/null
[ "$(anggaran)" = "4780958000 4547339991 95.11" ] || fail "budget: $(anggaran)"
"$kinerja" target budget --year 2024 --pagu 4.800.000.000 >/dev/null
[ "$(anggaran)" = "4800000000 4547339991 94.74" ] || fail "a new pagu must keep the realisasi: $(anggaran)"
err=$("$kinerja" target budget --year 2024 --pagu 4000000000 2>&1 >/dev/null)
grep -qF "warning: realisasi 4547339991 is above the pagu 4000000000" <<<"$err" || fail "kept realisasi above the new pagu: $err"
"$kinerja" target budget --year 2024 --pagu 4780958000 --realisasi 4600000000 >/dev/null
[ "$(anggaran)" = "4780958000 4600000000 96.22" ] || fail "an explicit realisasi replaces it: $(anggaran)"
echo "target_checks: ok"
