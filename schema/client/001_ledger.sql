-- The office store: local settings, known devices, the append-only op log with its
-- signed checkpoints, and `cells`, the current state materialised from the log.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Devices whose signatures this store can check: its own and, after sync, the office's
-- other devices and the hub.
CREATE TABLE devices (
  device     TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  office     TEXT NOT NULL,
  role       TEXT NOT NULL DEFAULT 'office'  -- 'office' or 'hub'
);

CREATE TABLE ops (
  id     INTEGER PRIMARY KEY,  -- local arrival order
  v      TEXT NOT NULL,
  office TEXT NOT NULL,
  device TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  hlc    TEXT NOT NULL,
  author TEXT NOT NULL,
  type   TEXT NOT NULL,
  key    TEXT NOT NULL,
  body   TEXT NOT NULL,  -- canonical JSON
  prev   TEXT NOT NULL,
  hash   TEXT NOT NULL,
  UNIQUE (device, seq)
);
CREATE INDEX ops_cell ON ops (type, key);

CREATE TABLE checkpoints (
  device TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  hash   TEXT NOT NULL,
  sig    TEXT NOT NULL,
  PRIMARY KEY (device, seq)
);

CREATE TRIGGER ops_append_only_update BEFORE UPDATE ON ops
BEGIN SELECT RAISE(ABORT, 'ops are append-only: record a correction instead'); END;
CREATE TRIGGER ops_append_only_delete BEFORE DELETE ON ops
BEGIN SELECT RAISE(ABORT, 'ops are append-only: record a correction instead'); END;
CREATE TRIGGER checkpoints_append_only_update BEFORE UPDATE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
CREATE TRIGGER checkpoints_append_only_delete BEFORE DELETE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;

-- Current state: for every (type, key) the winning op, the one with the largest
-- (hlc, device). Rebuilt from `ops` by `kinerja rebuild`.
CREATE TABLE cells (
  type   TEXT NOT NULL,
  key    TEXT NOT NULL,
  hlc    TEXT NOT NULL,
  device TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  hash   TEXT NOT NULL,
  body   TEXT NOT NULL,
  PRIMARY KEY (type, key)
) WITHOUT ROWID;
