//! NHS number input's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`NhsNumberInput`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "nhs-number-input",
    title: "NHS number input",
    summary: "An NHS number field that checks the number and says what is wrong.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Empty. Type a number and leave the field: try 943 476 5918 (the check digit is wrong) or 943 476 591.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <NhsNumberInput /> }.into_any(),
        },
        Example {
            name: "filled",
            title: "With a number",
            description: "A number already known, as the CUI shows it.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <NhsNumberInput name="patient-nhs-number" value=RwSignal::new("999 000 1235".to_string()) /> }
                    .into_any()
            },
        },
        Example {
            name: "error",
            title: "With an error from the page",
            description: "A form's own message, such as a required field left empty.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <NhsNumberInput name="required-nhs-number" error="Enter the patient's NHS number" /> }.into_any(),
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Attributes land on the field's wrapper, classes on the input.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <NhsNumberInput class="app-nhs" name="attr-nhs-number" attr:data-test="nhs-number-input" /> }
                    .into_any()
            },
        },
    ],
};
