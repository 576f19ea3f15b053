//! The header's account area: who is signed in and what they can do.

use leptos::prelude::*;

/// nhsuk-frontend's `user` icon, beside the account's name.
const USER: &str = "M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z";

/// The header's account area, after any [`HeaderSearch`](super::HeaderSearch):
/// a labelled navigation of [`AccountItem`]s (text), [`AccountLink`]s,
/// [`AccountButton`]s (acting in the app) and [`AccountForm`]s (posting to
/// a server).
#[component]
pub fn HeaderAccount(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// What screen readers call the area.
    #[prop(optional, into, default = "Account".to_string())]
    label: String,
    /// The items.
    children: Children,
) -> impl IntoView {
    view! {
        <nav
            class=move || crate::ui::class_list("nhsuk-header__account", class.get())
            aria-label=label
        >
            <ul class="nhsuk-header__account-list">{children()}</ul>
        </nav>
    }
}

// Each kind of item is a component of its own, not one with a variant
// per kind: the app's account area draws text and buttons, and a screen
// pays only for the kinds it uses (every kind's view would otherwise be in
// the first load).

/// Text in the [`HeaderAccount`]: who is signed in.
#[component]
pub fn AccountItem(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The text.
    children: Children,
) -> impl IntoView {
    view! { <li class=move || item_class(class.get())>{children()}</li> }
}

/// A link in the [`HeaderAccount`]: the user's account, or "Log in".
#[component]
pub fn AccountLink(
    /// Extra classes on the item.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Where it goes.
    #[prop(into)]
    href: String,
    /// nhsuk-frontend's user icon before the text.
    #[prop(optional)]
    icon: bool,
    /// The link text.
    children: Children,
) -> impl IntoView {
    let icon = icon.then(|| crate::ui::icon("nhsuk-icon nhsuk-icon--user", USER));
    view! {
        <li class=move || item_class(class.get())>
            <a class="nhsuk-header__account-link" href=href>
                {icon}
                {children()}
            </a>
        </li>
    }
}

/// A button in the [`HeaderAccount`] that acts in the app: lock the
/// screen, sign out.
#[component]
pub fn AccountButton(
    /// Extra classes on the item.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// What it does.
    #[prop(into)]
    on_click: Callback<leptos::ev::MouseEvent>,
    /// The button text.
    children: Children,
) -> impl IntoView {
    view! {
        <li class=move || item_class(class.get())>
            <button
                type="button"
                class="nhsuk-header__account-button"
                on:click=move |ev| on_click.run(ev)
            >
                {children()}
            </button>
        </li>
    }
}

/// A button in the [`HeaderAccount`] that posts a form to a server ("Log
/// out" where the server ends the session).
#[component]
pub fn AccountForm(
    /// Extra classes on the item.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Where the form is posted.
    #[prop(into)]
    action: String,
    /// The button text.
    children: Children,
) -> impl IntoView {
    view! {
        <li class=move || item_class(class.get())>
            <form class="nhsuk-header__account-form" action=action method="post" novalidate>
                <button class="nhsuk-header__account-button">{children()}</button>
            </form>
        </li>
    }
}

fn item_class(extra: Option<String>) -> String {
    crate::ui::class_list("nhsuk-header__account-item", extra)
}
