#![doc = include_str!("docs.md")]

use std::sync::Arc;

use leptos::prelude::*;

use crate::clinical::CalendarDate;
use crate::clinical::nhs_number::NhsNumber;
use crate::fhir::{Prefix, Search};
use crate::forms::{Check, DateParts, DateRules, Form, nhs_number};
use crate::ui::{
    Button, ButtonType, DateInput, Fieldset, FormErrors, Input, InputWidth, LabelSize,
};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// What to search for: an NHS number, which names one patient; or a family
/// name with a date of birth, which together narrow a search to a few.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatientQuery {
    /// A valid NHS number.
    NhsNumber(NhsNumber),
    /// A family name and date of birth, with given names if known.
    Demographics {
        /// The family name.
        family: String,
        /// Given names, or empty.
        given: String,
        /// The date of birth.
        born: CalendarDate,
    },
}

impl PatientQuery {
    /// The FHIR search: `identifier=https://fhir.nhs.uk/Id/nhs-number|…`,
    /// or `family`, `given` and `birthdate` (FHIR R4 Patient search
    /// parameters; UK Core's NHS number system).
    pub fn search(&self) -> Search {
        let search = Search::new("Patient");
        match self {
            Self::NhsNumber(number) => search.token(
                "identifier",
                Some(crate::fhir::uk_core::NHS_NUMBER_SYSTEM),
                &number.digits(),
            ),
            Self::Demographics { family, given, born } => {
                let search = search.string("family", family).date("birthdate", Prefix::Eq, &born.to_fhir());
                if given.is_empty() { search } else { search.string("given", given) }
            }
        }
    }

    /// The query from the answers as typed, once they pass the form's
    /// checks: the NHS number when one is given (it names the patient; the
    /// rest is not needed), else the name and date of birth.
    pub fn from_answers(nhs: &str, family: &str, given: &str, born: Option<CalendarDate>) -> Option<Self> {
        if !nhs.trim().is_empty() {
            return NhsNumber::parse(nhs).ok().map(Self::NhsNumber);
        }
        let family = family.trim();
        Some(Self::Demographics {
            family: (!family.is_empty()).then(|| family.to_string())?,
            given: given.trim().to_string(),
            born: born?,
        })
    }
}

/// A check that holds only while `when` says it applies.
fn only_if(when: impl Fn() -> bool + Send + Sync + 'static, message: &'static str) -> Check {
    Arc::new(move |value: &str| (when() && value.trim().is_empty()).then(|| message.to_string()))
}

/// Find a patient, NHS number first (NHS Digital's guidance for finding a
/// patient's record: the NHS number is the one identifier that names a
/// single patient), or by family name with date of birth. NHS.UK form
/// patterns: an error summary on a failed search, each message beside its
/// field and linked from the summary; a mistyped NHS number gets the NHS
/// number check's own message and never quietly becomes a search by name.
/// The search itself is the caller's ([`PatientQuery::search`] gives the
/// FHIR query), so the results can be shown the page's own way.
#[component]
pub fn PatientSearch(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Prefix for the controls' ids, unique on the page.
    #[prop(optional, into, default = "patient-search".to_string())]
    id_prefix: String,
    /// Called with a valid query when the user searches.
    #[prop(into)]
    on_search: Callback<PatientQuery>,
) -> impl IntoView {
    let form = Form::new();
    let id = move |part: &str| format!("{id_prefix}-{part}");
    let nhs_value = RwSignal::new(String::new());
    let family_value = RwSignal::new(String::new());
    let born_value = RwSignal::new(DateParts::default());
    let no_number = move || nhs_value.with(|v| v.trim().is_empty());
    let nothing_given = move || no_number() && family_value.with(|v| v.trim().is_empty()) && born_value.with(|d| d == &DateParts::default());
    let nhs = form.field_with(
        id("nhs-number"),
        nhs_value,
        vec![only_if(nothing_given, "Enter an NHS number, or a family name and date of birth"), nhs_number()],
    );
    let born_given = move || born_value.with(|d| d != &DateParts::default());
    let family = form.field_with(
        id("family"),
        family_value,
        vec![only_if(move || no_number() && born_given(), "Enter the family name to search by date of birth")],
    );
    let given = form.field(id("given"), Vec::new());
    let born_rules = DateRules {
        what: "Date of birth".into(),
        required: None,
        latest: Some(CalendarDate::today()),
    };
    let born = form.date_field_with(id("dob"), born_value, born_rules.clone());
    // A name without a date of birth: the date's own message, linked to
    // its first part.
    let name_needs_date = form.field_with(
        format!("{}-day", id("dob")),
        RwSignal::new(String::new()),
        vec![only_if(
            move || no_number() && family_value.with(|v| !v.trim().is_empty()) && !born_given(),
            "Enter the date of birth to search by name",
        )],
    );
    let born_error = Signal::derive(move || born.error.get().or_else(|| name_needs_date.error.get()));
    let born_parts = Signal::derive(move || {
        if name_needs_date.error.get().is_some() {
            crate::forms::DatePart::ALL.to_vec()
        } else {
            born.error_parts.get()
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.submit() {
            return;
        }
        let date = born.value.with_untracked(|parts| born_rules.check(parts).ok().flatten());
        let query = PatientQuery::from_answers(
            &nhs.value.get_untracked(),
            &family.value.get_untracked(),
            &given.value.get_untracked(),
            date,
        );
        if let Some(query) = query {
            on_search.run(query);
        }
    };
    view! {
        <div class=move || crate::ui::class_list("bedside-patient-search", class.get())>
            <FormErrors form=form />
            <form on:submit=submit novalidate>
                <Input
                    name=id("nhs-number")
                    label="NHS number"
                    label_size=LabelSize::S
                    hint=|| "10 digits, for example 943 476 5919"
                    width=InputWidth::Chars10
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck=false
                    value=nhs.value
                    error=nhs.error
                />
                <Fieldset legend="Or search by name and date of birth" legend_size=LabelSize::S>
                    <Input
                        name=id("family")
                        label="Family name"
                        autocomplete="off"
                        spellcheck=false
                        width=InputWidth::Chars20
                        value=family.value
                        error=family.error
                    />
                    <Input
                        name=id("given")
                        label="Given name (optional)"
                        autocomplete="off"
                        spellcheck=false
                        width=InputWidth::Chars20
                        value=given.value
                    />
                    <DateInput
                        id=id("dob")
                        legend="Date of birth"
                        hint=|| "For example, 31 3 1980"
                        value=born.value
                        error=born_error
                        error_parts=born_parts
                    />
                </Fieldset>
                <Button button_type=ButtonType::Submit>"Search"</Button>
            </form>
        </div>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn an_nhs_number_names_the_patient_and_the_rest_is_not_needed() {
        let q = PatientQuery::from_answers("943 476 5919", "Smith", "", None).expect("valid");
        assert_eq!(q.search().query(), "identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919");
        assert_eq!(PatientQuery::from_answers("943 476 5918", "Smith", "", None), None, "a wrong check digit is no query");
    }

    #[test]
    fn a_name_needs_a_date_of_birth() {
        let born = CalendarDate::new(1948, 3, 9);
        let q = PatientQuery::from_answers("", " Okafor ", "Grace", born).expect("valid");
        assert_eq!(q.search().query(), "family=Okafor&birthdate=1948-03-09&given=Grace");
        assert_eq!(PatientQuery::from_answers("", "Okafor", "", None), None);
        assert_eq!(PatientQuery::from_answers("", "", "", born), None);
    }

    #[test]
    fn the_form_asks_for_the_nhs_number_first() {
        let html = DOCS.example_markup("default");
        let nhs = html.find("NHS number").expect("NHS number");
        let family = html.find("Family name").expect("family name");
        assert!(nhs < family, "{html}");
        for id in ["patient-search-nhs-number", "patient-search-family", "patient-search-given", "patient-search-dob-day"] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id} in {html}");
        }
    }
}
