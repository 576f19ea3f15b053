#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};

mod navigation;
pub use navigation::{ColumnWidth, FooterColumn, FooterNavigation};

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

/// `FooterLink`s to `#`, for the examples.
fn links(texts: &[&str]) -> Vec<FooterLink> {
    texts.iter().map(|text| FooterLink::new(*text, "#")).collect()
}

/// The support links most NHS services need.
fn support_links() -> Vec<FooterLink> {
    links(&[
        "Accessibility statement",
        "Contact us",
        "Cookies",
        "Privacy policy",
        "Terms and conditions",
    ])
}

/// The gallery page and tests for [`Footer`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "footer",
    title: "Footer",
    summary: "Support links and copyright at the foot of every page.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "The five support links most NHS services need.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <Footer links=support_links() /> }.into_any(),
        },
        Example {
            name: "columns",
            title: "With columns and headings",
            description: "Columns of links above the support links, each under a heading.",
            hidden: false,
            // Compared without the support links, which nhsuk-frontend's
            // fixture leaves out (tests/nhsuk_parity.rs).
            nhsuk_fixture: None,
            render: || {
                let columns = vec![
                    FooterColumn::new(links(&[
                        "Looking after your data",
                        "Freedom of information",
                        "Modern Slavery and human trafficking statement",
                    ]))
                    .heading("Legal"),
                    FooterColumn::new(links(&[
                        "Contact us",
                        "Press office",
                        "Tell us what you think of our website",
                        "RSS feeds",
                    ]))
                    .heading("Get in touch"),
                    FooterColumn::new(links(&["LinkedIn", "YouTube"])).heading("Follow us"),
                ];
                view! {
                    <Footer navigation=Box::new(move || {
                        view! { <FooterNavigation columns=columns /> }.into_any()
                    }) />
                }
                .into_any()
            },
        },
        Example {
            name: "meta-text",
            title: "With support links and text",
            description: "Something the service must say, under its support links.",
            hidden: false,
            nhsuk_fixture: Some("with meta links and text"),
            render: || {
                view! {
                    <Footer links=support_links() copyright="© Crown copyright">
                        <p class="nhsuk-body-s">
                            "All content is available under the Open Government Licence v3.0, except where otherwise stated."
                        </p>
                    </Footer>
                }
                .into_any()
            },
        },
        Example {
            name: "trust",
            title: "A trust's footer",
            description: "Three columns to a row: two of links and a wide one saying who runs the service; the trust's copyright.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let columns = vec![
                    FooterColumn::new(links(&["About us", "Give us feedback", "Accessibility statement"])),
                    FooterColumn::new(links(&["Cookies", "Privacy policy", "Terms and conditions"])),
                    FooterColumn::new(Vec::new())
                        .text("Bedside is run by the trust's digital team for its wards. Report a problem to the IT service desk on extension 4357.")
                        .width(ColumnWidth::OneHalf),
                ];
                view! {
                    <Footer
                        navigation=Box::new(move || {
                            view! {
                                <FooterNavigation
                                    columns=columns
                                    per_row=3
                                />
                            }
                            .into_any()
                        })
                        copyright="© 2026 Anytown Anyplace Anywhere NHS Foundation Trust"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "four-columns",
            title: "Four columns to a row",
            description: "nhsuk-frontend's four columns sharing a row, to compare markup with.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                let columns = vec![
                    FooterColumn::new(links(&[
                        "Home",
                        "Health A to Z",
                        "NHS services",
                        "Live Well",
                        "Mental health",
                        "Care and support",
                        "Accessibility statement",
                        "Pregnancy",
                        "COVID-19",
                    ])),
                    FooterColumn::new(links(&[
                        "NHS App",
                        "Find my NHS number",
                        "View your GP health records",
                        "View your test results",
                        "About the NHS",
                        "Healthcare abroad",
                    ])),
                    FooterColumn::new(links(&["Other NHS websites", "Profile editor login"])),
                    FooterColumn::new(links(&[
                        "About us",
                        "Give us feedback",
                        "Accessibility statement",
                        "Our policies",
                        "Cookies",
                    ])),
                ];
                view! {
                    <Footer
                        navigation=Box::new(move || {
                            view! { <FooterNavigation columns=columns /> }.into_any()
                        })
                        copyright="© Crown copyright"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the footer.",
            hidden: true,
            nhsuk_fixture: None,
            render: || view! { <Footer class="app-footer" attr:data-test="footer" /> }.into_any(),
        },
    ],
};
