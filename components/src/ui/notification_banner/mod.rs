#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::HeadingLevel;
use crate::ui::heading::element;

/// nhsuk-frontend's id for a banner's title, where neither the banner nor
/// its title has one of its own.
const DEFAULT_TITLE_ID: &str = "nhsuk-notification-banner-title";

/// An NHS.UK notification banner: something the user needs to know that is
/// not about what they are doing now ("The patient's record was updated in
/// another window"), or, as a success banner, the outcome of what they just
/// did ("Observations saved").
///
/// A success banner is an alert and takes focus when it appears, as
/// nhsuk-frontend's script makes it, so keyboard and screen reader users
/// meet it first; `disable_auto_focus` leaves focus where it is. Other
/// banners are a region labelled by their title, found among the page's
/// landmarks.
#[component]
pub fn NotificationBanner(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The banner's `id`; its title's is `{id}-title` unless `title_id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The title in the banner's coloured bar: "Important", or "Success"
    /// for a success banner, unless given.
    #[prop(optional, into)]
    title: Option<String>,
    /// The title's id, which labels the banner. Two banners on one page
    /// need different ones (or ids of their own).
    #[prop(optional, into)]
    title_id: Option<String>,
    /// The title's heading level: `h2` unless given.
    #[prop(optional)]
    title_level: Option<HeadingLevel>,
    /// A heading in the content (`h3`).
    #[prop(optional, into)]
    heading: Option<String>,
    /// The message: the content's heading where there is no `heading`, a
    /// paragraph under it where there is. Children, if any, follow it.
    #[prop(optional, into)]
    text: Option<String>,
    /// The outcome of what the user just did, in green; an alert that
    /// takes focus.
    #[prop(optional)]
    success: bool,
    /// A role instead of `alert` (success) or `region` (otherwise).
    #[prop(optional, into)]
    role: Option<String>,
    /// `Some(true)`: a success banner does not take focus. Rendered as
    /// `data-disable-auto-focus` when set either way.
    #[prop(optional)]
    disable_auto_focus: Option<bool>,
    /// More content: lists, links (`nhsuk-notification-banner__link`).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let role = role.unwrap_or_else(|| if success { "alert" } else { "region" }.into());
    let title_id = title_id
        .or_else(|| id.as_ref().map(|id| format!("{id}-title")))
        .unwrap_or_else(|| DEFAULT_TITLE_ID.into());
    let title = title.unwrap_or_else(|| if success { "Success" } else { "Important" }.into());

    let root = NodeRef::<leptos::html::Div>::new();
    if role == "alert" && disable_auto_focus != Some(true) {
        crate::ui::focus_when_shown(root);
    }

    let message = match (&heading, text) {
        (None, Some(text)) => {
            Some(view! { <p class="nhsuk-notification-banner__heading">{text}</p> }.into_any())
        }
        (Some(_), Some(text)) => Some(view! { <p class="nhsuk-body">{text}</p> }.into_any()),
        (_, None) => None,
    };
    let classes = move || {
        let own = if success {
            "nhsuk-notification-banner nhsuk-notification-banner--success"
        } else {
            "nhsuk-notification-banner"
        };
        crate::ui::class_list(own, class.get())
    };
    let header = element(
        title_level.unwrap_or(HeadingLevel::H2),
        Some("nhsuk-notification-banner__title".into()),
        Some(title_id.clone()),
        title.into_any(),
    );
    view! {
        <div
            node_ref=root
            class=classes
            id=id
            data-module="nhsuk-notification-banner"
            data-disable-auto-focus=disable_auto_focus.map(|d| if d { "true" } else { "false" })
            role=role
            aria-labelledby=title_id
        >
            <div class="nhsuk-notification-banner__header">
                {header}
            </div>
            <div class="nhsuk-notification-banner__content">
                {heading
                    .map(|h| {
                        view! { <h3 class="nhsuk-notification-banner__heading">{h}</h3> }
                    })} {message} {children.map(|c| c())}
            </div>
        </div>
    }
}

/// The gallery page and tests for [`NotificationBanner`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "notification-banner",
    title: "Notification banner",
    summary: "Something the user needs to know, or the outcome of what they just did.",
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
