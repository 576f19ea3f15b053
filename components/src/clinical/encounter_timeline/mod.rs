#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::clinical::withdrawn::Withdrawn;

use crate::clinical::cui::FhirDateTime;
use crate::clinical::fetched::{Fetched, fetched_view};
use crate::fhir::resources::Encounter;
use crate::ui::{Tag, TagColour};

stylance::import_crate_style!(style, "src/clinical/encounter_timeline/encounter_timeline.module.css");

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// One encounter as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    /// "Inpatient stay", "Emergency department visit", …
    pub kind: String,
    /// Where: the latest location named, and the organisation.
    pub place: Option<String>,
    /// Why, in words.
    pub reason: Option<String>,
    /// When: "20-Nov-2026 21:30 to 23-Nov-2026 11:00", "From 20-Nov-2026 21:30".
    pub when: String,
    /// The status in words and its tag colour.
    pub status: (&'static str, TagColour),
    /// The start, for the order (earliest possible when not known).
    pub start: i64,
}

impl Visit {
    /// The visit for an Encounter; `None` for one entered in error.
    pub fn from_encounter(encounter: &Encounter) -> Option<Self> {
        // Withdrawn (crate::clinical::withdrawn): entered in error is not
        // shown; a cancelled visit is, labelled, as history.
        if !encounter.is_shown() {
            return None;
        }
        let status = match encounter.status.as_str() {
            "planned" => ("Planned", TagColour::Blue),
            "arrived" => ("Arrived", TagColour::Green),
            "triaged" => ("Triaged", TagColour::Green),
            "in-progress" => ("In progress", TagColour::Green),
            "onleave" => ("On leave", TagColour::Yellow),
            "finished" => ("Finished", TagColour::Grey),
            "cancelled" => ("Cancelled", TagColour::Grey),
            _ => ("Status not known", TagColour::White),
        };
        // The class (HL7 v3 ActCode) in words; its display or code else.
        let kind = match encounter.class.code.as_deref() {
            Some("IMP") => "Inpatient stay".to_string(),
            Some("ACUTE") => "Acute inpatient stay".to_string(),
            Some("NONAC") => "Non-acute inpatient stay".to_string(),
            Some("SS") => "Short stay".to_string(),
            Some("OBSENC") => "Observation stay".to_string(),
            Some("EMER") => "Emergency department visit".to_string(),
            Some("AMB") => "Outpatient or clinic visit".to_string(),
            Some("HH") => "Home visit".to_string(),
            Some("VR") => "Virtual consultation".to_string(),
            Some("PRENC") => "Pre-admission".to_string(),
            other => encounter.class.display.as_deref().or(other).unwrap_or("Encounter").to_string(),
        };
        let parse = |t: &Option<String>| t.as_deref().and_then(|t| FhirDateTime::parse(t).ok());
        let period = encounter.period.as_ref();
        let (start, end) = (period.and_then(|p| parse(&p.start)), period.and_then(|p| parse(&p.end)));
        let when = match (start, end) {
            (Some(s), Some(e)) => format!("{s} to {e}"),
            (Some(s), None) if status.0 == "Planned" => format!("Planned for {s}"),
            (Some(s), None) if status.0 == "Cancelled" => s.to_string(),
            (Some(s), None) => format!("From {s}"),
            (None, Some(e)) => format!("Until {e}"),
            (None, None) => "Dates not recorded".to_string(),
        };
        // The last location is where the patient is, or was last.
        let location = encounter.location.iter().rev().find_map(|l| l["location"]["display"].as_str());
        let provider = encounter.service_provider.as_ref().and_then(|r| r.display.as_deref());
        let place = match (location, provider) {
            (Some(l), Some(p)) => Some(format!("{l}, {p}")),
            (Some(one), None) | (None, Some(one)) => Some(one.to_string()),
            (None, None) => None,
        };
        let reason = encounter.extra.get("reasonCode").and_then(|r| {
            let words: Vec<&str> = r
                .as_array()?
                .iter()
                .filter_map(|c| c["text"].as_str().or(c["coding"][0]["display"].as_str()))
                .collect();
            (!words.is_empty()).then(|| words.join(", "))
        });
        Some(Self {
            kind,
            place,
            reason,
            when,
            status,
            start: start.map_or(i64::MIN, |s| s.instant().0),
        })
    }
}

/// A patient's encounters (admissions, emergency visits, clinics, virtual
/// consultations) from FHIR `Encounter`s, newest first, as a timeline: each
/// with what kind it was, where (the ward and the organisation), why, when
/// (CUI dates and 24-hour times in UK time) and its status in words. An
/// encounter entered in error is never shown.
#[component]
pub fn EncounterTimeline(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The patient's Encounters, or why they are not here.
    #[prop(into)]
    records: Signal<Fetched<Encounter>>,
) -> impl IntoView {
    move || {
        let own = crate::ui::class_list("bedside-encounter-timeline", class.get());
        fetched_view(records.get(), "encounters", own, |records, own| {
            let mut visits: Vec<Visit> = records.iter().filter_map(Visit::from_encounter).collect();
            if visits.is_empty() {
                return view! { <p class=format!("{own} bedside-encounter-timeline--empty")>"No encounters recorded."</p> }
                    .into_any();
            }
            visits.sort_by_key(|v| std::cmp::Reverse(v.start));
            let items = visits
                .into_iter()
                .map(|v| {
                    let (status, colour) = v.status;
                    view! {
                        <li class=style::visit>
                            <p class=style::when>{v.when}</p>
                            <p class=style::kind>
                                <strong>{v.kind}</strong>
                                " "
                                <Tag colour=colour>{status}</Tag>
                            </p>
                            {v.place.map(|p| view! { <p class=style::detail>{p}</p> })}
                            {v.reason.map(|r| view! { <p class=style::detail>{format!("Reason: {r}")}</p> })}
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class=format!("{own} {}", style::timeline)>{items}</ol> }.into_any()
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn encounters_read_newest_first_in_uk_time_with_where_why_and_status() {
        DOCS.assert_text_in_order(
            "default",
            &[
                "02-Dec-2026 09:30 Outpatient or clinic visit Cancelled Respiratory clinic, Royal Example Hospital",
                "From 20-Nov-2026 21:40 Inpatient stay In progress Ward 7 (respiratory), Royal Example Hospital Reason: Community-acquired pneumonia",
                "20-Nov-2026 18:05 to 20-Nov-2026 21:40 Emergency department visit Finished",
                "14-Sep-2026 10:20 to 14-Sep-2026 10:50 Outpatient or clinic visit Finished",
                "30-Jun-2021 15:00 to 09-Jul-2021 11:30 Inpatient stay Finished Ward 3 (trauma and orthopaedics)",
            ],
        );
    }

    #[test]
    fn none_loading_failure_and_withdrawn_encounters() {
        assert_eq!(DOCS.example_text("empty"), "No encounters recorded.");
        assert_eq!(DOCS.example_text("loading"), "Loading encounters…");
        assert!(DOCS.example_text("failed").contains("Encounters could not be checked"));
        let withdrawn = examples::encounter("IMP", "entered-in-error", "", "", "", "");
        assert_eq!(Visit::from_encounter(&withdrawn), None);
        let planned = examples::encounter("PRENC", "planned", "2026-12-01T09:00:00Z", "", "", "");
        let visit = Visit::from_encounter(&planned).expect("shown");
        assert_eq!((visit.kind.as_str(), visit.when.as_str(), visit.place.as_deref()), ("Pre-admission", "Planned for 01-Dec-2026 09:00", Some("Royal Example Hospital")));
    }
}
