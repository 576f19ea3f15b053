//! Image's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`Image`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "images",
    title: "Image",
    summary: "A picture with an optional caption.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "With a caption",
            description: "The alternative text says what the caption does not.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Image
                        src=CANNULA
                        alt="A cannula in the back of a wrist, under a clear dressing."
                        caption="Check the dressing is dry and the skin around it is not red or swollen."
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "without-caption",
            title: "Picture alone",
            description: "Without a caption.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <Image src=CANNULA alt="A cannula in the back of a wrist." /> }.into_any()
            },
        },
        Example {
            name: "without-border-or-background",
            title: "Without border or background",
            description: "For a picture that has its own edges.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Image
                        src=CANNULA
                        alt="A cannula in the back of a wrist."
                        caption="A peripheral cannula."
                        no_border=true
                        no_background=true
                        class="nhsuk-u-width-one-half"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the figure.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Image class="app-figure" id="cannula" attr:data-test="image" src=CANNULA alt="" />
                }
                .into_any()
            },
        },
    ],
};

/// A drawing of a wrist with a cannula, served from the page itself (a
/// gallery example must not wait on, or 404 for, a picture elsewhere).
pub(crate) const CANNULA: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 640 320'%3E%3Crect width='640' height='320' fill='%23e8edee'/%3E%3Crect x='40' y='130' width='560' height='90' rx='45' fill='%23f0c8a0'/%3E%3Crect x='260' y='120' width='120' height='70' rx='8' fill='%23ffffff' stroke='%23768692' stroke-width='4'/%3E%3Crect x='300' y='90' width='40' height='50' rx='6' fill='%23005eb8'/%3E%3C/svg%3E";
