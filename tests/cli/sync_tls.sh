#!/usr/bin/env bash
# kinerja-hub over HTTPS (--tls-cert/--tls-key) with a self-signed certificate made here:
# a client that does not trust it refuses to enrol (exit 1, naming the certificate); with
# KINERJA_SYNC_CA_FILE it enrols and syncs. Also: a POST whose body does not match its
# checksum is refused with corrupt_body and changes nothing.
set -euo pipefail
bin=${KINERJA_BIN_DIR:?}
source "$(dirname "$0")/lib.bash"
cd "$work"
export KINERJA_SYNCHRONOUS=OFF KINERJA_SYNC_ATTEMPTS=1

openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
"$bin/kinerja-hub" --db hub.db office add --office 407973 --name Semarang --kanwil JATENG >/dev/null
"$bin/kinerja-hub" --db hub.db --listen 127.0.0.1:0 --tls-cert cert.pem --tls-key key.pem > hub.out 2> hub.log &
hub_pid=$!; bg_pids+=("$hub_pid")
for _ in $(seq 100); do grep -q '^listening on ' hub.out && break; sleep 0.1; done
url=https://$(sed -n 's/^listening on //p' hub.out)
"$bin/kinerja" --store a.db init --office 407973 --name Semarang --kanwil JATENG --year 2024 >/dev/null

rc=0; "$bin/kinerja" --store a.db enrol --hub "$url" --code "$("$bin/kinerja-hub" --db hub.db enrol --office 407973)" 2>err.txt || rc=$?
[ $rc = 1 ] && grep -qi "certificate" err.txt || fail "an untrusted certificate must fail the enrolment (rc $rc: $(cat err.txt))"
export KINERJA_SYNC_CA_FILE=$work/cert.pem
"$bin/kinerja" --store a.db enrol --hub "$url" --code "$("$bin/kinerja-hub" --db hub.db enrol --office 407973)" >/dev/null
"$bin/kinerja" --store a.db sync --json > s.json
[ "$(jq -r .pushed_ops s.json)" = 2 ] || fail "sync over https: $(cat s.json)"

token=$(sqlite3 a.db "SELECT value FROM meta WHERE key='sync.token'")
code=$(curl -s --cacert cert.pem -H "Authorization: Bearer $token" -H "X-Kinerja-Body-Sha256: 00" \
  -H "Content-Type: application/json" --data '{"v":"1","ops":[],"checkpoint":{}}' "$url/v1/push" | jq -r .error.code)
[ "$code" = corrupt_body ] || fail "a body that does not match its checksum is corrupt_body, got $code"
grep -q "POST /v1/push office=407973 .* 400 corrupt_body" hub.log || fail "the refusal is logged"
echo ok
