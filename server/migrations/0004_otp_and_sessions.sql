-- One-time codes, their sends (for rate limiting), verified sessions and uploaded files.
-- Times are Unix seconds (UTC). Codes and session tokens are stored only as SHA-256 hashes.

-- The current code of each mobile; a new request replaces it.
CREATE TABLE otp_codes (
    mobile        TEXT PRIMARY KEY NOT NULL,
    -- sha256(server secret || mobile || ':' || code)
    code_hash     BLOB NOT NULL,
    expires_at    INTEGER NOT NULL,
    -- Wrong tries left; 0 means the code is spent.
    attempts_left INTEGER NOT NULL
) STRICT;

-- Every code sent, for "at most N sends per mobile per window".
CREATE TABLE otp_sends (
    mobile  TEXT NOT NULL,
    sent_at INTEGER NOT NULL
) STRICT;

CREATE INDEX otp_sends_by_mobile ON otp_sends (mobile, sent_at);

-- A browser session that verified a mobile by OTP; the cookie holds the token.
CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY NOT NULL,
    mobile     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;

-- Files uploaded in a session, before (filing_reference NULL) and after they join a filing.
CREATE TABLE attachments (
    id               TEXT PRIMARY KEY NOT NULL,
    session_hash     BLOB NOT NULL,
    mobile           TEXT NOT NULL,
    mime             TEXT NOT NULL,
    bytes            INTEGER NOT NULL,
    data             BLOB NOT NULL,
    uploaded_at      INTEGER NOT NULL,
    filing_reference TEXT
) STRICT;

CREATE INDEX attachments_by_session ON attachments (session_hash);
CREATE INDEX attachments_by_filing ON attachments (filing_reference);
