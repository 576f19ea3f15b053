#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::clinical::cui::FhirDateTime;
use crate::clinical::fetched::{Fetched, fetched_view};
use crate::clinical::medication::from_fhir::{self, Step};
use crate::clinical::withdrawn::Withdrawn;
use crate::docs::{ComponentDocs, Example};
use crate::fhir::resources::MedicationRequest;
use crate::ui::{Tag, TagColour};

// Shared with the other record lists (allergies, problems), which look the same.
stylance::import_crate_style!(pub(crate) style, "src/clinical/medication_list/medication_list.module.css");

/// One medicine in the list: its CUI line for each step of the dosage,
/// what the prescriber wrote, its status and when it was prescribed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MedicationItem {
    /// The dosage's steps, the first carrying the medicine's name; one step
    /// with the name alone when no dosage is recorded.
    pub steps: Vec<Step>,
    /// Whether the request has any dosage instruction.
    pub dosage_recorded: bool,
    /// The FHIR status (`active`, `on-hold`, `stopped`, …).
    pub status: String,
    /// When it was prescribed, as a FHIR `dateTime`.
    pub prescribed: Option<String>,
}

impl MedicationItem {
    /// The item for a MedicationRequest that names its medicine by code
    /// (`medicationCodeableConcept`); a `medicationReference` shows its
    /// `display`. `None` for a request entered in error, which is never
    /// shown ([`crate::clinical::withdrawn`]); a cancelled one shows as
    /// "Cancelled".
    pub fn from_request(request: &MedicationRequest) -> Option<Self> {
        if !request.is_shown() {
            return None;
        }
        let named = request.medication_codeable_concept.clone().unwrap_or_else(|| crate::fhir::CodeableConcept {
            text: request.medication_reference.as_ref().and_then(|r| r.display.clone()),
            ..Default::default()
        });
        Some(Self {
            steps: from_fhir::steps(&named, &request.dosage_instruction),
            dosage_recorded: !request.dosage_instruction.is_empty(),
            status: request.status.clone(),
            prescribed: request.authored_on.clone(),
        })
    }

    /// The status in words and the tag colour that goes with it.
    pub fn status_tag(&self) -> (&'static str, TagColour) {
        match self.status.as_str() {
            "active" => ("Active", TagColour::Green),
            "on-hold" => ("On hold", TagColour::Yellow),
            "stopped" => ("Stopped", TagColour::Red),
            "completed" => ("Completed", TagColour::Grey),
            "cancelled" => ("Cancelled", TagColour::Grey),
            "draft" => ("Draft", TagColour::White),
            _ => ("Status not known", TagColour::Grey),
        }
    }
}

/// Medicines, one CUI medication line each (NHS CUI "Medication Line"
/// guide: the generic name in bold, "DOSE" before the dose, attributes
/// joined by spaced long dashes, numbers without trailing zeros), with each
/// one's status as a tag in words and the date it was prescribed. An empty
/// list says so, and a list that could not be read says that instead: never
/// a blank space, nor "none" for medicines nobody could check.
#[component]
pub fn MedicationList(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The medicines, in the order to show them, or why they are not here.
    #[prop(into)]
    items: Signal<Fetched<MedicationItem>>,
    /// What to say when there are none.
    #[prop(optional, into)]
    empty: MaybeProp<String>,
) -> impl IntoView {
    move || {
        let own = crate::ui::class_list("bedside-medication-list", class.get());
        fetched_view(items.get(), "medicines", own, move |items, own| {
            if items.is_empty() {
                let text = empty.get().unwrap_or_else(|| "No medicines recorded.".into());
                return view! { <p class=format!("{own} bedside-medication-list--empty")>{text}</p> }.into_any();
            }
            view! { <ul class=format!("{own} {}", style::list)>{items.into_iter().map(item).collect_view()}</ul> }.into_any()
        })
    }
}

fn item(medicine: MedicationItem) -> impl IntoView {
    let (status, colour) = medicine.status_tag();
    let several = medicine.steps.len() > 1;
    let unworded = medicine.steps.iter().any(|s| !s.unworded.is_empty());
    let mut written = Vec::new();
    let lines = medicine
        .steps
        .into_iter()
        .enumerate()
        .map(|(n, step)| {
            let step_name = if several { format!("Step {} ", n + 1) } else { String::new() };
            if let Some(text) = step.written {
                written.push((format!("{step_name}as written:"), text));
            }
            if let Some(text) = step.for_the_patient {
                written.push((format!("{step_name}for the patient:"), text));
            }
            let lead = (n > 0).then(|| view! { <span class=style::label>{if step.then { "Then" } else { "And" }}</span> " " });
            view! { <p class=style::line>{lead}{line(step.line)}</p> }
        })
        .collect_view();
    let written = written
        .into_iter()
        .map(|(label, text)| {
            let mut label = label;
            if let Some(first) = label.get(..1) {
                label = first.to_uppercase() + &label[1..];
            }
            view! { <p class=style::written><span class=style::label>{label}</span> " " {text}</p> }
        })
        .collect_view();
    let not_shown = unworded.then(|| {
        view! {
            <p class=style::warning>
                <strong>"Part of this dosage cannot be shown here."</strong>
                " Check the full prescription before giving this medicine."
            </p>
        }
    });
    let no_dosage = (!medicine.dosage_recorded).then(|| view! { <p class=style::written>"No dosage instructions recorded."</p> });
    let prescribed = medicine
        .prescribed
        .as_deref()
        .and_then(|d| FhirDateTime::parse(d).ok())
        .map(|d| format!("Prescribed {d}"));
    view! {
        <li class=style::item>
            {lines}
            {written}
            {no_dosage}
            {not_shown}
            <p class=style::meta>
                <Tag colour=colour>{status}</Tag>
                {prescribed.map(|p| view! { " " {p} })}
            </p>
        </li>
    }
}

/// One step's CUI line: its attributes, each kept whole.
fn line(line: crate::clinical::MedicationLine) -> impl IntoView {
    let parts = line.parts();
    let last = parts.len().saturating_sub(1);
    let named = !line.generic_name.trim().is_empty();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            // The dash stays with the attribute before it (MEDi-011). Plain
            // strings, not options: an `Option<&str>` view here would be one
            // more user of the first screen's own, which then stops being
            // inlined there and grows the first load.
            let (dash, space) = if i < last { (" \u{2014}", " ") } else { ("", "") };
            let class = if i == 0 && named { format!("{} {}", style::part, style::name) } else { style::part.to_string() };
            let label = part.label.map(|l| view! { <span class=style::label>{l}</span> " " });
            let text = if part.bold {
                view! { <strong>{part.text}</strong> }.into_any()
            } else {
                part.text.into_any()
            };
            view! { <span class=class>{label}{text}{dash}</span> {space} }
        })
        .collect_view()
}

/// Example medicines, built as values: parsing them from JSON would bring
/// MedicationRequest's deserialiser into the gallery section.
mod examples {
    use super::*;
    use crate::fhir::{CodeableConcept, Dosage, Reference, Timing};

    fn text(t: &str) -> Option<CodeableConcept> {
        Some(CodeableConcept {
            text: Some(t.into()),
            ..Default::default()
        })
    }

    /// A request for `medicine`: `dose` in `unit` by `route`, `frequency`
    /// times every `period` `unit_of_time`; or `dosage_text` alone.
    pub(super) struct Rx<'a> {
        pub status: &'a str,
        pub prescribed: &'a str,
        pub medicine: &'a str,
        pub dose: Option<(f64, &'a str)>,
        pub route: &'a str,
        pub every: Option<(u32, u32, &'a str)>,
        pub when_required: bool,
        pub dosage_text: Option<&'a str>,
    }

    pub(super) fn item(rx: Rx<'_>) -> MedicationItem {
        let dosage = Dosage {
            text: rx.dosage_text.map(Into::into),
            timing: rx.every.map(|(frequency, period, unit)| Timing {
                repeat: Some(serde_json::json!({"frequency": frequency, "period": period, "periodUnit": unit})),
                ..Default::default()
            }),
            as_needed_boolean: rx.when_required.then_some(true),
            route: (!rx.route.is_empty()).then(|| text(rx.route)).flatten(),
            dose_and_rate: rx
                .dose
                .map(|(value, unit)| serde_json::json!({"doseQuantity": {"value": value, "unit": unit}}))
                .into_iter()
                .collect(),
            ..Default::default()
        };
        MedicationItem::from_request(&MedicationRequest {
            status: rx.status.into(),
            intent: "order".into(),
            authored_on: Some(rx.prescribed.into()),
            medication_codeable_concept: text(rx.medicine),
            subject: Reference::to("Patient", "1"),
            dosage_instruction: vec![dosage],
            ..Default::default()
        })
        .expect("an example medicine is not entered in error")
    }

    /// Requests whose dosages a CUI line alone cannot say: a range with a
    /// minimum interval, a weekly dose on a named day, a reducing regimen,
    /// and a schedule with a part no line words.
    pub(super) fn whole_dosages() -> Vec<MedicationItem> {
        let request = |medicine: &str, dosages: serde_json::Value| {
            MedicationItem::from_request(&MedicationRequest {
                status: "active".into(),
                intent: "order".into(),
                authored_on: Some("2026-11-19T18:40:00Z".into()),
                medication_codeable_concept: text(medicine),
                subject: Reference::to("Patient", "1"),
                dosage_instruction: serde_json::from_value(dosages).unwrap_or_default(),
                ..Default::default()
            })
        };
        let daily = |sequence: u32, mg: u32| {
            serde_json::json!({
                "sequence": sequence,
                "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d", "boundsDuration": {"value": 7, "code": "d"}}},
                "route": {"text": "oral"},
                "doseAndRate": [{"doseQuantity": {"value": mg, "unit": "mg"}}]
            })
        };
        [
            request(
                "morphine sulfate 10 mg in 5 mL oral solution",
                serde_json::json!([{
                    "text": "2.5 mg to 5 mg when required for pain, at least 4 hours apart",
                    "asNeededCodeableConcept": {"text": "pain"},
                    "timing": {"repeat": {"frequency": 1, "period": 4, "periodUnit": "h"}},
                    "route": {"text": "oral"},
                    "doseAndRate": [{"doseRange": {"low": {"value": 2.5, "unit": "mg"}, "high": {"value": 5, "unit": "mg"}}}],
                    "maxDosePerPeriod": {"numerator": {"value": 30, "unit": "mg"}, "denominator": {"value": 24, "code": "h"}}
                }]),
            ),
            request(
                "methotrexate 2.5 mg tablets",
                serde_json::json!([{
                    "text": "15 mg once a week on Mondays",
                    "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "wk", "dayOfWeek": ["mon"]}},
                    "route": {"text": "oral"},
                    "doseAndRate": [{"doseQuantity": {"value": 15, "unit": "mg"}}]
                }]),
            ),
            request("prednisolone 5 mg tablets", serde_json::json!([daily(1, 40), daily(2, 30), daily(3, 20)])),
            request(
                "furosemide 40 mg tablets",
                serde_json::json!([{
                    "timing": {"event": ["2026-12-04T08:00:00Z", "2026-12-05T08:00:00Z"]},
                    "route": {"text": "oral"},
                    "doseAndRate": [{"doseQuantity": {"value": 40, "unit": "mg"}}]
                }]),
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    pub(super) fn ward_round() -> Vec<MedicationItem> {
        let regular = |status, prescribed, medicine, dose, route, every| Rx {
            status,
            prescribed,
            medicine,
            dose: Some(dose),
            route,
            every: Some(every),
            when_required: false,
            dosage_text: None,
        };
        vec![
            item(regular("active", "2026-11-20T09:15:00Z", "amoxicillin 500 mg capsules", (500.0, "mg"), "oral", (3, 1, "d"))),
            item(regular(
                "active",
                "2026-11-19T18:40:00Z",
                "enoxaparin 40 mg in 0.4 mL solution for injection",
                (40.0, "mg"),
                "subcutaneous",
                (1, 1, "d"),
            )),
            item(Rx {
                when_required: true,
                ..regular("active", "2026-11-19T18:40:00Z", "morphine sulfate 10 mg in 5 mL oral solution", (2.5, "mL"), "oral", (1, 4, "h"))
            }),
            item(regular("on-hold", "2026-06-02", "levothyroxine 25 microgram tablets", (75.0, "ug"), "oral", (1, 1, "d"))),
            item(Rx {
                status: "stopped",
                prescribed: "2025-01-14",
                medicine: "insulin soluble human 100 units per mL solution for injection",
                dose: None,
                route: "",
                every: None,
                when_required: false,
                dosage_text: Some("as directed by the diabetes team"),
            }),
        ]
    }
}

/// The gallery page and tests for [`MedicationList`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "medication-list",
    title: "Medication list",
    summary: "Medicines as NHS CUI medication lines, with status and dates.",
    examples: &[
        Example {
            name: "default",
            title: "Current and past medicines",
            description: "Regular, when-required, on-hold and stopped medicines from FHIR MedicationRequests.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <MedicationList items=Fetched::Ready(examples::ward_round()) /> }.into_any(),
        },
        Example {
            name: "whole-dosages",
            title: "Ranges, weekly doses, steps and what the line cannot say",
            description: "Every structured part of a dosage in words, the prescriber's own text beside it, each step of a reducing regimen, and a warning where part of a dosage cannot be shown.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <MedicationList items=Fetched::Ready(examples::whole_dosages()) /> }.into_any(),
        },
        Example {
            name: "empty",
            title: "None recorded",
            description: "No medicines: said in words, never a blank.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <MedicationList items=Fetched::Ready(Vec::new()) /> }.into_any(),
        },
        Example {
            name: "loading",
            title: "Loading",
            description: "While the medicines are fetched.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <MedicationList items=Fetched::Loading /> }.into_any(),
        },
        Example {
            name: "failed",
            title: "Could not be read",
            description: "The server failed: never shown as no medicines.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <MedicationList items=Fetched::Failed("The clinical record system did not answer in time. Check your connection and try again.".into()) /> }
                    .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the list.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <MedicationList class="app-medicines" items=Fetched::Ready(examples::ward_round()) attr:data-test="medication-list" /> }
                    .into_any()
            },
        },
    ],
};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    fn text(name: &str) -> String {
        DOCS.example_text(name)
    }

    #[test]
    fn each_medicine_reads_as_its_cui_line_with_status_and_date() {
        let out = text("default");
        for expected in [
            "amoxicillin 500 mg capsules — DOSE 500 mg — oral — three times a day Active Prescribed 20-Nov-2026 09:15",
            "DOSE 40 mg — subcutaneous — once a day",
            "DOSE 2.5 mL — oral — every 4 hours when required",
            "DOSE 75 micrograms — oral — once a day On hold Prescribed 02-Jun-2026",
            "as directed by the diabetes team Stopped Prescribed 14-Jan-2025",
        ] {
            assert!(out.contains(expected), "{expected} not in {out}");
        }
        assert!(!out.contains("40.0") && !out.contains("2.50") && !out.contains(" ug"), "{out}");
    }

    /// Issue 32: nothing the prescriber wrote is hidden; a range, a
    /// minimum interval, a weekly day and the later steps of a regimen were.
    #[test]
    fn every_part_of_a_dosage_and_every_step_is_shown() {
        DOCS.assert_text_in_order(
            "whole-dosages",
            &[
                "morphine sulfate 10 mg in 5 mL oral solution — DOSE 2.5 mg to 5 mg — oral — every 4 hours when required for pain — maximum 30 mg in 24 hours",
                "As written: 2.5 mg to 5 mg when required for pain, at least 4 hours apart",
                "methotrexate 2.5 mg tablets — DOSE 15 mg — oral — once a week on Monday",
                "As written: 15 mg once a week on Mondays",
                "prednisolone 5 mg tablets — DOSE 40 mg — oral — once a day — for 7 days",
                "Then DOSE 30 mg — oral — once a day — for 7 days",
                "Then DOSE 20 mg — oral — once a day — for 7 days",
                "furosemide 40 mg tablets — DOSE 40 mg — oral",
                "Part of this dosage cannot be shown here. Check the full prescription before giving this medicine.",
            ],
        );
        let whole = text("whole-dosages");
        assert_eq!(whole.matches("Part of this dosage cannot be shown").count(), 1, "only where a part is not worded: {whole}");
        assert!(text("default").contains("As written: as directed by the diabetes team"));
    }

    /// One rule for withdrawn records (crate::clinical::withdrawn): a
    /// request entered in error is not shown (it showed with a tag); a
    /// cancelled one is, labelled.
    #[test]
    fn a_request_entered_in_error_is_not_shown_and_a_cancelled_one_is_labelled() {
        let request = |status: &str| MedicationRequest {
            status: status.into(),
            intent: "order".into(),
            medication_codeable_concept: Some(crate::fhir::CodeableConcept { text: Some("amoxicillin".into()), ..Default::default() }),
            ..Default::default()
        };
        assert_eq!(MedicationItem::from_request(&request("entered-in-error")), None);
        let cancelled = MedicationItem::from_request(&request("cancelled")).expect("shown");
        assert_eq!(cancelled.status_tag().0, "Cancelled");
        assert_eq!(MedicationItem::from_request(&request("active")).map(|m| m.status_tag().0), Some("Active"));
    }

    #[test]
    fn none_loading_and_failure_are_told_apart() {
        assert_eq!(text("empty"), "No medicines recorded.");
        assert_eq!(text("loading"), "Loading medicines…");
        let failed = text("failed");
        assert!(failed.contains("Medicines could not be checked"), "{failed}");
        assert!(failed.contains("did not answer in time") && !failed.contains("No medicines"), "{failed}");
    }
}
