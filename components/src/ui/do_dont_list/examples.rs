//! Do and don't list's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::HeadingLevel;

/// The gallery page and tests for [`DoDontList`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "do-dont-list",
    title: "Do and don't list",
    summary: "Short advice as things to do and things not to.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Things to do, each with a tick.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <DoDontList items=blisters(DoDontKind::Do) /> }.into_any(),
        },
        Example {
            name: "dont",
            title: "Don't",
            description: "Things not to do: \"do not\" before each, so it reads right without the crosses.",
            hidden: false,
            nhsuk_fixture: Some("(don't)"),
            render: || {
                view! { <DoDontList kind=DoDontKind::Dont items=blisters(DoDontKind::Dont) /> }
                    .into_any()
            },
        },
        Example {
            name: "cannula-care",
            title: "Caring for a cannula",
            description: "Advice for a patient going home, with its own heading.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let items = vec![
                    "get the dressing wet".to_string(),
                    "pull or twist the tube".to_string(),
                    "ignore redness, swelling or pain where it goes in".to_string(),
                ];
                view! {
                    <DoDontList
                        kind=DoDontKind::Dont
                        heading="When you have a cannula"
                        heading_level=HeadingLevel::H2
                        items=items
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the card.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <DoDontList
                        class="app-advice"
                        id="advice"
                        attr:data-test="advice"
                        items=blisters(DoDontKind::Do)
                    />
                }
                .into_any()
            },
        },
    ],
};

fn blisters(kind: DoDontKind) -> Vec<String> {
    let items: &[&str] = match kind {
        DoDontKind::Do => &[
            "cover blisters with a soft plaster or padded dressing",
            "wash your hands before touching a burst blister",
            "allow the fluid in a burst blister to drain before covering it with a plaster or dressing",
        ],
        DoDontKind::Dont => &[
            "burst a blister yourself",
            "peel the skin off a burst blister",
            "pick at the edges of the remaining skin",
            "wear the shoes or use the equipment that caused your blister until it heals",
        ],
    };
    items.iter().map(|s| s.to_string()).collect()
}
