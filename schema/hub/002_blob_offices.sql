-- Which offices may fetch an evidence file: those whose device uploaded it (sync/hub_blobs.hpp).
-- Files the hub held before this table existed are credited to the offices whose ops name them.
CREATE TABLE blob_offices (
  sha256 TEXT NOT NULL,
  office TEXT NOT NULL,
  PRIMARY KEY (sha256, office)
) WITHOUT ROWID;

INSERT OR IGNORE INTO blob_offices(sha256, office)
  SELECT json_extract(body, '$.evidence_sha256'), office FROM ops
  WHERE json_extract(body, '$.evidence_sha256') IS NOT NULL;
