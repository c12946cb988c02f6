#!/usr/bin/env bash
# Issue 12, point 9, against a real kinerja-hub on a free loopback port: the office's name
# and kanwil belong to the hub. A second device needs only `init --office` and takes them at
# `enrol`; a device that typed another name or kanwil converges to the hub's and renames
# nobody; `kinerja-hub office rename` reaches every device at its next sync, `office add`
# renames and moves nothing; a store of an office an older hub added (no identity published)
# converges once the upgraded hub starts.
set -euo pipefail
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
several_devices
name="Kantor Imigrasi Kelas I Khusus TPI Semarang"
identity() { k "$1" status --json | jq -r '.name + " / " + .kanwil'; }
start_hub

k a init --office 407973 --name "$name" --kanwil JATENG --year 2024 >/dev/null
k a enrol --hub "$hub_url" --code "$(hub enrol --office 407973)" >/dev/null
k a record --indicator LAYANAN --period 2024-Q1 --numerator 31 --denominator 100 >/dev/null
k a sync >/dev/null

# A name without a kanwil is bad input; nothing is created.
rc=0; k x init --office 407973 --name "Kanim Semarang" --year 2024 >out.txt 2>&1 || rc=$?
[ $rc = 2 ] && grep -qF -- "--kanwil" out.txt && [ ! -e x.db ] || fail "--name without --kanwil is exit 2, no store: $(cat out.txt)"

# A second device: `init --office` alone, the name and kanwil come with the enrolment.
k b init --office 407973 --year 2024 >/dev/null
[ "$(identity b)" = " / " ] || fail "before enrolling, b knows no name: $(identity b)"
k b enrol --hub "$hub_url" --code "$(hub enrol --office 407973)" >out.txt
grep -qF "Kantor: 407973 $name (kanwil JATENG), dari hub" out.txt || fail "enrol names the office: $(cat out.txt)"
[ "$(identity b)" = "$name / JATENG" ] || fail "b takes the hub's name at enrol: $(identity b)"
k b sync >/dev/null
[ "$(k b show --json | jq -r '.[0].numerator')" = 31 ] || fail "b pulls a's value"

# A third device typed another name and kanwil: it takes the hub's, and renames nobody.
k c init --office 407973 --name "Kanim Tanjung Pandan" --kanwil BABEL --year 2024 >/dev/null
k c enrol --hub "$hub_url" --code "$(hub enrol --office 407973)" >/dev/null
[ "$(identity c)" = "$name / JATENG" ] || fail "c takes the hub's name and kanwil at enrol: $(identity c)"
for s in c a b c; do k $s sync >/dev/null; done
for s in a b c; do [ "$(identity $s)" = "$name / JATENG" ] || fail "$s keeps the hub's identity: $(identity $s)"; done
k a log --json | jq -e '[.[] | select(.type=="office" and .body.name=="Kanim Tanjung Pandan")] | length == 1' >/dev/null ||
  fail "c's typed name stays in the log, outranked"
[ "$(hub offices --json | jq -r '.[0].name + " / " + .[0].kanwil')" = "$name / JATENG" ] || fail "the hub keeps its identity"
for s in a b c; do
  [ "$(k $s conflicts --json | jq length)" = 0 ] || fail "c's typed name, taken back at enrol, is no conflict on $s: $(k $s conflicts --json)"
done

# `office add` neither renames nor moves an office; adding it again as it is changes nothing.
rc=0; hub office add --office 407973 --name "$name" --kanwil BABEL >out.txt 2>&1 || rc=$?
[ $rc = 2 ] && grep -qF "kanwil JATENG" out.txt || fail "another kanwil is exit 2: $rc $(cat out.txt)"
rc=0; hub office add --office 407973 --name "Kanim Tanjung Pandan" --kanwil JATENG >out.txt 2>&1 || rc=$?
[ $rc = 2 ] && grep -qF "office rename" out.txt || fail "another name through add is exit 2 pointing to rename: $rc $(cat out.txt)"
hub office add --office 407973 --name "$name" --kanwil JATENG | grep -q "already was added" || fail "add again is a no-op"
[ "$(hub offices --json | jq -r '.[0].name + " / " + .[0].kanwil')" = "$name / JATENG" ] || fail "add changed the office"

# The kanwil renames the office: every device has the new name after its next sync.
new="Kantor Imigrasi Kelas I TPI Semarang"
hub office rename --office 407973 --name "$new" >/dev/null
[ "$(identity a)" = "$name / JATENG" ] || fail "the rename reaches a device at its sync, not before"
for s in a b c; do k $s sync >/dev/null; [ "$(identity $s)" = "$new / JATENG" ] || fail "$s takes the rename: $(identity $s)"; done
rc=0; hub office rename --office 407999 --name "X" >out.txt 2>&1 || rc=$?
[ $rc = 2 ] || fail "renaming an unknown office is exit 2 (got $rc)"

# An office an older hub added (a row, no identity op) and renamed in place: its device shows
# the name it typed until the upgraded hub starts and publishes the hub's.
sqlite3 hub.db "INSERT INTO offices(office,name,kanwil,created_at) VALUES('407974','Kanim Surakarta','JATENG','2024-01-02T00:00:00Z')"
k s init --office 407974 --name "Kanim Surakarta" --kanwil JATENG --year 2024 >/dev/null
k s enrol --hub "$hub_url" --code "$(hub enrol --office 407974)" >/dev/null
sqlite3 hub.db "UPDATE offices SET name='Kantor Imigrasi Kelas I TPI Surakarta' WHERE office='407974'"
k s sync >/dev/null
[ "$(identity s)" = "Kanim Surakarta / JATENG" ] || fail "no identity op yet: $(identity s)"
kill "$hub_pid"; wait "$hub_pid" 2>/dev/null || true
serve_hub
grep -q "published the name and kanwil of 1 office" hub.log || fail "the restarted hub publishes the missing identity: $(cat hub.log)"
k s sync --hub "$hub_url" >/dev/null
[ "$(identity s)" = "Kantor Imigrasi Kelas I TPI Surakarta / JATENG" ] || fail "s converges to the hub's: $(identity s)"
k a sync --hub "$hub_url" >/dev/null
[ "$(identity a)" = "$new / JATENG" ] || fail "another office's identity does not touch a: $(identity a)"
echo ok
