-- SAMPLE police stations (sample = 1), so the app is usable before a state's real list is
-- loaded with `nagrik-server import-masters`. Patna's are real station names; elsewhere each
-- district gets a town thana and a mahila (women's) thana, which every district has.
INSERT INTO police_stations (code, district_code, name_en, name_hi, sample) VALUES
    ('PAT-KOTWALI', 'PAT', 'Kotwali', 'कोतवाली', 1),
    ('PAT-GANDHI-MAIDAN', 'PAT', 'Gandhi Maidan', 'गांधी मैदान', 1),
    ('PAT-PIRBAHORE', 'PAT', 'Pirbahore', 'पीरबहोर', 1),
    ('PAT-KADAMKUAN', 'PAT', 'Kadamkuan', 'कदमकुआं', 1);

INSERT INTO police_stations (code, district_code, name_en, name_hi, sample)
SELECT code || '-TOWN', code, name_en || ' Town', name_hi || ' नगर थाना', 1
FROM districts WHERE code <> 'PAT';

INSERT INTO police_stations (code, district_code, name_en, name_hi, sample)
SELECT code || '-MAHILA', code, name_en || ' Mahila Thana', name_hi || ' महिला थाना', 1
FROM districts WHERE code <> 'PAT';
