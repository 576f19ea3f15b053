//! Hero's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`Hero`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "hero",
    title: "Hero",
    summary: "A landing page's heading and purpose, on colour or a picture.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "With heading and text",
            description: "A service's start page.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Hero
                        heading="Bedside"
                        text="Sign in once to see your patients, record observations and check results."
                        no_border=true
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-heading-only",
            title: "With heading only",
            description: "On a band with a line under it.",
            hidden: true,
            nhsuk_fixture: Some("with heading only"),
            render: || view! { <Hero heading="Prototyping" /> }.into_any(),
        },
        Example {
            name: "with-heading-and-caption",
            title: "With heading and caption",
            description: "The caption names the section.",
            hidden: false,
            nhsuk_fixture: Some("with heading and caption"),
            render: || view! { <Hero heading="Prototyping" caption="Setup" /> }.into_any(),
        },
        Example {
            name: "with-image",
            title: "With a picture",
            description: "A picture behind the heading on wider screens.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Hero
                        heading="Ward 7B"
                        text="Acute medicine: 28 beds."
                        image_url=crate::ui::images::examples::CANNULA
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the hero.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <Hero class="app-hero" id="start" attr:data-test="hero" heading="Bedside" /> }
                    .into_any()
            },
        },
    ],
};
