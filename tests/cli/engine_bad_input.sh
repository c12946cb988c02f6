#!/usr/bin/env bash
# Bad input for catalogues, targets, the budget row and national averages (issue 3 item 6):
# each is refused with a message naming the field and the reason, exit 2, and the store's
# op count is unchanged.
set -euo pipefail
PATH=/usr/bin:$PATH  # the system python3 (Debian package), not a slow version-manager shim
source "$(dirname "$0")/lib.bash"
K=$kinerja
SRC="$KINERJA_SOURCE_DIR"
export KINERJA_STORE=$work/s.db KINERJA_SYNCHRONOUS=OFF  # a test store; durability is tested elsewhere
"$K" init --office 407973 --name "Kanim Semarang" --kanwil JATENG >/dev/null
ops() { "$K" status --json | sed -n 's/^ *"ops": "\([0-9]*\)",$/\1/p'; }

# refused WANT-IN-MESSAGE COMMAND...: exit 2, message contains WANT, nothing written.
refused() {
  local want=$1; shift
  local before rc=0 err
  before=$(ops)
  err=$("$K" "$@" 2>&1 >/dev/null) || rc=$?
  [ "$rc" -eq 2 ] || fail "'$*' exited $rc, want 2 ($err)"
  grep -qF -- "$want" <<<"$err" || fail "'$*': message '$err' lacks '$want'"
  [ "$(ops)" = "$before" ] || fail "'$*' wrote ops"
}

catalogue() {  # a copy of the 2024 catalogue edited by a python expression on d
  python3 - "$SRC/schema/catalogue/2024.json" "$work/$1.json" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); exec(sys.argv[3]); json.dump(d, open(sys.argv[2], "w"))
PY
  echo "$work/$1.json"
}
refused "unit (\"jam\"): Failed to match against any enum values" catalogue load "$(catalogue unit 'd["sasaran"][0]["indicators"][0]["unit"]="jam"')"
refused "Missing required property 'polarity'" catalogue load "$(catalogue pol 'del d["sasaran"][1]["indicators"][0]["polarity"]')"
refused "could not be validated using 'properties' or 'additionalProperties' constraints: 'colour'" catalogue load "$(catalogue extra 'd["sasaran"][0]["colour"]="red"')"
refused "decimals (2): Value type not permitted by 'type' constraint" catalogue load "$(catalogue dec 'd["sasaran"][0]["indicators"][0]["decimals"]=2')"
refused "sasaran: Array should contain no fewer than 1 elements" catalogue load "$(catalogue empty 'd["sasaran"]=[]')"
refused "sum to 90, not 100" catalogue load "$(catalogue w 'd["sasaran"][2]["indicators"][1]["components"]=[{"code":"A","name":"a","weight":"60"},{"code":"B","name":"b","weight":"30"}]')"
refused "appears twice" catalogue load "$(catalogue dup 'd["sasaran"][1]["indicators"][0]["code"]="TAK"')"
refused "a ratio indicator rolls up by sum" catalogue load "$(catalogue roll 'd["sasaran"][0]["indicators"][0]["rollup"]="last"')"

refused "--value: -5 must not be negative" target set --year 2024 --indicator TAK --value -5
refused "--value: 0 must be greater than 0" target set --year 2024 --indicator TAK --value 0
refused "outside [0; 100]" target set --year 2024 --indicator TAK --value 120
refused "outside [1; 4] for the index ILK" target set --year 2024 --indicator ILK --value 4,5
refused "outside [1; 4] for the index ILK" target set --year 2024 --indicator ILK --value 0,9
refused "not in the catalogue for 2024" target set --year 2024 --indicator NOPE --value 3
refused "--quarter: 5 is outside 1-4" target set --year 2024 --indicator TAK --value 90 --quarter 5
refused "--value: 'abc' is not a number" target set --year 2024 --indicator TAK --value abc
refused "--pagu: '-1' must not be negative" target budget --year 2024 --pagu -1
refused "--realisasi: '1,5' must be a whole number" target budget --year 2024 --pagu 10 --realisasi 1,5
refused "--capaian: 0 must be greater than 0" target national --year 2024 --indicator TAK --capaian 0
refused "counted from the survey register" record --indicator ILK --period 2024 --value 3.2
refused "--value: 4.2 is outside [1; 4] for ILK" survey record --survey ILK --period 2024-01 --value 4.2 --respondents 30
refused "outside [0; 100]" record --indicator IKLK --period 2025 --value 100.5
refused "no catalogue is loaded for 2019" report pk --year 2019 --format json
refused "an xlsx report needs a file" report pk --year 2024 --format xlsx
refused "exactly one of" explain --year 2024
refused "is in no loaded catalogue" report trend --indicator NOPE --from 2020 --to 2024

# Realisasi above the pagu is only a warning.
err=$("$K" target budget --year 2024 --pagu 100 --realisasi 150 2>&1 >/dev/null) || fail "above pagu must be accepted"
grep -qF "warning: realisasi 150 is above the pagu 100" <<<"$err" || fail "no warning for realisasi above pagu"
echo "engine_bad_input: ok"
