//! Back link's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`BackLink`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "back-link",
    title: "Back link",
    summary: "Takes users to the page before.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A link to the page before.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <BackLink href="#" /> }.into_any(),
        },
        Example {
            name: "with-text",
            title: "With text and hidden words",
            description: "Where it goes, with \"Back to\" for screen readers.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <BackLink href="#" visually_hidden_text="Back to">
                        "Patient list"
                    </BackLink>
                }
                .into_any()
            },
        },
        Example {
            name: "button",
            title: "Button that steps back",
            description: "A step back in a form, run by the page.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let step = RwSignal::new(3u8);
                view! {
                    <BackLink on_click=move |_| step.update(|s| *s = s.saturating_sub(1).max(1)) />
                    <p class="nhsuk-caption-m" aria-live="polite">
                        {move || format!("Step {} of 3", step.get())}
                    </p>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the link.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <BackLink href="/ward" class="app-back" id="back" attr:data-test="back-link">
                        "Ward list"
                    </BackLink>
                }
                .into_any()
            },
        },
    ],
};
