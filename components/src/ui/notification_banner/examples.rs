//! Notification banner's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`NotificationBanner`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "notification-banner",
    title: "Notification banner",
    summary: "Something the user needs to know, or the outcome of what they just did.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Something the user needs to know, not about what they are doing.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! { <NotificationBanner text="The patient record was updated." /> }.into_any()
            },
        },
        Example {
            name: "with-success-variant",
            title: "With success variant",
            description: "The outcome of what the user just did: it takes focus on its own page.",
            hidden: true,
            nhsuk_fixture: Some("with success variant"),
            render: || {
                view! { <NotificationBanner success=true text="Email sent to example@email.com" /> }
                    .into_any()
            },
        },
        Example {
            name: "observations-saved",
            title: "Observations saved",
            description: "A success banner: an alert that takes focus on its own page.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <NotificationBanner
                        success=true
                        id="observations-saved"
                        heading="Observations saved"
                        text="NEWS2 score 3 for JONES, Sarah (Mrs), recorded at 14:05."
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-a-list",
            title: "With a list",
            description: "A heading, then a list of links.",
            hidden: false,
            nhsuk_fixture: Some("with a list"),
            render: || {
                // Its own title id: the default example has nhsuk-frontend's.
                let files = [
                    "government-strategy.pdf",
                    "government-strategy-v2.pdf",
                    "government-strategy-v3-FINAL.pdf",
                    "government-strategy-v4-FINAL-v2.pdf",
                ];
                view! {
                    <NotificationBanner heading="4 files uploaded">
                        <ul class="nhsuk-list nhsuk-list--bullet">
                            {files
                                .into_iter()
                                .map(|f| {
                                    view! {
                                        <li>
                                            <a href="#" class="nhsuk-notification-banner__link">
                                                {f}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </NotificationBanner>
                }
                .into_any()
            },
        },
        Example {
            name: "with-custom-title",
            title: "With custom title",
            description: "A title other than \"Important\".",
            hidden: true,
            nhsuk_fixture: Some("with custom title"),
            render: || {
                view! {
                    <NotificationBanner
                        title="Important information"
                        text="The patient record was updated."
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "record-changed",
            title: "Record changed elsewhere",
            description: "A heading and a paragraph, with a link to act on it.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <NotificationBanner
                        id="record-changed"
                        heading="This record changed while you were viewing it"
                        text="Dr Patel added an allergy at 14:02."
                    >
                        <p class="nhsuk-body">
                            <a href="#" class="nhsuk-notification-banner__link">
                                "See the latest record"
                            </a>
                        </p>
                    </NotificationBanner>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the banner.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <NotificationBanner
                        class="app-banner"
                        id="notice"
                        attr:data-test="banner"
                        text="Ward 7B moves to the new building on Monday."
                    />
                }
                .into_any()
            },
        },
    ],
};
