//! Find a patient by name or NHS number.

use bedside::fhir::summary::{PersonView, SearchPage};
use bedside::fhir::{FhirError, Search, use_fhir_search_as};
use bedside::forms::{Form, FormErrors, required};
use bedside::on_demand::{SplitLoaderError, wasm_split};
use bedside::ui::{Button, ButtonType, Input, InputType};
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

#[component]
fn FindPatient() -> impl IntoView {
    let form = Form::new();
    let query = form.field(
        "find-patient",
        vec![required("Enter a name or NHS number to search for")],
    );
    let submitted = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = if form.submit() {
            query.value.get_untracked().trim().to_string()
        } else {
            String::new()
        };
        submitted.set(text);
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
            <Button button_type=ButtonType::Submit>"Search"</Button>
        </form>
        {move || {
            let text = submitted.get();
            (!text.is_empty()).then(|| view! { <PatientResults text=text /> })
        }}
    }
}

/// Ten digits (spaces allowed) search by NHS number; anything else by name.
fn patient_search(text: &str) -> Search {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let search = Search::new("Patient").count(20);
    if digits.len() == 10 && digits.chars().all(|c| c.is_ascii_digit()) {
        search.token(
            "identifier",
            Some(bedside::fhir::uk_core::NHS_NUMBER_SYSTEM),
            &digits,
        )
    } else {
        search.string("name", text)
    }
}

#[component]
fn PatientResults(text: String) -> impl IntoView {
    let search = patient_search(&text);
    let results = use_fhir_search_as::<SearchPage>(Signal::stored(search));
    view! {
        <section aria-live="polite" data-testid="patient-results">
            {move || match results.result.get() {
                None => view! { <p role="status">"Searching…"</p> }.into_any(),
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
        return view! { <p>"No patients match. Check the spelling or the NHS number."</p> }
            .into_any();
    }
    view! {
        <table class="nhsuk-table">
            <caption class="nhsuk-table__caption">
                {format!("{} matching patients", patients.len())}
            </caption>
            <thead class="nhsuk-table__head">
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"NHS number"</th>
                    <th scope="col">"Date of birth"</th>
                </tr>
            </thead>
            <tbody class="nhsuk-table__body">
                {patients
                    .iter()
                    .map(|p| {
                        let [name, nhs, born] = patient_rows(p);
                        view! {
                            <tr class="nhsuk-table__row">
                                <td class="nhsuk-table__cell">{name.1}</td>
                                <td class="nhsuk-table__cell">{nhs.1}</td>
                                <td class="nhsuk-table__cell">{born.1}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn ten_digits_search_by_nhs_number_anything_else_by_name() {
        assert!(
            patient_search("943 476 5919")
                .query()
                .contains("identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919")
        );
        assert!(patient_search("smith").query().contains("name=smith"));
        assert!(patient_search("94347659").query().contains("name=94347659"));
    }
}
