#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::forms::Field;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK hint: help that sits under a field's label or a fieldset's
/// legend, read out with the field (its `id` is in the control's
/// `aria-describedby`).
#[component]
pub fn Hint(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The hint's `id`. Inside a field ([`Field`]), `<field id>-hint`
    /// unless set.
    #[prop(optional, into)]
    id: Option<String>,
    /// The hint: text, or inline markup.
    children: Children,
) -> impl IntoView {
    let id = id.or_else(|| Field::use_context().map(|f| f.hint_id()));
    view! {
        <div class=move || crate::ui::class_list("nhsuk-hint", class.get()) id=id>
            {children()}
        </div>
    }
}
