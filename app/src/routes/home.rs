//! The start page. Signed out: sign in. Signed in: the patient the EHR
//! launched with (if any) and "Find a patient", the first clinical tool.

use bedside::fhir::summary::{NameView, PersonView, SearchPage, pick_name};
use bedside::fhir::{FhirError, Search, use_fhir_read, use_fhir_search_as};
use bedside::session::{SessionBroker, SessionGate};
use bedside::ui::{Button, ButtonType};
use leptos::prelude::*;

use crate::PageTitle;

/// `/` (and the sign-in addresses `/auth/callback` and `/launch`).
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <PageTitle text="" />
        <SessionGate>
            <SignedInHome />
        </SessionGate>
        <h2>"For developers and designers"</h2>
        <ul class="nhsuk-list nhsuk-list--bullet">
            <li>
                <a href="/gallery">"Component gallery"</a>
                ": every Bedside component and its examples."
            </li>
        </ul>
    }
}

/// The signed-in start page, with a FHIR client for this session's server.
#[component]
fn SignedInHome() -> impl IntoView {
    let broker = SessionBroker::expect();
    let Some(session) = broker.session().get_untracked() else {
        return ().into_any();
    };
    provide_fhir_client(&session.fhir_base_url, &broker);
    let organisation = broker
        .config()
        .get_untracked()
        .and_then(|c| {
            c.organisation(&session.organisation)
                .map(|o| o.name.clone())
        })
        .unwrap_or_default();
    let patient = session.context.patient.clone();
    view! {
        <h1>"Bedside"</h1>
        <p class="nhsuk-body-l">
            {move || broker.user_name().get().unwrap_or_default()}
            ", you are signed in to "
            {organisation}
            "."
        </p>
        {patient.map(|id| view! { <PatientInContext id=id /> })}
        <FindPatient />
    }
    .into_any()
}

#[cfg(target_arch = "wasm32")]
fn provide_fhir_client(base: &str, broker: &SessionBroker) {
    bedside::fhir::FhirClient::browser(base)
        .with_token_source(broker.token_source())
        .provide();
}

/// Server-side rendering (the native tests) never has a session: the broker
/// only starts in a browser, so this page is not rendered there.
#[cfg(not(target_arch = "wasm32"))]
fn provide_fhir_client(_base: &str, _broker: &SessionBroker) {}

/// "FAMILY, Given (Title)": the NHS CUI order for patient names, from the
/// official name.
fn patient_name(names: &[NameView]) -> String {
    let Some(name) = pick_name(names, false) else {
        return "Name not recorded".into();
    };
    let given: Vec<&str> = name.given_names().collect();
    let mut text = name.family.as_deref().unwrap_or_default().to_uppercase();
    if !given.is_empty() {
        text.push_str(", ");
        text.push_str(&given.join(" "));
    }
    if let Some(title) = name.title() {
        text.push_str(&format!(" ({title})"));
    }
    text
}

fn patient_rows(patient: &PersonView) -> [(&'static str, String); 3] {
    [
        ("Name", patient_name(&patient.name)),
        (
            "NHS number",
            patient
                .nhs_number()
                .map_or_else(|| "Not recorded".into(), |n| n.formatted()),
        ),
        (
            "Date of birth",
            patient
                .birth_date
                .clone()
                .unwrap_or_else(|| "Not recorded".into()),
        ),
    ]
}

/// The patient an EHR launch (or the patient picker) put in context.
#[component]
fn PatientInContext(id: String) -> impl IntoView {
    let patient = use_fhir_read::<PersonView>("Patient", id);
    view! {
        <h2>"Patient"</h2>
        {move || match patient.result.get() {
            None => view! { <p role="status">"Loading the patient…"</p> }.into_any(),
            Some(Err(e)) => view! { <FhirProblem error=e /> }.into_any(),
            Some(Ok(p)) => view! {
                <dl class="nhsuk-summary-list" data-testid="patient-in-context">
                    {patient_rows(&p)
                        .into_iter()
                        .map(|(key, value)| {
                            view! {
                                <div class="nhsuk-summary-list__row">
                                    <dt class="nhsuk-summary-list__key">{key}</dt>
                                    <dd class="nhsuk-summary-list__value">{value}</dd>
                                </div>
                            }
                        })
                        .collect_view()}
                </dl>
            }
            .into_any(),
        }}
    }
}

#[component]
fn FhirProblem(error: FhirError) -> impl IntoView {
    view! {
        <div class="nhsuk-error-summary" role="alert" aria-labelledby="fhir-problem-title">
            <h2 class="nhsuk-error-summary__title" id="fhir-problem-title">"There is a problem"</h2>
            <div class="nhsuk-error-summary__body">
                <p>{error.to_string()}</p>
            </div>
        </div>
    }
}

/// Find a patient by name or NHS number.
#[component]
fn FindPatient() -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let submitted = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(typed.get_untracked().trim().to_string());
    };
    view! {
        <h2>"Find a patient"</h2>
        <form on:submit=submit novalidate>
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="find-patient">
                    "Name or NHS number"
                </label>
                <input
                    class="nhsuk-input nhsuk-u-width-two-thirds"
                    id="find-patient"
                    name="find-patient"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    bind:value=typed
                />
            </div>
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
    fn patient_names_follow_the_cui_order() {
        let names = vec![NameView {
            use_: Some("official".into()),
            family: Some("Smith".into()),
            given: vec![Some("Jane".into()), Some("Ann".into())],
            prefix: vec![Some("Mrs".into())],
            ..NameView::default()
        }];
        assert_eq!(patient_name(&names), "SMITH, Jane Ann (Mrs)");
        assert_eq!(patient_name(&[]), "Name not recorded");
    }

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
