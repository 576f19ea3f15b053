#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// nhsuk-frontend's `arrow-right-circle` icon.
const ARROW_RIGHT_CIRCLE: &str = "M12 2a10 10 0 0 0-10 9h11.7l-4-4a1 1 0 0 1 1.5-1.4l5.6 5.7a1 1 0 0 1 0 1.4l-5.6 5.7a1 1 0 0 1-1.5 0 1 1 0 0 1 0-1.4l4-4H2A10 10 0 1 0 12 2z";

/// An NHS.UK action link: a prominent link to start something ("Record
/// observations"), with a green arrow. Use a button for an action on this
/// page; an action link goes somewhere.
#[component]
pub fn ActionLink(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The link's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Where it goes.
    #[prop(into)]
    href: String,
    /// For a dark background.
    #[prop(optional)]
    reverse: bool,
    /// What it starts.
    children: Children,
) -> impl IntoView {
    let classes = move || {
        let own = if reverse {
            "nhsuk-action-link nhsuk-action-link--reverse"
        } else {
            "nhsuk-action-link"
        };
        crate::ui::class_list(own, class.get())
    };
    view! {
        <a class=classes id=id href=href>
            {crate::ui::icon("nhsuk-icon nhsuk-icon--arrow-right-circle", ARROW_RIGHT_CIRCLE)}
            <span class="nhsuk-action-link__text">{children()}</span>
        </a>
    }
}
