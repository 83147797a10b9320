//! Services declared as data: steps, fields, the rule each field obeys, when a field is shown,
//! and cross-field checks. The app renders and validates from these declarations step by step;
//! the server validates a whole submission with the same ones. One declaration, two enforcers.
//!
//! Answers travel as a flat map of field id → what the user typed (`dob` = `"d/m/yyyy"`,
//! repeatable groups as `group.N.field`), so drafts, the check-answers page and the server all
//! read one shape.

use crate::rules::{self, date::DateBounds, RuleError};
use chrono::NaiveDate;
use std::collections::BTreeMap;

pub type Answers = BTreeMap<String, String>;

/// How a field is entered; the app picks the component from this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Widget {
    Text,
    Textarea,
    /// Options fixed in the declaration.
    Radios,
    Select,
    /// Options from master data (districts).
    District,
    /// Options from master data, filtered by the district named here.
    Station {
        district_field: &'static str,
    },
    /// Three boxes: day, month, year.
    Date,
    /// Two boxes: hour, minute.
    Time,
    Checkbox,
}

/// What the text input should ask the phone's keyboard for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Text,
    Numeric,
    Tel,
    Email,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Name,
    Mobile,
    Email,
    Pin,
    /// The ID number for the type chosen in `type_field` (Aadhaar, EPIC, PAN, passport, DL).
    IdNumber {
        type_field: &'static str,
    },
    Text {
        min: usize,
        max: usize,
    },
    /// One of the declared options.
    Choice,
    Date(DateBounds),
    Time,
    District,
    Station,
    /// A ticked checkbox (`"yes"`).
    Ticked,
    /// A driving licence number (`rules::driving_licence`).
    DrivingLicence,
    /// A vehicle registration number (`rules::vehicle`).
    Vehicle,
    /// A whole number from `min` to `max` (ages, counts); Devanagari digits accepted.
    Number {
        min: u32,
        max: u32,
    },
    /// A handset's 15-digit IMEI with its Luhn check digit (`rules::imei`).
    Imei,
    /// The last four digits of a bank card; a full card number is refused (`rules::card`).
    CardLast4,
}

/// When a field is shown (and so validated and submitted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShownWhen {
    Always,
    Equals(&'static str, &'static str),
    NotEquals(&'static str, &'static str),
    /// The date in that field is more than N days before today (e.g. a late report).
    DateOlderThan(&'static str, i64),
    /// The whole number in that field is more than N (a large expected attendance).
    NumberAbove(&'static str, u32),
    /// The whole number in that field is less than N (an age under 18).
    NumberBelow(&'static str, u32),
    /// The date of birth in that field makes the person younger than N full years today.
    AgeUnder(&'static str, u32),
    /// The answer to that field is one of these (a document's number, for the documents
    /// that have one).
    OneOf(&'static str, &'static [&'static str]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub id: &'static str,
    pub widget: Widget,
    pub rule: Rule,
    pub optional: bool,
    pub shown_when: ShownWhen,
    pub options: &'static [&'static str],
    pub input_mode: InputMode,
    /// HTML `autocomplete` token, where the browser can help.
    pub autocomplete: Option<&'static str>,
    /// Where the field's text lives, as `namespace.key`, for fields of a shared block
    /// (`person.name`); `None`: `{service namespace}.{id}`.
    pub text: Option<&'static str>,
    /// Stored and read back masked when it is an Aadhaar number (`XXXX XXXX 1234`).
    pub masked: bool,
}

impl FieldSpec {
    pub const fn new(id: &'static str, widget: Widget, rule: Rule) -> Self {
        Self {
            id,
            widget,
            rule,
            optional: false,
            shown_when: ShownWhen::Always,
            options: &[],
            input_mode: InputMode::Text,
            autocomplete: None,
            text: None,
            masked: false,
        }
    }
    /// A placeholder for filling fixed-size arrays in `const` code (see [`concat_fields`]).
    pub const EMPTY: FieldSpec = FieldSpec::new("", Widget::Text, Rule::Choice);
    pub const fn text(mut self, key: &'static str) -> Self {
        self.text = Some(key);
        self
    }
    pub const fn masked(mut self) -> Self {
        self.masked = true;
        self
    }
    pub const fn optional(mut self) -> Self {
        self.optional = true;
        self
    }
    pub const fn shown_when(mut self, when: ShownWhen) -> Self {
        self.shown_when = when;
        self
    }
    pub const fn options(mut self, options: &'static [&'static str]) -> Self {
        self.options = options;
        self
    }
    pub const fn input_mode(mut self, mode: InputMode) -> Self {
        self.input_mode = mode;
        self
    }
    pub const fn autocomplete(mut self, token: &'static str) -> Self {
        self.autocomplete = Some(token);
        self
    }
}

/// A set of fields a person can add several times (suspects, witnesses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupSpec {
    pub id: &'static str,
    pub fields: &'static [FieldSpec],
    pub max: usize,
    /// When the whole group is shown (and so validated and submitted), judged on the
    /// answers outside the group (a procession's stops only for a procession).
    pub shown_when: ShownWhen,
}

/// A rule that needs more than one answer; the problem names the field to blame, which may
/// be one entry of a repeatable group (`addresses.2.from`).
pub type CrossCheck = fn(&Answers, &Ctx) -> Option<Problem>;

/// A text shown when an answer calls for it: on a step (a large event needs more
/// arrangements) or on the acknowledgement (a missing child). Its text is the service's
/// `notice_{id}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notice {
    pub id: &'static str,
    pub when: ShownWhen,
}

/// The ids of the notices whose condition holds, each once, in declared order.
pub fn notices_shown(notices: &[Notice], answers: &Answers, today: NaiveDate) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for n in notices {
        if n.when.holds(answers, "", today) && !ids.contains(&n.id) {
            ids.push(n.id);
        }
    }
    ids
}

#[derive(Debug, Clone, Copy)]
pub struct StepSpec {
    /// Also the step's URL segment.
    pub id: &'static str,
    pub fields: &'static [FieldSpec],
    pub groups: &'static [GroupSpec],
    pub checks: &'static [CrossCheck],
    /// Notices the step shows while their condition holds.
    pub notices: &'static [Notice],
}

impl StepSpec {
    /// A step with nothing on it, to build others from with `..StepSpec::EMPTY`.
    pub const EMPTY: StepSpec = StepSpec {
        id: "",
        fields: &[],
        groups: &[],
        checks: &[],
        notices: &[],
    };
}

/// Everything a journey needs to know about a service besides its questions: who applies,
/// where the filing goes, what may be attached, and what the acknowledgement says. The app's
/// one journey and the server's one submission endpoint read these; neither tests for a
/// service or a field id of its own.
#[derive(Debug, Clone, Copy)]
pub struct ServiceSpec {
    pub steps: &'static [StepSpec],
    pub applicant: Applicant,
    /// The declared fields that send the filing to a police station.
    pub routing: Routing,
    /// Files the citizen adds, on one declared step; `None`: the service takes no files.
    pub attachments: Option<AttachmentSpec>,
    pub acknowledgement: AckSpec,
}

/// Who files, and how they are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicant {
    /// A citizen who verifies, by OTP, the mobile typed in this declared field.
    Verified { mobile_field: &'static str },
    /// Nobody known: no OTP, no session, no mobile, nothing kept on the device (no draft, no
    /// "My applications"); the server stores no address of the sender and rate-limits by it
    /// in memory only. The filing's number is all the sender gets.
    Anonymous,
}

impl Applicant {
    /// The declared field whose mobile the applicant verifies, if anyone is verified.
    pub const fn mobile_field(self) -> Option<&'static str> {
        match self {
            Applicant::Verified { mobile_field } => Some(mobile_field),
            Applicant::Anonymous => None,
        }
    }

    /// Nobody known files it (see [`Applicant::Anonymous`]).
    pub const fn is_anonymous(self) -> bool {
        matches!(self, Applicant::Anonymous)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Routing {
    pub district_field: &'static str,
    pub station_field: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttachmentSpec {
    /// The declared step (with no typed answers of its own) where files are added.
    pub step: &'static str,
    pub min: usize,
    pub max: usize,
    /// Only photos (JPEG, PNG): a person's photo rather than documents.
    pub photos_only: bool,
}

/// What the acknowledgement promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AckSpec {
    /// Days the applicant has to confirm in person at the station (the complaint's BNSS
    /// section 173 signature); `None`: no visit is needed.
    pub confirm_within_days: Option<u64>,
    /// The usual time to a decision, in days, as published by state police; `None`: no
    /// usual time is promised.
    pub usual_days: Option<u32>,
    /// Notices the acknowledgement shows when the filed answers call for them; the server
    /// decides from what it stored (`Acknowledgement::notices`).
    pub notices: &'static [Notice],
    /// Answer keys printed on the slip besides the reference, time and station: the
    /// applicant's name and what the filing is about, nothing else personal.
    pub slip: &'static [&'static str],
}

impl ServiceSpec {
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&'static StepSpec> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// Every declared field with the answer key it is stored under in a group
    /// (`suspects.N.name` → `suspects.name`), for text and policy look-ups.
    pub fn field(&self, answer_key: &str) -> Option<&'static FieldSpec> {
        let mut parts = answer_key.split('.');
        let first = parts.next()?;
        let last = parts.next_back();
        self.steps.iter().find_map(|s| match last {
            None => s.fields.iter().find(|f| f.id == first),
            Some(field) => s
                .groups
                .iter()
                .find(|g| g.id == first)
                .and_then(|g| g.fields.iter().find(|f| f.id == field)),
        })
    }

    /// The answers the slip prints (`AckSpec::slip`), in order, as (answer key, stored
    /// value): a field's answer, or each entry of a group field by field; empty answers
    /// (fields not shown) left out.
    pub fn slip_answers(&self, answers: &Answers) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut push = |key: String| {
            let value = answer(answers, &key).trim();
            if !value.is_empty() {
                let value = value.to_owned();
                out.push((key, value));
            }
        };
        for key in self.acknowledgement.slip {
            let group = self
                .steps
                .iter()
                .flat_map(|st| st.groups)
                .find(|g| g.id == *key);
            match group {
                Some(g) => {
                    for i in 0..group_len(answers, g) {
                        for f in g.fields {
                            push(format!("{}.{i}.{}", g.id, f.id));
                        }
                    }
                }
                None => push((*key).to_owned()),
            }
        }
        out
    }

    /// The masked form of an answer in a masked field that holds an Aadhaar number
    /// (`XXXX XXXX 1234`); `None` for every other answer.
    pub fn masked_value(&self, answers: &Answers, key: &str) -> Option<String> {
        let value = answer(answers, key);
        let field = self.field(key)?;
        if !field.masked {
            return None;
        }
        let prefix = key.strip_suffix(field.id).unwrap_or("");
        let is_aadhaar = match field.rule {
            Rule::IdNumber { type_field } => {
                answer(answers, &format!("{prefix}{type_field}")) == "aadhaar"
            }
            _ => true,
        };
        if !is_aadhaar {
            return None;
        }
        rules::aadhaar::parse(value).ok().map(|a| a.masked())
    }
}

/// A spec's step ids as an array, for `const` items (see `ServiceId::step_ids`).
pub const fn step_ids<const N: usize>(spec: &ServiceSpec) -> [&'static str; N] {
    assert!(
        spec.steps.len() == N,
        "step_ids: N must be the number of steps"
    );
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = spec.steps[i].id;
        i += 1;
    }
    out
}

/// Joins blocks of fields into one step's list at compile time: `C` must be `A + B`.
pub const fn concat_fields<const A: usize, const B: usize, const C: usize>(
    a: [FieldSpec; A],
    b: [FieldSpec; B],
) -> [FieldSpec; C] {
    assert!(A + B == C, "concat_fields: C must be A + B");
    let mut out = [FieldSpec::EMPTY; C];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < B {
        out[A + j] = b[j];
        j += 1;
    }
    out
}

/// `(district, station)` → does that station belong to that district?
pub type StationCheck<'a> = dyn Fn(&str, &str) -> bool + 'a;

/// What the rules need to know about the world.
pub struct Ctx<'a> {
    /// Today in India (IST), for "not in the future" and age rules.
    pub today: NaiveDate,
    /// The time now in India (IST), for "not later than now" on today's date; `None` skips
    /// those checks (tests of date rules alone).
    pub time_now: Option<chrono::NaiveTime>,
    /// Is this station in this district? `None` where the lists are not at hand (the app
    /// offline); the server always knows.
    pub station_in_district: Option<&'a StationCheck<'a>>,
    /// Is this a known district code?
    pub district_exists: Option<&'a dyn Fn(&str) -> bool>,
}

impl Ctx<'_> {
    /// Today and the time now, without master lists (the browser's view).
    pub fn at(now: chrono::NaiveDateTime) -> Ctx<'static> {
        Ctx {
            time_now: Some(now.time()),
            ..Ctx::offline(now.date())
        }
    }

    pub fn offline(today: NaiveDate) -> Ctx<'static> {
        Ctx {
            today,
            time_now: None,
            station_in_district: None,
            district_exists: None,
        }
    }
}

/// One problem, on one field (`group.N.field` inside a repeatable group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub error: RuleError,
}

impl Problem {
    pub fn new(field: impl Into<String>, error: RuleError) -> Self {
        Self {
            field: field.into(),
            error,
        }
    }
}

/// Value of a field, trimmed; "" when absent.
pub fn answer<'a>(answers: &'a Answers, id: &str) -> &'a str {
    answers.get(id).map(|s| s.trim()).unwrap_or("")
}

impl ShownWhen {
    pub fn holds(self, answers: &Answers, prefix: &str, today: NaiveDate) -> bool {
        match self {
            ShownWhen::Always => true,
            ShownWhen::Equals(f, v) => answer(answers, &format!("{prefix}{f}")) == v,
            ShownWhen::NotEquals(f, v) => answer(answers, &format!("{prefix}{f}")) != v,
            ShownWhen::DateOlderThan(f, days) => {
                parse_date_answer(answer(answers, &format!("{prefix}{f}")))
                    .is_some_and(|d| (today - d).num_days() > days)
            }
            ShownWhen::NumberAbove(f, n) => {
                number_answer(answers, &format!("{prefix}{f}")).is_some_and(|x| x > n)
            }
            ShownWhen::NumberBelow(f, n) => {
                number_answer(answers, &format!("{prefix}{f}")).is_some_and(|x| x < n)
            }
            ShownWhen::OneOf(f, values) => {
                values.contains(&answer(answers, &format!("{prefix}{f}")))
            }
            ShownWhen::AgeUnder(f, years) => {
                parse_date_answer(answer(answers, &format!("{prefix}{f}"))).is_some_and(|born| {
                    born <= today
                        && rules::date::age_in_years(born, today)
                            < i32::try_from(years).unwrap_or(i32::MAX)
                })
            }
        }
    }
}

/// A date answer is kept as typed, `"day/month/year"`, so a half-typed date survives.
pub fn split_date(raw: &str) -> (&str, &str, &str) {
    let mut parts = raw.splitn(3, '/');
    (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    )
}

pub fn parse_date_answer(raw: &str) -> Option<NaiveDate> {
    let (d, m, y) = split_date(raw);
    rules::date::parse_dmy(d, m, y).ok()
}

/// A whole-number answer (Devanagari digits accepted); `None` when it is not one.
pub fn number_answer(answers: &Answers, key: &str) -> Option<u32> {
    rules::number::parse(answer(answers, key), 0, u32::MAX).ok()
}

/// Number of entries in a repeatable group (stored under the group's id).
pub fn group_len(answers: &Answers, group: &GroupSpec) -> usize {
    answer(answers, group.id)
        .parse::<usize>()
        .unwrap_or(0)
        .min(group.max)
}

/// Checks one field's raw value against its rule.
pub fn check_field(
    field: &FieldSpec,
    answers: &Answers,
    prefix: &str,
    ctx: &Ctx,
) -> Result<(), RuleError> {
    let raw = answer(answers, &format!("{prefix}{}", field.id));
    if raw.is_empty() || (field.widget == Widget::Date && raw.chars().all(|c| c == '/')) {
        return if field.optional {
            Ok(())
        } else {
            Err(RuleError::Required)
        };
    }
    match field.rule {
        Rule::Name => rules::name::parse(raw).map(drop),
        Rule::Mobile => rules::mobile::parse(raw).map(drop),
        Rule::Email => rules::email::parse(raw).map(drop),
        Rule::Pin => rules::pin::parse(raw).map(drop),
        Rule::IdNumber { type_field } => {
            let kind = answer(answers, &format!("{prefix}{type_field}"));
            check_id_number(kind, raw)
        }
        Rule::Text { min, max } => rules::text::parse(raw, min, max).map(drop),
        Rule::Choice => {
            if field.options.contains(&raw) {
                Ok(())
            } else {
                Err(RuleError::Invalid)
            }
        }
        Rule::Date(bounds) => {
            let (d, m, y) = split_date(raw);
            let date = rules::date::parse_dmy(d, m, y)?;
            rules::date::check(date, ctx.today, &bounds).map(drop)
        }
        Rule::Time => rules::time::parse_hhmm(raw).map(drop),
        Rule::District => match ctx.district_exists {
            Some(exists) if !exists(raw) => Err(RuleError::Invalid),
            _ => crate::ids::DistrictCode::parse(raw)
                .map(drop)
                .map_err(|_| RuleError::Invalid),
        },
        Rule::Station => {
            crate::ids::StationCode::parse(raw).map_err(|_| RuleError::Invalid)?;
            if let (Widget::Station { district_field }, Some(ok)) =
                (field.widget, ctx.station_in_district)
            {
                let district = answer(answers, &format!("{prefix}{district_field}"));
                if !ok(district, raw) {
                    return Err(RuleError::Invalid);
                }
            }
            Ok(())
        }
        Rule::Ticked => {
            if raw == "yes" {
                Ok(())
            } else {
                Err(RuleError::Invalid)
            }
        }
        Rule::DrivingLicence => rules::driving_licence::parse(raw).map(drop),
        Rule::Vehicle => rules::vehicle::parse(raw).map(drop),
        Rule::Number { min, max } => rules::number::parse(raw, min, max).map(drop),
        Rule::Imei => rules::imei::parse(raw).map(drop),
        Rule::CardLast4 => rules::card::parse_last4(raw).map(drop),
    }
}

/// ID proof types a citizen can choose, with the rule for each number.
pub const ID_TYPES: &[&str] = &["aadhaar", "epic", "pan", "passport", "driving_licence"];

fn check_id_number(kind: &str, raw: &str) -> Result<(), RuleError> {
    match kind {
        "aadhaar" => rules::aadhaar::parse(raw).map(drop),
        // Old voter-ID formats exist: an unusual one is a warning shown by the app, not an error.
        "epic" => rules::epic::parse(raw).map(drop),
        "pan" => rules::pan::parse(raw).map(drop),
        "passport" => rules::passport::parse(raw).map(drop),
        "driving_licence" => rules::driving_licence::parse(raw).map(drop),
        // The type itself is reported on its own field.
        _ => Ok(()),
    }
}

/// Every problem on one step, in the order the fields appear.
pub fn validate_step(step: &StepSpec, answers: &Answers, ctx: &Ctx) -> Vec<Problem> {
    let mut problems = Vec::new();
    for field in step.fields {
        if !field.shown_when.holds(answers, "", ctx.today) {
            continue;
        }
        if let Err(error) = check_field(field, answers, "", ctx) {
            problems.push(Problem {
                field: field.id.to_owned(),
                error,
            });
        }
    }
    for group in step.groups {
        if !group.shown_when.holds(answers, "", ctx.today) {
            continue;
        }
        for i in 0..group_len(answers, group) {
            let prefix = format!("{}.{i}.", group.id);
            for field in group.fields {
                if !field.shown_when.holds(answers, &prefix, ctx.today) {
                    continue;
                }
                if let Err(error) = check_field(field, answers, &prefix, ctx) {
                    problems.push(Problem {
                        field: format!("{prefix}{}", field.id),
                        error,
                    });
                }
            }
        }
    }
    for check in step.checks {
        if let Some(problem) = check(answers, ctx) {
            if !problems.iter().any(|p| p.field == problem.field) {
                problems.push(problem);
            }
        }
    }
    problems
}

/// The field name that errors about a submission's files carry.
pub const ATTACHMENTS_FIELD: &str = "attachments";

/// Every problem in a whole submission (what the server runs).
pub fn validate_service(service: &ServiceSpec, answers: &Answers, ctx: &Ctx) -> Vec<Problem> {
    service
        .steps
        .iter()
        .flat_map(|s| validate_step(s, answers, ctx))
        .collect()
}

/// Which step a field belongs to, so an error from the server is shown on the right page.
/// An error on the attachments (`attachments`) belongs to the declared attachments step.
pub fn step_of(service: &ServiceSpec, field: &str) -> Option<&'static StepSpec> {
    let base = field.split('.').next().unwrap_or(field);
    if base == ATTACHMENTS_FIELD {
        return service.attachments.and_then(|a| service.step(a.step));
    }
    service
        .steps
        .iter()
        .find(|s| s.fields.iter().any(|f| f.id == base) || s.groups.iter().any(|g| g.id == base))
}

/// The answers a submission keeps: only fields that are declared and shown, free text cleaned
/// as `rules::text::clean` does, with masked fields masked. Anything else the client sent is dropped, never stored.
pub fn retain_declared(service: &ServiceSpec, answers: &Answers, today: NaiveDate) -> Answers {
    // Free text is kept as its rule read it: without the invisible controls `text::clean`
    // removes (direction overrides would make the stored text display unlike what was typed).
    let stored = |field: &FieldSpec, v: &str| match field.rule {
        Rule::Text { .. } => crate::rules::text::clean(v),
        _ => v.to_owned(),
    };
    let mut kept = Answers::new();
    for step in service.steps {
        for field in step.fields {
            if field.shown_when.holds(answers, "", today) {
                let v = stored(field, answer(answers, field.id));
                if !v.is_empty() {
                    kept.insert(field.id.to_owned(), v);
                }
            }
        }
        for group in step
            .groups
            .iter()
            .filter(|g| g.shown_when.holds(answers, "", today))
        {
            let n = group_len(answers, group);
            if n > 0 {
                kept.insert(group.id.to_owned(), n.to_string());
            }
            for i in 0..n {
                let prefix = format!("{}.{i}.", group.id);
                for field in group.fields {
                    let key = format!("{prefix}{}", field.id);
                    let v = stored(field, answer(answers, &key));
                    if field.shown_when.holds(answers, &prefix, today) && !v.is_empty() {
                        kept.insert(key, v);
                    }
                }
            }
        }
    }
    let masked: Vec<(String, String)> = kept
        .keys()
        .filter_map(|k| service.masked_value(&kept, k).map(|m| (k.clone(), m)))
        .collect();
    kept.extend(masked);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn number_and_age_conditions() {
        let a = answers(&[
            ("n", "५००१"),
            ("m", "5000"),
            ("x", "many"),
            ("dob", "2/12/2008"),
        ]);
        assert!(ShownWhen::NumberAbove("n", 5000).holds(&a, "", today()));
        assert!(!ShownWhen::NumberAbove("m", 5000).holds(&a, "", today()));
        assert!(!ShownWhen::NumberAbove("x", 5000).holds(&a, "", today()));
        assert!(!ShownWhen::NumberAbove("absent", 0).holds(&a, "", today()));
        assert!(ShownWhen::NumberBelow("m", 5001).holds(&a, "", today()));
        assert!(!ShownWhen::NumberBelow("x", 18).holds(&a, "", today()));
        // 17 the day before the 18th birthday, 18 on it.
        assert!(ShownWhen::AgeUnder("dob", 18).holds(&a, "", today()));
        let day_after = today().succ_opt().unwrap();
        assert!(!ShownWhen::AgeUnder("dob", 18).holds(&a, "", day_after));
        assert!(!ShownWhen::AgeUnder("absent", 18).holds(&a, "", today()));
        // A birth date in the future is not an age.
        let a = answers(&[("dob", "1/1/2030")]);
        assert!(!ShownWhen::AgeUnder("dob", 18).holds(&a, "", today()));
    }

    #[test]
    fn notices_are_listed_once_in_declared_order() {
        const NOTICES: &[Notice] = &[
            Notice {
                id: "child",
                when: ShownWhen::NumberBelow("age", 18),
            },
            Notice {
                id: "large",
                when: ShownWhen::NumberAbove("people", 5000),
            },
            Notice {
                id: "child",
                when: ShownWhen::AgeUnder("dob", 18),
            },
        ];
        let a = answers(&[("age", "12"), ("dob", "1/1/2015"), ("people", "10")]);
        assert_eq!(notices_shown(NOTICES, &a, today()), ["child"]);
        let a = answers(&[("age", "40"), ("people", "6000")]);
        assert_eq!(notices_shown(NOTICES, &a, today()), ["large"]);
        assert!(notices_shown(NOTICES, &Answers::new(), today()).is_empty());
    }

    const STOPS: StepSpec = StepSpec {
        id: "route",
        fields: &[FieldSpec::new("kind", Widget::Radios, Rule::Choice).options(&["walk", "hall"])],
        groups: &[GroupSpec {
            id: "stops",
            max: 5,
            shown_when: ShownWhen::Equals("kind", "walk"),
            fields: &[FieldSpec::new(
                "place",
                Widget::Text,
                Rule::Text { min: 2, max: 50 },
            )],
        }],
        checks: &[],
        notices: &[],
    };

    #[test]
    fn a_hidden_group_is_neither_checked_nor_kept() {
        let ctx = Ctx::offline(today());
        let mut a = answers(&[("kind", "walk"), ("stops", "2"), ("stops.0.place", "Chowk")]);
        let p = validate_step(&STOPS, &a, &ctx);
        assert_eq!(p, [Problem::new("stops.1.place", RuleError::Required)]);
        a.insert("kind".into(), "hall".into());
        assert!(validate_step(&STOPS, &a, &ctx).is_empty());
        let service = ServiceSpec {
            steps: &[STOPS],
            applicant: Applicant::Verified {
                mobile_field: "mobile",
            },
            routing: Routing {
                district_field: "d",
                station_field: "s",
            },
            attachments: None,
            acknowledgement: AckSpec {
                confirm_within_days: None,
                usual_days: None,
                notices: &[],
                slip: &[],
            },
        };
        assert_eq!(
            retain_declared(&service, &a, today()),
            answers(&[("kind", "hall")])
        );
        a.insert("kind".into(), "walk".into());
        a.insert("stops".into(), "1".into());
        assert_eq!(
            retain_declared(&service, &a, today()),
            answers(&[("kind", "walk"), ("stops", "1"), ("stops.0.place", "Chowk")])
        );
        // Free text is kept without direction overrides, as its rule reads it.
        a.insert("stops.0.place".into(), "\u{202E}Chowk\u{202C} ".into());
        assert_eq!(
            retain_declared(&service, &a, today()).get("stops.0.place"),
            Some(&"Chowk".to_owned())
        );
    }
}
