#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};

/// Bedside's loading pattern: says what is being fetched while a tool
/// waits for it, in words a screen reader announces (a polite status), so
/// a page is never blank and never silent.
#[component]
pub fn Loading(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// What is on its way, to finish "Loading …": "patients", "Sarah
    /// Jones's results".
    #[prop(into)]
    what: String,
) -> impl IntoView {
    view! {
        <div
            class=move || crate::ui::class_list("bedside-loading", class.get())
            role="status"
            aria-live="polite"
        >
            <p class="nhsuk-body nhsuk-u-secondary-text-colour">{format!("Loading {what}…")}</p>
        </div>
    }
}

/// The gallery page and tests for [`Loading`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "loading",
    title: "Loading",
    summary: "What a tool is fetching, said while it waits.",
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
