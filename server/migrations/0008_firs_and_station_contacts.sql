-- FIR copies without a login, the police-station directory's phone numbers, and sample data
-- for both (sample = 1), so the app is usable before a state loads its own.

-- The directory: each station's phone and, where the state's list has one, e-mail. NULL when
-- the list has none. `import-masters` writes them from its optional phone and email columns.
ALTER TABLE police_stations ADD COLUMN phone TEXT;
ALTER TABLE police_stations ADD COLUMN email TEXT;

-- SAMPLE numbers for the sample stations. After the STD code the subscriber part starts with
-- 0, which no Indian number does, so a tap on one can never ring a real person; the app marks
-- them as samples. Patna's sample stations also get a sample e-mail on a reserved domain.
UPDATE police_stations SET phone = '0612-0' || printf('%06d', rowid) WHERE sample = 1;
UPDATE police_stations
SET email = lower(replace(name_en, ' ', '-')) || '.patna@police.example'
WHERE sample = 1 AND district_code = 'PAT';

-- Registered FIRs: the public summary of each, as the station wrote it (`lang`), and whether
-- it is withheld from the portal (`sensitive`: sexual offences, POCSO, insurgency, terrorism
-- and other national-security matters, or any FIR the station marks). `import-firs` loads
-- real ones. No foreign key to `police_stations`: an `import-masters` may retire a station,
-- and its FIRs keep the names they were registered under.
CREATE TABLE firs (
    district_code   TEXT NOT NULL REFERENCES districts (code),
    station_code    TEXT NOT NULL,
    station_name_en TEXT NOT NULL,
    station_name_hi TEXT NOT NULL,
    year            INTEGER NOT NULL CHECK (year BETWEEN 1950 AND 9999),
    number          INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99999),
    -- RFC 3339, UTC
    registered_at   TEXT NOT NULL,
    law             TEXT NOT NULL CHECK (law IN ('bns', 'ipc')),
    -- A JSON array of strings, e.g. ["BNS 303(2)", "BNS 3(5)"]
    sections        TEXT NOT NULL,
    -- YYYY-MM-DD; occurred_to only for a span of days
    occurred_from   TEXT NOT NULL,
    occurred_to     TEXT,
    place           TEXT NOT NULL,
    complainant     TEXT NOT NULL,
    facts           TEXT NOT NULL,
    officer_rank    TEXT NOT NULL,
    officer_name    TEXT NOT NULL,
    -- contract::firs::STAGES
    stage           TEXT NOT NULL CHECK (stage IN ('fir_registered', 'under_investigation',
                        'charge_sheeted', 'final_report', 'transferred')),
    lang            TEXT NOT NULL CHECK (lang IN ('hi', 'en')),
    sensitive       INTEGER NOT NULL CHECK (sensitive IN (0, 1)),
    sample          INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    PRIMARY KEY (station_code, year, number)
) STRICT;

CREATE INDEX firs_by_district ON firs (district_code, sample);

-- Every copy served, for its printed reference (`BR-FCP-<IST year>-<seq>`). Nothing about who
-- asked is kept.
CREATE TABLE fir_copies (
    reference    TEXT PRIMARY KEY NOT NULL,
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    station_code TEXT NOT NULL,
    fir_year     INTEGER NOT NULL,
    fir_number   INTEGER NOT NULL,
    -- RFC 3339, UTC
    served_at    TEXT NOT NULL,
    UNIQUE (year, seq)
) STRICT;

-- Every search, for the rate limits (10 per address in 10 minutes, 5 different FIRs per
-- address in a minute); rows older than the longer window are swept on each search.
-- `fir` is `district/station/year/number`; `at` is Unix seconds.
CREATE TABLE fir_searches (
    ip  TEXT NOT NULL,
    fir TEXT NOT NULL,
    at  INTEGER NOT NULL
) STRICT;

CREATE INDEX fir_searches_by_ip ON fir_searches (ip, at);

-- SAMPLE FIRs, in Hindi and English, three of them withheld. Their text is made up.
INSERT INTO firs (district_code, station_code, station_name_en, station_name_hi, year, number,
    registered_at, law, sections, occurred_from, occurred_to, place, complainant, facts,
    officer_rank, officer_name, stage, lang, sensitive, sample) VALUES
    ('PAT', 'PAT-KOTWALI', 'Kotwali', 'कोतवाली', 2026, 12,
     '2026-03-14T04:50:00Z', 'bns', '["BNS 303(2)"]', '2026-03-13', NULL,
     'डाकबंगला चौराहा के पास, फ़्रेज़र रोड, पटना',
     'सीता देवी',
     'शिकायतकर्ता ने बताया कि 13/03/2026 की शाम लगभग 7 बजे डाकबंगला चौराहा के पास बस से उतरते समय किसी अज्ञात व्यक्ति ने उनके बैग से मोबाइल फ़ोन (काले रंग का) चोरी कर लिया। आसपास खोजने पर फ़ोन नहीं मिला।',
     'पुलिस अवर निरीक्षक', 'राजेश कुमार सिंह', 'under_investigation', 'hi', 0, 1),
    ('PAT', 'PAT-GANDHI-MAIDAN', 'Gandhi Maidan', 'गांधी मैदान', 2026, 7,
     '2026-02-02T06:15:00Z', 'bns', '["BNS 318(4)", "BNS 319(2)", "IT Act 66D"]',
     '2026-01-30', '2026-01-31',
     'Online; the complainant''s home on Boring Road, Patna',
     'Amit Kumar Verma',
     'The complainant states that a caller posing as a bank officer asked him to share a one-time password to keep his debit card working. Between 30/01/2026 and 31/01/2026 Rs 48,500 was taken from his savings account in four transactions. He reported it on 1930 on 31/01/2026.',
     'Inspector', 'Priya Sharma', 'charge_sheeted', 'en', 0, 1),
    ('PAT', 'PAT-KOTWALI', 'Kotwali', 'कोतवाली', 2023, 45,
     '2023-08-21T09:00:00Z', 'ipc', '["IPC 379"]', '2023-08-20', NULL,
     'पटना जंक्शन के बाहर की पार्किंग',
     'मोहम्मद आरिफ़',
     'शिकायतकर्ता ने बताया कि 20/08/2023 को दोपहर में उन्होंने अपनी मोटरसाइकिल (BR 01 AB 1234) पटना जंक्शन के बाहर की पार्किंग में खड़ी की थी। लौटने पर मोटरसाइकिल वहाँ नहीं थी।',
     'सहायक अवर निरीक्षक', 'सुरेश प्रसाद', 'final_report', 'hi', 0, 1),
    ('PAT', 'PAT-KADAMKUAN', 'Kadamkuan', 'कदमकुआं', 2024, 101,
     '2024-05-10T05:30:00Z', 'ipc', '["IPC 420", "IPC 406"]', '2024-04-02', '2024-05-05',
     'Kadamkuan, Patna',
     'Rekha Sinha',
     'The complainant states that she paid Rs 2,00,000 to a man who promised her son a seat in a medical college, and that he then stopped answering her calls.',
     'Sub-Inspector', 'Manoj Kumar', 'charge_sheeted', 'en', 0, 1),
    ('GAY', 'GAY-TOWN', 'Gaya Town', 'गया नगर थाना', 2025, 21,
     '2025-10-03T12:40:00Z', 'bns', '["BNS 115(2)", "BNS 351(2)"]', '2025-10-03', NULL,
     'स्टेशन रोड, गया',
     'राम प्रवेश यादव',
     'शिकायतकर्ता ने बताया कि ज़मीन के विवाद में पड़ोसी ने उनके साथ मारपीट की और धमकी दी।',
     'पुलिस अवर निरीक्षक', 'अनिल कुमार', 'under_investigation', 'hi', 0, 1),
    ('PAT', 'PAT-KOTWALI', 'Kotwali', 'कोतवाली', 2025, 88,
     '2025-06-09T07:00:00Z', 'bns', '["POCSO 8"]', '2025-06-08', NULL,
     'नमूना स्थान (WITHHELD-SAMPLE-1)',
     'नमूना शिकायतकर्ता (WITHHELD-SAMPLE-1)',
     'नमूना गोपनीय प्राथमिकी: यह विवरण कभी ऑनलाइन नहीं दिखना चाहिए (WITHHELD-SAMPLE-1)।',
     'पुलिस निरीक्षक', 'नमूना अधिकारी (WITHHELD-SAMPLE-1)', 'under_investigation', 'hi', 1, 1),
    ('PAT', 'PAT-PIRBAHORE', 'Pirbahore', 'पीरबहोर', 2025, 3,
     '2025-01-20T10:00:00Z', 'bns', '["UAPA 16", "BNS 113"]', '2025-01-19', NULL,
     'Sample place (WITHHELD-SAMPLE-2)',
     'Sample complainant (WITHHELD-SAMPLE-2)',
     'Sample withheld FIR (national security): these details must never be shown online (WITHHELD-SAMPLE-2).',
     'Inspector', 'Sample Officer (WITHHELD-SAMPLE-2)', 'under_investigation', 'en', 1, 1),
    ('PAT', 'PAT-GANDHI-MAIDAN', 'Gandhi Maidan', 'गांधी मैदान', 2026, 19,
     '2026-04-02T08:30:00Z', 'bns', '["BNS 64"]', '2026-04-01', NULL,
     'नमूना स्थान (WITHHELD-SAMPLE-3)',
     'नमूना शिकायतकर्ता (WITHHELD-SAMPLE-3)',
     'नमूना गोपनीय प्राथमिकी, जिसे थाने ने संवेदनशील चिह्नित किया है (WITHHELD-SAMPLE-3)।',
     'पुलिस अवर निरीक्षक', 'नमूना अधिकारी (WITHHELD-SAMPLE-3)', 'charge_sheeted', 'hi', 1, 1);
