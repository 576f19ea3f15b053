//! Pagination's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`Pagination`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "pagination",
    title: "Pagination",
    summary: "Links to the pages of a long list shown a page at a time.",
    workbench: None,
    examples: &[
        Example {
            name: "numbered",
            title: "Numbered",
            description: "Page 2 of 3.",
            hidden: false,
            nhsuk_fixture: Some("numbered"),
            render: || view! { <Pagination current=2 total=3 href=section /> }.into_any(),
        },
        Example {
            name: "first-page",
            title: "Numbered first page",
            description: "No link to a previous page.",
            hidden: true,
            nhsuk_fixture: Some("numbered first page"),
            render: || view! { <Pagination current=1 total=3 href=section /> }.into_any(),
        },
        Example {
            name: "last-page",
            title: "Numbered last page",
            description: "No link to a next page.",
            hidden: true,
            nhsuk_fixture: Some("numbered last page"),
            render: || view! { <Pagination current=3 total=3 href=section /> }.into_any(),
        },
        Example {
            name: "many-pages",
            title: "Numbered with many pages",
            description: "The first and last pages, and two either side of this one.",
            hidden: false,
            nhsuk_fixture: Some("numbered with many pages"),
            render: || view! { <Pagination current=10 total=40 href=section /> }.into_any(),
        },
        Example {
            name: "default",
            title: "Default",
            description: "The previous and next pages of a guide, by name.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <PreviousNext
                        previous=PageLink::new("Treatments", "#/section/treatments")
                        next=PageLink::new("Symptoms", "#/section/symptoms")
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-only-next",
            title: "With only next",
            description: "The first page of a sequence.",
            hidden: true,
            nhsuk_fixture: Some("with only next"),
            render: || {
                view! { <PreviousNext next=PageLink::new("Symptoms", "#/section/symptoms") /> }
                    .into_any()
            },
        },
        Example {
            name: "with-only-previous",
            title: "With only previous",
            description: "The last page of a sequence.",
            hidden: true,
            nhsuk_fixture: Some("with only previous"),
            render: || {
                view! {
                    <PreviousNext previous=PageLink::new("Treatments", "#/section/treatments") />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the navigation landmark.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Pagination
                        current=1
                        total=2
                        href=|n: usize| format!("/find-patient?page={n}")
                        class="app-pages"
                        aria_label="Search results pages"
                        attr:data-test="pagination"
                    />
                }
                .into_any()
            },
        },
    ],
};

fn section(n: usize) -> String {
    format!("#/section/{n}")
}
