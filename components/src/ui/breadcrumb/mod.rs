#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::BackLink;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// One step up the way to this page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    /// Its name: "Ward 7B".
    pub text: String,
    /// Its page.
    pub href: String,
}

impl Crumb {
    /// A step called `text` at `href`.
    pub fn new(text: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            href: href.into(),
        }
    }
}

/// An NHS.UK breadcrumb: the pages above this one, from the top. On narrow
/// screens only a back link to the nearest one shows (nhsuk-frontend's
/// styles switch them), which screen readers hear as "Back to …".
#[component]
pub fn Breadcrumb(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The pages above this one, the top first; not this page itself.
    #[prop(into)]
    crumbs: Signal<Vec<Crumb>>,
    /// For a dark background.
    #[prop(optional)]
    reverse: bool,
    /// The landmark's name.
    #[prop(optional, into, default = "Breadcrumb".to_string())]
    aria_label: String,
) -> impl IntoView {
    let classes = move || {
        let own = if reverse {
            "nhsuk-breadcrumb nhsuk-breadcrumb--reverse"
        } else {
            "nhsuk-breadcrumb"
        };
        crate::ui::class_list(own, class.get())
    };
    let list = move || {
        crumbs
            .get()
            .into_iter()
            .map(|c| {
                view! {
                    <li class="nhsuk-breadcrumb__list-item">
                        <a class="nhsuk-breadcrumb__link" href=c.href>
                            {c.text}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let back = move || {
        crumbs.get().pop().map(|nearest| {
            view! {
                <BackLink href=nearest.href reverse=reverse visually_hidden_text="Back to">
                    {nearest.text}
                </BackLink>
            }
        })
    };
    view! {
        <nav class=classes aria-label=aria_label>
            <ol class="nhsuk-breadcrumb__list">{list}</ol>
            {back}
        </nav>
    }
}

/// nhsuk-frontend's example trail (also the parity tests' for its
/// "reverse" fixture).
#[doc(hidden)]
pub fn hospitals() -> Vec<Crumb> {
    vec![
        Crumb::new("Home", "#"),
        Crumb::new("NHS services", "#"),
        Crumb::new("Hospitals", "#"),
    ]
}

