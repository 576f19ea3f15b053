//! Find a patient by name or NHS number, narrowed by date of birth.

use bedside::fhir::summary::{PersonView, SearchPage};
use bedside::fhir::{FhirError, Search, use_fhir_search_as};
use bedside::forms::{Check, Date, DateParts, DateRules, Form, FormErrors, nhs_number, required};
use bedside::on_demand::{SplitLoaderError, wasm_split};
use bedside::ui::{
    Button, ButtonType, DateInput, EmptyState, Input, InputType, Loading, Table, TableCell,
    TableColumn,
};
use leptos::prelude::*;

use super::Tool;
use crate::patient::{FhirProblem, patient_rows};

/// The launcher's entry.
pub const TOOL: Tool = Tool {
    slug: "find-patient",
    name: "Find a patient",
    summary: "Search by name or NHS number.",
    load: || Box::pin(load()),
    open: || Box::pin(page()),
};

/// Everything only this page reaches is in `find_patient.wasm`.
#[wasm_split(find_patient, preload(load), fallible)]
fn page() -> Result<AnyView, SplitLoaderError> {
    Ok(crate::routes::home::with_fhir_client(|| {
        view! { <FindPatient /> }.into_any()
    }))
}

/// What to search for, as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Wanted {
    text: String,
    born: Option<Date>,
}

/// Numbers are an NHS number, and must be a valid one: a mistyped number
/// must not quietly become a search by name.
fn nhs_number_when_numeric() -> Check {
    let nhs = nhs_number();
    std::sync::Arc::new(move |value: &str| {
        let numeric = value.chars().any(|c| c.is_ascii_digit())
            && value
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-'));
        if numeric { nhs(value) } else { None }
    })
}

#[component]
fn FindPatient() -> impl IntoView {
    let form = Form::new();
    let query = form.field(
        "find-patient",
        vec![
            required("Enter a name or NHS number to search for"),
            nhs_number_when_numeric(),
        ],
    );
    let born_rules = DateRules {
        what: "Date of birth".into(),
        required: None,
        latest: Some(Date::today()),
    };
    let born = form.date_field("find-patient-dob", born_rules.clone());
    let submitted = RwSignal::new(None::<Wanted>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let wanted = form.submit().then(|| Wanted {
            text: query.value.get_untracked().trim().to_string(),
            born: born
                .value
                .with_untracked(|parts: &DateParts| born_rules.check(parts))
                .ok()
                .flatten(),
        });
        submitted.set(wanted);
    };
    view! {
        <FormErrors form=form />
        <h1>"Find a patient"</h1>
        <form on:submit=submit novalidate>
            <Input
                name="find-patient"
                label="Name or NHS number"
                hint=|| "A family name, or the 10-digit NHS number"
                input_type=InputType::Search
                autocomplete="off"
                spellcheck=false
                class="nhsuk-u-width-two-thirds"
                value=query.value
                error=query.error
            />
            <DateInput
                id="find-patient-dob"
                name_prefix="dob"
                legend="Date of birth (optional)"
                legend_size=bedside::ui::LabelSize::S
                hint=|| "To narrow the search. For example, 31 3 1980"
                value=born.value
                error=born.error
                error_parts=born.error_parts
            />
            <Button button_type=ButtonType::Submit>"Search"</Button>
        </form>
        {move || submitted.get().map(|wanted| view! { <PatientResults wanted=wanted /> })}
    }
}

/// Ten digits (spaces allowed) search by NHS number; anything else by name;
/// a date of birth narrows either.
fn patient_search(text: &str, born: Option<Date>) -> Search {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let search = Search::new("Patient").count(20);
    let search = if digits.len() == 10 && digits.chars().all(|c| c.is_ascii_digit()) {
        search.token(
            "identifier",
            Some(bedside::fhir::uk_core::NHS_NUMBER_SYSTEM),
            &digits,
        )
    } else {
        search.string("name", text)
    };
    match born {
        Some(date) => search.date("birthdate", bedside::fhir::Prefix::Eq, &date.to_fhir()),
        None => search,
    }
}

#[component]
fn PatientResults(wanted: Wanted) -> impl IntoView {
    let search = patient_search(&wanted.text, wanted.born);
    let results = use_fhir_search_as::<SearchPage>(Signal::stored(search));
    view! {
        <section aria-live="polite" data-testid="patient-results">
            {move || match results.result.get() {
                None => view! { <Loading what="patients" /> }.into_any(),
                Some(Err(e)) => view! { <FhirProblem error=e /> }.into_any(),
                Some(Ok(page)) => match page.views::<PersonView>("Patient") {
                    Ok(patients) => view! { <ResultTable patients=patients /> }.into_any(),
                    Err(e) => {
                        let error = FhirError::Decode {
                            path: String::new(),
                            detail: e.to_string(),
                        };
                        view! { <FhirProblem error=error /> }.into_any()
                    }
                },
            }}
        </section>
    }
}

#[component]
fn ResultTable(patients: Vec<PersonView>) -> impl IntoView {
    if patients.is_empty() {
        return view! {
            <EmptyState heading="No patients match">
                <p class="nhsuk-body">"Check the spelling of the name, or the NHS number."</p>
            </EmptyState>
        }
        .into_any();
    }
    let caption = format!("{} matching patients", patients.len());
    let rows: Vec<Vec<TableCell>> = patients
        .iter()
        .map(|p| {
            let [name, nhs, born] = patient_rows(p);
            // The shown date may be reworded; the record's own sorts.
            let born_cell = match &p.birth_date {
                Some(iso) => TableCell::new(born.1).sort_value(iso.clone()),
                None => TableCell::new(born.1),
            };
            // Until the patient summary exists (issue 15), a patient's
            // page is their observations.
            let name_cell = match &p.id {
                Some(id) => TableCell::link(name.1, format!("/observations?patient={id}")),
                None => TableCell::new(name.1),
            };
            vec![name_cell, nhs.1.into(), born_cell]
        })
        .collect();
    let columns = vec![
        TableColumn::new("Name").sortable(),
        TableColumn::new("NHS number"),
        TableColumn::new("Date of birth").sortable(),
    ];
    view! { <Table caption=caption columns=columns rows=rows responsive=true /> }.into_any()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn ten_digits_search_by_nhs_number_anything_else_by_name() {
        assert!(
            patient_search("943 476 5919", None)
                .query()
                .contains("identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919")
        );
        assert!(
            patient_search("943-476-5919", None)
                .query()
                .contains("nhs-number%7C9434765919")
        );
        assert!(patient_search("smith", None).query().contains("name=smith"));
        assert!(!patient_search("smith", None).query().contains("birthdate"));
        let born = Date::new(1980, 3, 31);
        let query = patient_search("smith", born).query();
        assert!(
            query.contains("name=smith") && query.contains("birthdate=1980-03-31"),
            "{query}"
        );
    }

    #[test]
    fn numbers_must_be_a_valid_nhs_number_and_names_pass() {
        let check = nhs_number_when_numeric();
        assert_eq!(check("smith"), None);
        assert_eq!(check("O'Brien-Smith"), None);
        assert_eq!(check("943 476 5919"), None);
        assert_eq!(
            check("943 476 5918").as_deref(),
            Some(
                "943 476 5918 is not a valid NHS number: check the digits, one may be wrong or swapped"
            )
        );
        assert_eq!(
            check("943 476").as_deref(),
            Some("NHS number must be 10 numbers, not 6")
        );
    }
}
