#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::heading::element;
use crate::ui::HeadingLevel;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// How large a panel's heading is: nhsuk-frontend allows three sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PanelHeadingSize {
    /// nhsuk-frontend's own size for the panel.
    #[default]
    Default,
    /// Medium.
    M,
    /// Large.
    L,
    /// Extra large.
    Xl,
}

impl PanelHeadingSize {
    /// The heading's classes.
    fn class(self) -> &'static str {
        match self {
            Self::Default => "nhsuk-panel__heading",
            Self::M => "nhsuk-panel__heading nhsuk-panel__heading--m",
            Self::L => "nhsuk-panel__heading nhsuk-panel__heading--l",
            Self::Xl => "nhsuk-panel__heading nhsuk-panel__heading--xl",
        }
    }
}

/// An NHS.UK panel: the outcome of a task, in a coloured box at the top of
/// the page that follows it ("Observations saved"), or, as an interruption,
/// something to stop and read before going on.
#[component]
pub fn Panel(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The panel's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The outcome, or what to stop for.
    #[prop(into)]
    heading: String,
    /// The heading's level: `h1` where the panel is the page's heading.
    #[prop(optional)]
    heading_level: HeadingLevel,
    /// The heading's size.
    #[prop(optional)]
    heading_size: PanelHeadingSize,
    /// An interruption: a page that stops the user before they go on.
    #[prop(optional)]
    interruption: bool,
    /// What else to say: a reference number, what happens next, buttons.
    children: Children,
) -> impl IntoView {
    let classes = move || {
        let own = if interruption {
            "nhsuk-panel nhsuk-panel--interruption"
        } else {
            "nhsuk-panel"
        };
        crate::ui::class_list(own, class.get())
    };
    view! {
        <div class=classes id=id>
            {element(
                heading_level,
                Some(heading_size.class().to_string()),
                None,
                heading.into_any(),
            )}
            <div class="nhsuk-panel__body">{children()}</div>
        </div>
    }
}
