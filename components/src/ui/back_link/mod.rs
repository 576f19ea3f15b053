#![doc = include_str!("docs.md")]

use leptos::ev::MouseEvent;
use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK back link: to the page before, at the top of a page (before
/// `<main>`'s heading). A link with `href`, else a button that runs
/// `on_click` (stepping back in a form, say).
#[component]
pub fn BackLink(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The link's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Where it goes. Without it the back link is a button.
    #[prop(optional, into)]
    href: Option<String>,
    /// What the button does, when there is no `href`.
    #[prop(optional, into)]
    on_click: Option<Callback<MouseEvent>>,
    /// For a dark background.
    #[prop(optional)]
    reverse: bool,
    /// Words for screen readers only, before the text ("Back to").
    #[prop(optional, into)]
    visually_hidden_text: Option<String>,
    /// The text; "Back" if none.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let classes = move || {
        let own = if reverse {
            "nhsuk-back-link nhsuk-back-link--reverse"
        } else {
            "nhsuk-back-link"
        };
        crate::ui::class_list(own, class.get())
    };
    let inner = view! {
        {visually_hidden_text.map(|t| view! { <span class="nhsuk-u-visually-hidden">{format!("{t} ")}</span> })}
        {match children {
            Some(children) => children().into_any(),
            None => "Back".into_any(),
        }}
    };
    let click = move |ev: MouseEvent| {
        if let Some(on_click) = on_click {
            on_click.run(ev);
        }
    };
    match href {
        Some(href) => view! {
            <a class=classes id=id href=href on:click=click>
                {inner}
            </a>
        }
        .into_any(),
        None => view! {
            <button class=classes id=id type="button" on:click=click>
                {inner}
            </button>
        }
        .into_any(),
    }
}
