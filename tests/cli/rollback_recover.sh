#!/usr/bin/env bash
# A store rolled back below what the hub acknowledged, with a real kinerja-hub on a loopback
# port: first a copy of the store restored from before the last sync, then a WAL whose tail
# a power cut damaged (4 bytes flipped). `verify` and `sync` say so (exit 3, advising
# `kinerja recover`), sync pushes nothing; `recover` takes the device's ops back from the
# hub, after which verify, sync and every figure are as before. Ops written after a
# rollback at seqs the hub holds are a fork: recover lists them, keeps them, exits 3.
set -euo pipefail
PATH=/usr/bin:$PATH  # not a pyenv shim: python3 runs often here
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
export KINERJA_SYNC_ATTEMPTS=2 KINERJA_SYNC_BACKOFF_MS=10
new_store
start_hub
"$kinerja" enrol --hub "$hub_url" --code "$(hub enrol --office 407973)" >/dev/null
record() { "$kinerja" record --indicator LAYANAN --period "$1" --numerator "$2" --denominator 200 >/dev/null; }
hub_ops() { sqlite3 "$work/hub.db" "SELECT count(*) FROM ops"; }
figures() { "$kinerja" report pk --year 2024 --format json; }
record 2024-Q1 101
record 2024-Q2 102
"$kinerja" sync >/dev/null
cp "$KINERJA_STORE" "$work/backup.db"
backup_head=$("$kinerja" status --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["last_seq"])')
record 2024-Q3 103
record 2024-Q4 104
record 2024-Q4 105
"$kinerja" sync >/dev/null
head=$((backup_head + 3))
figures >"$work/before.json"
held=$(hub_ops)

# 1. A copy from before the last sync: its meta does not know what it lost; the hub does.
cp "$work/backup.db" "$KINERJA_STORE"
rm -f "$KINERJA_STORE-wal" "$KINERJA_STORE-shm"
expect_exit 0 "ok:" verify --offline
expect_exit 3 "ROLLED BACK: this store was rolled back" verify
grep -qF "the hub acknowledged this device's ops up to seq $head, the store holds them only up to seq $backup_head: run \`kinerja recover\`" "$work/out" ||
  fail "verify: $(cat "$work/out")"
rc=0
"$kinerja" verify --json >"$work/v.json" || rc=$?
[ "$rc" = 3 ] || fail "verify --json exited $rc"
json_check "j['ok'] == 'false' and j['rolled_back'] == 'true' and j['seq'] == '$backup_head'" <"$work/v.json"
expect_exit 3 "kinerja recover" sync
[ "$(hub_ops)" = "$held" ] || fail "a rolled-back sync pushed ops"
expect_exit 0 "Recovered ops $((backup_head + 1))-$head of this device from the hub" recover
expect_exit 0 "ok:" verify
"$kinerja" sync >/dev/null
figures | cmp -s - "$work/before.json" || fail "the figures after recover differ from before the rollback"
"$kinerja" rebuild --check >/dev/null
expect_exit 0 "Nothing to recover" recover

# 2. A WAL whose tail a power cut damaged: hold a connection so the WAL outlives each
# command, record and sync, then flip 4 bytes in the first frame written after a point.
hold_store "$KINERJA_STORE"
record 2024-Q1 106
"$kinerja" sync >/dev/null
cut=$(stat -c %s "$KINERJA_STORE-wal")
record 2024-Q2 107
record 2024-Q3 108
record 2024-Q4 109
"$kinerja" sync >/dev/null
head=$((head + 4))
figures >"$work/before.json"
cp "$KINERJA_STORE" "$work/crash.db"
cp "$KINERJA_STORE-wal" "$work/crash.db-wal"
release_store
printf '\xde\xad\xbe\xef' | dd of="$work/crash.db-wal" bs=1 seek=$((cut + 24 + 200)) conv=notrunc status=none
mv "$work/crash.db" "$KINERJA_STORE"
mv "$work/crash.db-wal" "$KINERJA_STORE-wal"
rm -f "$KINERJA_STORE-shm"
expect_exit 3 "the hub acknowledged this device's ops up to seq $head, the store holds them only up to seq $((head - 3))" verify
expect_exit 3 "kinerja recover" sync
expect_exit 0 "Recovered ops $((head - 2))-$head of this device from the hub" recover
expect_exit 0 "ok:" verify
"$kinerja" sync >/dev/null
figures | cmp -s - "$work/before.json" || fail "the figures after recovering the WAL loss differ"

# 3. A fork: rolled back, then written past the hub's head. Nothing is pushed or dropped.
cp "$work/backup.db" "$KINERJA_STORE"
rm -f "$KINERJA_STORE-wal" "$KINERJA_STORE-shm"
for n in 1 2 3 4 5 6 7 8; do record 2024-Q$(((n - 1) % 4 + 1)) 1$n; done
held=$(hub_ops)
ops=$(op_count)
expect_exit 3 "then written again: run \`kinerja recover\`" sync
[ "$(hub_ops)" = "$held" ] || fail "a forked store pushed ops"
expect_exit 3 "NOT RECOVERED: this store's ops from seq $((backup_head + 1)) on were written after it was rolled back" recover
grep -qF "seq $((backup_head + 8)) value LAYANAN/2024-Q4" "$work/out" || fail "recover did not list the forked ops: $(cat "$work/out")"
[ "$(op_count)" = "$ops" ] || fail "recover changed the forked store"
expect_exit 0 "ok:" verify --offline
echo "rollback and recover: ok"
