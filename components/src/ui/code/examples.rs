//! Code's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`Code`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "code",
    title: "Code",
    summary: "Text to copy exactly, such as a command or a request.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A line of text to copy exactly.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <Code text="This is a plain text code block" /> }.into_any(),
        },
        Example {
            name: "fhir-request",
            title: "A FHIR request, with a copy button",
            description: "Too wide for a phone: it scrolls, and the keyboard can scroll it.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Code
                        copy_button=true
                        text="GET /fhir/R4/Observation?subject=Patient/9434765919&code=http://loinc.org|9279-1&_sort=-date&_count=20"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the block.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <Code class="app-code" id="request" attr:data-test="code" text="make test" /> }
                    .into_any()
            },
        },
    ],
};
