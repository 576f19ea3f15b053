#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::forms::Field;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK error message: what is wrong with a field and how to put it
/// right, in red beside the field. Screen readers hear "Error:" first (a
/// visually hidden prefix) and then the message, with the field.
#[component]
pub fn ErrorMessage(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The message's `id`. Inside a field ([`Field`]), `<field id>-error`
    /// unless set.
    #[prop(optional, into)]
    id: Option<String>,
    /// The hidden prefix screen readers hear before the message: `Error`
    /// unless set (`Gwall` in Welsh); empty for none.
    #[prop(optional, into)]
    visually_hidden_text: Option<String>,
    /// The message: say what went wrong and how to fix it ("Enter the NHS
    /// number", not "Invalid input").
    children: Children,
) -> impl IntoView {
    let id = id.or_else(|| Field::use_context().map(|f| f.error_id()));
    let prefix = visually_hidden_text.unwrap_or_else(|| "Error".into());
    view! {
        <span class=move || crate::ui::class_list("nhsuk-error-message", class.get()) id=id>
            {(!prefix.is_empty())
                .then(|| {
                    view! { <span class="nhsuk-u-visually-hidden">{format!("{prefix}: ")}</span> }
                })}
            {children()}
        </span>
    }
}
