#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::clinical::cui::FhirDateTime;
use crate::clinical::fetched::{Fetched, fetched_view};
use crate::clinical::medication::from_fhir::{self, Step};
use crate::clinical::withdrawn::Withdrawn;
use crate::fhir::resources::MedicationRequest;
use crate::ui::{Tag, TagColour};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
    /// The prescriber's notes (`MedicationRequest.note`), as written: a
    /// reducing course's reason, "take with food". Shown whole, since
    /// nothing the prescriber wrote may be hidden.
    pub notes: Vec<String>,
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
            notes: request
                .note
                .iter()
                .map(|n| n.text.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
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
    let notes = medicine
        .notes
        .into_iter()
        .map(|note| view! { <p class=style::written><span class=style::label>"Prescriber's note:"</span> " " {note}</p> })
        .collect_view();
    let prescribed = medicine
        .prescribed
        .as_deref()
        .and_then(|d| FhirDateTime::parse(d).ok())
        .map(|d| format!("Prescribed {d}"));
    view! {
        <li class=style::item>
            {lines}
            {written}
            {notes}
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::render_to_html;

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
    /// The prescriber's notes are part of what they wrote: each shown,
    /// whole, after the dosage as written.
    #[test]
    fn the_prescribers_notes_are_shown() {
        let request = MedicationRequest {
            status: "active".into(),
            intent: "order".into(),
            medication_codeable_concept: Some(crate::fhir::CodeableConcept {
                text: Some("Prednisolone 5mg tablets".into()),
                ..Default::default()
            }),
            subject: crate::fhir::Reference::to("Patient", "1"),
            note: vec![
                crate::fhir::Annotation {
                    text: "Reducing course: stop after the 10 mg days.".into(),
                    ..Default::default()
                },
                crate::fhir::Annotation {
                    text: "  ".into(),
                    ..Default::default()
                },
                crate::fhir::Annotation {
                    text: "Take with or after food.".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let item = MedicationItem::from_request(&request).expect("shown");
        assert_eq!(item.notes, ["Reducing course: stop after the 10 mg days.", "Take with or after food."]);
        let html = render_to_html(move || view! { <MedicationList items=Fetched::Ready(vec![item]) /> });
        let first = html.find("Prescriber&#x27;s note:").or_else(|| html.find("Prescriber's note:")).expect("a note label");
        assert!(html[first..].contains("Reducing course: stop after the 10 mg days."), "{html}");
        assert!(html.contains("Take with or after food."), "{html}");
    }

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
/// One record in a list (an allergy, a problem): its name, what else to
/// know about it, its statuses as tags in words, and its dates.
pub(crate) struct RecordItem {
    /// The name, in bold.
    pub name: String,
    /// Reactions, category, severity: one line, parts joined by dashes.
    pub details: Vec<String>,
    /// Statuses in words, each with its colour.
    pub tags: Vec<(&'static str, TagColour)>,
    /// "Recorded 21-Nov-2026", "Since 2019".
    pub dates: Vec<String>,
}

/// Records one a row, drawn as this list draws medicines (the allergy
/// and problem lists use it).
pub(crate) fn record_items(items: Vec<RecordItem>) -> AnyView {
    let item = |record: RecordItem| {
        let details = (!record.details.is_empty()).then(|| {
            view! { <p class=style::line>{record.details.join(" \u{2014} ")}</p> }
        });
        let tags = record
            .tags
            .into_iter()
            .map(|(text, colour)| view! { <Tag colour=colour>{text}</Tag> " " })
            .collect_view();
        view! {
            <li class=style::item>
                <p class=format!("{} {}", style::line, style::name)>
                    <strong>{record.name}</strong>
                </p>
                {details}
                <p class=style::meta>{tags} {record.dates.join(", ")}</p>
            </li>
        }
    };
    view! { <ul class=style::list>{items.into_iter().map(item).collect_view()}</ul> }.into_any()
}
