//! The start page: what Bedside is and where to go.

use crate::PageTitle;
use leptos::prelude::*;

/// `/`
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <PageTitle text="" />
        <h1>"Bedside"</h1>
        <p class="nhsuk-body-l">
            "Sign in once and use the clinical tools you need on this ward, without a separate login for each system."
        </p>
        <h2>"Tools"</h2>
        <p>"Clinical tools appear here once your organisation's FHIR server is connected."</p>
        <h2>"For developers and designers"</h2>
        <ul class="nhsuk-list nhsuk-list--bullet">
            <li>
                <a href="/gallery">"Component gallery"</a>
                ": every Bedside component and its examples."
            </li>
        </ul>
    }
}
