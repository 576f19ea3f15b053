//! Page not found's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`PageNotFound`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "page-not-found",
    title: "Page not found",
    summary: "An address the service does not know, with what to check and the way back.",
    workbench: None,
    examples: &[Example {
        name: "default",
        title: "Default",
        description: "The NHS.UK pattern's words, with a link to the service's start page.",
        hidden: false,
        nhsuk_fixture: None,
        render: || {
            view! { <PageNotFound home_href="/" home_text="the Ward tools start page" /> }
                .into_any()
        },
    }],
};
