#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::clinical::withdrawn::Withdrawn;
use crate::clinical::cui::FhirDateTime;
use crate::clinical::fetched::{Fetched, fetched_view};
use crate::clinical::medication_list::{RecordItem, record_items};
use crate::clinical::patient_banner::AllergyStatus;
use crate::clinical::patient_banner::model::{
    CLINICAL_STATUS, NO_KNOWN_ALLERGY, SNOMED, VERIFICATION,
};
use crate::fhir::CodeableConcept;
use crate::fhir::resources::{AllergyIntolerance, List};
use crate::ui::TagColour;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// The code of `concept` in `system`, if it has one.
pub(crate) fn code_in<'a>(concept: Option<&'a CodeableConcept>, system: &str) -> Option<&'a str> {
    concept?
        .coding
        .iter()
        .find(|c| c.system.as_deref() == Some(system))
        .and_then(|c| c.code.as_deref())
}

/// One allergy or intolerance as the list shows it; `None` for a record
/// that is withdrawn (entered in error) or that records no known allergy.
pub(crate) fn allergy_item(record: &AllergyIntolerance) -> Option<RecordItemView> {
    // Withdrawn (crate::clinical::withdrawn): entered in error is not
    // shown; refuted is, labelled and last.
    if !record.is_shown() {
        return None;
    }
    let verification = code_in(record.verification_status.as_ref(), VERIFICATION);
    let code = record.code.as_ref();
    if code.is_some_and(|c| NO_KNOWN_ALLERGY.iter().any(|n| c.has(SNOMED, n))) {
        return None;
    }
    let name = code.and_then(CodeableConcept::label).unwrap_or("Unnamed substance").to_string();
    let kind = match record.extra.get("type").and_then(|t| t.as_str()) {
        Some("intolerance") => "intolerance",
        _ => "allergy",
    };
    let category = match record.category.first().map(String::as_str) {
        Some("medication") => "Medicine ",
        Some("food") => "Food ",
        Some("environment") => "Environmental ",
        Some("biologic") => "Biological product ",
        _ => "",
    };
    let mut details = vec![format!("{category}{kind}")];
    details[0][..1].make_ascii_uppercase();
    // Reactions: what happened, and how badly ("Anaphylaxis (severe)").
    for reaction in &record.reaction {
        let manifestations: Vec<&str> = reaction["manifestation"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m["text"].as_str().or(m["coding"][0]["display"].as_str()))
            .collect();
        if manifestations.is_empty() {
            continue;
        }
        let text = manifestations.join(", ");
        details.push(match reaction["severity"].as_str() {
            Some(severity @ ("mild" | "moderate" | "severe")) => format!("{text} ({severity})"),
            _ => text,
        });
    }
    let mut tags = Vec::new();
    match record.criticality.as_deref() {
        Some("high") => tags.push(("High risk", TagColour::Red)),
        Some("unable-to-assess") => tags.push(("Risk not assessed", TagColour::Orange)),
        _ => {}
    }
    tags.push(match verification {
        Some("confirmed") => ("Confirmed", TagColour::Blue),
        Some("unconfirmed") => ("Unconfirmed", TagColour::Yellow),
        Some("refuted") => ("Refuted", TagColour::Grey),
        _ => ("Verification not recorded", TagColour::White),
    });
    match code_in(record.clinical_status.as_ref(), CLINICAL_STATUS) {
        Some("inactive") => tags.push(("Inactive", TagColour::Grey)),
        Some("resolved") => tags.push(("Resolved", TagColour::Grey)),
        _ => {}
    }
    let current = !tags.iter().any(|(t, _)| matches!(*t, "Refuted" | "Inactive" | "Resolved"));
    let recorded = record.recorded_date.as_deref().and_then(|d| FhirDateTime::parse(d).ok());
    let dates = recorded.map(|d| format!("Recorded {d}")).into_iter().collect();
    Some(RecordItemView {
        item: RecordItem {
            name,
            details,
            tags,
            dates,
        },
        current,
        high_risk: record.criticality.as_deref() == Some("high"),
        recorded: recorded.map_or(i64::MIN, |d| d.instant().0),
    })
}

/// An allergy as a row of the list, and where it goes in the order.
pub(crate) struct RecordItemView {
    pub(crate) item: RecordItem,
    /// Active and not refuted.
    pub current: bool,
    /// Criticality high: a reaction could be life-threatening.
    pub high_risk: bool,
    /// When it was recorded, for the order (newest first within its kind).
    pub recorded: i64,
}

/// A patient's allergies and intolerances, the current ones first (high
/// risk before the rest, then the newest), each with its reactions and severity, risk,
/// verification and clinical status as tags in words, and the date it was
/// recorded. Above them, the patient's allergy status in the four states a
/// clinician must tell apart (NHS CUI patient banner guidance): allergies
/// listed, no known allergies, not recorded, unable to assess; and a fifth
/// when the records could not be read, which never reads as none.
#[component]
pub fn AllergyList(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The patient's AllergyIntolerance records, or why they are not here.
    #[prop(into)]
    records: Signal<Fetched<AllergyIntolerance>>,
    /// The patient's current allergy list ([`ALLERGY_LIST`]), if the
    /// caller read one: an empty list says why there are no records, and it
    /// alone can say the patient could not be asked (unconscious, no one to
    /// ask). See [`AllergyStatus::from_records_and_list`].
    ///
    /// [`ALLERGY_LIST`]: crate::clinical::ALLERGY_LIST
    #[prop(optional, into)]
    list: Signal<Option<List>>,
) -> impl IntoView {
    move || {
        let own = crate::ui::class_list("bedside-allergy-list", class.get());
        fetched_view(records.get(), "allergies", own, |records, own| {
            let status = list.with(|list| AllergyStatus::from_records_and_list(&records, list.as_ref()));
            let summary = match &status {
                AllergyStatus::Listed(names) if names.len() == 1 => "1 current allergy or intolerance".to_string(),
                AllergyStatus::Listed(names) => format!("{} current allergies or intolerances", names.len()),
                other => other.text(),
            };
            let state = format!("bedside-allergy-list__status bedside-allergy-list__status--{}", status.as_str());
            let mut items: Vec<RecordItemView> = records.iter().filter_map(allergy_item).collect();
            items.sort_by_key(|i| (!i.current, !i.high_risk, std::cmp::Reverse(i.recorded)));
            let list = (!items.is_empty()).then(|| record_items(items.into_iter().map(|i| i.item).collect()));
            view! {
                <div class=own>
                    <p class=state>
                        <strong>{summary}</strong>
                    </p>
                    {list}
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
    fn current_high_risk_allergies_come_first_and_every_status_is_in_words() {
        DOCS.assert_text_in_order(
            "default",
            &[
                "3 current allergies or intolerances",
                "Penicillin Medicine allergy — Anaphylaxis (severe) High risk Confirmed Recorded 14-Mar-2019",
                "Latex Environmental allergy — Itchy rash (mild) Unconfirmed Recorded 20-Nov-2026 22:40",
                "Lactose Food intolerance — Bloating, diarrhoea (moderate) Confirmed Recorded 02-Jul-2021",
                "Codeine Medicine allergy — Nausea (mild) Refuted Recorded 09-Jan-2024",
            ],
        );
    }

    #[test]
    fn the_four_states_and_a_failure_are_told_apart() {
        assert_eq!(DOCS.example_text("none-known"), "No known allergies");
        assert_eq!(DOCS.example_text("not-recorded"), "Allergies not recorded");
        assert_eq!(DOCS.example_text("unable-to-assess"), "Unable to assess allergies");
        assert_eq!(DOCS.example_text("loading"), "Loading allergies…");
        let failed = DOCS.example_text("failed");
        assert!(failed.contains("Allergies could not be checked") && failed.contains("permission"), "{failed}");
        assert!(DOCS.example_markup("not-recorded").contains("bedside-allergy-list__status--not-recorded"));
    }

    #[test]
    fn the_list_outweighs_an_older_none_known_record() {
        let html = crate::docs::render_to_html(|| {
            view! { <AllergyList records=Fetched::Ready(examples::none_known()) list=Some(examples::unable_to_assess()) /> }
        });
        assert!(html.contains("Unable to assess allergies") && html.contains("__status--unable-to-assess"), "{html}");
        let html = crate::docs::render_to_html(|| view! { <AllergyList records=Fetched::Ready(examples::none_known()) /> });
        assert!(html.contains("No known allergies"), "{html}");
    }

    #[test]
    fn withdrawn_records_are_not_shown() {
        let mut withdrawn = examples::allergy("764146007", "Penicillin", "medication", "entered-in-error", "2019-03-14");
        assert!(allergy_item(&withdrawn).is_none());
        withdrawn.verification_status = None;
        let item = allergy_item(&withdrawn).expect("shown");
        assert!(item.item.tags.contains(&("Verification not recorded", TagColour::White)));
    }
}
