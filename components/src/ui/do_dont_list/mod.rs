#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::card::{CardHeading, CardParts, card};
use crate::ui::{CardVariant, HeadingLevel, HeadingSize};

/// nhsuk-frontend's `tick` icon.
const TICK: &str = "M11.4 17.5a2 2 0 0 1-2.7.1h-.1L4 12.8a1.5 1.5 0 0 1 2.1-2L10 14.7l8.1-8.1a1.5 1.5 0 1 1 2.2 2l-8.9 9Z";
/// nhsuk-frontend's `cross` icon.
const CROSS: &str = "M17 18.5c-.4 0-.8-.1-1.1-.4l-10-10c-.6-.6-.6-1.6 0-2.1.6-.6 1.5-.6 2.1 0l10 10c.6.6.6 1.5 0 2.1-.3.3-.6.4-1 .4z M7 18.5c-.4 0-.8-.1-1.1-.4-.6-.6-.6-1.5 0-2.1l10-10c.6-.6 1.5-.6 2.1 0 .6.6.6 1.5 0 2.1l-10 10c-.3.3-.6.4-1 .4z";

/// Whether the list says what to do or what not to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DoDontKind {
    /// Things to do, each with a tick.
    #[default]
    Do,
    /// Things not to do, each with a cross and "do not" before it, so the
    /// list reads right without its icons.
    Dont,
}

/// An NHS.UK do and don't list: short advice as things to do (ticks) or
/// not to do (crosses), in a feature card.
#[component]
pub fn DoDontList(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The list's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Do, or don't.
    #[prop(optional)]
    kind: DoDontKind,
    /// The heading: "Do" or "Don't" unless given.
    #[prop(optional, into)]
    heading: Option<String>,
    /// The heading's level: `h3` unless given.
    #[prop(optional)]
    heading_level: Option<HeadingLevel>,
    /// The things to do or not, each in lower case to follow the prefix.
    items: Vec<String>,
    /// What goes before each item: "do not" in a don't list unless given;
    /// nothing in a do list unless given.
    #[prop(optional, into)]
    prefix: Option<String>,
    /// Without the prefix, where each item says "do not" itself.
    #[prop(optional)]
    hide_prefix: bool,
) -> impl IntoView {
    let (icon_class, path, list_class, default_heading) = match kind {
        DoDontKind::Do => (
            "nhsuk-icon nhsuk-icon--tick",
            TICK,
            "nhsuk-list nhsuk-list--tick",
            "Do",
        ),
        DoDontKind::Dont => (
            "nhsuk-icon nhsuk-icon--cross",
            CROSS,
            "nhsuk-list nhsuk-list--cross",
            "Don't",
        ),
    };
    let prefix = if hide_prefix {
        None
    } else {
        prefix.or_else(|| (kind == DoDontKind::Dont).then(|| "do not".to_string()))
    };
    let list = view! {
        <ul class=list_class role="list">
            {items
                .into_iter()
                .map(|item| {
                    let text = match &prefix {
                        Some(prefix) => format!("{prefix} {item}"),
                        None => item,
                    };
                    view! { <li>{crate::ui::icon(icon_class, path)} {text}</li> }
                })
                .collect_view()}
        </ul>
    };
    card(CardParts {
        class,
        id,
        variant: CardVariant::Feature,
        clickable: false,
        heading: Some(CardHeading {
            text: heading.unwrap_or_else(|| default_heading.into()),
            level: heading_level.unwrap_or(HeadingLevel::H3),
            size: HeadingSize::Default,
            id: None,
            prefix: None,
            href: None,
        }),
        description: None,
        image: None,
        content: Some(Box::new(move || list.into_any())),
        actions: Vec::new(),
    })
}

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

/// The gallery page and tests for [`DoDontList`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "do-dont-list",
    title: "Do and don't list",
    summary: "Short advice as things to do and things not to.",
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
