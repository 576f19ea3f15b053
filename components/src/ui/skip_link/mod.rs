#![doc = include_str!("docs.md")]

use leptos::ev::MouseEvent;
use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// The NHS.UK skip link. Place it first in `<body>`.
#[component]
pub fn SkipLink(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `id` of the element to jump to.
    #[prop(optional, into, default = "maincontent".to_string())]
    target: String,
    /// The link text.
    #[prop(optional, into, default = "Skip to main content".to_string())]
    text: String,
) -> impl IntoView {
    let href = format!("#{target}");
    let on_click = move |ev: MouseEvent| {
        // A router would read `#maincontent` as navigation; focus instead.
        ev.prevent_default();
        crate::ui::move_focus_to(&target);
    };
    view! {
        <a
            class=move || crate::ui::class_list("nhsuk-skip-link", class.get())
            data-module="nhsuk-skip-link"
            href=href
            on:click=on_click
        >
            {text}
        </a>
    }
}
