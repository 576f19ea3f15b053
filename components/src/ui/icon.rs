//! nhsuk-frontend's icons, in a file of their own: the first stylesheet is
//! built from the first screens' sources (`ui/mod.rs` among them), and an
//! icon's classes named there would bring every icon rule into it.

use leptos::prelude::*;

/// One of nhsuk-frontend's icons (`class` names it, as
/// `nhsuk-icon nhsuk-icon--search`), drawn as it draws them: decoration,
/// hidden from screen readers, which the text or label beside it names.
pub(crate) fn icon(class: &'static str, path: &'static str) -> impl IntoView {
    view! {
        <svg
            class=class
            xmlns="http://www.w3.org/2000/svg"
            viewBox="0 0 24 24"
            width="16"
            height="16"
            focusable="false"
            aria-hidden="true"
        >
            <path d=path></path>
        </svg>
    }
}
