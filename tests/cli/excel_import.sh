#!/usr/bin/env bash
# Files as Excel writes them in Indonesia (issue 12, item 4): a `;`-separated Windows-1252
# case CSV with dd/mm/yyyy dates and CRLF imports; a byte that is neither UTF-8 nor
# Windows-1252 is exit 2 naming the line and the byte; the same register as XLSX (shared and
# inline strings, date and numeric cells, a short last row) imports with the same result;
# hostile files (a zip bomb, XML nested too deep, an error cell, a formula without its
# value, a broken zip, an old .xls, a file or a row count over the bounds) are exit 2 with
# nothing written; each register's template is written with its drop-down lists and is
# accepted back unchanged by the matching import.
set -euo pipefail
PATH=/usr/bin:$PATH  # not a pyenv shim: python3 runs often here
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
xlsx() { python3 "$KINERJA_SOURCE_DIR/tests/cli/make_xlsx.py" "$@"; }
cases_of() {  # the case register as JSON, without the device and clock of each event
  "$kinerja" case list --year 2024 --json | python3 -c 'import json, sys
d = json.load(sys.stdin)
for c in d["cases"]:
    for e in c["events"]:
        del e["hlc"], e["device"]
print(json.dumps(d, sort_keys=True))'
}
new_store

python3 - "$work/cases.csv" <<'PY'
import sys
rows = ["kind;ref;date;subject;location;status;status_date;note",
        'tak;TAK-001/2024;04/03/2024;"Pengawasan WNA; José";Semarang;selesai;15/03/2024;Deportasi – café',
        "proyustisia;PY-01/2024;5/3/2024;WNA tanpa izin;Semarang;ditindaklanjuti;20/03/2024;"]
open(sys.argv[1], "wb").write(("\r\n".join(rows) + "\r\n").encode("cp1252"))
PY
"$kinerja" case import "$work/cases.csv" | grep -q "2 kasus baru, 0 status diperbarui, 0 tidak berubah" || fail "the Windows-1252 CSV was not imported"
cases_of >"$work/csv.json"
python3 - "$work/csv.json" <<'PY'
import json, sys
c = {x["ref"]: x for x in json.load(open(sys.argv[1]))["cases"]}
tak, py = c["TAK-001/2024"], c["PY-01/2024"]
assert (tak["date"], tak["subject"], tak["status"], tak["status_date"]) == \
    ("2024-03-04", "Pengawasan WNA; José", "selesai", "2024-03-15"), tak
assert tak["events"][0]["note"] == "Deportasi – café", tak
assert (py["date"], py["status"], py["status_date"]) == ("2024-03-05", "ditindaklanjuti", "2024-03-20"), py
PY

printf 'kind;ref;date\r\ntak;TAK-002/2024;06/03/2024\r\ntak;TAK-003/2024;caf\x81\r\n' >"$work/bad.csv"
expect_bad "bad.csv: baris 3: byte 0x81 bukan UTF-8" case import "$work/bad.csv"
! grep -q "json.exception" "$work/out" || fail "a raw JSON exception: $(cat "$work/out")"

# The same register as XLSX, in a second store: the same cases, statuses and events.
export KINERJA_STORE=$work/xlsx.db
new_store
xlsx "$work/cases.xlsx" <<'JSON'
[["kind", "ref", "date", "subject", "location", "status", "status_date", "note"],
 ["tak", {"inline": "TAK-001/2024"}, {"date": 45355}, "Pengawasan WNA; José", "Semarang", "selesai", "15/03/2024", "Deportasi – café"],
 ["proyustisia", "PY-01/2024", {"date": 45356}, "WNA tanpa izin", "Semarang", "ditindaklanjuti", {"date": 45371}]]
JSON
"$kinerja" case import "$work/cases.xlsx" | grep -q "2 kasus baru, 0 status diperbarui, 0 tidak berubah" || fail "the XLSX was not imported"
cases_of >"$work/xlsx.json"
cmp -s "$work/csv.json" "$work/xlsx.json" || fail "XLSX and CSV differ: $(diff "$work/csv.json" "$work/xlsx.json")"

# Numbers stored as doubles are read exactly.
xlsx "$work/surveys.xlsx" <<'JSON'
[["survey", "period", "value", "respondents"],
 ["SKM", "2024-01", {"n": "3.8500000000000001"}, {"n": "120"}],
 ["SKM", "2024-02", {"n": "3.9"}, {"n": "1.5E2"}]]
JSON
"$kinerja" survey import "$work/surveys.xlsx" >/dev/null
"$kinerja" survey list --year 2024 --json | json_check '
[(m["value"], m["respondents"]) for m in j["months"]] == [("3.85", "120"), ("3.9", "150")]'

# Hostile workbooks: nothing written, a message naming the file and the part or cell.
echo '[["kind", "ref", "date"], ["tak", "X-1", "2024-03-01"]]' | xlsx "$work/bomb.xlsx" --bomb
[ "$(stat -c %s "$work/bomb.xlsx")" -lt 1000000 ] || fail "the bomb is not small"
expect_bad "bomb.xlsx: bagian xl/worksheets/sheet2.xml terlalu besar" case import "$work/bomb.xlsx"
echo '[]' | xlsx "$work/deep.xlsx" --deep
expect_bad "deep.xlsx: xl/worksheets/sheet1.xml: XML bersarang lebih dari 64 tingkat" case import "$work/deep.xlsx"
echo '[["kind", "ref", "date"], ["tak", "X-1", {"e": "#N/A"}]]' | xlsx "$work/error.xlsx"
expect_bad "error.xlsx: sel C2: berisi galat Excel #N/A" case import "$work/error.xlsx"
echo '[["kind", "ref", "date"], ["tak", {"f": "CONCAT(\"X-\", 1)"}, "2024-03-01"]]' | xlsx "$work/formula.xlsx"
expect_bad "formula.xlsx: sel B2: rumus tanpa nilai tersimpan" case import "$work/formula.xlsx"
printf 'PK\x03\x04 this is no zip' >"$work/broken.xlsx"
expect_bad "broken.xlsx: bukan file XLSX yang dapat dibaca" case import "$work/broken.xlsx"
truncate -s 65M "$work/big.csv"
expect_bad "big.csv: file terlalu besar (paling besar 64 MiB)" case import "$work/big.csv"
python3 -c 'print("kind,ref,date"); [print(f"tak,R-{i},2024-01-01") for i in range(200001)]' >"$work/long.csv"
expect_bad "long.csv: lebih dari 200.000 baris data" case import "$work/long.csv"
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old workbook' >"$work/old.xls"
expect_bad "old.xls: file Excel lama (.xls) atau terenkripsi tidak dapat dibaca" case import "$work/old.xls"

# Templates: header, one example row and drop-down lists, accepted back unchanged.
template() {  # template NAME LIST-VALUE... -- IMPORT-COMMAND...
  local name=$1 values=() before
  shift
  while [ "$1" != -- ]; do values+=("$1"); shift; done
  shift
  "$kinerja" template "$name" --year 2024 --out "$work/$name.xlsx" 2>/dev/null
  python3 - "$work/$name.xlsx" "${values[@]}" <<'PY' || fail "template $name lacks its lists"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sheet, strings = z.read("xl/worksheets/sheet1.xml").decode(), z.read("xl/sharedStrings.xml").decode()
assert "<dataValidation " in sheet and "daftar!$A$2" in sheet, sheet[-2000:]
assert all(f"<t>{v}</t>" in strings for v in sys.argv[2:]), strings
PY
  before=$(op_count)
  "$kinerja" "$@" "$work/$name.xlsx" >/dev/null || fail "$* refused the $name template"
  [ "$(op_count)" -gt "$before" ] || fail "$* wrote nothing from the $name template"
}
export KINERJA_STORE=$work/templates.db
new_store
template cases tak proyustisia ditangani dihentikan -- case import
"$kinerja" case list --year 2024 --json | json_check '[(c["ref"], c["date"], c["status"], c["status_date"]) for c in j["cases"]]
  == [("TAK-001/2024", "2024-03-04", "selesai", "2024-03-15")]'
template surveys SKM IIO IPK ILK -- survey import
template rb 2024-Q1 2024-Q4 -- rb import
template budget 51 53 RM PNBP -- budget import
template realisasi LAYANAN -- import
"$kinerja" show --year 2024 --json | json_check 'any(v["indicator"] == "LAYANAN" and v["numerator"] == "95" for v in j)'
expect_exit 2 "template: 'kasus' is not one of cases|surveys|rb|budget|realisasi" template kasus --out "$work/x.xlsx"
"$kinerja" verify >/dev/null
echo "excel import: ok"
