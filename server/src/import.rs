//! `import-masters`: load a state's police-station list, all or nothing.
//!
//! The CSV's columns are `district_code,station_code,name_en,name_hi`, optionally followed by
//! `phone` and then `email` for the directory (either may be blank on a row).

use crate::BoxError;
use contract::StationCode;
use rusqlite::Connection;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::process::ExitCode;

const HEADER: [&str; 6] = [
    "district_code",
    "station_code",
    "name_en",
    "name_hi",
    "phone",
    "email",
];
/// The columns every file has; `phone` and `email` may follow, in that order.
const REQUIRED_COLUMNS: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub district: String,
    pub station: StationCode,
    pub name_en: String,
    pub name_hi: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A bad line, reported as `line N: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// A station's phone as the state writes it (`0612-2219810`, `+91 94318 22222`): digits with
/// spaces or hyphens between them and an optional leading `+`, 10 to 13 digits in all.
/// Trimmed, inner runs of spaces made one; `None` when blank.
pub fn phone(raw: &str) -> Result<Option<String>, String> {
    let phone = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if phone.is_empty() {
        return Ok(None);
    }
    let body = phone.strip_prefix('+').unwrap_or(&phone);
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    let shaped = body
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b' ' || b == b'-')
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body.ends_with(|c: char| c.is_ascii_digit());
    if shaped && (10..=13).contains(&digits) {
        Ok(Some(phone))
    } else {
        Err(format!(
            "invalid phone {phone:?} (10 to 13 digits, spaces or - between them, + first)"
        ))
    }
}

/// Splits one CSV line, honouring double quotes (names may contain commas).
fn split_csv_line(line: &str) -> Result<Vec<String>, &'static str> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    if quoted {
        return Err("unterminated quoted field");
    }
    fields.push(field);
    Ok(fields)
}

fn is_devanagari(c: char) -> bool {
    ('\u{0900}'..='\u{097F}').contains(&c)
}

/// Checks every line against the known districts; returns all rows or every bad line.
pub fn parse(text: &str, districts: &HashSet<String>) -> Result<Vec<Row>, Vec<LineError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let header: Option<Vec<String>> = lines
        .next()
        .and_then(|(_, header)| split_csv_line(header).ok())
        .map(|f| f.iter().map(|s| s.trim().to_owned()).collect());
    let columns = match header {
        Some(f)
            if (REQUIRED_COLUMNS..=HEADER.len()).contains(&f.len())
                && f.iter()
                    .map(String::as_str)
                    .eq(HEADER[..f.len()].iter().copied()) =>
        {
            f.len()
        }
        _ => {
            errors.push(LineError {
                line: 1,
                reason: format!(
                    "expected the header row {} (then optionally ,{} and ,{})",
                    HEADER[..REQUIRED_COLUMNS].join(","),
                    HEADER[4],
                    HEADER[5]
                ),
            });
            REQUIRED_COLUMNS
        }
    };
    for (line, raw) in lines {
        if raw.trim().is_empty() {
            continue;
        }
        let mut fail = |reason: String| errors.push(LineError { line, reason });
        let mut fields = match split_csv_line(raw) {
            Ok(fields) if fields.len() == columns => fields,
            Ok(fields) => {
                fail(format!(
                    "expected {columns} columns, found {}",
                    fields.len()
                ));
                continue;
            }
            Err(reason) => {
                fail(reason.to_owned());
                continue;
            }
        };
        fields.resize(HEADER.len(), String::new());
        let [district, station, name_en, name_hi, phone_raw, email_raw] =
            <[String; 6]>::try_from(fields)
                .unwrap_or_default()
                .map(|f| f.trim().to_owned());
        let mut reasons = Vec::new();
        if !districts.contains(&district) {
            reasons.push(format!("unknown district code {district:?}"));
        }
        let station = match StationCode::parse(&station) {
            Ok(code) => Some(code),
            Err(_) => {
                reasons.push(format!(
                    "invalid station code {station:?} (A-Z, 0-9 and -, at most 32)"
                ));
                None
            }
        };
        if name_en.is_empty() {
            reasons.push("name_en is empty".to_owned());
        }
        if name_hi.is_empty() {
            reasons.push("name_hi is empty".to_owned());
        } else if !name_hi.chars().any(is_devanagari) {
            reasons.push("name_hi has no Devanagari (Hindi) letters".to_owned());
        }
        let phone = phone(&phone_raw).unwrap_or_else(|reason| {
            reasons.push(reason);
            None
        });
        let email = if email_raw.is_empty() {
            None
        } else {
            match contract::rules::email::parse(&email_raw) {
                Ok(email) => Some(email.as_str().to_owned()),
                Err(_) => {
                    reasons.push(format!("invalid email {email_raw:?}"));
                    None
                }
            }
        };
        if let Some(code) = &station {
            if let Some(first) = seen.insert(code.as_str().to_owned(), line) {
                seen.insert(code.as_str().to_owned(), first);
                reasons.push(format!(
                    "duplicate station code {code} (first on line {first})"
                ));
            }
        }
        match (reasons.is_empty(), station) {
            (true, Some(station)) => rows.push(Row {
                line,
                district,
                station,
                name_en,
                name_hi,
                phone,
                email,
            }),
            _ => fail(reasons.join("; ")),
        }
    }
    if errors.is_empty() && rows.is_empty() {
        errors.push(LineError {
            line: 2,
            reason: "no police stations in the file".to_owned(),
        });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Replaces the stations of every district the rows cover, in one transaction; a station
/// code that already belongs to a district left untouched is an error for its line.
pub fn import(
    conn: &mut Connection,
    rows: &[Row],
) -> Result<Result<usize, Vec<LineError>>, BoxError> {
    let covered: BTreeSet<&str> = rows.iter().map(|r| r.district.as_str()).collect();
    let tx = conn.transaction()?;
    for district in &covered {
        tx.execute(
            "DELETE FROM police_stations WHERE district_code = ?1",
            [district],
        )?;
    }
    let mut errors = Vec::new();
    {
        let mut owner = tx.prepare("SELECT district_code FROM police_stations WHERE code = ?1")?;
        let mut insert = tx.prepare(
            "INSERT INTO police_stations (code, district_code, name_en, name_hi, sample, phone,
                 email)
             VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6)",
        )?;
        for row in rows {
            let existing: Option<String> = owner
                .query_row([row.station.as_str()], |r| r.get(0))
                .map(Some)
                .or_else(|err| match err {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    err => Err(err),
                })?;
            if let Some(other) = existing {
                errors.push(LineError {
                    line: row.line,
                    reason: format!(
                        "station code {} already belongs to district {other}",
                        row.station
                    ),
                });
                continue;
            }
            insert.execute(rusqlite::params![
                row.station.as_str(),
                row.district,
                row.name_en,
                row.name_hi,
                row.phone,
                row.email
            ])?;
        }
    }
    if !errors.is_empty() {
        // Dropping the transaction rolls every change back.
        return Ok(Err(errors));
    }
    tx.commit()?;
    Ok(Ok(covered.len()))
}

/// The CLI command: prints each bad line, or the count, and says how it went in the exit code.
pub fn run(db: &Path, file: &Path) -> Result<ExitCode, BoxError> {
    let text = std::fs::read_to_string(file)
        .map_err(|err| format!("cannot read {}: {err}", file.display()))?;
    let mut conn = crate::db::open(db)?;
    let districts: HashSet<String> = conn
        .prepare("SELECT code FROM districts")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let outcome = match parse(&text, &districts) {
        Ok(rows) => import(&mut conn, &rows)?.map(|districts| (rows.len(), districts)),
        Err(errors) => Err(errors),
    };
    match outcome {
        Ok((stations, districts)) => {
            println!("imported {stations} police stations for {districts} districts");
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!(
                "nothing imported: {} bad line(s) in {}",
                errors.len(),
                file.display()
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn districts() -> HashSet<String> {
        ["PAT", "GAY"].map(String::from).into()
    }

    #[test]
    fn quoted_fields_may_hold_commas() {
        assert_eq!(
            split_csv_line(r#"PAT,PAT-X,"Kotwali, Old City","कोतवाली ""पुरानी""""#).unwrap(),
            ["PAT", "PAT-X", "Kotwali, Old City", "कोतवाली \"पुरानी\""]
        );
    }

    #[test]
    fn every_bad_line_is_reported() {
        let csv = "district_code,station_code,name_en,name_hi\r\n\
                   PAT,PAT-A,Alpha,अल्फा\r\n\
                   XXX,XXX-A,Alpha,अल्फा\r\n\
                   GAY,gay a,Alpha,अल्फा\r\n\
                   GAY,GAY-A,,Alpha\r\n\
                   PAT,PAT-A,Again,फिर\r\n\
                   PAT,PAT-B\r\n";
        let errors = parse(csv, &districts()).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4, 5, 6, 7], "{errors:?}");
        assert!(errors[3].reason.contains("first on line 2"));
    }

    #[test]
    fn phone_and_email_columns_are_optional_and_checked() {
        let csv = "district_code,station_code,name_en,name_hi,phone,email\n\
                   PAT,PAT-A,Alpha,अल्फा,0612-2219810,sho.alpha@example.in\n\
                   PAT,PAT-B,Beta,बीटा,,\n\
                   PAT,PAT-C,Gamma,गामा,12345,not-an-email\n";
        let errors = parse(csv, &districts()).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 4);
        assert!(
            errors[0].reason.contains("invalid phone")
                && errors[0].reason.contains("invalid email")
        );
        let good: String = csv.lines().take(3).map(|l| format!("{l}\n")).collect();
        let rows = parse(&good, &districts()).unwrap();
        assert_eq!(rows[0].phone.as_deref(), Some("0612-2219810"));
        assert_eq!(rows[0].email.as_deref(), Some("sho.alpha@example.in"));
        assert_eq!(
            (rows[1].phone.as_deref(), rows[1].email.as_deref()),
            (None, None)
        );
        // Phone alone is fine; e-mail without the phone column before it is not.
        let phone_only = "district_code,station_code,name_en,name_hi,phone\n\
                          PAT,PAT-A,Alpha,अल्फा,+91  94318 22222\n";
        let rows = parse(phone_only, &districts()).unwrap();
        assert_eq!(rows[0].phone.as_deref(), Some("+91 94318 22222"));
        let skipped =
            "district_code,station_code,name_en,name_hi,email\nPAT,PAT-A,Alpha,अल्फा,a@b.in\n";
        assert_eq!(parse(skipped, &districts()).unwrap_err()[0].line, 1);
    }

    #[test]
    fn phones_are_digits_with_separators() {
        for good in [
            "0612-2219810",
            "9431822222",
            "+91 94318 22222",
            "06112 222 333",
        ] {
            assert!(phone(good).unwrap().is_some(), "{good}");
        }
        assert_eq!(phone("  ").unwrap(), None);
        for bad in [
            "100",
            "0612/2219810",
            "+91-",
            "-0612-2219810",
            "12345678901234",
            "phone",
        ] {
            assert!(phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn header_is_required() {
        let errors = parse("PAT,PAT-A,Alpha,अल्फा\n", &districts()).unwrap_err();
        assert_eq!(errors[0].line, 1);
    }
}
