//! Breadcrumb's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`Breadcrumb`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "breadcrumb",
    title: "Breadcrumb",
    summary: "The pages above this one; on narrow screens, a link back to the nearest.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Three levels up. Narrow the window to see the back link instead.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <Breadcrumb crumbs=hospitals() /> }.into_any(),
        },
        Example {
            name: "attributes",
            title: "Our classes and attributes",
            description: "Classes and other attributes land on the navigation landmark.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                let crumbs = vec![Crumb::new("Wards", "/wards"), Crumb::new("Ward 7B", "/wards/7b")];
                view! {
                    <Breadcrumb crumbs=crumbs class="app-crumbs" attr:data-test="breadcrumb" />
                }
                .into_any()
            },
        },
    ],
};
