#!/usr/bin/env bash
# Evidence files never leak the store: an `rb import` CSV may name only files inside its own
# folder (after resolving "..", and symlinks), and no command reads the store, its WAL/SHM
# or its device key as evidence, whatever the path or link. Each refusal is exit 2, names
# the line and column (or the option), and writes no op and no blob.
set -euo pipefail
PATH=/usr/bin:$PATH  # not a pyenv shim: python3 runs often here
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
export KINERJA_SYNCHRONOUS=OFF
new_store
nothing_written() {  # nothing_written CODE FRAGMENT CMD...
  local before
  before=$(op_count)
  expect_exit "$@"
  [ "$(op_count)" = "$before" ] || fail "kinerja ${*:3} wrote ops"
  [ ! -e "$KINERJA_STORE.evidence" ] || fail "kinerja ${*:3} wrote a blob: $(find "$KINERJA_STORE.evidence" -type f)"
}
mkdir -p "$work/import/sub"
head -c 100 /dev/urandom >"$work/import/sub/notulen.pdf"
head -c 100 /dev/urandom >"$work/outside.pdf"
csv() {  # csv NAME EVIDENCE: an RB import file in $work/import with one done item
  printf 'year,area,action,due,done,evidence\n2024,A,B,2024-Q1,2024-01-05,%s\n' "$2" >"$work/import/$1"
}

# The attack: the key one folder up, by "..", by an absolute path, by a symlink in the folder.
csv up.csv ../office.db.key
nothing_written 2 "up.csv: line 2, column evidence: '../office.db.key' leaves the folder of the CSV file" rb import "$work/import/up.csv"
csv abs.csv "$work/outside.pdf"
nothing_written 2 "abs.csv: line 2, column evidence: '$work/outside.pdf' leaves the folder of the CSV file" rb import "$work/import/abs.csv"
ln -s ../office.db.key "$work/import/key.pdf"
csv link.csv key.pdf
nothing_written 2 "link.csv: line 2, column evidence: 'key.pdf' leaves the folder of the CSV file" rb import "$work/import/link.csv"
csv dots.csv sub/../../office.db
nothing_written 2 "column evidence: 'sub/../../office.db' leaves the folder" rb import "$work/import/dots.csv"

# A CSV beside the store stays in its folder, yet the store's own files are never evidence,
# nor a hard link to one.
for f in office.db office.db.key; do
  printf 'year,area,action,due,done,evidence\n2024,A,B,2024-Q1,2024-01-05,%s\n' "$f" >"$work/beside.csv"
  nothing_written 2 "beside.csv: line 2, column evidence: '$work/$f' is a file of the store" rb import "$work/beside.csv"
done
ln "$work/office.db.key" "$work/import/hard.pdf"
csv hard.csv hard.pdf
nothing_written 2 "hard.csv: line 2, column evidence: '$work/import/hard.pdf' is a file of the store" rb import "$work/import/hard.csv"
rm "$work/import/hard.pdf"

id=$("$kinerja" rb add --year 2024 --area A --action B --due 2024-Q1)
for f in "$work/office.db.key" "$work/office.db" "$work/import/key.pdf" "$work/import/../office.db.key"; do
  nothing_written 2 "--evidence: '$f' is a file of the store" rb done "$id" --evidence "$f"
done
# While the store is open (a WAL and SHM exist), they are refused too.
hold_store "$work/office.db"
for f in office.db-wal office.db-shm; do
  [ -e "$work/$f" ] || fail "no $f while the store is open"
  expect_exit 2 "--evidence: '$work/$f' is a file of the store" rb done "$id" --evidence "$work/$f"
done
release_store

# Files inside the folder still import; the blob is the file's bytes.
csv good.csv sub/notulen.pdf
"$kinerja" rb import "$work/import/good.csv" >/dev/null
sha=$(sha256sum "$work/import/sub/notulen.pdf" | cut -d' ' -f1)
cmp -s "$KINERJA_STORE.evidence/${sha:0:2}/${sha:2}" "$work/import/sub/notulen.pdf" || fail "the good evidence was not stored"
"$kinerja" rb done "$id" --evidence "$work/outside.pdf" >/dev/null
"$kinerja" verify >/dev/null
echo "evidence paths: ok"
