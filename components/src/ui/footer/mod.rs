#![doc = include_str!("docs.md")]

use leptos::prelude::*;


mod navigation;
pub use navigation::{ColumnWidth, FooterColumn, FooterNavigation};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// One support link in the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FooterLink {
    /// The link text.
    pub text: String,
    /// Where it goes.
    pub href: String,
}

impl FooterLink {
    /// A link with this text and address.
    pub fn new(text: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            href: href.into(),
        }
    }
}

/// The NHS.UK footer: columns of links if a [`FooterNavigation`] is given,
/// then the support links, anything else the service must say, and the
/// copyright line.
#[component]
pub fn Footer(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// A [`FooterNavigation`]: columns of links above the support links. A
    /// slot rather than a list, so a footer without one carries none of
    /// its code.
    #[prop(optional)]
    navigation: Option<Children>,
    /// Support links (accessibility statement, privacy), in order.
    #[prop(optional, into)]
    links: Vec<FooterLink>,
    /// The copyright line.
    #[prop(optional, into, default = "© NHS England".to_string())]
    copyright: String,
    /// What else the service must say under the support links (a licence,
    /// a version), as paragraphs with the `nhsuk-body-s` class.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <footer
            class=move || crate::ui::class_list("nhsuk-footer", class.get())
            role="contentinfo"
        >
            <div class="nhsuk-width-container">
                {navigation.map(|n| n())}
                <div class="nhsuk-footer__meta">
                    <h2 class="nhsuk-u-visually-hidden">"Support links"</h2>
<ul class="nhsuk-footer__list">{footer_items(links)}</ul>
                    {children.map(|c| c())}
                    <p class="nhsuk-body-s">{copyright}</p>
                </div>
            </div>
        </footer>
    }
}

/// The items of a list of the footer's links, in the support links or a
/// column.
pub(super) fn footer_items(links: Vec<FooterLink>) -> impl IntoView {
    links
        .into_iter()
        .map(|link| {
            view! {
                <li class="nhsuk-footer__list-item">
                    <a class="nhsuk-footer__list-item-link" href=link.href>
                        {link.text}
                    </a>
                </li>
            }
        })
        .collect_view()
}
