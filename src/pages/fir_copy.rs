//! FIR copy, no login: find a registered FIR by district, police station, year and number,
//! and show its public summary, printable on A4. A withheld FIR says so and how to get a
//! copy; the server tells it from a missing one only by its error code.

mod copy;

use crate::api::{self, ApiError};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::field_group::{described_by, FieldGroup};
use crate::components::page_title::PageTitle;
use crate::i18n::{keys::errors, keys::fir_copy as f, keys::services, use_i18n, I18n, Key, Lang};
use crate::pages::masters_select::{DistrictSelect, StationSelect};
use contract::firs::{self, FirCopy};
use contract::rules::RuleError;
use contract::{DistrictCode, ErrorCode, StationCode};
use leptos::prelude::*;
use leptos::task::spawn_local;

const DISTRICT: &str = "f-district";
const STATION: &str = "f-station";
const YEAR: &str = "f-year";
const NUMBER: &str = "f-number";
/// The heading of whatever a search found, focused when it appears.
const RESULT_TITLE: &str = "fir-result-title";

/// What is wrong with the search, before the view turns it into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    Choose,
    Invalid,
    YearDigits,
    YearRange { max: u16 },
    NumberRange,
    NotFound,
    TooMany { secs: u64 },
    Network,
    Server,
}

/// Problems by the id of the field they belong to, in the order of the form.
pub type Problems = Vec<(&'static str, Problem)>;

/// The search as checked: the same rules the server runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub district: DistrictCode,
    pub station: StationCode,
    pub year: u16,
    pub number: u32,
}

fn rule_problem(err: RuleError, this_year: u16) -> Problem {
    match err {
        RuleError::Required => Problem::Required,
        RuleError::YearNotFourDigits => Problem::YearDigits,
        RuleError::OutOfRange => Problem::YearRange { max: this_year },
        _ => Problem::Invalid,
    }
}

/// Checks the four answers as typed (Devanagari digits and leading zeros are fine).
pub fn check(
    district: &str,
    station: &str,
    year: &str,
    number: &str,
    this_year: u16,
) -> Result<Search, Problems> {
    let mut problems = Problems::new();
    let district = DistrictCode::parse(district)
        .map_err(|_| problems.push((DISTRICT, Problem::Choose)))
        .ok();
    let station = StationCode::parse(station)
        .map_err(|_| problems.push((STATION, Problem::Choose)))
        .ok();
    let year = firs::parse_year(year, this_year)
        .map_err(|e| problems.push((YEAR, rule_problem(e, this_year))))
        .ok();
    let number = firs::parse_number(number)
        .map_err(|e| {
            let p = match e {
                RuleError::Required => Problem::Required,
                RuleError::OutOfRange => Problem::NumberRange,
                _ => Problem::Invalid,
            };
            problems.push((NUMBER, p));
        })
        .ok();
    match (district, station, year, number) {
        (Some(district), Some(station), Some(year), Some(number)) => Ok(Search {
            district,
            station,
            year,
            number,
        }),
        _ => Err(problems),
    }
}

/// What a search found.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Copy(Box<FirCopy>),
    /// It exists but cannot be shown online; the search's station says where to ask.
    Withheld(Search),
}

/// A failed search: withheld (not a problem of the form), or the problems to show.
pub fn failure(e: &ApiError, search: &Search, this_year: u16) -> Result<Found, Problems> {
    let ApiError::Rejected {
        body,
        retry_after_secs,
        ..
    } = e
    else {
        return Err(vec![(
            DISTRICT,
            if *e == ApiError::Network {
                Problem::Network
            } else {
                Problem::Server
            },
        )]);
    };
    Err(match body.error.code {
        ErrorCode::FirWithheld => return Ok(Found::Withheld(search.clone())),
        ErrorCode::FirNotFound => vec![(NUMBER, Problem::NotFound)],
        ErrorCode::RateLimited => {
            let secs = retry_after_secs
                .or(body.error.retry_after_secs)
                .unwrap_or(60);
            vec![(DISTRICT, Problem::TooMany { secs })]
        }
        ErrorCode::ValidationFailed if !body.error.fields.is_empty() => body
            .error
            .fields
            .iter()
            .map(|field| {
                let id = match field.field.as_str() {
                    "district" => DISTRICT,
                    "station" => STATION,
                    "year" => YEAR,
                    _ => NUMBER,
                };
                let problem = match (id, RuleError::from_code(&field.code)) {
                    (DISTRICT | STATION, _) => Problem::Choose,
                    (YEAR, Some(err)) => rule_problem(err, this_year),
                    (_, Some(RuleError::OutOfRange)) => Problem::NumberRange,
                    _ => Problem::Invalid,
                };
                (id, problem)
            })
            .collect(),
        _ => vec![(DISTRICT, Problem::Server)],
    })
}

fn message(i18n: I18n, problem: Problem) -> String {
    let max = firs::MAX_NUMBER.to_string();
    match problem {
        Problem::Required => i18n.get(errors::REQUIRED).to_owned(),
        Problem::Choose => i18n.get(errors::REQUIRED_CHOICE).to_owned(),
        Problem::Invalid => i18n.get(errors::INVALID).to_owned(),
        Problem::YearDigits => i18n.get(errors::YEAR_NOT_FOUR_DIGITS).to_owned(),
        Problem::YearRange { max } => i18n.format(
            f::YEAR_RANGE,
            &[
                ("min", &firs::FIRST_YEAR.to_string()),
                ("max", &max.to_string()),
            ],
        ),
        Problem::NumberRange => i18n.format(f::NUMBER_RANGE, &[("max", &max)]),
        Problem::NotFound => i18n.get(f::NOT_FOUND).to_owned(),
        Problem::TooMany { secs } if secs < 60 => {
            i18n.format(f::TOO_MANY_SECONDS, &[("seconds", &secs.to_string())])
        }
        Problem::TooMany { secs } => {
            crate::i18n::plural(i18n.lang.get(), f::TOO_MANY_MINUTES, secs.div_ceil(60))
        }
        Problem::Network => i18n.get(errors::NETWORK).to_owned(),
        Problem::Server => i18n.get(errors::SERVER).to_owned(),
    }
}

const LABELS: &[(&str, Key)] = &[
    (DISTRICT, f::DISTRICT),
    (STATION, f::STATION),
    (YEAR, f::YEAR),
    (NUMBER, f::NUMBER),
];

fn this_year() -> u16 {
    u16::try_from(crate::time::this_year_ist()).unwrap_or(u16::MAX)
}

/// A text box for the year or the number: digits, kept as typed.
#[component]
fn NumberField(
    id: &'static str,
    label: Key,
    hint: Key,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <FieldGroup id=id.to_owned() label hint=Some(hint) optional=false error>
            <input class="ns-input ns-input--width-4" id=id name=id type="text" inputmode="numeric"
                autocomplete="off" spellcheck="false"
                class:ns-input--error=move || error.with(|e| e.is_some())
                aria-describedby=move || described_by(id, true, error.with(|e| e.is_some()))
                aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </FieldGroup>
    }
}

#[component]
pub fn FirCopyPage() -> impl IntoView {
    let i18n = use_i18n();
    let district = RwSignal::new(String::new());
    let station = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::new());
    let attempts = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let found = RwSignal::new(None::<Found>);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let this_year = this_year();
        let search = match check(
            &district.get_untracked(),
            &station.get_untracked(),
            &year.get_untracked(),
            &number.get_untracked(),
            this_year,
        ) {
            Ok(search) => search,
            Err(p) => {
                found.set(None);
                problems.set(p);
                attempts.update(|n| *n += 1);
                return;
            }
        };
        busy.set(true);
        spawn_local(async move {
            let result = api::fir_copy(
                &search.district,
                &search.station,
                search.year,
                search.number,
            )
            .await;
            let outcome = match result {
                Ok(copy) => Ok(Found::Copy(Box::new(copy))),
                Err(e) => failure(&e, &search, this_year),
            };
            match outcome {
                Ok(result) => {
                    problems.try_set(Problems::new());
                    found.try_set(Some(result));
                    // Screen readers start at what was found, once it is in the page.
                    request_animation_frame(|| {
                        if let Some(el) = document().get_element_by_id(RESULT_TITLE) {
                            use wasm_bindgen::JsCast;
                            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                        }
                    });
                }
                Err(p) => {
                    found.try_set(None);
                    problems.try_set(p);
                    attempts.try_update(|n| *n += 1);
                }
            }
            busy.try_set(false);
        });
    };

    let has_errors = Signal::derive(move || problems.with(|p| !p.is_empty()));
    let error_of = move |field: &'static str| {
        Signal::derive(move || {
            problems.with(|p| {
                p.iter()
                    .find(|(f, _)| *f == field)
                    .map(|(_, problem)| message(i18n, *problem))
            })
        })
    };
    let summary = Signal::derive(move || {
        problems
            .get()
            .into_iter()
            .map(|(field, problem)| {
                let label = LABELS
                    .iter()
                    .find(|(f, _)| *f == field)
                    .map_or("", |(_, k)| i18n.get(*k));
                SummaryItem {
                    target: field.to_owned(),
                    text: i18n.format(
                        errors::SUMMARY_ITEM,
                        &[("label", label), ("message", &message(i18n, problem))],
                    ),
                }
            })
            .collect::<Vec<_>>()
    });
    let hindi = Signal::derive(move || i18n.lang.get() == Lang::Hi);

    view! {
        <div class="ns-no-print">
            <ErrorSummary items=summary attempt=attempts/>
        </div>
        <PageTitle key=services::FIR_COPY_TITLE error=has_errors/>
        <div class="ns-no-print">
            <p class="ns-lead">{i18n.t(f::INTRO)}</p>
            <p>{i18n.t(f::WITHHELD_RULE)}</p>
            <form class="ns-form ns-fir-search" novalidate on:submit=on_submit data-testid="fir-search">
                <DistrictSelect id=DISTRICT label=f::DISTRICT value=district error=error_of(DISTRICT) clears=station/>
                <StationSelect id=STATION label=f::STATION district=district value=station error=error_of(STATION)/>
                <NumberField id=YEAR label=f::YEAR hint=f::YEAR_HINT value=year error=error_of(YEAR)/>
                <NumberField id=NUMBER label=f::NUMBER hint=f::NUMBER_HINT value=number error=error_of(NUMBER)/>
                <button type="submit" class="ns-button" data-testid="find-fir"
                    aria-disabled=move || busy.get().then_some("true")>
                    {i18n.t(f::FIND)}
                </button>
            </form>
        </div>
        {move || found.get().map(|found| match found {
            Found::Copy(fir) => view! { <copy::FirCopyView fir=*fir hindi/> }.into_any(),
            Found::Withheld(search) => view! { <copy::Withheld search hindi/> }.into_any(),
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::{ApiErrorBody, FieldError};

    #[test]
    fn the_form_checks_every_answer_at_once() {
        let problems = check("", "", "26", "12/2026", 2026).unwrap_err();
        assert_eq!(
            problems,
            [
                (DISTRICT, Problem::Choose),
                (STATION, Problem::Choose),
                (YEAR, Problem::YearDigits),
                (NUMBER, Problem::Invalid),
            ]
        );
        let problems = check("PAT", "PAT-KOTWALI", "2027", "100000", 2026).unwrap_err();
        assert_eq!(
            problems,
            [
                (YEAR, Problem::YearRange { max: 2026 }),
                (NUMBER, Problem::NumberRange)
            ]
        );
        assert_eq!(
            check("PAT", "PAT-KOTWALI", "", "", 2026).unwrap_err(),
            [(YEAR, Problem::Required), (NUMBER, Problem::Required)]
        );
        let search = check("PAT", "PAT-KOTWALI", "२०२६", " 0012 ", 2026).unwrap();
        assert_eq!((search.year, search.number), (2026, 12));
    }

    fn rejected(code: ErrorCode, retry_after_secs: Option<u64>) -> ApiError {
        ApiError::Rejected {
            status: 404,
            body: ApiErrorBody::new(code),
            retry_after_secs,
        }
    }

    #[test]
    fn a_withheld_fir_is_not_a_problem_of_the_form() {
        let search = check("PAT", "PAT-KOTWALI", "2025", "88", 2026).unwrap();
        assert_eq!(
            failure(&rejected(ErrorCode::FirWithheld, None), &search, 2026),
            Ok(Found::Withheld(search.clone()))
        );
        assert_eq!(
            failure(&rejected(ErrorCode::FirNotFound, None), &search, 2026),
            Err(vec![(NUMBER, Problem::NotFound)])
        );
        assert_eq!(
            failure(&rejected(ErrorCode::RateLimited, Some(580)), &search, 2026),
            Err(vec![(DISTRICT, Problem::TooMany { secs: 580 })])
        );
        assert_eq!(
            failure(&ApiError::Network, &search, 2026),
            Err(vec![(DISTRICT, Problem::Network)])
        );
        let invalid = ApiError::Rejected {
            status: 400,
            body: ApiErrorBody::with_fields(
                ErrorCode::ValidationFailed,
                vec![FieldError {
                    field: "station".into(),
                    code: "invalid".into(),
                }],
            ),
            retry_after_secs: None,
        };
        assert_eq!(
            failure(&invalid, &search, 2026),
            Err(vec![(STATION, Problem::Choose)])
        );
    }
}
