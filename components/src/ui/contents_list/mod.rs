#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// One page of a guide: a link, or the page the user is on, with pages of
/// its own under it.
#[derive(Debug, Clone, Default)]
pub struct ContentsItem {
    text: String,
    href: Option<String>,
    items: Vec<ContentsItem>,
}

impl ContentsItem {
    /// A link to another page.
    pub fn link(text: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            href: Some(href.into()),
            items: Vec::new(),
        }
    }

    /// The page the user is on: not a link, and `aria-current="page"`.
    pub fn current(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// Pages under this one (sections of a chapter).
    pub fn with_items(mut self, items: Vec<ContentsItem>) -> Self {
        self.items = items;
        self
    }
}

fn list(items: Vec<ContentsItem>) -> AnyView {
    let items = items
        .into_iter()
        .map(|item| {
            let current = item.href.is_none();
            let entry = match item.href {
                Some(href) => {
                    view! { <a class="nhsuk-contents-list__link" href=href>{item.text}</a> }
                        .into_any()
                }
                None => view! { <span class="nhsuk-contents-list__current">{item.text}</span> }
                    .into_any(),
            };
            let under = (!item.items.is_empty()).then(|| list(item.items));
            view! {
                <li class="nhsuk-contents-list__item" aria-current=current.then_some("page")>
                    {entry}
                    {under}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="nhsuk-contents-list__list">{items}</ol> }.into_any()
}

/// An NHS.UK contents list: the pages of a guide split across pages (a
/// care pathway, a protocol), with the one the user is on marked.
#[component]
pub fn ContentsList(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The list's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The navigation landmark's name: "Pages in this guide" unless given.
    #[prop(optional, into)]
    label: Option<String>,
    /// The hidden heading that screen readers list: "Contents" unless given.
    #[prop(optional, into)]
    heading: Option<String>,
    /// The pages, in order.
    items: Vec<ContentsItem>,
) -> impl IntoView {
    view! {
        <nav
            class=move || crate::ui::class_list("nhsuk-contents-list", class.get())
            id=id
            role="navigation"
            aria-label=label.unwrap_or_else(|| "Pages in this guide".into())
        >
            <h2 class="nhsuk-u-visually-hidden">{heading.unwrap_or_else(|| "Contents".into())}</h2>
            {list(items)}
        </nav>
    }
}
