#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// How a details element looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DetailsVariant {
    /// A link-like summary that reveals help below it.
    #[default]
    Default,
    /// A bordered box, for content that is part of the page's own, shown
    /// one section at a time (nhsuk-frontend's expander).
    Expander,
}

impl DetailsVariant {
    /// The modifier class; `None` for the default.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Self::Default => None,
            Self::Expander => Some("nhsuk-expander"),
        }
    }
}

/// An NHS.UK details element: a summary that opens to show more. It is the
/// browser's own `<details>`, so it opens from the keyboard and is
/// announced as expandable with no script. Whether it is open is two-way.
#[component]
pub fn Details(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The element's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// How it looks.
    #[prop(optional)]
    variant: DetailsVariant,
    /// The summary: what opening it shows ("How to find an NHS number").
    #[prop(into)]
    summary: String,
    /// Whether it is open, two-way: the user opening it sets it.
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
    /// What it shows.
    children: Children,
) -> impl IntoView {
    let open = open.unwrap_or_else(|| RwSignal::new(false));
    let initially = open.get_untracked();
    let classes = move || {
        let own = match variant.as_str() {
            Some(m) => format!("nhsuk-details {m}"),
            None => "nhsuk-details".to_string(),
        };
        crate::ui::class_list(&own, class.get())
    };
    let toggled = move |ev: leptos::ev::Event| {
        let details: web_sys::HtmlDetailsElement = event_target(&ev);
        open.set(details.open());
    };
    view! {
        <details
            class=classes
            id=id
            open=initially
            prop:open=move || open.get()
            on:toggle=toggled
        >
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">{summary}</span>
            </summary>
            <div class="nhsuk-details__text">{children()}</div>
        </details>
    }
}
