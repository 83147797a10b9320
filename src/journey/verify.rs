//! Verify the mobile by OTP, then send. A mobile verified earlier in this session is not asked
//! again. Failures keep every answer and say what to do, in the citizen's language. For an
//! anonymous service (a confidential tip) the page only sends: no mobile, no code, and the
//! requests carry none of the browser's cookies.

use super::step::summary_items;
use super::{just_sent, path, step_index_of, step_path, total_steps, AlreadySent, DraftBanner};
use crate::api::{self, ApiError};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::page_title::PageTitle;
use crate::components::step_nav::{BackLink, StepIndicator};
use crate::forms::{client_ctx, new_idempotency_key, FormState};
use crate::i18n::{keys::errors, keys::journey as c, plural, use_i18n, I18n};
use crate::routes::JourneyPage;
use contract::forms::{validate_service, Problem, ATTACHMENTS_FIELD};
use contract::rules::RuleError;
use contract::{ErrorCode, Submission};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::time::Duration;

/// What went wrong on this page, shown in its error summary.
#[derive(Debug, Clone, PartialEq)]
enum Failure {
    Code(ErrorCode, Option<u32>),
    CodeRequired,
    RateLimited(u64),
    /// The server is overloaded or down for a moment (503 with `Retry-After`).
    Busy(u64),
    Network,
    /// No answer within this many seconds: given up, nothing lost, a retry cannot file twice.
    TimedOut(u32),
    Server,
}

fn failure_text(i18n: I18n, f: &Failure) -> String {
    match f {
        Failure::CodeRequired => i18n.get(c::CODE_REQUIRED).to_owned(),
        Failure::Code(ErrorCode::OtpWrong, left) => {
            let mut s = i18n.get(c::CODE_OTP_WRONG).to_owned();
            if let Some(n) = left {
                s.push_str(". ");
                s.push_str(&plural(i18n.lang.get(), c::VERIFY_ATTEMPTS, u64::from(*n)));
            }
            s
        }
        Failure::Code(ErrorCode::OtpExpired, _) => i18n.get(c::CODE_OTP_EXPIRED).to_owned(),
        Failure::Code(ErrorCode::OtpTooManyAttempts, _) => {
            i18n.get(c::CODE_OTP_TOO_MANY_ATTEMPTS).to_owned()
        }
        Failure::RateLimited(secs) => {
            i18n.format(errors::RATE_LIMITED, &[("seconds", &secs.to_string())])
        }
        Failure::Busy(secs) => i18n.format(errors::BUSY, &[("seconds", &secs.to_string())]),
        Failure::Network => i18n.get(errors::NETWORK).to_owned(),
        Failure::TimedOut(secs) => {
            i18n.format(errors::TIMED_OUT, &[("seconds", &secs.to_string())])
        }
        Failure::Code(..) | Failure::Server => i18n.get(errors::SERVER).to_owned(),
    }
}

fn failure_of(e: &ApiError) -> Failure {
    match e {
        ApiError::Network => Failure::Network,
        ApiError::TimedOut { after_secs } => Failure::TimedOut(*after_secs),
        ApiError::Rejected {
            status,
            body,
            retry_after_secs,
        } => match body.error.code {
            ErrorCode::RateLimited => Failure::RateLimited(
                retry_after_secs
                    .or(body.error.retry_after_secs)
                    .unwrap_or(60),
            ),
            code
            @ (ErrorCode::OtpWrong | ErrorCode::OtpExpired | ErrorCode::OtpTooManyAttempts) => {
                Failure::Code(code, body.error.attempts_left)
            }
            _ if *status == 429 => Failure::RateLimited(retry_after_secs.unwrap_or(60)),
            _ if *status == 503 => retry_after_secs.map_or(Failure::Server, Failure::Busy),
            _ => Failure::Server,
        },
        ApiError::BadData { .. } => Failure::Server,
    }
}

/// Outcome of sending: the receipt, problems to show on a step, or a failure to show here.
enum Sent {
    Filed(Box<contract::Acknowledgement>),
    /// This form's key already filed these answers before they were changed: that filing
    /// stands, and the citizen is shown it rather than a dead end.
    AlreadyFiled(contract::Reference),
    Invalid(Vec<Problem>),
    Failed(Failure),
}

async fn send(form: FormState) -> Sent {
    let anonymous = form.spec.applicant.is_anonymous();
    let answers = form.answers.get_untracked();
    let key = match form.idempotency_key.get_untracked() {
        Some(k) => k,
        None => {
            let k = new_idempotency_key();
            form.idempotency_key.set(Some(k.clone()));
            k
        }
    };
    let mut ids = Vec::new();
    for (i, file) in form.files.get_untracked().into_iter().enumerate() {
        if let Some(id) = file.uploaded {
            ids.push(id);
            continue;
        }
        match api::upload_attachment(&file.bytes, &file.mime, anonymous).await {
            Ok(up) => {
                form.files.try_update(|files| {
                    if let Some(f) = files.get_mut(i) {
                        f.uploaded = Some(up.id.clone());
                    }
                });
                ids.push(up.id);
            }
            Err(ApiError::Rejected { ref body, .. })
                if body.error.code == ErrorCode::ValidationFailed
                    && body
                        .error
                        .fields
                        .iter()
                        .any(|f| f.code == "wrong_file_type") =>
            {
                return Sent::Invalid(vec![Problem {
                    field: ATTACHMENTS_FIELD.into(),
                    error: RuleError::WrongFileType,
                }]);
            }
            Err(e) => return Sent::Failed(failure_of(&e)),
        }
    }
    let submission = Submission {
        answers,
        attachments: ids,
    };
    match api::submit(form.service, &submission, &key, anonymous).await {
        Ok(ack) => Sent::Filed(Box::new(ack)),
        Err(ApiError::Rejected { body, .. })
            if body.error.code == ErrorCode::IdempotencyConflict =>
        {
            match body.error.reference {
                Some(reference) => Sent::AlreadyFiled(reference),
                None => Sent::Failed(Failure::Server),
            }
        }
        Err(ApiError::Rejected { body, .. }) if body.error.code == ErrorCode::ValidationFailed => {
            let problems = body
                .error
                .fields
                .iter()
                .map(|f| Problem {
                    field: f.field.clone(),
                    error: RuleError::from_code(&f.code).unwrap_or(RuleError::Invalid),
                })
                .collect();
            Sent::Invalid(problems)
        }
        Err(e) => Sent::Failed(failure_of(&e)),
    }
}

#[component]
pub fn VerifyPage(form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let (service, spec) = (form.service, form.spec);
    // No one to verify: the page sends as a verified one would, without a code.
    let mobile_field = spec.applicant.mobile_field();
    let anonymous = mobile_field.is_none();
    let mobile = Memo::new(move |_| {
        let field = mobile_field?;
        contract::rules::mobile::parse(&form.get(field))
            .ok()
            .map(|m| m.as_str().to_owned())
    });
    let mobile_display = Memo::new(move |_| {
        mobile_field
            .and_then(|field| contract::rules::mobile::parse(&form.get(field)).ok())
            .map(|m| m.display())
            .unwrap_or_default()
    });
    let verified = RwSignal::new(anonymous);
    let code_sent = RwSignal::new(false);
    let code = RwSignal::new(String::new());
    let resend_in = RwSignal::new(0u32);
    let failure = RwSignal::new(None::<Failure>);
    let attempts = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    let online = crate::use_online();

    // A mobile verified earlier in this session is not asked again; on a shared kiosk every
    // citizen verifies their own. The mobile may arrive after the session's answer (a draft
    // taken up after a reload, when a send had failed): whichever comes last decides.
    let session_mobile = RwSignal::new(None::<String>);
    if !crate::kiosk::is_kiosk() && !anonymous {
        spawn_local(async move {
            if let Ok(s) = api::session().await {
                session_mobile.try_set(s.verified_mobile);
            }
        });
    }
    Effect::new(move |_| {
        if let (Some(m), Some(s)) = (mobile.get(), session_mobile.get()) {
            if m == s {
                verified.set(true);
            }
        }
    });

    // The wait as a screen reader hears it: its full length while it runs, `None` once over.
    let resend_total = RwSignal::new(0u32);
    let resend_phase = Memo::new(move |_| (resend_in.get() > 0).then(|| resend_total.get()));
    let ticker = StoredValue::new(None::<IntervalHandle>);
    let start_countdown = move |secs: u32| {
        resend_total.set(secs);
        resend_in.set(secs);
        if let Some(h) = ticker.get_value() {
            h.clear();
        }
        let h = set_interval_with_handle(
            move || resend_in.update(|s| *s = s.saturating_sub(1)),
            Duration::from_secs(1),
        )
        .ok();
        ticker.set_value(h);
    };
    on_cleanup(move || {
        if let Some(h) = ticker.get_value() {
            h.clear();
        }
    });

    // A code sent to this mobile is still usable after a reload (Android kills a tab while
    // the citizen reads the SMS): the page remembers, in this tab only, when it was sent.
    // (The mobile may arrive later, when a draft offered after the reload is taken up.)
    Effect::new(move |_| {
        let Some(m) = mobile.get() else { return };
        if code_sent.get_untracked() {
            return;
        }
        let Some(left) = sent_code::still_usable(&m) else {
            return;
        };
        // Not when this session has verified the mobile since: then no code is asked for.
        spawn_local(async move {
            let session = api::session().await.ok().and_then(|s| s.verified_mobile);
            if session.as_deref() != Some(m.as_str()) && !code_sent.get_untracked() {
                code_sent.set(true);
                if left.resend_in > 0 {
                    start_countdown(left.resend_in);
                }
            }
        });
    });

    let request_code = move || {
        let Some(m) = mobile.get_untracked() else {
            return;
        };
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::request_otp(&m).await {
                Ok(sent) => {
                    code_sent.set(true);
                    sent_code::remember(&m, &sent);
                    attempts.update(|n| *n += 1);
                    start_countdown(sent.resend_after_secs);
                    request_animation_frame(|| {
                        crate::components::error_summary::focus_field("f-otp")
                    });
                }
                Err(e) => {
                    if let Failure::RateLimited(s) = failure_of(&e) {
                        code_sent.set(true);
                        start_countdown(s as u32);
                    }
                    failure.set(Some(failure_of(&e)));
                    attempts.update(|n| *n += 1);
                }
            }
            busy.try_set(false);
        });
    };

    let deliver = {
        let navigate = navigate.clone();
        move || {
            let navigate = navigate.clone();
            busy.set(true);
            failure.set(None);
            spawn_local(async move {
                match send(form).await {
                    Sent::Filed(receipt) => {
                        let reference = receipt.reference.clone();
                        form.filed(*receipt);
                        let to = path(service, JourneyPage::Confirmation(reference));
                        navigate(
                            &to,
                            NavigateOptions {
                                replace: true,
                                ..Default::default()
                            },
                        );
                    }
                    Sent::AlreadyFiled(reference) => {
                        form.already_filed(reference.clone());
                        let to = path(service, JourneyPage::Confirmation(reference));
                        navigate(
                            &format!("{to}?{}", super::confirmation::ALREADY_SENT),
                            NavigateOptions {
                                replace: true,
                                ..Default::default()
                            },
                        );
                    }
                    Sent::Invalid(problems) => {
                        let step = problems
                            .first()
                            .map_or(0, |p| step_index_of(form, &p.field));
                        form.problems.set(problems);
                        form.failed_submits.update(|n| *n += 1);
                        form.returning_to_check.set(true);
                        navigate(&step_path(service, step), NavigateOptions::default());
                    }
                    Sent::Failed(f) => {
                        failure.set(Some(f));
                        attempts.update(|n| *n += 1);
                    }
                }
                busy.try_set(false);
            });
        }
    };

    let on_submit = {
        let deliver = deliver.clone();
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return; // a second click while sending does nothing
            }
            // Anything left incomplete is shown on its step before asking for a code.
            let problems = form
                .answers
                .with_untracked(|a| validate_service(spec, a, &client_ctx()));
            if let Some(first) = problems.first() {
                let step = step_index_of(form, &first.field);
                form.problems.set(problems);
                form.failed_submits.update(|n| *n += 1);
                form.returning_to_check.set(true);
                navigate(&step_path(service, step), NavigateOptions::default());
                return;
            }
            if verified.get_untracked() {
                deliver();
                return;
            }
            let entered = code.get_untracked();
            let digits = contract::rules::digits::ascii_digits(entered.trim()).into_owned();
            if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                failure.set(Some(Failure::CodeRequired));
                attempts.update(|n| *n += 1);
                return;
            }
            let Some(m) = mobile.get_untracked() else {
                return;
            };
            busy.set(true);
            failure.set(None);
            let deliver = deliver.clone();
            spawn_local(async move {
                match api::verify_otp(&m, &digits).await {
                    Ok(_) => {
                        // Files uploaded in an earlier session are not this one's to use.
                        form.files
                            .try_update(|files| files.iter_mut().for_each(|f| f.uploaded = None));
                        verified.set(true);
                        deliver();
                    }
                    Err(e) => {
                        failure.set(Some(failure_of(&e)));
                        attempts.update(|n| *n += 1);
                        busy.try_set(false);
                    }
                }
            });
        }
    };

    let items = {
        let step_items = summary_items(form, i18n);
        Signal::derive(move || {
            let mut items = step_items.get();
            if let Some(f) = failure.get() {
                let target = if matches!(f, Failure::Code(..) | Failure::CodeRequired) {
                    "f-otp"
                } else {
                    "ns-send"
                };
                items.push(SummaryItem {
                    target: target.into(),
                    text: failure_text(i18n, &f),
                });
            }
            items
        })
    };
    let has_errors = Signal::derive(move || failure.with(|f| f.is_some()));
    let code_error = move || {
        failure
            .get()
            .filter(|f| matches!(f, Failure::Code(..) | Failure::CodeRequired))
            .map(|f| failure_text(i18n, &f))
    };

    view! {
        <BackLink href=path(service, JourneyPage::Check)/>
        <DraftBanner form/>
        <ErrorSummary items attempt=attempts/>
        <StepIndicator current=total_steps(service) total=total_steps(service)/>
        <PageTitle key=if anonymous { c::STEP_SEND_ANONYMOUS } else { c::STEP_VERIFY } error=has_errors/>
        <Show when=move || !online.get()>
            <p class="ns-notice" role="status">{i18n.t(if anonymous { c::SEND_ANONYMOUS_OFFLINE } else { c::VERIFY_OFFLINE })}</p>
        </Show>
        <AlreadySent form/>
        <form class="ns-form" novalidate on:submit=on_submit hidden=move || just_sent(form).get()>
            <Show
                when=move || verified.get()
                fallback=move || view! {
                    <p>{move || i18n.format(c::VERIFY_INTRO, &[("mobile", &mobile_display.get())])}</p>
                    <Show when=move || code_sent.get()>
                        <p role="status">{move || i18n.format(c::VERIFY_CODE_SENT, &[("mobile", &mobile_display.get())])}</p>
                        <div class="ns-field" class:ns-field--error=move || code_error().is_some()>
                            <label class="ns-label" for="f-otp">{i18n.t(c::VERIFY_CODE)}</label>
                            <div id="f-otp-hint" class="ns-hint">{i18n.t(c::VERIFY_CODE_HINT)}</div>
                            {move || code_error().map(|m| view! {
                                <p id="f-otp-error" class="ns-error-message">
                                    <span class="ns-visually-hidden">{i18n.t(errors::ERROR_PREFIX)}" "</span>{m}
                                </p>
                            })}
                            <input
                                class="ns-input ns-input--width-6"
                                id="f-otp"
                                name="otp"
                                type="text"
                                inputmode="numeric"
                                autocomplete="one-time-code"
                                maxlength="6"
                                aria-describedby=move || if code_error().is_some() { "f-otp-hint f-otp-error" } else { "f-otp-hint" }
                                prop:value=move || code.get()
                                on:input=move |ev| code.set(event_target_value(&ev))
                            />
                        </div>
                        <p class="ns-hint" data-testid="resend-countdown">
                            {move || {
                                let s = resend_in.get();
                                (s > 0).then(|| plural(i18n.lang.get(), c::VERIFY_RESEND_IN, u64::from(s)))
                            }}
                        </p>
                        // Heard once when the wait starts and once when it ends, not every second.
                        <p class="ns-visually-hidden" aria-live="polite" data-testid="resend-announcement">
                            {move || match resend_phase.get() {
                                Some(secs) => plural(i18n.lang.get(), c::VERIFY_RESEND_IN, u64::from(secs)),
                                None => i18n.get(c::VERIFY_RESEND_READY).to_owned(),
                            }}
                        </p>
                        <Show when=move || resend_in.get() == 0>
                            <button type="button" class="ns-button ns-button--secondary" disabled=move || busy.get() on:click=move |_| request_code()>
                                {i18n.t(c::VERIFY_RESEND)}
                            </button>
                        </Show>
                    </Show>
                }
            >
                {if anonymous {
                    view! { <p class="ns-lead" data-testid="anonymous">{i18n.t(c::SEND_ANONYMOUS_INTRO)}</p> }.into_any()
                } else {
                    view! { <p class="ns-notice" role="status">{move || i18n.format(c::VERIFY_VERIFIED, &[("mobile", &mobile_display.get())])}</p> }.into_any()
                }}
            </Show>
            <div class="ns-button-group">
                <Show
                    when=move || verified.get() || code_sent.get()
                    fallback=move || view! {
                        <button type="button" class="ns-button" id="ns-send" data-testid="send-code"
                            disabled=move || busy.get() || mobile.get().is_none()
                            on:click=move |_| request_code()>
                            {i18n.t(c::VERIFY_SEND_CODE)}
                        </button>
                    }
                >
                    <button type="submit" class="ns-button" id="ns-send" data-testid="submit"
                        aria-disabled=move || busy.get().then_some("true")>
                        {move || if busy.get() {
                            i18n.get(c::SENDING)
                        } else if anonymous {
                            i18n.get(c::SEND_ANONYMOUS_BUTTON)
                        } else if verified.get() {
                            i18n.get(c::SUBMIT)
                        } else {
                            i18n.get(c::VERIFY_CONFIRM)
                        }}
                    </button>
                </Show>
            </div>
        </form>
    }
}

/// When a code was sent to which mobile, kept in this tab's session storage (never on a
/// kiosk) so that a reload does not make the citizen ask for another.
mod sent_code {
    use crate::storage::session;

    const KEY: &str = "ns.otp-sent";

    pub struct Left {
        /// Seconds until another code may be asked for.
        pub resend_in: u32,
    }

    pub fn remember(mobile: &str, sent: &contract::OtpSent) {
        if crate::kiosk::is_kiosk() {
            return;
        }
        let now = crate::time::now_ms();
        let value = format!(
            "{mobile} {} {}",
            now + f64::from(sent.resend_after_secs) * 1000.0,
            now + f64::from(sent.expires_in_secs) * 1000.0
        );
        if let Some(s) = session() {
            let _ = s.set_item(KEY, &value);
        }
    }

    /// The code sent to `mobile`, if one was and it has not expired.
    pub fn still_usable(mobile: &str) -> Option<Left> {
        if crate::kiosk::is_kiosk() {
            return None;
        }
        let raw = session()?.get_item(KEY).ok()??;
        let mut parts = raw.split(' ');
        let (sent_to, resend_at, expires_at) = (parts.next()?, parts.next()?, parts.next()?);
        let (resend_at, expires_at): (f64, f64) =
            (resend_at.parse().ok()?, expires_at.parse().ok()?);
        let now = crate::time::now_ms();
        (sent_to == mobile && now < expires_at).then(|| Left {
            resend_in: ((resend_at - now) / 1000.0).ceil().max(0.0) as u32,
        })
    }
}
