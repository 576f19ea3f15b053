#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK inset text: a passage set apart from the text around it, that
/// screen readers hear introduced as "Information".
#[component]
pub fn InsetText(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The inset's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// What screen readers hear first.
    #[prop(optional, into, default = "Information".to_string())]
    visually_hidden_text: String,
    /// The passage: paragraphs and links.
    children: Children,
) -> impl IntoView {
    view! {
        <div class=move || crate::ui::class_list("nhsuk-inset-text", class.get()) id=id>
            <span class="nhsuk-u-visually-hidden">{format!("{visually_hidden_text}: ")}</span>
            {children()}
        </div>
    }
}
