//! `import-masters`: load a state's police-station list, all or nothing.

use crate::BoxError;
use contract::StationCode;
use rusqlite::Connection;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::process::ExitCode;

const HEADER: [&str; 4] = ["district_code", "station_code", "name_en", "name_hi"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub district: String,
    pub station: StationCode,
    pub name_en: String,
    pub name_hi: String,
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
    match lines.next() {
        Some((_, header))
            if split_csv_line(header)
                .is_ok_and(|f| f.iter().map(|s| s.trim()).eq(HEADER.iter().copied())) => {}
        _ => errors.push(LineError {
            line: 1,
            reason: format!("expected the header row {}", HEADER.join(",")),
        }),
    }
    for (line, raw) in lines {
        if raw.trim().is_empty() {
            continue;
        }
        let mut fail = |reason: String| errors.push(LineError { line, reason });
        let fields: [String; 4] = match split_csv_line(raw).map(<[String; 4]>::try_from) {
            Ok(Ok(fields)) => fields,
            Ok(Err(fields)) => {
                fail(format!("expected 4 columns, found {}", fields.len()));
                continue;
            }
            Err(reason) => {
                fail(reason.to_owned());
                continue;
            }
        };
        let [district, station, name_en, name_hi] = fields.map(|f| f.trim().to_owned());
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
            "INSERT INTO police_stations (code, district_code, name_en, name_hi, sample)
             VALUES (?1, ?2, ?3, ?4, 0)",
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
                row.name_hi
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
    fn header_is_required() {
        let errors = parse("PAT,PAT-A,Alpha,अल्फा\n", &districts()).unwrap_err();
        assert_eq!(errors[0].line, 1);
    }
}
