-- Sync with the hub: the office's ops the hub held but refused as changes (e.g. an op on a
-- period the kanwil locked). They stay in the log; state is computed without them.
-- The hub URL, token, hub key, acknowledged seq and pull cursor live in `meta` (sync.*).
CREATE TABLE sync_rejections (
  device TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  hash   TEXT NOT NULL,
  reason TEXT NOT NULL,
  at     TEXT NOT NULL,
  PRIMARY KEY (device, seq)
);
