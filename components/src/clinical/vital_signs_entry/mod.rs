#![doc = include_str!("docs.md")]

use std::sync::Arc;

use leptos::prelude::*;

use crate::clinical::cui::Instant;
use crate::clinical::news2::{Acvpu, Inspired, SpO2Scale};
use crate::clinical::news2_score::{News2Score, score_text};
use crate::clinical::vital_signs::{Measure, Recording, VitalSet, acvpu_coding};
use crate::docs::{ComponentDocs, Example};
use crate::fhir::resources::Bundle;
use crate::fhir::{FhirClient, FhirError};
use crate::forms::{Check, Form, FormErrors, FormField, required};
use crate::ui::{
    Button, ButtonType, Choice, ErrorSummary, Input, InputWidth, LabelSize, NotificationBanner, Radios,
};

stylance::import_crate_style!(style, "src/clinical/vital_signs_entry/vital_signs_entry.module.css");

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
        saved.set(format!("Observations saved at {at}{score}"));
        // A new form for the next set: the saved one's values and errors go.
        generation.update(|g| *g += 1);
        if let Some(on_saved) = on_saved {
            on_saved.run(set);
        }
    });
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
    scale: SpO2Scale,
    id_prefix: String,
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
        let mut set = VitalSet::new(String::new(), scale);
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
    let submit = {
        let context = context.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if saving.get_untracked() {
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
            let mut set = current.get_untracked();
            set.when = Instant::now().to_fhir();
            let encounter = context.encounter.get_untracked();
            // `fhirUser` may be absolute; on this server it is a plain reference.
            let base = format!("{}/", client.base_url().trim_end_matches('/'));
            let performer = performer.as_deref().map(|p| p.strip_prefix(&base).unwrap_or(p));
            let bundle = set.transaction(&Recording {
                patient: &context.patient,
                encounter: encounter.as_deref(),
                performer,
            });
            saving.set(true);
            leptos::task::spawn_local(async move {
                let result = client.bundle(&bundle).await;
                saving.set(false);
                match result.map_err(|e| save_problem(&e)).and_then(|r| all_saved(&r)) {
                    Ok(()) => done.run(set),
                    Err(message) => problem.set(message),
                }
            });
        }
    };
    let measure_input = |measure: Measure, field: FormField, hint: &'static str| {
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
                hint=move || hint
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
    let spo2_hint = match scale {
        SpO2Scale::Scale1 => "Scored on SpO2 Scale 1",
        SpO2Scale::Scale2 => {
            "Scored on SpO2 Scale 2 (target 88 to 92%), as prescribed for this patient"
        }
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
            {measure_input(Measure::RespirationRate, respiration, "Counted for a full minute")}
            {measure_input(Measure::SpO2, spo2, spo2_hint)}
            <Radios
                name=id("inspired")
                legend="Air or oxygen"
                legend_size=LabelSize::S
                inline=true
                items=vec![Choice::new("air", "Air").into(), Choice::new("oxygen", "Oxygen").into()]
                value=inspired.value
                error=inspired.error
            />
            {measure_input(Measure::Systolic, systolic, "The higher number")}
            {measure_input(Measure::Diastolic, diastolic, "The lower number")}
            {measure_input(Measure::Pulse, pulse, "From the monitor, or counted for a full minute")}
            <Radios
                name=id("consciousness")
                legend="Level of consciousness (ACVPU)"
                legend_size=LabelSize::S
                hint=|| "New confusion scores 3; a patient's usual confusion is Alert"
                items=acvpu_items
                value=consciousness.value
                error=consciousness.error
            />
            {measure_input(Measure::Temperature, temperature, "To one decimal place, like 36.8")}
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
                {move || if saving.get() { "Saving…" } else { "Save observations" }}
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

/// A transaction's answer says each entry was created; anything else means
/// the server did not do what a transaction promises.
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

/// The gallery page and tests for [`VitalSignsEntry`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "vital-signs-entry",
    title: "Vital signs entry",
    summary: "Record a set of observations with the NEWS2 score shown as you type.",
    examples: &[
        Example {
            name: "default",
            title: "A set of observations",
            description: "Scored on SpO2 Scale 1. Type values to see the NEWS2 score and response; the gallery has no clinical record system, so saving says so and keeps what you typed.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <VitalSignsEntry patient="example" /> }.into_any(),
        },
        Example {
            name: "scale-2",
            title: "A patient on SpO2 Scale 2",
            description: "For hypercapnic respiratory failure, when a clinician has prescribed it: 88 to 92% scores 0.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <VitalSignsEntry patient="example" scale=SpO2Scale::Scale2 id_prefix="vitals-scale-2" /> }
                    .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the wrapper.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <VitalSignsEntry
                        class="app-vitals"
                        patient="example"
                        id_prefix="vitals-attributes"
                        attr:data-test="vital-signs-entry"
                    />
                }
                .into_any()
            },
        },
    ],
};

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
