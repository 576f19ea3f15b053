#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::card::{CardHeading, CardParts, card};
use crate::ui::{CardVariant, HeadingLevel, HeadingSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// What a warning callout's heading is said to be, unless it says so itself.
const IMPORTANT: &str = "Important";

/// An NHS.UK warning callout: something the reader must know before they
/// act, in a yellow card whose heading screen readers hear as "Important"
/// (nhsuk-frontend's warning card).
#[component]
pub fn WarningCallout(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The callout's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The heading: what to know, in a few words. "Important" if not set.
    #[prop(optional, into)]
    heading: Option<String>,
    /// The heading's level.
    #[prop(default = HeadingLevel::H3)]
    heading_level: HeadingLevel,
    /// The heading's `id`, for a region or dialog it labels.
    #[prop(optional, into)]
    heading_id: Option<String>,
    /// Said to screen readers before a heading that does not say
    /// "important" itself.
    #[prop(optional, into, default = IMPORTANT.to_string())]
    heading_prefix: String,
    /// The warning in one paragraph, when there are no children.
    #[prop(optional, into)]
    text: Option<String>,
    /// The warning: paragraphs, buttons.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let heading = heading.unwrap_or_else(|| IMPORTANT.to_string());
    let prefix = (!heading.to_lowercase().contains("important")).then_some(heading_prefix);
    card(CardParts {
        class,
        id,
        variant: CardVariant::Warning,
        clickable: false,
        heading: Some(CardHeading {
            text: heading,
            level: heading_level,
            size: HeadingSize::Default,
            id: heading_id,
            prefix,
            href: None,
        }),
        description: text,
        image: None,
        content: children,
        actions: Vec::new(),
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    #[test]
    fn a_heading_that_says_important_is_not_prefixed_again() {
        let html = normalize_html(&render_to_html(
            || view! { <WarningCallout heading="Important: check allergies" text="x" /> },
        ));
        assert!(!html.contains("nhsuk-u-visually-hidden"), "{html}");
        let html = normalize_html(&render_to_html(
            || view! { <WarningCallout heading="Check allergies" text="x" heading_prefix="Warning" /> },
        ));
        assert!(html.contains(">\nWarning: \n</span>"), "{html}");
    }
}
