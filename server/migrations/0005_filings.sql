-- Filed services (complaints first), their status history and idempotency keys.

CREATE TABLE filings (
    reference        TEXT PRIMARY KEY NOT NULL,
    -- `complaint`, ...
    service          TEXT NOT NULL,
    -- IST year and per service+year sequence that make up the reference.
    year             INTEGER NOT NULL,
    seq              INTEGER NOT NULL,
    -- The verified mobile that filed it (10 digits).
    mobile           TEXT NOT NULL,
    -- Declared answers only (contract::forms::retain_declared), Aadhaar masked; JSON object.
    answers          TEXT NOT NULL,
    -- The station and district the filing goes to, copied from the masters at filing time so
    -- the receipt never changes when a state's list is imported.
    station_code     TEXT NOT NULL,
    station_name_en  TEXT NOT NULL,
    station_name_hi  TEXT NOT NULL,
    station_sample   INTEGER NOT NULL CHECK (station_sample IN (0, 1)),
    district_code    TEXT NOT NULL,
    district_name_en TEXT NOT NULL,
    district_name_hi TEXT NOT NULL,
    -- RFC 3339, UTC, whole seconds: 2026-11-28T15:35:00Z
    filed_at         TEXT NOT NULL,
    attachments      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (service, year, seq)
) STRICT;

CREATE INDEX filings_by_mobile ON filings (mobile, filed_at);

-- Each step of a filing's life; the first ("submitted") is written with the filing.
CREATE TABLE status_events (
    reference TEXT NOT NULL REFERENCES filings (reference),
    -- submitted, received, under_enquiry, fir_registered, ...
    status    TEXT NOT NULL,
    -- RFC 3339, UTC
    at        TEXT NOT NULL,
    -- Station code (or other office) where the step happened.
    office    TEXT NOT NULL,
    note_en   TEXT,
    note_hi   TEXT,
    -- 1 for the first event of a reference, then 2, 3...
    version   INTEGER NOT NULL,
    PRIMARY KEY (reference, version)
) STRICT;

-- A submission's Idempotency-Key: a replay answers the same receipt.
CREATE TABLE idempotency_keys (
    mobile     TEXT NOT NULL,
    key        TEXT NOT NULL,
    -- sha256 of the canonical JSON of the request
    body_hash  BLOB NOT NULL,
    reference  TEXT NOT NULL REFERENCES filings (reference),
    created_at TEXT NOT NULL,
    PRIMARY KEY (mobile, key)
) STRICT;
