#!/usr/bin/env bash
# Issue 15, item 6: sync without a link, through the real binaries and a real kinerja-hub.
# An office device exports its unacknowledged ops and evidence as a bundle file; `kinerja-hub
# bundle import` applies it exactly as a push and writes a signed receipt; the receipt makes
# the ops acknowledged (`status` shows nothing pending). A second import is a no-op; a bundle
# with a changed byte or a forged op is refused with nothing stored; a receipt for another
# device or altered is refused; an op on a locked period is rejected as a push would be (the
# receipt exits 3); the hub's pull bundle for an office is applied, idempotently.
set -euo pipefail
bin=${KINERJA_BIN_DIR:?}
source "$(dirname "$0")/lib.bash"
several_devices
held() { hub offices --json | jq -r '.[0].ops_held'; }
blobs() { find hub.db.blobs -type f 2>/dev/null | wc -l; }
unacked() { k "$1" status --json | jq -r .sync.unacked_ops; }

start_hub
for s in a b; do
  k $s init --office 407973 --name "Kantor Imigrasi Kelas I Khusus TPI Semarang" --kanwil JATENG --year 2024 >/dev/null
  k $s enrol --hub "$hub_url" --code "$(hub enrol --office 407973)" >/dev/null
done
k b sync >/dev/null
held0=$(held)

# Device a works without a link: two values and an RB item done with an evidence file.
k a record --indicator LAYANAN --period 2024-Q1 --numerator 31 --denominator 100 >/dev/null
k a record --indicator LAYANAN --period 2024-Q2 --numerator 32 --denominator 100 >/dev/null
item=$(k a rb add --year 2024 --area "Manajemen Perubahan" --action "Sosialisasi zona integritas" --due 2024-Q1)
printf 'notulen rapat %s\n' "$RANDOM" >notulen.pdf
k a rb done "$item" --evidence notulen.pdf --date 2024-03-28 >/dev/null
pending=$(unacked a)
[ "$pending" -ge 4 ] || fail "a has its init ops and 4 more unacknowledged, got $pending"

# A bundle with ops only (--metered) leaves the file out; the full one carries it.
expect_rc 0 "1 left out (metered)" k a bundle export --metered --out metered.bundle
expect_rc 0 "1 evidence file(s)" k a bundle export --out a.bundle
[ "$(unacked a)" = "$pending" ] || fail "exporting a bundle acknowledges nothing"

# Tampered bundles are refused and store nothing: a changed byte (not a bundle), a forged op
# (its signature no longer verifies), an unknown file kind, a bundle too large once inflated.
python3 - <<'PY'
import gzip, json
raw = bytearray(open("a.bundle", "rb").read())
raw[len(raw) // 2] ^= 0x01
open("flipped.bundle", "wb").write(bytes(raw))
doc = json.loads(gzip.decompress(open("a.bundle", "rb").read()))
doc["body"]["batch"]["ops"][-3]["body"]["numerator"] = "99"
open("forged.bundle", "wb").write(gzip.compress(json.dumps(doc).encode()))
doc = json.loads(gzip.decompress(open("a.bundle", "rb").read()))
doc["body"]["files"][0]["data"] = "bm90IHRoZSBmaWxl"
open("badfile.bundle", "wb").write(gzip.compress(json.dumps(doc).encode()))
open("bomb.bundle", "wb").write(gzip.compress(b" " * (260 << 20), 1))
PY
expect_rc 2 "flipped.bundle: not a readable kinerja bundle" hub bundle import flipped.bundle
expect_rc 3 "forged.bundle: the bundle's signature does not verify" hub bundle import forged.bundle
expect_rc 3 "badfile.bundle: the bundle's signature does not verify" hub bundle import badfile.bundle
expect_rc 2 "larger than 256 MiB once inflated" hub bundle import bomb.bundle
expect_rc 2 "a push bundle, not a pull bundle" k b bundle import a.bundle
expect_rc 2 "nothing.bundle: no such file" hub bundle import nothing.bundle
[ "$(held)" = "$held0" ] && [ "$(blobs)" = 0 ] || fail "a refused bundle stored something: $(held) ops, $(blobs) files"
[ ! -e flipped.bundle.receipt ] && [ ! -e forged.bundle.receipt ] || fail "a refused bundle got a receipt"

# The bundle, applied exactly as a push: the ops and the file are at the hub.
expect_rc 0 "$pending new op(s) of $pending" hub bundle import a.bundle --receipt a.receipt
[ "$(held)" = $((held0 + pending)) ] || fail "the hub holds $(held) ops, expected $((held0 + pending))"
[ "$(blobs)" = 1 ] || fail "the evidence file reached the hub"
# A second import is a no-op, and answers with the same acknowledgement.
expect_rc 0 "0 new op(s) of $pending" hub bundle import a.bundle --receipt again.receipt
[ "$(held)" = $((held0 + pending)) ] || fail "a second import stored ops again"
[ "$(unacked a)" = "$pending" ] || fail "nothing is acknowledged before the receipt is taken"

# Receipts: one for another device, an altered one, a bundle instead of one: refused.
expect_rc 3 "a receipt for device" k b bundle receipt a.receipt
python3 - <<'PY'
import gzip, json
doc = json.loads(gzip.decompress(open("a.receipt", "rb").read()))
doc["body"]["head"]["head"] = str(int(doc["body"]["head"]["head"]) + 5)
open("altered.receipt", "wb").write(gzip.compress(json.dumps(doc).encode()))
PY
expect_rc 3 "not signed by the hub this device is enrolled with" k a bundle receipt altered.receipt
expect_rc 2 "a push bundle, not a receipt bundle" k a bundle receipt a.bundle
[ "$(unacked a)" = "$pending" ] && [ "$(unacked b)" = 0 ] || fail "a refused receipt changed what is acknowledged"

# The receipt: nothing pending; taken again, nothing new; the next sync pushes nothing.
expect_rc 0 "newly acknowledged: $pending" k a bundle receipt a.receipt
[ "$(unacked a)" = 0 ] || fail "status shows $(unacked a) op(s) pending after the receipt"
expect_rc 0 "(nothing new)" k a bundle receipt again.receipt
expect_rc 0 "Nothing to export" k a bundle export --out empty.bundle
[ ! -e empty.bundle ] || fail "an empty bundle was written"
[ "$(k a sync --json | jq -r .pushed_ops)" = 0 ] || fail "ops acknowledged by a receipt were pushed again"

# The push's rules hold for a bundle: an op on a period the kanwil locked since is held but
# rejected, and the receipt says so (exit 3, the op kept and listed by status).
hub lock --office 407973 --period 2024-Q3 >/dev/null
k a record --indicator LAYANAN --period 2024-Q3 --numerator 33 --denominator 100 >/dev/null
k a bundle export --out locked.bundle >/dev/null
expect_rc 0 "1 new op(s) of 1, the hub holds up to seq $((pending + 1)), 1 rejection(s)" hub bundle import locked.bundle
expect_rc 3 "value LAYANAN/2024-Q3 (period_locked)" k a bundle receipt locked.bundle.receipt
[ "$(unacked a)" = 0 ] && [ "$(k a status --json | jq '.sync.rejections | length')" = 1 ] ||
  fail "the rejected op is acknowledged and listed: $(k a status --json | jq -c .sync)"

# The hub's direction: b takes the office's pull by file, from its cursor; idempotent.
cursor=$(k b status --json | jq -r .sync.cursor)
[ -n "$cursor" ] || fail "status --json shows the pull cursor"
expect_rc 2 "--office: office 999999 is not served" hub bundle export --office 999999 --out x.bundle
expect_rc 0 "for office 407973" hub bundle export --office 407973 --since "$cursor" --out pull.bundle
expect_rc 0 ": $((pending + 2)) new op(s)" k b bundle import pull.bundle  # a's ops and the hub's lock
k b show --json >b.json
hub show --office 407973 --json >h.json
cmp -s b.json h.json || fail "b differs from the hub after the pull bundle: $(diff b.json h.json)"
[ "$(k b rb list --year 2024 --json | jq ".items | length")" = 1 ] || fail "b holds a's RB item"
expect_rc 0 ": 0 new op(s)" k b bundle import pull.bundle
k b verify >/dev/null || fail "b's ledger verifies after the bundle"
[ "$(k b sync --json | jq -r .pulled_ops)" = 0 ] || fail "b pulled again what the bundle carried"
# A pull bundle altered or for another office is refused.
python3 - <<'PY'
import gzip, json
doc = json.loads(gzip.decompress(open("pull.bundle", "rb").read()))
doc["body"]["office"] = "123456"
open("other.bundle", "wb").write(gzip.compress(json.dumps(doc).encode()))
PY
expect_rc 3 "not signed by the hub" k b bundle import other.bundle
echo "bundle: ok"
