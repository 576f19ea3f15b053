//! Empty state's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`EmptyState`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "empty-state",
    title: "Empty state",
    summary: "Nothing found, and what to try.",
    workbench: None,
    examples: &[
        Example {
            name: "no-patients",
            title: "No patients match",
            description: "A search that found nothing, with what to check.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <EmptyState heading="No patients match">
                        <p class="nhsuk-body">
                            "Check the spelling of the name, or search by NHS number."
                        </p>
                    </EmptyState>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the status.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <EmptyState class="app-empty" attr:data-test="empty" heading="No results yet" />
                }
                .into_any()
            },
        },
    ],
};
