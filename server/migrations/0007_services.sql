-- Every service files into the one `filings` table (issue 10).
--
-- SQLite cannot drop NOT NULL or change a primary key in place: both tables are rebuilt.
-- `db::migrate` runs migrations with foreign-key enforcement off and checks every key
-- (`PRAGMA foreign_key_check`) before committing, as SQLite's documented table rebuild asks;
-- `status_events`, `status_access` and `idempotency_keys` name `filings` by table name, so
-- they refer to the rebuilt table once it takes the name.

-- `mobile` may be NULL: a future service filed without a verified applicant (an anonymous
-- tip-off) has none. Every service routes to a station, so the station and district stay
-- NOT NULL. Rows keep every value; existing rows' `service` is `complaint`, already the
-- service's slug (`contract::services::ServiceId::slug`).
CREATE TABLE filings_new (
    reference        TEXT PRIMARY KEY NOT NULL,
    -- The service's slug: `complaint`, `tenant-verification`, ...
    service          TEXT NOT NULL,
    -- IST year and per service+year sequence that make up the reference.
    year             INTEGER NOT NULL,
    seq              INTEGER NOT NULL,
    -- The verified mobile that filed it (10 digits); NULL when the service has no verified
    -- applicant.
    mobile           TEXT,
    -- Declared answers only (contract::forms::retain_declared), masked fields masked; JSON.
    answers          TEXT NOT NULL,
    -- The station and district the filing goes to (the service's declared routing fields),
    -- copied from the masters at filing time so the receipt never changes when a state's
    -- list is imported.
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
    -- Set with the fir_registered step (complaints).
    fir_number       TEXT,
    UNIQUE (service, year, seq)
) STRICT;
INSERT INTO filings_new (reference, service, year, seq, mobile, answers, station_code,
        station_name_en, station_name_hi, station_sample, district_code, district_name_en,
        district_name_hi, filed_at, attachments, fir_number)
    SELECT reference, service, year, seq, mobile, answers, station_code, station_name_en,
        station_name_hi, station_sample, district_code, district_name_en, district_name_hi,
        filed_at, attachments, fir_number
    FROM filings;
DROP TABLE filings;
ALTER TABLE filings_new RENAME TO filings;
CREATE INDEX filings_by_mobile ON filings (mobile, filed_at);

-- A key is the citizen's for one service: the same key sent to two services files two
-- things, and a conflict names the filing of that service only.
CREATE TABLE idempotency_keys_new (
    mobile     TEXT NOT NULL,
    -- The service's slug, as in filings.service.
    service    TEXT NOT NULL,
    key        TEXT NOT NULL,
    -- sha256 of the canonical JSON of the request
    body_hash  BLOB NOT NULL,
    reference  TEXT NOT NULL REFERENCES filings (reference),
    created_at TEXT NOT NULL,
    PRIMARY KEY (mobile, service, key)
) STRICT;
-- Every key so far filed a complaint; its filing says so.
INSERT INTO idempotency_keys_new (mobile, service, key, body_hash, reference, created_at)
    SELECT k.mobile, COALESCE(f.service, 'complaint'), k.key, k.body_hash, k.reference,
        k.created_at
    FROM idempotency_keys k LEFT JOIN filings f ON f.reference = k.reference;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_new RENAME TO idempotency_keys;
