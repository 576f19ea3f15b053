#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};

/// Bedside's empty pattern: a search or a list that found nothing says so,
/// and says what to try, announced to screen readers as the loading
/// message it replaces was.
#[component]
pub fn EmptyState(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// What was not found: "No patients match".
    #[prop(into)]
    heading: String,
    /// What to try: check the spelling, widen the dates, another ward.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class=move || crate::ui::class_list("bedside-empty-state", class.get()) role="status">
            <h2 class="nhsuk-heading-m">{heading}</h2>
            {children.map(|c| c())}
        </div>
    }
}

/// The gallery page and tests for [`EmptyState`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "empty-state",
    title: "Empty state",
    summary: "Nothing found, and what to try.",
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
