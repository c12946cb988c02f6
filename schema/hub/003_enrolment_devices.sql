-- Enrolment codes expire (hub time); the kanwil can revoke a device and deactivate an
-- office (sync/hub_admin.hpp): their tokens are refused, their ops stay on the hub.
-- Codes made before this migration expire 72 hours after they were made.
ALTER TABLE enrol_codes ADD COLUMN expires_at TEXT;
UPDATE enrol_codes SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+72 hours');

ALTER TABLE devices ADD COLUMN revoked_at TEXT;
ALTER TABLE devices ADD COLUMN revoked_reason TEXT;

ALTER TABLE offices ADD COLUMN deactivated_at TEXT;
