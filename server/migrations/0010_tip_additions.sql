-- More for a confidential tip, sent later with its number alone (issue 11): nothing of the
-- sender, as with the tip itself. `key` is the client's Idempotency-Key, so a retry whose
-- first answer was lost adds nothing twice.
CREATE TABLE tip_additions (
    reference TEXT NOT NULL REFERENCES filings (reference),
    seq       INTEGER NOT NULL,
    key       TEXT NOT NULL,
    -- Cleaned as the tip's description is (contract::services::tip_off::addition).
    text      TEXT NOT NULL,
    -- RFC 3339, UTC, whole seconds.
    added_at  TEXT NOT NULL,
    PRIMARY KEY (reference, seq),
    UNIQUE (reference, key)
) STRICT;
