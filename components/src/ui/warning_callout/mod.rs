#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::card::{CardHeading, CardParts, card};
use crate::ui::{CardVariant, HeadingLevel, HeadingSize};

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

/// The example's advice, as nhsuk-frontend's fixtures have it.
const SPOTS: &str = "Stay away from school, nursery or work until all the spots have crusted over. This is usually 5 days after the spots first appeared.";

/// The gallery page and tests for [`WarningCallout`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "warning-callout",
    title: "Warning callout",
    summary: "Something to know before acting, which must not be missed.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Headed \"Important\".",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <WarningCallout text="For safety, tell your doctor or pharmacist if you're taking any other medicines, including herbal medicines, vitamins or supplements." />
                }
                .into_any()
            },
        },
        Example {
            name: "custom-heading",
            title: "With custom heading",
            description: "A heading of its own, which screen readers hear after \"Important\".",
            hidden: false,
            nhsuk_fixture: Some("with custom heading"),
            render: || {
                view! { <WarningCallout heading="School, nursery or work" text=SPOTS /> }.into_any()
            },
        },
        Example {
            name: "with-actions",
            title: "With content and a button",
            description: "Paragraphs and an action of the callout's own, as the screen lock's warning has.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <WarningCallout heading="Bedside is about to lock this screen" heading_level=HeadingLevel::H2>
                        <p>
                            "This screen has not been used for a while, so it will lock within a minute. Anything you have typed will be kept."
                        </p>
                        <crate::ui::Button>"Stay signed in"</crate::ui::Button>
                    </WarningCallout>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the callout.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <WarningCallout
                        class="app-warning"
                        id="allergy-warning"
                        heading_id="allergy-warning-title"
                        attr:data-test="warning-callout"
                        attr:role="region"
                        attr:aria-labelledby="allergy-warning-title"
                        text="Check allergies before prescribing."
                    />
                }
                .into_any()
            },
        },
    ],
};

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
