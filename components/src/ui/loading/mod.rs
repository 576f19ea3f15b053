#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// Bedside's loading pattern: says what is being fetched while a tool
/// waits for it, in words a screen reader announces (a polite status), so
/// a page is never blank and never silent.
#[component]
pub fn Loading(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// What is on its way, to finish "Loading …": "patients", "Sarah
    /// Jones's results".
    #[prop(into)]
    what: String,
) -> impl IntoView {
    view! {
        <div
            class=move || crate::ui::class_list("bedside-loading", class.get())
            role="status"
            aria-live="polite"
        >
            <p class="nhsuk-body nhsuk-u-secondary-text-colour">{format!("Loading {what}…")}</p>
        </div>
    }
}
