#![doc = include_str!("docs.md")]

mod taken;

use std::sync::Arc;

use leptos::prelude::*;

use crate::clinical::cui::Instant;
use crate::clinical::news2::{Acvpu, Inspired, SpO2Scale};
use crate::clinical::news2_score::{News2Score, score_text};
use crate::clinical::vital_signs::{
    DRAFT_SYSTEM, Measure, Recording, VitalSet, acvpu_coding, identifier_values,
    transaction_identifiers,
};
use crate::fhir::resources::Bundle;
use crate::fhir::{FhirClient, FhirClientContext, FhirError, Resource, Search};
use crate::forms::{Check, Form, FormField, required};
use crate::ui::{
    Button, ButtonType, ButtonVariant, Choice, ErrorSummary, FormErrors, Input, InputWidth, LabelSize, NotificationBanner,
    Radios,
};

stylance::import_crate_style!(style, "src/clinical/vital_signs_entry/vital_signs_entry.module.css");

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// Records one set of vital signs for a patient, with the NEWS2 score and
/// risk shown as the values are typed (RCP NEWS2 2017, Charts 1 and 3) and
/// the RCP's response once the score is complete (Chart 4).
///
/// Each value is checked as a ward's devices can measure it
/// ([`Measure::read`]): an impossible value is refused with what to enter,
/// and never scores. The set is saved as one FHIR transaction
/// ([`VitalSet::transaction`]) through the [`FhirClient`] in context, with
/// the signed-in user as performer, so the record holds all of it or
/// none. What was typed stays on the page through a failed save, a server
/// that cannot take transactions, an expired session and the idle lock (the
/// lock hides the page; it does not rebuild it); only a saved set clears
/// the form.
///
/// The set is charted at the time it was taken, which the nurse enters
/// (now unless changed; never the future; more than a day ago is
/// questioned); the save time is `issued`. Each draft has an identity from
/// its first attempt, carried by every Observation with a conditional
/// create, so an attempt whose answer never came (a timeout, a lost
/// connection, a 5xx, an answer that cannot be read) is checked on the
/// record by identifier before anything is sent again, and a set found
/// there is shown as saved, never recorded twice.
///
/// The SpO2 scale starts as the one the caller says is in force
/// ([`crate::clinical::vital_signs::scale_in_force`]) and is shown beside
/// the SpO2 field; changing it is an explicit action with a confirmation,
/// kept for the patient's next sets on this page.
#[component]
pub fn VitalSignsEntry(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The patient's id on the FHIR server.
    #[prop(into)]
    patient: String,
    /// The encounter (the admission) the set belongs to, by id.
    #[prop(optional, into)]
    encounter: MaybeProp<String>,
    /// The SpO2 scale the patient's clinician chose; Scale 1 unless one
    /// prescribed Scale 2 (RCP: never inferred from a reading).
    #[prop(optional)]
    scale: SpO2Scale,
    /// Who is recording, as a reference: the session's `fhirUser`
    /// (`Practitioner/123`).
    #[prop(optional, into)]
    performer: MaybeProp<String>,
    /// The start of every field's `id`, for two forms on one page.
    #[prop(optional, into, default = "vitals".to_string())]
    id_prefix: String,
    /// Called with each set once the server has saved it.
    #[prop(optional, into)]
    on_saved: Option<Callback<VitalSet>>,
) -> impl IntoView {
    let generation = RwSignal::new(0u32);
    // Empty for none: an `Option` signal or view of the kind the first
    // screen also uses would take its code out of line there.
    let saved = RwSignal::new(String::new());
    let done = Callback::new(move |set: VitalSet| {
        let at = Instant::parse(&set.when).map(|i| i.uk().time()).unwrap_or_default();
        let score = set.news2().map(|s| format!(": {}", score_text(&s))).unwrap_or_default();
        saved.set(format!("Observations taken at {at} saved{score}"));
        // A new form for the next set: the saved one's values and errors go.
        generation.update(|g| *g += 1);
        if let Some(on_saved) = on_saved {
            on_saved.run(set);
        }
    });
    // The scale outlives each set's form: a change the nurse confirmed holds
    // for the next set too.
    let scale = RwSignal::new(scale);
    let context = Arc::new(EntryContext {
        patient,
        encounter,
        scale,
        id_prefix,
    });
    view! {
        <div class=move || crate::ui::class_list("bedside-vital-signs-entry", class.get())>
            {move || {
                let text = saved.get();
                if text.is_empty() {
                    ().into_any()
                } else {
                    view! { <NotificationBanner success=true text=text /> }.into_any()
                }
            }}
            {move || {
                generation.get();
                entry_form(context.clone(), FhirClient::use_context(), performer.get_untracked(), done)
            }}
        </div>
    }
}

struct EntryContext {
    patient: String,
    encounter: MaybeProp<String>,
    scale: RwSignal<SpO2Scale>,
    id_prefix: String,
}

/// What a draft keeps from its first attempt to send it.
#[derive(Clone)]
struct Attempt {
    /// Its identity (32 hex digits), for [`Recording::draft`].
    draft: String,
    /// When it was first sent, for `issued`.
    issued: String,
}

/// 128 random bits as 32 hex digits, from the browser's CSPRNG.
#[cfg(target_arch = "wasm32")]
fn new_draft() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    crate::js::crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|e| crate::js::error_message(&e))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// 128 random bits as 32 hex digits, from the standard library's per-process
/// random hash keys (outside a browser: server rendering and tests).
#[cfg(not(target_arch = "wasm32"))]
fn new_draft() -> Result<String, String> {
    use std::hash::{BuildHasher, RandomState};
    Ok(format!("{:016x}{:016x}", RandomState::new().hash_one(1u8), RandomState::new().hash_one(2u8)))
}

/// Whether a failed save may still have reached the record: no answer, or
/// one that says nothing about what the server did. A refusal (4xx) is
/// certain: nothing was saved.
fn is_ambiguous(error: &FhirError) -> bool {
    match error {
        FhirError::Network { .. } | FhirError::Timeout { .. } | FhirError::Decode { .. } => true,
        FhirError::Http { status, .. } => *status >= 500,
        _ => false,
    }
}

/// What a check of the record by identifier found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    All,
    Some,
    None,
}

/// Searches the record for a draft's Observations by identifier.
async fn find_draft(client: &FhirClient, identifiers: &[String]) -> Result<Found, FhirError> {
    let values: Vec<String> = identifiers
        .iter()
        .map(|v| format!("{DRAFT_SYSTEM}|{v}"))
        .collect();
    let search = Search::new("Observation")
        .raw("identifier", &values.join(","))
        .count(identifiers.len().max(1) as u32 * 2);
    let found = client.search_all(&search, 1).await?;
    let count = identifiers
        .iter()
        .filter(|id| {
            found.iter().any(|r| match r {
                Resource::Observation(o) => identifier_values(o).any(|v| v == id.as_str()),
                _ => false,
            })
        })
        .count();
    Ok(match count {
        0 => Found::None,
        n if n == identifiers.len() => Found::All,
        _ => Found::Some,
    })
}

fn slug(measure: Measure) -> &'static str {
    match measure {
        Measure::RespirationRate => "respiration-rate",
        Measure::SpO2 => "spo2",
        Measure::Systolic => "systolic",
        Measure::Diastolic => "diastolic",
        Measure::Pulse => "pulse",
        Measure::Temperature => "temperature",
    }
}

/// "Enter the respiration rate": the label with its first letter lowered
/// (SpO2 keeps its capitals).
fn enter(measure: Measure) -> String {
    let label = measure.spec().label;
    let mut chars = label.chars();
    let first = chars.next().map(|c| c.to_lowercase().to_string()).unwrap_or_default();
    format!("Enter the {first}{}", chars.as_str())
}

fn measure_check(measure: Measure) -> Check {
    Arc::new(move |value: &str| {
        let value = value.trim();
        (!value.is_empty()).then(|| measure.read(value).err()).flatten()
    })
}

fn entry_form(
    context: Arc<EntryContext>,
    client: Option<FhirClient>,
    performer: Option<String>,
    done: Callback<VitalSet>,
) -> AnyView {
    let prefix = context.id_prefix.clone();
    let id = move |part: &str| format!("{prefix}-{part}");
    let form = Form::new();
    // When the set was taken: first in the form, as on a paper chart.
    let taken_date = form.field(
        id("taken-date"),
        vec![
            required("Enter the date the observations were taken"),
            Arc::new(|v: &str| taken::parse_date(v).err()),
        ],
    );
    let taken_time = form.field(
        id("taken-time"),
        vec![
            required("Enter the time the observations were taken"),
            Arc::new(move |v: &str| {
                let (hour, minute) = match taken::parse_time(v) {
                    Ok(t) => t,
                    Err(e) => return Some(e),
                };
                // A date the date field refuses is its own error, not this one's.
                let date = taken::parse_date(&taken_date.value.get_untracked()).ok()?;
                let at = Instant::from_uk(crate::clinical::cui::UkDateTime { date, hour, minute });
                taken::check(at, Instant::now()).err()
            }),
        ],
    );
    // Now, kept now each minute until the nurse changes either field.
    let shown_now = StoredValue::new((String::new(), String::new()));
    let follow_now = move || {
        let now = Instant::now();
        let (date, time) = (taken::date_text(now), taken::time_text(now));
        let (was_date, was_time) = shown_now.get_value();
        let untouched = taken_date.value.get_untracked() == was_date && taken_time.value.get_untracked() == was_time;
        if untouched {
            taken_date.value.set(date.clone());
            taken_time.value.set(time.clone());
            shown_now.set_value((date, time));
        }
    };
    follow_now();
    // Only a browser has a clock to follow; server rendering shows now.
    #[cfg(target_arch = "wasm32")]
    if let Ok(handle) = set_interval_with_handle(follow_now, std::time::Duration::from_secs(20)) {
        on_cleanup(move || handle.clear());
    }
    let old_set = Signal::derive(move || {
        let at = taken::taken_at(&taken_date.value.get(), &taken_time.value.get()).ok();
        at.is_some_and(|at| taken::is_over_a_day_old(at, Instant::now()))
    });
    let field = |measure: Measure| {
        form.field(id(slug(measure)), vec![required(enter(measure)), measure_check(measure)])
    };
    // In page order: the error summary lists them so.
    let respiration = field(Measure::RespirationRate);
    let spo2 = field(Measure::SpO2);
    let inspired = form.field(
        id("inspired"),
        vec![required("Select whether the patient is breathing air or oxygen")],
    );
    let systolic = field(Measure::Systolic);
    let diastolic = field(Measure::Diastolic);
    let pulse = field(Measure::Pulse);
    let consciousness = form.field(id("consciousness"), vec![required("Select the level of consciousness")]);
    let temperature = field(Measure::Temperature);
    let measures: [(Measure, FormField); 6] = [
        (Measure::RespirationRate, respiration),
        (Measure::SpO2, spo2),
        (Measure::Systolic, systolic),
        (Measure::Diastolic, diastolic),
        (Measure::Pulse, pulse),
        (Measure::Temperature, temperature),
    ];
    let scale = context.scale;
    // The set as typed so far: only values that pass their checks.
    let current = Memo::new(move |_| {
        let mut set = VitalSet::new(String::new(), scale.get());
        for (measure, field) in measures {
            set.set(measure, field.value.with(|v| measure.read(v).ok()));
        }
        set.inspired = inspired.value.with(|v| match v.as_str() {
            "air" => Some(Inspired::Air),
            "oxygen" => Some(Inspired::Oxygen),
            _ => None,
        });
        set.consciousness = consciousness
            .value
            .with(|v| Acvpu::ALL.into_iter().find(|l| acvpu_coding(*l).2 == v));
        set
    });
    let score = Signal::derive(move || current.with(VitalSet::news2));
    let saving = RwSignal::new(false);
    let problem = RwSignal::new(String::new());
    // The draft's identity and first send time, from its first attempt.
    let attempt = StoredValue::new(None::<Attempt>);
    // An attempt whose answer never came: the record is checked before the
    // set can be sent again. Holds the identifiers to look for and the set
    // as it was sent.
    let uncertain = RwSignal::new(None::<(Vec<String>, VitalSet)>);
    let check_record = {
        let client = client.clone();
        move || {
            let Some((identifiers, sent)) = uncertain.get_untracked() else { return };
            let Some(client) = client.clone() else { return };
            saving.set(true);
            problem.set("The observations may have been saved: the clinical record system's answer did not arrive. Checking the record\u{2026}".into());
            leptos::task::spawn_local(async move {
                let found = find_draft(&client, &identifiers).await;
                let _ = saving.try_set(false);
                let message = match found {
                    Ok(Found::All) => {
                        let _ = uncertain.try_set(None);
                        let _ = problem.try_set(String::new());
                        done.run(sent);
                        return;
                    }
                    Ok(Found::None) => {
                        let _ = uncertain.try_set(None);
                        "The observations were not saved: the record was checked and does not have them. What you entered is still here: save them again.".to_string()
                    }
                    Ok(Found::Some) => {
                        let _ = uncertain.try_set(None);
                        "Only part of this set reached the record. Save again to send the rest: what is already there will not be recorded twice. What you entered is still here.".to_string()
                    }
                    Err(e) => format!(
                        "The observations may have been saved, and the record could not be checked: {e} Check again before saving, so they are not recorded twice. What you entered is still here."
                    ),
                };
                let _ = problem.try_set(message);
            });
        }
    };
    let submit = {
        let context = context.clone();
        let check_record = check_record.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if saving.get_untracked() {
                return;
            }
            if uncertain.with_untracked(Option::is_some) {
                check_record();
                return;
            }
            problem.set(String::new());
            if !form.submit() {
                return;
            }
            let Some(client) = client.clone() else {
                problem.set(
                    "This page is not connected to a clinical record system, so nothing was saved. What you entered is still here."
                        .into(),
                );
                return;
            };
            let Ok(taken_at) = taken::taken_at(&taken_date.value.get_untracked(), &taken_time.value.get_untracked()) else {
                return;
            };
            let first = match attempt.get_value() {
                Some(first) => first,
                None => match new_draft() {
                    Ok(draft) => {
                        let first = Attempt { draft, issued: Instant::now().to_fhir() };
                        attempt.set_value(Some(first.clone()));
                        first
                    }
                    Err(e) => {
                        problem.set(format!("The browser could not make this set an identity, so it was not sent ({e}). What you entered is still here."));
                        return;
                    }
                },
            };
            let mut set = current.get_untracked();
            set.when = taken_at.to_fhir();
            let encounter = context.encounter.get_untracked();
            // `fhirUser` may be absolute; on this server it is a plain reference.
            let base = format!("{}/", client.base_url().trim_end_matches('/'));
            let performer = performer.as_deref().map(|p| p.strip_prefix(&base).unwrap_or(p));
            let bundle = set.transaction(&Recording {
                patient: &context.patient,
                encounter: encounter.as_deref(),
                performer,
                issued: Some(&first.issued),
                draft: Some(&first.draft),
            });
            let identifiers = transaction_identifiers(&bundle);
            saving.set(true);
            let check_record = check_record.clone();
            leptos::task::spawn_local(async move {
                let result = client.bundle(&bundle).await;
                let _ = saving.try_set(false);
                let outcome = match result {
                    Ok(answer) => all_saved(&answer).map_err(|e| (e, true)),
                    Err(e) => Err((save_problem(&e), is_ambiguous(&e))),
                };
                match outcome {
                    Ok(()) => done.run(set),
                    Err((_, true)) => {
                        let _ = uncertain.try_set(Some((identifiers, set)));
                        check_record();
                    }
                    Err((message, false)) => {
                        let _ = problem.try_set(message);
                    }
                }
            });
        }
    };
    let measure_input = |measure: Measure, field: FormField, hint: Signal<&'static str>| {
        let spec = measure.spec();
        let (width, inputmode) = match spec.decimals {
            0 => (InputWidth::Chars3, "numeric"),
            _ => (InputWidth::Chars4, "decimal"),
        };
        let input_id = id(slug(measure));
        view! {
            <Input
                name=input_id.clone()
                id=input_id
                label=spec.label
                hint=move || move || hint.get()
                value=field.value
                error=field.error
                width=width
                inputmode=inputmode
                autocomplete="off"
                spellcheck=false
                suffix=spec.unit
            />
        }
        .into_any()
    };
    // Changing the scale: asked, then confirmed, never a side effect.
    let confirming = RwSignal::new(false);
    let other = move || match scale.get() {
        SpO2Scale::Scale1 => SpO2Scale::Scale2,
        SpO2Scale::Scale2 => SpO2Scale::Scale1,
    };
    let scale_name = |s: SpO2Scale| match s {
        SpO2Scale::Scale1 => "Scale 1",
        SpO2Scale::Scale2 => "Scale 2",
    };
    let spo2_hint = Signal::derive(move || match scale.get() {
        SpO2Scale::Scale1 => "Scored on SpO2 Scale 1",
        SpO2Scale::Scale2 => "Scored on SpO2 Scale 2 (target 88 to 92%), as prescribed for this patient",
    });
    let scale_control = move || {
        if !confirming.get() {
            return view! {
                <p class=style::scale>
                    <Button button_type=ButtonType::Button variant=ButtonVariant::Secondary small=true on_click=Callback::new(move |_| confirming.set(true))>
                        "Change SpO2 scale"
                    </Button>
                </p>
            }
            .into_any();
        }
        let to = other();
        let why = match to {
            SpO2Scale::Scale2 => "Scale 2 is only for a patient with hypercapnic respiratory failure whose target saturation of 88 to 92% a clinician has prescribed and recorded. On Scale 2, 88 to 92% scores 0.",
            SpO2Scale::Scale1 => "Scale 1 is for every patient not prescribed Scale 2. On Scale 1, a saturation of 91% or less scores 3.",
        };
        view! {
            <div class="nhsuk-inset-text" data-testid="scale-confirm">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>{format!("Change this patient's SpO2 scale from {} to {}?", scale_name(scale.get_untracked()), scale_name(to))}</p>
                <p>{why}</p>
                <div class=style::scale_buttons>
                    <Button button_type=ButtonType::Button small=true on_click=Callback::new(move |_| { scale.set(to); confirming.set(false); })>
                        {format!("Yes, change to {}", scale_name(to))}
                    </Button>
                    " "
                    <Button button_type=ButtonType::Button variant=ButtonVariant::Secondary small=true on_click=Callback::new(move |_| confirming.set(false))>
                        "Cancel"
                    </Button>
                </div>
            </div>
        }
        .into_any()
    };
    let acvpu_items = Acvpu::ALL
        .into_iter()
        .map(|level| {
            let (_, words, letter) = acvpu_coding(level);
            let words = if level == Acvpu::Alert { "Alert (including usual confusion)" } else { words };
            Choice::new(letter, format!("{letter}: {words}")).into()
        })
        .collect();
    let problem_view = move || {
        let text = problem.get();
        if text.is_empty() {
            return ().into_any();
        }
        view! { <ErrorSummary heading="The observations were not saved".to_string() description=text /> }
            .into_any()
    };
    view! {
        <FormErrors form=form />
        {problem_view}
        <form class=style::form on:submit=submit novalidate>
            // While a set is on its way, or its fate is not known, its values
            // stay as sent: a change then would be lost when the set is found
            // saved, or sent under the first attempt's identity.
            <fieldset class=style::whole disabled=move || saving.get() || uncertain.with(Option::is_some)>
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"When the observations were taken"</legend>
                <div class=style::taken>
                    <Input
                        name=id("taken-date")
                        id=id("taken-date")
                        label="Date"
                        hint=|| "For example, 04/12/2026"
                        value=taken_date.value
                        error=taken_date.error
                        width=InputWidth::Chars10
                        inputmode="numeric"
                        autocomplete="off"
                        spellcheck=false
                    />
                    <Input
                        name=id("taken-time")
                        id=id("taken-time")
                        label="Time"
                        hint=|| "24-hour clock, like 14:05"
                        value=taken_time.value
                        error=taken_time.error
                        width=InputWidth::Chars5
                        inputmode="numeric"
                        autocomplete="off"
                        spellcheck=false
                    />
                </div>
                <p class="nhsuk-body-s" hidden=move || !old_set.get() data-testid="taken-warning">
                    <strong>"Taken more than 24 hours ago."</strong>
                    " Check the date and time are right before you save."
                </p>
            </fieldset>
            {measure_input(Measure::RespirationRate, respiration, Signal::stored("Counted for a full minute"))}
            {measure_input(Measure::SpO2, spo2, spo2_hint)}
            {scale_control}
            <Radios
                name=id("inspired")
                legend="Air or oxygen"
                legend_size=LabelSize::S
                inline=true
                items=vec![Choice::new("air", "Air").into(), Choice::new("oxygen", "Oxygen").into()]
                value=inspired.value
                error=inspired.error
            />
            {measure_input(Measure::Systolic, systolic, Signal::stored("The higher number"))}
            {measure_input(Measure::Diastolic, diastolic, Signal::stored("The lower number"))}
            {measure_input(Measure::Pulse, pulse, Signal::stored("From the monitor, or counted for a full minute"))}
            <Radios
                name=id("consciousness")
                legend="Level of consciousness (ACVPU)"
                legend_size=LabelSize::S
                hint=|| "New confusion scores 3; a patient's usual confusion is Alert"
                items=acvpu_items
                value=consciousness.value
                error=consciousness.error
            />
            {measure_input(Measure::Temperature, temperature, Signal::stored("To one decimal place, like 36.8"))}
            </fieldset>
            <div class=style::live aria-live="polite">
                <p class=style::total>
                    <News2Score score=score entered=Signal::derive(move || current.with(VitalSet::scored_parameters)) />
                </p>
                {move || {
                    let Some(score) = score.get() else { return ().into_any() };
                    let response = score.response();
                    view! {
                        <p class=style::frequency>"Observe: " {response.frequency}</p>
                        <ul class="nhsuk-list nhsuk-list--bullet">
                            {response.actions.iter().map(|a| view! { <li>{*a}</li> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </div>
            <Button button_type=ButtonType::Submit disabled=saving>
                {move || {
                    if saving.get() {
                        "Saving…"
                    } else if uncertain.with(Option::is_some) {
                        "Check whether they were saved"
                    } else {
                        "Save observations"
                    }
                }}
            </Button>
        </form>
    }
    .into_any()
}

/// What to say when a save failed; the form keeps every value.
fn save_problem(error: &FhirError) -> String {
    let unsupported = match error {
        FhirError::Http { status, issues, .. } => {
            matches!(status, 404 | 405 | 501) || issues.iter().any(|i| i.code == "not-supported")
        }
        _ => false,
    };
    if unsupported {
        return "This clinical record system cannot save a set of observations in one go, so none of them was saved. What you entered is still here: record it another way and tell the service desk."
            .into();
    }
    match error {
        // Its own words already say the typing is kept.
        FhirError::Unauthorized { .. } => error.to_string(),
        _ => format!("{error} What you entered is still here."),
    }
}

/// A transaction's answer says each entry was created (201), or found
/// already there by its identifier (200: an earlier attempt of this draft
/// reached the record); anything else means the server did not do what a
/// transaction promises.
fn all_saved(response: &Bundle) -> Result<(), String> {
    let created = response.entry.iter().all(|e| {
        e.extra
            .get("response")
            .and_then(|r| r.get("status"))
            .and_then(serde_json::Value::as_str)
            .is_some_and(|s| s.starts_with('2'))
    });
    if response.type_ == "transaction-response" && created && !response.entry.is_empty() {
        Ok(())
    } else {
        Err("The clinical record system's answer did not confirm the observations were saved. Check the patient's chart before entering them again. What you entered is still here.".into())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::fhir::resources::BundleEntry;

    fn html(name: &str) -> String {
        DOCS.example_markup(name)
    }

    #[test]
    fn every_parameter_has_its_field_unit_and_keypad() {
        let html = html("default");
        for expected in [
            r#"id="vitals-respiration-rate""#,
            "breaths/minute",
            r#"id="vitals-spo2""#,
            r#"id="vitals-inspired""#,
            r#"id="vitals-systolic""#,
            r#"id="vitals-diastolic""#,
            "mmHg",
            r#"id="vitals-pulse""#,
            "beats/minute",
            r#"id="vitals-consciousness""#,
            "C: New confusion",
            r#"id="vitals-temperature""#,
            r#"inputmode="decimal""#,
            "°C",
            "NEWS2 not scored",
            "Save observations",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
        assert!(!html.contains("Scale 2"));
        assert!(self::html("scale-2").contains("Scored on SpO2 Scale 2"));
    }

    fn entry(status: &str) -> BundleEntry {
        BundleEntry {
            extra: [("response".to_string(), serde_json::json!({ "status": status }))]
                .into_iter()
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn only_a_transaction_response_that_created_everything_is_saved() {
        let answer = |type_: &str, entries: Vec<BundleEntry>| Bundle {
            type_: type_.into(),
            entry: entries,
            ..Default::default()
        };
        assert!(all_saved(&answer("transaction-response", vec![entry("201 Created"), entry("201")])).is_ok());
        assert!(all_saved(&answer("transaction-response", vec![entry("201"), entry("400")])).is_err());
        assert!(all_saved(&answer("batch-response", vec![entry("201")])).is_err());
        assert!(all_saved(&answer("transaction-response", vec![])).is_err());
    }

    #[test]
    fn the_time_taken_comes_first_and_defaults_to_now() {
        let html = html("default");
        let now = Instant::now();
        // Either side of a minute's turn, the field holds one of the two.
        let times = [taken::time_text(now), taken::time_text(Instant(now.0 - 60))];
        assert!(html.contains(r#"id="vitals-taken-date""#) && html.contains(&format!(r#"value="{}""#, taken::date_text(now))), "{html}");
        assert!(times.iter().any(|t| html.contains(&format!(r#"value="{t}""#))), "{html}");
        assert!(html.find("vitals-taken-time") < html.find("vitals-respiration-rate"), "first in the form");
        assert!(html.contains("Change SpO2 scale"));
    }

    /// Issue 32: a timeout, a lost connection, a 5xx or an answer that
    /// could not be read said "not saved, try again", and the resend could
    /// record the set twice. These now check the record first; a refusal
    /// is certain and does not.
    #[test]
    fn failures_that_may_have_saved_are_told_from_refusals() {
        let http = |status| FhirError::Http { status, issues: vec![], retry_after: None };
        for ambiguous in [
            FhirError::Timeout { after_ms: 30_000 },
            FhirError::Network { detail: "Failed to fetch".into() },
            FhirError::Decode { path: "entry[0]".into(), detail: "eof".into() },
            http(500),
            http(502),
            http(503),
            http(504),
        ] {
            assert!(is_ambiguous(&ambiguous), "{ambiguous:?}");
        }
        for certain in [http(400), http(403), http(409), http(412), http(422), http(429), FhirError::Unauthorized { issues: vec![] }] {
            assert!(!is_ambiguous(&certain), "{certain:?}");
        }
    }

    #[test]
    fn a_draft_is_128_random_bits() {
        let (a, b) = (new_draft().expect("a draft"), new_draft().expect("a draft"));
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn a_server_without_transactions_is_named_and_nothing_is_lost() {
        let http = |status, code: &str| FhirError::Http {
            status,
            issues: vec![crate::fhir::resources::Issue {
                severity: "error".into(),
                code: code.into(),
                ..Default::default()
            }],
            retry_after: None,
        };
        for e in [http(405, "processing"), http(501, "exception"), http(400, "not-supported")] {
            assert!(save_problem(&e).starts_with("This clinical record system cannot save a set"), "{e:?}");
        }
        let busy = save_problem(&http(503, "transient"));
        assert!(busy.contains("has a problem") && busy.ends_with("What you entered is still here."), "{busy}");
        let expired = save_problem(&FhirError::Unauthorized { issues: vec![] });
        assert!(expired.contains("anything you have typed is kept") && !expired.contains("still here"));
        assert_eq!(enter(Measure::SpO2), "Enter the oxygen saturation (SpO2)");
        assert_eq!(enter(Measure::RespirationRate), "Enter the respiration rate");
    }
}
