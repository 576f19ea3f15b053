//! Skip link's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`SkipLink`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "skip-link",
    title: "Skip link",
    summary: "Lets keyboard users skip the header and go straight to the page's main content.",
    workbench: None,
    examples: &[Example {
        name: "default",
        title: "Default",
        description: "Tab into the page to see it; it is visually hidden until focused.",
        hidden: false,
        nhsuk_fixture: Some("default"),
        render: || view! { <SkipLink /> }.into_any(),
    }],
};
