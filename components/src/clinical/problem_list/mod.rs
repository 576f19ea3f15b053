#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::clinical::allergy_list::code_in;
use crate::clinical::withdrawn::Withdrawn;
use crate::clinical::cui::FhirDateTime;
use crate::clinical::fetched::{Fetched, fetched_view};
use crate::clinical::medication_list::{RecordItem, record_items};
use crate::fhir::CodeableConcept;
use crate::fhir::resources::Condition;
use crate::ui::{Heading, HeadingLevel, HeadingSize, TagColour};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

const CLINICAL: &str = "http://terminology.hl7.org/CodeSystem/condition-clinical";
use crate::clinical::withdrawn::CONDITION_VERIFICATION as VERIFICATION;
const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/condition-category";

/// A problem as the list shows it, with what places it.
pub(crate) struct Problem {
    pub(crate) item: RecordItem,
    /// Active, a recurrence or relapse, or with no status (shown as
    /// current: a problem is not assumed over).
    pub(crate) current: bool,
    /// When it began (or was recorded), for the order.
    pub(crate) since: i64,
}

fn date(value: Option<&serde_json::Value>) -> Option<FhirDateTime> {
    FhirDateTime::parse(value?.as_str()?).ok()
}

/// The problem for a Condition; `None` for one entered in error.
pub(crate) fn problem(condition: &Condition) -> Option<Problem> {
    // Withdrawn (crate::clinical::withdrawn): entered in error is not
    // shown; refuted is, labelled and never current.
    if !condition.is_shown() {
        return None;
    }
    let verification = code_in(condition.verification_status.as_ref(), VERIFICATION);
    let clinical = code_in(condition.clinical_status.as_ref(), CLINICAL);
    let name = condition.code.as_ref().and_then(CodeableConcept::label).unwrap_or("Unnamed problem").to_string();
    let mut details = Vec::new();
    if let Some(severity) = condition.extra.get("severity").and_then(|s| s["text"].as_str().or(s["coding"][0]["display"].as_str())) {
        details.push(severity.to_string());
    }
    if condition.category.iter().any(|c| c.has(CATEGORY, "encounter-diagnosis")) {
        details.push("Diagnosis in this encounter".to_string());
    }
    let clinical_tag = match clinical {
        Some("active") => ("Active", TagColour::Green),
        Some("recurrence") => ("Recurrence", TagColour::Orange),
        Some("relapse") => ("Relapse", TagColour::Orange),
        Some("inactive") => ("Inactive", TagColour::Grey),
        Some("remission") => ("In remission", TagColour::Grey),
        Some("resolved") => ("Resolved", TagColour::Grey),
        _ => ("Status not recorded", TagColour::White),
    };
    let verification_tag = match verification {
        Some("confirmed") => ("Confirmed", TagColour::Blue),
        Some("provisional") => ("Provisional", TagColour::Yellow),
        Some("differential") => ("Differential", TagColour::Yellow),
        Some("unconfirmed") => ("Unconfirmed", TagColour::Yellow),
        Some("refuted") => ("Refuted", TagColour::Grey),
        _ => ("Verification not recorded", TagColour::White),
    };
    let tags = vec![clinical_tag, verification_tag];
    let onset = date(condition.extra.get("onsetDateTime"));
    let mut dates = Vec::new();
    match (onset, condition.extra.get("onsetString").and_then(|s| s.as_str())) {
        (Some(onset), _) => dates.push(format!("Since {onset}")),
        (None, Some(words)) => dates.push(format!("Since {words}")),
        _ => {}
    }
    if let Some(ended) = date(condition.extra.get("abatementDateTime")) {
        dates.push(format!("Ended {ended}"));
    }
    let recorded = condition.recorded_date.as_deref().and_then(|d| FhirDateTime::parse(d).ok());
    if let Some(recorded) = recorded {
        dates.push(format!("Recorded {recorded}"));
    }
    let current = matches!(clinical, Some("active" | "recurrence" | "relapse") | None) && condition.is_current();
    Some(Problem {
        item: RecordItem {
            name,
            details,
            tags,
            dates,
        },
        current,
        since: onset.or(recorded).map_or(i64::MIN, |d| d.instant().0),
    })
}

/// A patient's problems and diagnoses from FHIR Conditions, in two parts:
/// current (active, recurrence, relapse, or with no status, which is not
/// assumed over) and past (inactive, in remission, resolved, or refuted),
/// each newest first. Every problem shows its clinical and verification
/// status as tags in words (a provisional or differential diagnosis is
/// never shown as settled), its severity, and its dates. Problems entered
/// in error are never shown.
#[component]
pub fn ProblemList(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The patient's Conditions, or why they are not here.
    #[prop(into)]
    records: Signal<Fetched<Condition>>,
    /// The level of the "Current problems" and "Past problems" headings,
    /// to fit the page's outline.
    #[prop(default = HeadingLevel::H3)]
    heading_level: HeadingLevel,
) -> impl IntoView {
    move || {
        let own = crate::ui::class_list("bedside-problem-list", class.get());
        fetched_view(records.get(), "problems", own, move |records, own| {
            let mut problems: Vec<Problem> = records.iter().filter_map(problem).collect();
            if problems.is_empty() {
                return view! { <p class=format!("{own} bedside-problem-list--empty")>"No problems recorded."</p> }.into_any();
            }
            problems.sort_by_key(|p| std::cmp::Reverse(p.since));
            let (current, past): (Vec<Problem>, Vec<Problem>) = problems.into_iter().partition(|p| p.current);
            let part = |title: &'static str, none: &'static str, problems: Vec<Problem>| {
                let body = if problems.is_empty() {
                    view! { <p>{none}</p> }.into_any()
                } else {
                    record_items(problems.into_iter().map(|p| p.item).collect())
                };
                view! {
                    <Heading level=heading_level size=HeadingSize::S>{title}</Heading>
                    {body}
                }
            };
            view! {
                <div class=own>
                    {part("Current problems", "No current problems recorded.", current)}
                    {part("Past problems", "No past problems recorded.", past)}
                </div>
            }
            .into_any()
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn current_problems_come_before_past_ones_newest_first_with_statuses_in_words() {
        DOCS.assert_text_in_order(
            "default",
            &[
                "Current problems",
                "Pneumonia Moderate — Diagnosis in this encounter Active Provisional Since 20-Nov-2026 21:30",
                "Atrial fibrillation Status not recorded Confirmed Since 03-Feb-2023",
                "Chronic obstructive pulmonary disease Active Confirmed Since 12-Sep-2017",
                "Type 2 diabetes mellitus Active Confirmed Since May-2012",
                "Past problems",
                "Fracture of femur Resolved Confirmed Since 30-Jun-2021, Ended 01-Dec-2021",
                "Asthma Resolved Refuted Since Mar-2017, Ended 12-Sep-2017",
            ],
        );
        let headings = DOCS.example_markup("default").matches("<h3 class=\"nhsuk-heading-s\">").count();
        assert_eq!(headings, 2, "current and past, at the level asked for");
    }

    #[test]
    fn none_loading_and_failure_are_told_apart() {
        assert_eq!(DOCS.example_text("empty"), "No problems recorded.");
        assert_eq!(DOCS.example_text("loading"), "Loading problems…");
        assert!(DOCS.example_text("failed").contains("Problems could not be checked"));
        let withdrawn = examples::condition("233604007", "Pneumonia", "", "entered-in-error", "", "");
        assert!(problem(&withdrawn).is_none());
    }
}
