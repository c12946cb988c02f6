-- The hub store (kinerja-hub): the offices it serves, enrolment codes and device tokens
-- (hashes only), every office's ops as pushed (hub order = id), the hub's own chain of
-- kanwil-authored ops, period locks, per-op rejections, quarantined forks, request log.
--
-- The ops and checkpoints tables and their append-only triggers mirror the office store's
-- (schema/client/001_ledger.sql) on purpose, not by copy-paste drift: the hub and the
-- offices migrate on their own schedules, and a shipped migration is never edited, so
-- each end owns its full schema text.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE offices (
  office     TEXT PRIMARY KEY,  -- satker code
  name       TEXT NOT NULL,
  kanwil     TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- One-time enrolment codes, stored as SHA-256 of the code.
CREATE TABLE enrol_codes (
  code_hash  TEXT PRIMARY KEY,
  office     TEXT NOT NULL REFERENCES offices(office),
  created_at TEXT NOT NULL,
  used_at    TEXT,
  device     TEXT
);

-- Enrolled devices and the hub itself (role 'hub', office '*'); token_hash = SHA-256 of the bearer token.
CREATE TABLE devices (
  device       TEXT PRIMARY KEY,
  public_key   TEXT NOT NULL,
  office       TEXT NOT NULL,
  role         TEXT NOT NULL DEFAULT 'office',
  token_hash   TEXT UNIQUE,
  enrolled_at  TEXT NOT NULL,
  last_sync_at TEXT
);

CREATE TABLE ops (
  id          INTEGER PRIMARY KEY,  -- hub order, the pull cursor
  v           TEXT NOT NULL,
  office      TEXT NOT NULL,
  device      TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  hlc         TEXT NOT NULL,
  author      TEXT NOT NULL,
  type        TEXT NOT NULL,
  key         TEXT NOT NULL,
  body        TEXT NOT NULL,
  prev        TEXT NOT NULL,
  hash        TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (device, seq)
);
CREATE INDEX ops_office ON ops (office, id);

CREATE TABLE checkpoints (
  device TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  hash   TEXT NOT NULL,
  sig    TEXT NOT NULL,
  PRIMARY KEY (device, seq)
);

CREATE TRIGGER ops_append_only_update BEFORE UPDATE ON ops
BEGIN SELECT RAISE(ABORT, 'ops are append-only'); END;
CREATE TRIGGER ops_append_only_delete BEFORE DELETE ON ops
BEGIN SELECT RAISE(ABORT, 'ops are append-only'); END;
CREATE TRIGGER checkpoints_append_only_update BEFORE UPDATE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
CREATE TRIGGER checkpoints_append_only_delete BEFORE DELETE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;

-- Periods the kanwil has locked for an office; judged at arrival, by hub time.
CREATE TABLE locks (
  office    TEXT NOT NULL,
  period    TEXT NOT NULL,
  locked_at TEXT NOT NULL,
  PRIMARY KEY (office, period)
);

-- Ops held as chain links but refused as changes (e.g. period_locked).
CREATE TABLE rejections (
  device TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  hash   TEXT NOT NULL,
  office TEXT NOT NULL,
  reason TEXT NOT NULL,
  at     TEXT NOT NULL,
  PRIMARY KEY (device, seq)
);

-- Ops that claimed a (device, seq) the hub already holds with other content: forks.
CREATE TABLE quarantine (
  id     INTEGER PRIMARY KEY,
  office TEXT NOT NULL,
  device TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  hash   TEXT NOT NULL,
  op     TEXT NOT NULL,
  at     TEXT NOT NULL
);

CREATE TABLE requests (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  method  TEXT NOT NULL,
  path    TEXT NOT NULL,
  office  TEXT NOT NULL,
  device  TEXT NOT NULL,
  status  INTEGER NOT NULL,
  outcome TEXT NOT NULL
);
