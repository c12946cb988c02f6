#!/usr/bin/env bash
# End to end: IKPA and NKA (LKjIP chapter III.C) through the real `kinerja` binary, typed as
# an office would. Semarang 2024: Revisi DIPA 100 (bobot 10), Deviasi Hal. III DIPA 78,18 (15),
# Penyerapan 95,14 (20), Belanja Kontraktual 98,00 (10), Penyelesaian Tagihan 100 (10),
# UP/TUP 95,41 (10), Dispensasi SPM 0 (pengurang), Capaian Output 100 (25) → 95,10;
# perencanaan 89,09, pelaksanaan 97,14, hasil 100. NKA 2024: CRO 100, SBK penggunaan 83,33,
# SBK efisiensi 0, IKPA 95,10 → 41,67 + 47,55 = 89,22. Also: konversi when an indicator is
# not assessed, the 2023 SMART formula with its efficiency bound, the reference published by
# the kanwil (a real kinerja-hub on loopback), and bad input (exit 2, nothing written).
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"

new_store
i() { "$kinerja" ikpa record --year 2024 "$@" >/dev/null; }

# An interim value as of June, then the year's values.
i --month 6 --indicator PENYERAPAN --value 40,5
i --indicator REVISI --value 100
i --indicator DEVIASI --value 78,18
i --indicator KONTRAKTUAL --value 98,00
i --indicator TAGIHAN --value 100
i --indicator UP_TUP --value 95,41
i --indicator DISPENSASI_SPM --value 0

# Capaian Output and the yearly Penyerapan not assessed yet: konversi 55 % and the June value.
"$kinerja" report ikpa --year 2024 >"$work/partial.txt"
grep -qE 'Capaian Output +Hasil +- +25 +-$' "$work/partial.txt" || fail "not assessed: $(cat "$work/partial.txt")"
grep -qE 'Konversi bobot +75,00%$' "$work/partial.txt" || fail "konversi 75%"
grep -qF "Penyerapan Anggaran: nilai s.d. bulan Juni 2024" "$work/partial.txt" || fail "month note"
# (10 + 11,727 + 8,1 + 9,8 + 10 + 9,541) / 0,75 = 78,8906… → 78,89
grep -qE 'Nilai Akhir IKPA +78,89$' "$work/partial.txt" || fail "partial score"

i --indicator PENYERAPAN --value 95,14
i --indicator CAPAIAN_OUTPUT --value 100
"$kinerja" report ikpa --year 2024 >"$work/ikpa.txt"
grep -qE '^2 +Deviasi Halaman III DIPA +Perencanaan +78,18 +15 +11,73$' "$work/ikpa.txt" || fail "deviasi: $(cat "$work/ikpa.txt")"
grep -qE '^7 +Dispensasi SPM +Pelaksanaan +0,00 +pengurang +0,00$' "$work/ikpa.txt" || fail "pengurang"
grep -qE 'Total +95,10$' "$work/ikpa.txt" || fail "total"
grep -qE 'Konversi bobot +100,00%$' "$work/ikpa.txt" || fail "konversi 100%"
grep -qE 'Nilai Akhir IKPA +95,10$' "$work/ikpa.txt" || fail "95,10"
grep -qE '^Perencanaan +89,09$' "$work/ikpa.txt" || fail "perencanaan 89,09"
grep -qE '^Pelaksanaan +97,14$' "$work/ikpa.txt" || fail "pelaksanaan 97,14"
grep -qE '^Hasil +100,00$' "$work/ikpa.txt" || fail "hasil"
"$kinerja" report ikpa --year 2024 --json | json_check '
[t["id"] for t in j["tables"]] == ["ikpa.indikator", "ikpa.aspek"]
and j["tables"][0]["rows"][-1] == ["", "Nilai Akhir IKPA", "", "", "", "95.10"]
and j["tables"][0]["rows"][-3][-1] == "95.10"
and j["tables"][1]["rows"] == [["Perencanaan", "89.09"], ["Pelaksanaan", "97.14"], ["Hasil", "100.00"]]'
"$kinerja" ikpa list --year 2024 --json | json_check '
[x["code"] for x in j["indicators"]][:3] == ["REVISI", "DEVIASI", "PENYERAPAN"]
and j["indicators"][1]["bobot"] == "15" and j["indicators"][1]["value"] == "78.18"
and j["indicators"][6]["pengurang"] is True and j["indicators"][6]["bobot"] is None'

# A deduction lowers the score: 95,096 − 1,5.
i --indicator DISPENSASI_SPM --value 1,5
"$kinerja" report ikpa --year 2024 | grep -qE 'Nilai Akhir IKPA +93,60$' || fail "deduction"
i --indicator DISPENSASI_SPM --value 0

# NKA 2024: IKPA taken from the score above unless typed.
n() { "$kinerja" nka record --year 2024 "$@" >/dev/null; }
n --input CRO --value 100
"$kinerja" report nka --year 2024 >"$work/nka1.txt"
grep -qF "Efisiensi SBK: belum dicatat" "$work/nka1.txt" || fail "missing input note: $(cat "$work/nka1.txt")"
grep -qE 'Nilai Kinerja Anggaran \(NKA\) +-$' "$work/nka1.txt" || fail "no NKA while an input is missing"
n --input SBK_PENGGUNAAN --value 83,33
n --input SBK_EFISIENSI --value 0
"$kinerja" report nka --year 2024 >"$work/nka.txt"
grep -qE '^Kinerja anggaran \(CRO dan SBK\) +83,33 +0,50 +41,67$' "$work/nka.txt" || fail "component: $(cat "$work/nka.txt")"
grep -qE '^  Penggunaan SBK +83,33 +0,10 +8,33$' "$work/nka.txt" || fail "term"
grep -qE '^IKPA +95,10 +0,50 +47,55$' "$work/nka.txt" || fail "ikpa component"
grep -qE '^Nilai Kinerja Anggaran \(NKA\) +89,22$' "$work/nka.txt" || fail "NKA 89,22"
grep -qF "NKA = 0,50 × (0,75 × CRO + 0,10 × SBK_PENGGUNAAN + 0,15 × SBK_EFISIENSI) + 0,50 × IKPA" "$work/nka.txt" ||
  fail "formula"
grep -qF "Nilai IKPA: nilai akhir IKPA 2024 (kinerja report ikpa), dibulatkan 2 desimal" "$work/nka.txt" || fail "ikpa source"
"$kinerja" report nka --year 2024 --json | json_check 'j["tables"][0]["rows"][-1][-1] == "89.22"'
"$kinerja" explain --year 2024 --nka >"$work/explain.txt"
grep -qF "Kinerja anggaran (CRO dan SBK) = 83.333 → dicetak 83,33; × 0.5 = 41.6665" "$work/explain.txt" ||
  fail "explain --nka: $(cat "$work/explain.txt")"
grep -qE "^  SBK_PENGGUNAAN 83.33 × 0.1 = 8.333  \[dicatat \(kinerja nka record\); op seq [0-9]+ device" "$work/explain.txt" ||
  fail "explain term"
grep -qF "NKA 2024 = 89.2165 → dicetak 89,22" "$work/explain.txt" || fail "explain NKA"

# 2023: the SMART NK (0,435·CRO + 0,286·NilaiEfisiensi + 0,182·Konsistensi + 0,097·Penyerapan),
# E = 30 bounded to 20 → nilai efisiensi 100; Penyerapan from the DIPA (99,39 %); IKPA typed.
"$kinerja" budget line --year 2023 --activity 5254.8AA.001 --name "Layanan Dokumen" --jenis 52 --sumber RM \
  --pagu 15.238.624.000 >/dev/null
"$kinerja" budget spend --year 2023 --activity 5254.8AA.001 --month 12 --amount 15.145.936.319 >/dev/null
m() { "$kinerja" nka record --year 2023 "$@" >/dev/null; }
m --input CRO --value 98
m --input EFISIENSI --value 30
m --input KONSISTENSI --value 90
m --input IKPA --value 96
"$kinerja" report nka --year 2023 >"$work/nka2023.txt"
# NK = 42,63 + 28,6 + 16,38 + 0,097 × 99,39 (9,64083) = 97,25083 → 97,25; NKA = 0,6 × NK + 0,4 × 96 = 96,750498 → 96,75
grep -qE '^Nilai Kinerja \(SMART\) +97,25 +0,60 +58,35$' "$work/nka2023.txt" || fail "NK: $(cat "$work/nka2023.txt")"
grep -qE '^  Nilai Efisiensi +100,00 +0,286 +28,60$' "$work/nka2023.txt" || fail "efisiensi bounded"
grep -qE '^  Penyerapan anggaran +99,39 +0,097 +9,64$' "$work/nka2023.txt" || fail "penyerapan from the DIPA"
grep -qE '^Nilai Kinerja Anggaran \(NKA\) +96,75$' "$work/nka2023.txt" || fail "NKA 2023"
grep -qF "E = 30,00 dibatasi [−20; 20]" "$work/nka2023.txt" || fail "E note"

# Both join the LKjIP annex (chapter III.C), in every format.
"$kinerja" report lkjip --year 2024 --format json | json_check '
[t["id"] for t in j["tables"] if t["id"].startswith(("ikpa", "nka"))] == ["ikpa.indikator", "ikpa.aspek", "nka"]
and [t for t in j["tables"] if t["id"] == "nka"][0]["rows"][-1][-1] == "89.22"'
"$kinerja" report lkjip --year 2024 --format md | grep -qF "| **Nilai Akhir IKPA** |" || fail "lkjip md"
"$kinerja" report lkjip --year 2024 --format html --out "$work/lkjip.html" >/dev/null
grep -qF "Nilai Kinerja Anggaran (NKA) 2024" "$work/lkjip.html" || fail "lkjip html"

# A reference loaded into the store replaces the shipped one (here: 2025 has none shipped).
expect_bad "--year: no IKPA/NKA reference for 2025 (available: 2022, 2023, 2024)" ikpa record --year 2025 --indicator REVISI --value 100
sed 's/"2024"/"2025"/; s/tahun 2024/tahun 2025/' "$KINERJA_SOURCE_DIR/schema/ikpa/2024.json" >"$work/2025.json"
"$kinerja" ikpa reference load "$work/2025.json" | grep -qF "Loaded the 2025 IKPA/NKA reference" || fail "load"
"$kinerja" ikpa record --year 2025 --indicator REVISI --value 100 >/dev/null

# Bad input: exit 2, the field named, nothing written.
expect_bad "--value: 100,5 is outside [0; 100]" ikpa record --year 2024 --indicator REVISI --value 100,5
expect_bad "--value: -1 is outside [0; 100]" ikpa record --year 2024 --indicator REVISI --value=-1
expect_bad "--value" ikpa record --year 2024 --indicator REVISI --value tinggi
expect_bad "--month: 13 is outside 1-12" ikpa record --year 2024 --month 13 --indicator REVISI --value 90
expect_bad "--indicator: 'REVISI_DIPA' is not an IKPA indicator of 2024 (REVISI, DEVIASI" ikpa record --year 2024 --indicator REVISI_DIPA --value 90
expect_bad "--input: 'EFISIENSI' is not an input of the 2024 NKA formula (CRO, SBK_PENGGUNAAN, SBK_EFISIENSI, IKPA)" \
  nka record --year 2024 --input EFISIENSI --value 5
expect_bad "--value: -101 is outside [-100; 100]" nka record --year 2023 --input EFISIENSI --value=-101
python3 - "$work/2025.json" "$work/w.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["indicators"][0]["bobot"] = "11"; json.dump(d, open(sys.argv[2], "w"))
PY
expect_bad "ikpa: indicators: the weights (bobot) sum to 101, not 100 (deductions aside)" ikpa reference load "$work/w.json"
python3 - "$work/2025.json" "$work/c.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["nka"]["components"][0]["terms"][0]["bobot"] = "0.7"; json.dump(d, open(sys.argv[2], "w"))
PY
expect_bad "ikpa: nka.components[0].terms: the weights sum to 0.95, not 1" ikpa reference load "$work/c.json"
python3 - "$work/2025.json" "$work/a.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["indicators"][0]["aspect"] = "keuangan"; json.dump(d, open(sys.argv[2], "w"))
PY
expect_bad "ikpa: indicators[0].aspect: 'keuangan' is not perencanaan, pelaksanaan or hasil" ikpa reference load "$work/a.json"

# The kanwil publishes a reference: one that breaks its rules is refused (exit 2, nothing
# stored); a good one reaches the office at its next sync.
several_devices
start_hub
"$kinerja" enrol --hub "$hub_url" --code "$(hub enrol --office 407973)" >/dev/null
rc=0
hub ikpa publish "$work/w.json" 2>"$work/err" || rc=$?
[ $rc = 2 ] && grep -qF "the weights (bobot) sum to 101" "$work/err" || fail "bad reference published: rc $rc $(cat "$work/err")"
sed 's/"2024"/"2026"/; s/tahun 2024/tahun 2026/; s/"15"/"14"/; s/"20"/"21"/' "$KINERJA_SOURCE_DIR/schema/ikpa/2024.json" >"$work/2026.json"
hub ikpa publish "$work/2026.json" | grep -qF "Published the 2026 IKPA/NKA reference" || fail "publish"
"$kinerja" sync >/dev/null
"$kinerja" ikpa list --year 2026 --json | json_check '
j["indicators"][1]["bobot"] == "14" and j["indicators"][2]["bobot"] == "21" and "tahun 2026" in j["source"]'

"$kinerja" rebuild --check >/dev/null
"$kinerja" verify >/dev/null
echo ok
