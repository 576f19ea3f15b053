#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::card::{CardHeading, CardParts, card};
use crate::ui::{CardVariant, HeadingLevel, HeadingSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
