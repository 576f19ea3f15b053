//! Page error's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`PageError`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "page-error",
    title: "Page error",
    summary: "A page that could not be shown: why, and a way on.",
    workbench: None,
    examples: &[
        Example {
            name: "server-error",
            title: "Server error, with a retry",
            description: "The FHIR server failed: the user's words, then a way to try again.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PageError
                        problem="The clinical record system has a problem. Try again later; if it keeps happening, contact the service desk."
                        retry=Callback::new(|_| ())
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "operation-outcome",
            title: "With the server's explanation",
            description: "The issues of the server's OperationOutcome, as it gave them.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PageError
                        heading="Sarah Jones's results could not be shown"
                        problem="The clinical record system could not accept this."
                        details=vec![
                            "Observation.subject: the patient's record has been merged into another"
                                .to_string(),
                        ]
                    >
                        <p class="nhsuk-body">
                            "Search for the patient again to find their current record."
                        </p>
                    </PageError>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the page's error.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PageError class="app-error" attr:data-test="error" problem="Not available." />
                }
                .into_any()
            },
        },
    ],
};
