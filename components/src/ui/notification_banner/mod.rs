#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::HeadingLevel;
use crate::ui::heading::element;

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
