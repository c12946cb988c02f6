#!/usr/bin/env python3
"""Forged push bodies for tests/cli/sync_faults_forged.sh: reads device ops and a signed
checkpoint from a store and prints one push batch (JSON) altered as KIND says:

  forge_push.py STORE KIND FIRST LAST
  KIND  as_is          the genuine batch (for a test to alter, e.g. with jq)
        bad_hash       op FIRST's content altered, its hash left as it was
        bad_prev       op FIRST altered and re-hashed, so op FIRST+1's prev no longer matches
        bad_checkpoint the last op altered and re-hashed, the checkpoint's hash set to it, old signature
        fork           op FIRST (already held by the hub) altered and re-hashed
"""
import hashlib, json, sqlite3, sys

store, kind, first, last = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
db = sqlite3.connect(store)
device = db.execute("SELECT value FROM meta WHERE key='device'").fetchone()[0]
cols = ["v", "office", "device", "seq", "hlc", "author", "type", "key", "body", "prev", "hash"]
ops = []
for row in db.execute("SELECT %s FROM ops WHERE device=? AND seq BETWEEN ? AND ? ORDER BY seq" % ",".join(cols),
                      (device, first, last)):
    op = dict(zip(cols, row))
    op["seq"] = str(op["seq"])
    op["body"] = json.loads(op["body"])
    ops.append(op)
seq, h, sig = db.execute("SELECT seq, hash, sig FROM checkpoints WHERE device=? AND seq=?", (device, last)).fetchone()
checkpoint = {"device": device, "seq": str(seq), "hash": h, "sig": sig}


def canonical(o):
    return json.dumps(o, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def alter(op, rehash):
    op["body"]["subject"] = "forged"
    if rehash:
        op["hash"] = hashlib.sha256(canonical({k: v for k, v in op.items() if k != "hash"}).encode()).hexdigest()


assert ops and ops[-1]["hash"] == h, "the store's checkpoint must cover the last op"
if kind == "as_is":
    pass
elif kind == "bad_hash":
    alter(ops[0], rehash=False)
elif kind == "bad_prev":
    alter(ops[0], rehash=True)
elif kind == "bad_checkpoint":
    alter(ops[-1], rehash=True)
    checkpoint["hash"] = ops[-1]["hash"]
elif kind == "fork":
    alter(ops[0], rehash=True)
    ops = ops[:1]
    checkpoint = {"device": device, "seq": ops[0]["seq"], "hash": ops[0]["hash"], "sig": sig}
else:
    sys.exit("unknown kind " + kind)
print(json.dumps({"v": "1", "ops": ops, "checkpoint": checkpoint}))
