#!/usr/bin/env bash
# Invalid UTF-8 (a stray byte, a cut sequence, an overlong form, a surrogate) in a command-line
# option, or a CSV byte that is neither UTF-8 nor Windows-1252, is bad input: exit 2 naming
# the option or the line, no op written, never a raw JSON exception. Valid UTF-8 still goes through.
set -euo pipefail
PATH=/usr/bin:$PATH  # not a pyenv shim: python3 runs often here
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
new_store
before=$(op_count)
refused() {  # refused FRAGMENT CMD...
  local fragment=$1
  shift
  expect_exit 2 "$fragment" "$@"
  ! grep -q "json.exception\|type_error" "$work/out" || fail "kinerja $* leaked a JSON exception: $(cat "$work/out")"
  [ "$(op_count)" = "$before" ] || fail "kinerja $* wrote ops"
}
record=(record --indicator LAYANAN --period 2024-Q1 --numerator 1 --denominator 2)
refused "--note: is not valid UTF-8 (byte 0xFF at position 3)" "${record[@]}" --note $'ab\xff'
refused "--note: is not valid UTF-8 (byte 0xC3 at position 4)" "${record[@]}" --note=$'abc\xc3'
refused "--note: is not valid UTF-8 (byte 0xC0 at position 1)" "${record[@]}" --note $'\xc0\xaf'
refused "--action: is not valid UTF-8 (byte 0xED at position 2)" rb add --year 2024 --area A --action $'x\xed\xa0\x80' --due 2024-Q1
refused "--risiko: is not valid UTF-8" risk add --year 2024 --sasaran SK1 --risiko $'\xfe' --perlakuan p --pj q --keberhasilan k
refused "argument 3: is not valid UTF-8" case update $'W.11\xff' --status selesai --date 2024-03-20

# A CSV that is not UTF-8 is read as Windows-1252 (tests/cli/excel_import.sh); a byte that
# Windows-1252 leaves undefined is refused naming the line.
printf 'indicator,period,value,numerator,denominator,note\nLAYANAN,2024-01,,1,2,ok\nLAYANAN,2024-02,,1,2,caf\x81\n' >"$work/r.csv"
refused "r.csv: baris 3: byte 0x81 bukan UTF-8 dan tidak ada dalam Windows-1252" import "$work/r.csv"
printf 'year,area,action,due\n2024,"Area\n\x8d",B,2024-Q1\n' >"$work/rb.csv"
refused "rb.csv: baris 3: byte 0x8D" rb import "$work/rb.csv"
printf 'kind,ref,date\ntak,W.11-001,2024-03-04\n\x90tak,W.11-002,2024-03-05\n' >"$work/c.csv"
refused "c.csv: baris 3: byte 0x90" case import "$work/c.csv"

"$kinerja" "${record[@]}" --note "Catatan – ü 日本 🎉" >/dev/null
"$kinerja" log --json | json_check "j[-1]['body']['note'] == 'Catatan – ü 日本 🎉'"
"$kinerja" verify >/dev/null
echo "bad utf-8: ok"
