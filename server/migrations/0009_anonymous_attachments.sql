-- A confidential tip-off (issue 11) may carry one file, sent without a session: such a file
-- has no session and no mobile (both NULL), and only its unguessable id names it until it
-- joins the tip. SQLite cannot drop NOT NULL in place: the table is rebuilt, every row kept.
CREATE TABLE attachments_new (
    id               TEXT PRIMARY KEY NOT NULL,
    -- The session it was uploaded in; NULL for an anonymous upload.
    session_hash     BLOB,
    -- The mobile that session verified; NULL for an anonymous upload.
    mobile           TEXT,
    mime             TEXT NOT NULL,
    bytes            INTEGER NOT NULL,
    data             BLOB NOT NULL,
    uploaded_at      INTEGER NOT NULL,
    filing_reference TEXT,
    CHECK ((session_hash IS NULL) = (mobile IS NULL))
) STRICT;
INSERT INTO attachments_new (id, session_hash, mobile, mime, bytes, data, uploaded_at,
        filing_reference)
    SELECT id, session_hash, mobile, mime, bytes, data, uploaded_at, filing_reference
    FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_new RENAME TO attachments;
CREATE INDEX attachments_by_session ON attachments (session_hash);
CREATE INDEX attachments_by_filing ON attachments (filing_reference);
