#![doc = include_str!("docs.md")]

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};

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

/// The gallery page and tests for [`BackLink`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "back-link",
    title: "Back link",
    summary: "Takes users to the page before.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A link to the page before.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <BackLink href="#" /> }.into_any(),
        },
        Example {
            name: "with-text",
            title: "With text and hidden words",
            description: "Where it goes, with \"Back to\" for screen readers.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <BackLink href="#" visually_hidden_text="Back to">
                        "Patient list"
                    </BackLink>
                }
                .into_any()
            },
        },
        Example {
            name: "button",
            title: "Button that steps back",
            description: "A step back in a form, run by the page.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let step = RwSignal::new(3u8);
                view! {
                    <BackLink on_click=move |_| step.update(|s| *s = s.saturating_sub(1).max(1)) />
                    <p class="nhsuk-caption-m" aria-live="polite">
                        {move || format!("Step {} of 3", step.get())}
                    </p>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the link.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <BackLink href="/ward" class="app-back" id="back" attr:data-test="back-link">
                        "Ward list"
                    </BackLink>
                }
                .into_any()
            },
        },
    ],
};
