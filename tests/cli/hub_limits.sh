#!/usr/bin/env bash
# Issue 10, points 6-8: a wrong JSON type anywhere in a request body is 400 `bad_request`
# naming the field, never 500; JSON nested 100 000 deep is 400 and the hub stays up; a
# gzip bomb (to /v1/enrol without a token, to /v1/push with one) and a chunked body without
# Content-Length past --max-body are 413 `too_large` while the hub's peak memory stays low,
# and the hub serves a normal sync afterwards.
source "${KINERJA_SOURCE_DIR:?}/tests/cli/sync_faults.bash"
py=python3; [ -x /usr/bin/python3 ] && py=/usr/bin/python3
abuse() { $py "$KINERJA_SOURCE_DIR/tests/cli/hub_abuse.py" "$@"; }
start_hub
new_device a
record_rows a 2
sync_until_ok a 1
record_rows a 1 2  # one op not pushed yet, with its signed checkpoint
token=$(sqlite3 a.db "SELECT value FROM meta WHERE key='sync.token'")
seq=$(k a status --json | jq -r .last_seq)
$py "$KINERJA_SOURCE_DIR/tests/cli/forge_push.py" a.db as_is "$seq" "$seq" >genuine.json

# expect PATH STATUS CODE TEXT JQ-FILTER: the genuine push body altered by the filter is
# answered STATUS with error CODE and a message containing TEXT.
expect() {
  jq -c "$5" genuine.json >body.json
  read -r status answer < <(abuse send "$hub_port" "$1" body.json "$token")
  [ "$status" = "$2" ] || fail "$5 to $1: HTTP $status, expected $2: $answer"
  [ "$(jq -r .error.code <<<"$answer")" = "$3" ] || fail "$5 to $1: $answer, expected $3"
  grep -qF -- "$4" <<<"$(jq -r .error.message <<<"$answer")" || fail "$5 to $1: $answer does not name '$4'"
}
expect /v1/push 400 bad_request "'body'" '.ops[0].body.numerator = 1.5'
expect /v1/push 400 bad_request "'body'" '.ops[0].body.note = [2.5]'
expect /v1/push 400 bad_request "'seq'" '.ops[0].seq = 1.5'
expect /v1/push 400 bad_request "'hlc'" '.ops[0].hlc = {"a": "b"}'
expect /v1/push 400 bad_request "'body'" '.ops[0].body = null'
expect /v1/push 400 bad_request "'ops'" '.ops = {}'
expect /v1/push 400 bad_request "not a JSON object" '.ops = [null]'
expect /v1/push 400 bad_request "checkpoint" '.checkpoint = [1]'
expect /v1/push 400 bad_request "'sig'" '.checkpoint.sig = 1e300'
expect /v1/push 400 bad_request "'v'" '.v = 1'
expect /v1/push 400 bad_request "not a JSON object" '1.5'
expect /v1/enrol 400 bad_request "'code'" '{v: "1", code: {a: 1}, office: "407973", device: "d", public_key: "k"}'
expect /v1/enrol 400 bad_request "'device'" '{v: "1", code: "c", office: "407973", device: null, public_key: "k"}'
expect /v1/blobs/missing 400 bad_request "'sha256'" '{v: "1", sha256: [1.5]}'
expect /v1/blobs/missing 400 bad_request "'sha256'" '{v: "1", sha256: "abc"}'
[ "$(sqlite3 hub.db "SELECT count(*) FROM requests WHERE status >= 500")" = 0 ] || fail "the hub answered 5xx"

# 100 000 nested arrays in an op body, with a token and without.
abuse nest genuine.json 100000 >deep.json
read -r status answer < <(abuse send "$hub_port" /v1/push deep.json "$token")
[ "$status" = 400 ] && grep -q "deeper than 64 levels" <<<"$answer" || fail "a deep body: HTTP $status $answer"
read -r status answer < <(abuse send "$hub_port" /v1/enrol deep.json)
[ "$status" = 400 ] || fail "a deep enrol body: HTTP $status $answer"
kill -0 "$hub_pid" || fail "the hub died on a deep body"

# Bombs: 256 MiB inflated from 256 KiB of gzip, a 200 MiB chunked body.
[ "$(abuse bomb "$hub_port" /v1/enrol 256)" = 413 ] || fail "a gzip bomb to /v1/enrol is not 413"
[ "$(abuse bomb "$hub_port" /v1/push 256 "$token")" = 413 ] || fail "a gzip bomb to /v1/push is not 413"
status=$(abuse chunked "$hub_port" /v1/enrol 200)
[ "$status" = 413 ] || [ "$status" = closed ] || fail "a 200 MiB chunked body: HTTP $status"
[ "$(sqlite3 hub.db "SELECT count(*) FROM requests WHERE outcome='too_large'")" -ge 3 ] || fail "413 too_large not logged"
peak=$(awk '/^VmHWM:/ {print $2}' "/proc/$hub_pid/status")
[ "$peak" -lt 153600 ] || fail "the hub's peak memory rose to $peak kB"

# The hub still serves: the op not pushed yet goes through.
sync_until_ok a 1
[ "$(jq -r .pushed_ops sync.a.json)" = 1 ] || fail "the sync after the abuse pushed $(jq -r .pushed_ops sync.a.json) ops"
