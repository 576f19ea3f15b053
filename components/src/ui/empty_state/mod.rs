#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// Bedside's empty pattern: a search or a list that found nothing says so,
/// and says what to try, announced to screen readers as the loading
/// message it replaces was.
#[component]
pub fn EmptyState(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// What was not found: "No patients match".
    #[prop(into)]
    heading: String,
    /// What to try: check the spelling, widen the dates, another ward.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class=move || crate::ui::class_list("bedside-empty-state", class.get()) role="status">
            <h2 class="nhsuk-heading-m">{heading}</h2>
            {children.map(|c| c())}
        </div>
    }
}
