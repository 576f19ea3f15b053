#![doc = include_str!("docs.md")]

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};

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

/// The gallery page and tests for [`SkipLink`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "skip-link",
    title: "Skip link",
    summary: "Lets keyboard users skip the header and go straight to the page's main content.",
    examples: &[Example {
        name: "default",
        title: "Default",
        description: "Tab into the page to see it; it is visually hidden until focused.",
        hidden: false,
        nhsuk_fixture: Some("default"),
        render: || view! { <SkipLink /> }.into_any(),
    }],
};
