#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};

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

/// The NHS.UK footer with support links and a copyright line.
#[component]
pub fn Footer(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Support links, in order.
    #[prop(optional, into)]
    links: Vec<FooterLink>,
    /// The copyright line.
    #[prop(optional, into, default = "© NHS England".to_string())]
    copyright: String,
) -> impl IntoView {
    view! {
        <footer
            class=move || crate::ui::class_list("nhsuk-footer", class.get())
            role="contentinfo"
        >
            <div class="nhsuk-width-container">
                <div class="nhsuk-footer__meta">
                    <h2 class="nhsuk-u-visually-hidden">"Support links"</h2>
                    <ul class="nhsuk-footer__list">
                        {links
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
                            .collect_view()}
                    </ul>
                    <p class="nhsuk-body-s">{copyright}</p>
                </div>
            </div>
        </footer>
    }
}

/// The gallery page and tests for [`Footer`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "footer",
    title: "Footer",
    summary: "Support links and copyright at the foot of every page.",
    examples: &[Example {
        name: "default",
        title: "Default",
        description: "The five support links most NHS services need.",
        hidden: false,
        nhsuk_fixture: Some("default"),
        render: || {
            view! {
                <Footer links=vec![
                    FooterLink::new("Accessibility statement", "#"),
                    FooterLink::new("Contact us", "#"),
                    FooterLink::new("Cookies", "#"),
                    FooterLink::new("Privacy policy", "#"),
                    FooterLink::new("Terms and conditions", "#"),
                ] />
            }
            .into_any()
        },
    }],
};
