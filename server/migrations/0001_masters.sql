-- Master data: districts and police stations, as the state's records name them.
CREATE TABLE districts (
    code    TEXT PRIMARY KEY NOT NULL,
    name_en TEXT NOT NULL,
    name_hi TEXT NOT NULL
) STRICT;

CREATE TABLE police_stations (
    code          TEXT PRIMARY KEY NOT NULL,
    district_code TEXT NOT NULL REFERENCES districts (code),
    name_en       TEXT NOT NULL,
    name_hi       TEXT NOT NULL,
    -- 1 for the shipped sample list; `import-masters` writes 0.
    sample        INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
) STRICT;

CREATE INDEX police_stations_by_district ON police_stations (district_code, name_en);
