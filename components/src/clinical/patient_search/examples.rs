//! Patient search's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`PatientSearch`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "patient-search",
    title: "Patient search",
    summary: "Find a patient by NHS number, or by family name and date of birth.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "NHS number or name and date of birth",
            description: "Search shows what it would ask the FHIR server for.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let asked = RwSignal::new(String::new());
                view! {
                    <PatientSearch on_search=move |q: PatientQuery| asked.set(q.search().query()) />
                    <p class="nhsuk-body" aria-live="polite">
                        {move || {
                            let q = asked.get();
                            if q.is_empty() { String::new() } else { format!("Would search: Patient?{q}") }
                        }}
                    </p>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the search.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PatientSearch class="app-search" id_prefix="attrs" on_search=|_| () attr:data-test="patient-search" />
                }
                .into_any()
            },
        },
    ],
};
