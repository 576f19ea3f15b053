//! Loading's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`Loading`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "loading",
    title: "Loading",
    summary: "What a tool is fetching, said while it waits.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Loading results",
            description: "A tool waiting for the FHIR server.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <Loading what="results for JONES, Sarah (Mrs)" /> }.into_any(),
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the status.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <Loading class="app-loading" attr:data-test="loading" what="patients" /> }
                    .into_any()
            },
        },
    ],
};
