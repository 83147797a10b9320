//! `import-firs`: load a state's registered FIRs from CSV or JSON, all or nothing.
//!
//! One FIR per CSV record (quoted fields may hold commas and line breaks) or per object of a
//! JSON array, with these columns (keys), in any order:
//!
//! | column | value |
//! |---|---|
//! | `district_code`, `station_code` | a district and one of its stations, as in the masters |
//! | `year`, `number` | the FIR's year of registration and its number (1–99999) in that year |
//! | `registered_at` | `YYYY-MM-DD HH:MM` in IST, or RFC 3339 with an offset; in `year`, not ahead of now |
//! | `law` | `BNS` (BNS/BNSS) or `IPC` (IPC/CrPC, the only one before 1 July 2024) |
//! | `sections` | separated by `;` (JSON: also an array), e.g. `BNS 303(2); BNS 3(5)` |
//! | `occurred_from`, `occurred_to` | `YYYY-MM-DD`; `occurred_to` blank unless a span of days |
//! | `place`, `complainant`, `facts`, `officer_rank`, `officer_name` | as the FIR has them |
//! | `stage` | `fir_registered`, `under_investigation`, `charge_sheeted`, `final_report`, `transferred` |
//! | `lang` | `hi` or `en`: the language the FIR is written in |
//! | `sensitive` | required on every row: `yes`/`no` (`true`/`false`, `1`/`0`); `yes` withholds it |
//!
//! An FIR already loaded (same station, year and number) is replaced; the sample FIRs of every
//! district the file covers are removed. Bad records are reported by the line they start on.

use crate::import::LineError;
use crate::{time, BoxError};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Utc};
use contract::firs::{self, Law, TextLang};
use contract::lifecycle::Status;
use rusqlite::{params, Connection};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::ExitCode;

/// Every column, in the order a CSV export is expected to have them (any order is accepted).
pub const COLUMNS: [&str; 17] = [
    "district_code",
    "station_code",
    "year",
    "number",
    "registered_at",
    "law",
    "sections",
    "occurred_from",
    "occurred_to",
    "place",
    "complainant",
    "facts",
    "officer_rank",
    "officer_name",
    "stage",
    "lang",
    "sensitive",
];

/// Longest FIR text fields, in characters: the facts, and every other text.
const MAX_FACTS: usize = 8000;
const MAX_TEXT: usize = 300;

/// A station of the masters: its district and names.
#[derive(Debug, Clone)]
pub struct Station {
    pub district: String,
    pub name_en: String,
    pub name_hi: String,
}

/// One FIR ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fir {
    pub line: usize,
    pub district: String,
    pub station: String,
    pub station_name_en: String,
    pub station_name_hi: String,
    pub year: u16,
    pub number: u32,
    pub registered_at: DateTime<Utc>,
    pub law: Law,
    pub sections: Vec<String>,
    pub occurred_from: NaiveDate,
    pub occurred_to: Option<NaiveDate>,
    pub place: String,
    pub complainant: String,
    pub facts: String,
    pub officer_rank: String,
    pub officer_name: String,
    pub stage: Status,
    pub lang: TextLang,
    pub sensitive: bool,
}

/// A value as the file gave it: text, or (JSON `sections`) a list.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    List(Vec<String>),
}

type Record = (usize, HashMap<String, Value>);

/// The records a file holds, and the ones already bad in shape; `Err` when the file as a
/// whole cannot be read (no header, not JSON).
type Records = Result<(Vec<Record>, Vec<LineError>), Vec<LineError>>;

/// CSV records with the line each starts on. A quote opens a quoted field only at the
/// field's start; `""` inside one is a quote; line breaks inside one are kept.
fn csv_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, LineError> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    let mut end_record = |fields: &mut Vec<String>, field: &mut String, start: usize| {
        fields.push(std::mem::take(field));
        let blank = fields.len() == 1 && fields[0].trim().is_empty();
        let record = std::mem::take(fields);
        if !blank {
            records.push((start, record));
        }
    };
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
            ('\r', _) if chars.peek() == Some(&'\n') => {}
            ('\n', true) => {
                field.push('\n');
                line += 1;
            }
            ('\n', false) => {
                end_record(&mut fields, &mut field, start);
                line += 1;
                start = line;
            }
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    if quoted {
        return Err(LineError {
            line: start,
            reason: "unterminated quoted field".into(),
        });
    }
    end_record(&mut fields, &mut field, start);
    Ok(records)
}

fn parse_csv(text: &str) -> Records {
    let mut records = csv_records(text).map_err(|e| vec![e])?.into_iter();
    let Some((_, header)) = records.next() else {
        return Err(vec![LineError {
            line: 1,
            reason: format!("expected the header row {}", COLUMNS.join(",")),
        }]);
    };
    let header: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
    let mut problems = Vec::new();
    for h in &header {
        if !COLUMNS.contains(&h.as_str()) {
            problems.push(format!("unknown column {h:?}"));
        }
    }
    for c in COLUMNS {
        match header.iter().filter(|h| *h == c).count() {
            0 => problems.push(format!("missing column {c}")),
            1 => {}
            _ => problems.push(format!("column {c} twice")),
        }
    }
    if !problems.is_empty() {
        return Err(vec![LineError {
            line: 1,
            reason: format!("{} (expected {})", problems.join("; "), COLUMNS.join(",")),
        }]);
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (line, fields) in records {
        if fields.len() != header.len() {
            errors.push(LineError {
                line,
                reason: format!("expected {} columns, found {}", header.len(), fields.len()),
            });
            continue;
        }
        let map = header
            .iter()
            .cloned()
            .zip(fields.into_iter().map(Value::Text))
            .collect();
        out.push((line, map));
    }
    Ok((out, errors))
}

/// The line on which each element of a top-level JSON array starts.
fn element_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut line, mut depth) = (1, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    let mut want_element = false;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if want_element && !c.is_whitespace() && c != ']' {
            lines.push(line);
            want_element = false;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth == 1 && c == '[' {
                    want_element = true;
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 1 => want_element = true,
            _ => {}
        }
    }
    lines
}

fn parse_json(text: &str) -> Records {
    let values: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|e| {
        vec![LineError {
            line: e.line().max(1),
            reason: format!("not a JSON array of FIRs: {e}"),
        }]
    })?;
    let lines = element_lines(text);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let mut fail = |reason: String| errors.push(LineError { line, reason });
        let serde_json::Value::Object(object) = value else {
            fail(format!("FIR {} is not an object", i + 1));
            continue;
        };
        let mut map = HashMap::new();
        let mut problems = Vec::new();
        for (key, value) in object {
            if !COLUMNS.contains(&key.as_str()) {
                problems.push(format!("unknown key {key:?}"));
                continue;
            }
            let value = match value {
                serde_json::Value::String(s) => Value::Text(s),
                serde_json::Value::Number(n) => Value::Text(n.to_string()),
                serde_json::Value::Bool(b) => Value::Text(b.to_string()),
                serde_json::Value::Null => Value::Text(String::new()),
                serde_json::Value::Array(items) if key == "sections" => {
                    match items
                        .into_iter()
                        .map(|v| match v {
                            serde_json::Value::String(s) => Some(s),
                            _ => None,
                        })
                        .collect::<Option<Vec<_>>>()
                    {
                        Some(list) => Value::List(list),
                        None => {
                            problems.push("sections must be strings".into());
                            continue;
                        }
                    }
                }
                _ => {
                    problems.push(format!("{key} must be text, a number or true/false"));
                    continue;
                }
            };
            map.insert(key, value);
        }
        if problems.is_empty() {
            out.push((line, map));
        } else {
            fail(problems.join("; "));
        }
    }
    Ok((out, errors))
}

fn date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}

/// `YYYY-MM-DD HH:MM` (or with `T`) in IST, or RFC 3339 with any offset.
fn registered_at(raw: &str) -> Option<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(raw) {
        return Some(at.with_timezone(&Utc));
    }
    ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(raw, f).ok())
        .and_then(|local| time::ist().from_local_datetime(&local).single())
        .map(|at| at.with_timezone(&Utc))
}

fn sensitive(raw: &str) -> Option<bool> {
    match raw.to_ascii_lowercase().as_str() {
        "yes" | "true" | "1" | "y" => Some(true),
        "no" | "false" | "0" | "n" => Some(false),
        _ => None,
    }
}

fn is_devanagari(c: char) -> bool {
    ('\u{0900}'..='\u{097F}').contains(&c)
}

/// Checks one record; every problem with it at once.
fn check(
    line: usize,
    map: &HashMap<String, Value>,
    stations: &HashMap<String, Station>,
    now: DateTime<Utc>,
) -> Result<Fir, String> {
    let text = |key: &str| -> String {
        match map.get(key) {
            Some(Value::Text(s)) => s.trim().to_owned(),
            Some(Value::List(items)) => items.join(";"),
            None => String::new(),
        }
    };
    let mut reasons: Vec<String> = Vec::new();
    let mut required = |key: &str, max: usize| -> String {
        let value = text(key);
        if value.is_empty() {
            reasons.push(format!("{key} is empty"));
        } else if value.chars().count() > max {
            reasons.push(format!("{key} is longer than {max} characters"));
        }
        value
    };
    let district = required("district_code", MAX_TEXT);
    let station = required("station_code", MAX_TEXT);
    let year_raw = required("year", MAX_TEXT);
    let number_raw = required("number", MAX_TEXT);
    let registered_raw = required("registered_at", MAX_TEXT);
    let law_raw = required("law", MAX_TEXT);
    let occurred_from_raw = required("occurred_from", MAX_TEXT);
    let place = required("place", MAX_TEXT);
    let complainant = required("complainant", MAX_TEXT);
    let facts = required("facts", MAX_FACTS);
    let officer_rank = required("officer_rank", MAX_TEXT);
    let officer_name = required("officer_name", MAX_TEXT);
    let stage_raw = required("stage", MAX_TEXT);
    let lang_raw = required("lang", MAX_TEXT);
    let occurred_to_raw = text("occurred_to");
    let sensitive_raw = text("sensitive");

    let known = stations.get(&station);
    match known {
        None if !station.is_empty() => reasons.push(format!("unknown station code {station:?}")),
        Some(s) if s.district != district => reasons.push(format!(
            "station {station} is in district {}, not {district:?}",
            s.district
        )),
        _ => {}
    }
    let this_year = u16::try_from(time::today_ist(now).year()).unwrap_or(u16::MAX);
    let year = firs::parse_year(&year_raw, this_year).ok();
    if year.is_none() && !year_raw.is_empty() {
        reasons.push(format!(
            "invalid year {year_raw:?} ({} to {this_year})",
            firs::FIRST_YEAR
        ));
    }
    let number = firs::parse_number(&number_raw).ok();
    if number.is_none() && !number_raw.is_empty() {
        reasons.push(format!(
            "invalid number {number_raw:?} (1 to {})",
            firs::MAX_NUMBER
        ));
    }
    let registered = registered_at(&registered_raw);
    match registered {
        None if !registered_raw.is_empty() => reasons.push(format!(
            "invalid registered_at {registered_raw:?} (YYYY-MM-DD HH:MM, IST)"
        )),
        Some(at) if at > now => reasons.push("registered_at is in the future".into()),
        Some(at) if year.is_some_and(|y| i32::from(y) != time::today_ist(at).year()) => {
            reasons.push("registered_at is not in the FIR's year".into())
        }
        _ => {}
    }
    let registered_on = registered.map(time::today_ist);
    let law = match law_raw.to_ascii_lowercase().as_str() {
        "" => None,
        "bns" | "bnss" => Some(Law::Bns),
        "ipc" | "crpc" => Some(Law::Ipc),
        _ => {
            reasons.push(format!("invalid law {law_raw:?} (BNS or IPC)"));
            None
        }
    };
    if law == Some(Law::Bns) && registered_on.is_some_and(|d| d < firs::new_laws_from()) {
        reasons.push("law is BNS but the FIR was registered before 1 July 2024 (IPC)".into());
    }
    let sections: Vec<String> = match map.get("sections") {
        Some(Value::List(items)) => items.iter().map(|s| s.trim().to_owned()).collect(),
        Some(Value::Text(s)) => s.split(';').map(|s| s.trim().to_owned()).collect(),
        None => Vec::new(),
    };
    let sections: Vec<String> = sections.into_iter().filter(|s| !s.is_empty()).collect();
    if sections.is_empty() {
        reasons.push("sections is empty".into());
    } else if sections.iter().any(|s| s.chars().count() > 100) {
        reasons.push("a section is longer than 100 characters".into());
    }
    let occurred_from = date(&occurred_from_raw);
    if occurred_from.is_none() && !occurred_from_raw.is_empty() {
        reasons.push(format!(
            "invalid occurred_from {occurred_from_raw:?} (YYYY-MM-DD)"
        ));
    }
    let occurred_to = if occurred_to_raw.is_empty() {
        None
    } else {
        let to = date(&occurred_to_raw);
        if to.is_none() {
            reasons.push(format!(
                "invalid occurred_to {occurred_to_raw:?} (YYYY-MM-DD)"
            ));
        }
        to
    };
    if let (Some(from), Some(to)) = (occurred_from, occurred_to) {
        if to < from {
            reasons.push("occurred_to is before occurred_from".into());
        }
    }
    if let Some(registered) = registered_on {
        if occurred_from.is_some_and(|d| d > registered)
            || occurred_to.is_some_and(|d| d > registered)
        {
            reasons.push("the occurrence is after the FIR was registered".into());
        }
    }
    let stage = Status::from_code(&stage_raw).filter(|s| firs::STAGES.contains(s));
    if stage.is_none() && !stage_raw.is_empty() {
        let stages: Vec<&str> = firs::STAGES.iter().map(|s| s.code()).collect();
        reasons.push(format!(
            "invalid stage {stage_raw:?} ({})",
            stages.join(", ")
        ));
    }
    let lang = TextLang::from_code(&lang_raw.to_ascii_lowercase());
    if lang.is_none() && !lang_raw.is_empty() {
        reasons.push(format!("invalid lang {lang_raw:?} (hi or en)"));
    }
    if lang == Some(TextLang::Hi) && !facts.is_empty() && !facts.chars().any(is_devanagari) {
        reasons.push("lang is hi but facts has no Devanagari (Hindi) letters".into());
    }
    let sensitive = if sensitive_raw.is_empty() {
        reasons.push("sensitive is required on every FIR (yes or no)".into());
        None
    } else {
        let s = sensitive(&sensitive_raw);
        if s.is_none() {
            reasons.push(format!("invalid sensitive {sensitive_raw:?} (yes or no)"));
        }
        s
    };
    match (
        reasons.is_empty(),
        known,
        year,
        number,
        registered,
        law,
        occurred_from,
        stage,
        lang,
        sensitive,
    ) {
        (
            true,
            Some(known),
            Some(year),
            Some(number),
            Some(registered_at),
            Some(law),
            Some(occurred_from),
            Some(stage),
            Some(lang),
            Some(sensitive),
        ) => Ok(Fir {
            line,
            district,
            station,
            station_name_en: known.name_en.clone(),
            station_name_hi: known.name_hi.clone(),
            year,
            number,
            registered_at,
            law,
            sections,
            occurred_from,
            occurred_to,
            place,
            complainant,
            facts,
            officer_rank,
            officer_name,
            stage,
            lang,
            sensitive,
        }),
        _ => Err(reasons.join("; ")),
    }
}

/// Reads CSV or JSON (a `.json` file, or text that starts with `[`) and checks every FIR
/// against the masters; every FIR, or every bad record.
pub fn parse(
    text: &str,
    json: bool,
    stations: &HashMap<String, Station>,
    now: DateTime<Utc>,
) -> Result<Vec<Fir>, Vec<LineError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (records, mut errors) = if json {
        parse_json(text)?
    } else {
        parse_csv(text)?
    };
    let mut firs = Vec::new();
    let mut seen: HashMap<(String, u16, u32), usize> = HashMap::new();
    for (line, map) in &records {
        match check(*line, map, stations, now) {
            Ok(fir) => {
                let key = (fir.station.clone(), fir.year, fir.number);
                if let Some(first) = seen.get(&key) {
                    errors.push(LineError {
                        line: *line,
                        reason: format!(
                            "FIR {} of {} again (first on line {first})",
                            firs::display_number(fir.number, fir.year),
                            fir.station
                        ),
                    });
                } else {
                    seen.insert(key, *line);
                    firs.push(fir);
                }
            }
            Err(reason) => errors.push(LineError {
                line: *line,
                reason,
            }),
        }
    }
    if errors.is_empty() && firs.is_empty() {
        errors.push(LineError {
            line: 1,
            reason: "no FIRs in the file".into(),
        });
    }
    errors.sort_by_key(|e| e.line);
    if errors.is_empty() {
        Ok(firs)
    } else {
        Err(errors)
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub firs: usize,
    pub withheld: usize,
    pub stations: usize,
    pub samples_removed: usize,
}

/// Stores `firs` in one transaction: the covered districts' samples go, an FIR already
/// loaded is replaced.
pub fn import(conn: &mut Connection, firs: &[Fir]) -> Result<Imported, BoxError> {
    let districts: BTreeSet<&str> = firs.iter().map(|f| f.district.as_str()).collect();
    let stations: BTreeSet<&str> = firs.iter().map(|f| f.station.as_str()).collect();
    let tx = conn.transaction()?;
    let mut samples_removed = 0;
    for district in &districts {
        samples_removed += tx.execute(
            "DELETE FROM firs WHERE district_code = ?1 AND sample = 1",
            [district],
        )?;
    }
    {
        let mut upsert = tx.prepare(
            "INSERT INTO firs (district_code, station_code, station_name_en, station_name_hi,
                 year, number, registered_at, law, sections, occurred_from, occurred_to, place,
                 complainant, facts, officer_rank, officer_name, stage, lang, sensitive, sample)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, 0)
             ON CONFLICT (station_code, year, number) DO UPDATE SET
                 district_code = excluded.district_code,
                 station_name_en = excluded.station_name_en,
                 station_name_hi = excluded.station_name_hi,
                 registered_at = excluded.registered_at, law = excluded.law,
                 sections = excluded.sections, occurred_from = excluded.occurred_from,
                 occurred_to = excluded.occurred_to, place = excluded.place,
                 complainant = excluded.complainant, facts = excluded.facts,
                 officer_rank = excluded.officer_rank, officer_name = excluded.officer_name,
                 stage = excluded.stage, lang = excluded.lang, sensitive = excluded.sensitive,
                 sample = 0",
        )?;
        for f in firs {
            upsert.execute(params![
                f.district,
                f.station,
                f.station_name_en,
                f.station_name_hi,
                f.year,
                f.number,
                time::rfc3339_utc(f.registered_at),
                f.law.code(),
                serde_json::to_string(&f.sections)?,
                f.occurred_from.to_string(),
                f.occurred_to.map(|d| d.to_string()),
                f.place,
                f.complainant,
                f.facts,
                f.officer_rank,
                f.officer_name,
                f.stage.code(),
                f.lang.code(),
                f.sensitive,
            ])?;
        }
    }
    tx.commit()?;
    Ok(Imported {
        firs: firs.len(),
        withheld: firs.iter().filter(|f| f.sensitive).count(),
        stations: stations.len(),
        samples_removed,
    })
}

/// The masters' stations by code.
pub fn stations(conn: &Connection) -> rusqlite::Result<HashMap<String, Station>> {
    conn.prepare("SELECT code, district_code, name_en, name_hi FROM police_stations")?
        .query_map([], |row| {
            Ok((
                row.get(0)?,
                Station {
                    district: row.get(1)?,
                    name_en: row.get(2)?,
                    name_hi: row.get(3)?,
                },
            ))
        })?
        .collect()
}

/// The CLI command: prints each bad record, or what was imported.
pub fn run(db: &Path, file: &Path) -> Result<ExitCode, BoxError> {
    let text = std::fs::read_to_string(file)
        .map_err(|err| format!("cannot read {}: {err}", file.display()))?;
    let json = match file.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("json") => true,
        Some(ext) if ext.eq_ignore_ascii_case("csv") => false,
        _ => text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('['),
    };
    let mut conn = crate::db::open(db)?;
    let stations = stations(&conn)?;
    match parse(&text, json, &stations, Utc::now()) {
        Ok(firs) => {
            let done = import(&mut conn, &firs)?;
            println!(
                "imported {} FIRs ({} withheld) for {} police stations; removed {} sample FIRs",
                done.firs, done.withheld, done.stations, done.samples_removed
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!(
                "nothing imported: {} bad record(s) in {}",
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

    fn masters() -> HashMap<String, Station> {
        let mut m = HashMap::new();
        m.insert(
            "PAT-KOTWALI".into(),
            Station {
                district: "PAT".into(),
                name_en: "Kotwali".into(),
                name_hi: "कोतवाली".into(),
            },
        );
        m
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap()
    }

    const HEADER: &str = "district_code,station_code,year,number,registered_at,law,sections,\
        occurred_from,occurred_to,place,complainant,facts,officer_rank,officer_name,stage,lang,\
        sensitive";

    #[test]
    fn csv_fields_may_hold_commas_quotes_and_line_breaks() {
        let text = "a,\"b, c\",\"say \"\"hi\"\"\nthere\"\r\n\r\nd,e,f\n";
        let records = csv_records(text).unwrap();
        assert_eq!(
            records,
            [
                (
                    1,
                    vec!["a".into(), "b, c".into(), "say \"hi\"\nthere".into()]
                ),
                (4, vec!["d".into(), "e".into(), "f".into()]),
            ]
        );
        assert_eq!(csv_records("a,\"b\nc").unwrap_err().line, 1);
    }

    #[test]
    fn a_good_csv_row_becomes_an_fir() {
        let csv = format!(
            "{HEADER}\nPAT,PAT-KOTWALI,2026,0042,2026-03-14 10:20,BNS,\"BNS 303(2); BNS 3(5)\",\
             2026-03-13,,\"Near the station, Patna\",Sita Devi,\"Her phone was taken.\nShe \
             chased them.\",Sub-Inspector,Ramesh Kumar,under_investigation,en,no\n"
        );
        let firs = parse(&csv, false, &masters(), now()).unwrap();
        let f = &firs[0];
        assert_eq!((f.year, f.number, f.line), (2026, 42, 2));
        assert_eq!(f.sections, ["BNS 303(2)", "BNS 3(5)"]);
        assert_eq!(time::rfc3339_utc(f.registered_at), "2026-03-14T04:50:00Z");
        assert_eq!(f.station_name_hi, "कोतवाली");
        assert!(f.facts.contains('\n') && !f.sensitive);
    }

    #[test]
    fn every_bad_record_is_reported_with_its_line() {
        let good = "PAT,PAT-KOTWALI,2026,1,2026-03-14 10:20,BNS,BNS 303(2),2026-03-13,,P,C,F,R,N,\
                    under_investigation,en,no";
        let csv = format!(
            "{HEADER}\n{good}\n\
             PAT,PAT-KOTWALI,2026,2,2026-03-14 10:20,BNS,BNS 303(2),2026-03-13,,P,C,F,R,N,\
             under_investigation,en,\n\
             GAY,PAT-KOTWALI,2027,0,2023-03-14 10:20,BNS,,2023-03-15,,P,C,F,R,N,closed,hi,maybe\n\
             {good}\n\
             PAT,PAT-X\n"
        );
        let errors = parse(&csv, false, &masters(), now()).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4, 5, 6], "{errors:?}");
        assert!(
            errors[0].reason.contains("sensitive is required"),
            "{errors:?}"
        );
        for part in [
            "district PAT",
            "invalid year",
            "invalid number",
            "before 1 July 2024",
            "sections is empty",
            "after the FIR was registered",
            "invalid stage",
            "Devanagari",
            "invalid sensitive",
        ] {
            assert!(
                errors[1].reason.contains(part),
                "{part}: {}",
                errors[1].reason
            );
        }
        assert!(errors[2].reason.contains("first on line 2"), "{errors:?}");
        assert!(
            errors[3].reason.contains("expected 17 columns"),
            "{errors:?}"
        );
    }

    #[test]
    fn the_header_must_name_every_column() {
        let errors = parse("district_code,year\nPAT,2026\n", false, &masters(), now()).unwrap_err();
        assert_eq!(errors[0].line, 1);
        assert!(errors[0].reason.contains("missing column station_code"));
    }

    #[test]
    fn json_records_are_reported_by_the_line_they_start_on() {
        let json = r#"[
  {"district_code": "PAT", "station_code": "PAT-KOTWALI", "year": 2026, "number": 5,
   "registered_at": "2026-03-14T10:20:00+05:30", "law": "bns",
   "sections": ["BNS 303(2)"], "occurred_from": "2026-03-13", "occurred_to": null,
   "place": "पटना", "complainant": "सीता", "facts": "फ़ोन चोरी हुआ।",
   "officer_rank": "दरोगा", "officer_name": "राम", "stage": "fir_registered",
   "lang": "hi", "sensitive": true},
  {"district_code": "PAT", "station_code": "PAT-KOTWALI", "year": 2026, "number": 6,
   "registered_at": "2026-03-14 10:20", "law": "bns", "sections": "BNS 64",
   "occurred_from": "2026-03-13", "place": "x", "complainant": "y", "facts": "z",
   "officer_rank": "r", "officer_name": "n", "stage": "fir_registered", "lang": "en"},
  {"nope": 1}
]"#;
        let errors = parse(json, true, &masters(), now()).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [8, 12], "{errors:?}");
        assert!(errors[0].reason.contains("sensitive is required"));
        assert!(errors[1].reason.contains("unknown key"));
        let first: String = json.lines().take(7).collect::<Vec<_>>().join("\n") + "\n]";
        let firs = parse(&first.replace("},\n]", "}\n]"), true, &masters(), now()).unwrap();
        assert!(firs[0].sensitive);
        assert_eq!(firs[0].lang, TextLang::Hi);
        let broken = parse("[{\"year\": }]", true, &masters(), now()).unwrap_err();
        assert!(broken[0].reason.contains("not a JSON array"));
    }
}
