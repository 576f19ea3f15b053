//! Footer's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`Footer`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "footer",
    title: "Footer",
    summary: "Support links and copyright at the foot of every page.",
    workbench: None,
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
