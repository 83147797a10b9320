-- Live status: who may follow a filing, the FIR number, office names on each step, and the
-- lookup rate limit.

-- A status lookup opens a viewer session without an OTP, so a session's mobile may be NULL
-- (SQLite cannot drop NOT NULL in place: the table is rebuilt). Only sessions with a mobile
-- are verified.
CREATE TABLE sessions_new (
    token_hash BLOB PRIMARY KEY NOT NULL,
    -- The OTP-verified mobile (10 digits); NULL for a viewer session opened by a lookup.
    mobile     TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
INSERT INTO sessions_new (token_hash, mobile, created_at, expires_at)
    SELECT token_hash, mobile, created_at, expires_at FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_new RENAME TO sessions;

-- References a session may view because it looked them up with the right mobile. A verified
-- session also sees the filings of its own mobile without a row here.
CREATE TABLE status_access (
    session_hash BLOB NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
    reference    TEXT NOT NULL REFERENCES filings (reference),
    -- Unix seconds
    granted_at   INTEGER NOT NULL,
    PRIMARY KEY (session_hash, reference)
) STRICT;

-- Every lookup, per key (`ip:<address>` and `session:<token hash>`), for the rate limit.
-- Unix seconds.
CREATE TABLE status_lookups (
    key TEXT NOT NULL,
    at  INTEGER NOT NULL
) STRICT;

CREATE INDEX status_lookups_by_key ON status_lookups (key, at);

-- Set with the fir_registered step.
ALTER TABLE filings ADD COLUMN fir_number TEXT;

-- The office's names when the step was recorded, so the history never changes when a
-- state's list is imported. NULL on rows written before this migration: the filing's
-- station names (or the masters) stand in.
ALTER TABLE status_events ADD COLUMN office_en TEXT;
ALTER TABLE status_events ADD COLUMN office_hi TEXT;
