#![doc = include_str!("docs.md")]

use leptos::prelude::*;


mod account;
#[cfg(any(test, feature = "examples"))]
pub mod examples;
mod navigation;
mod organisation;
mod search;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;
pub use account::{AccountButton, AccountForm, AccountItem, AccountLink, HeaderAccount};
pub use navigation::{HeaderNavigation, NavItem, items_in_bar};
pub use organisation::Organisation;
pub use search::HeaderSearch;

/// The NHS identifier, drawn as nhsuk-frontend draws it. It is a mark, not an
/// icon: its geometry must not be altered.
const NHS_LOGO_PATH: &str = "M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z";

/// The NHS.UK header: the NHS logo and the service name, one link home.
/// [`OrganisationHeader`] adds an organisation's name.
///
/// `children` follow the service at the right: a [`HeaderSearch`], then the
/// [`HeaderAccount`] (signed-in user, sign out).
#[component]
pub fn Header(
    /// Extra classes, nhsuk-frontend's white and inline modifiers among
    /// them (see the gallery).
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The service name beside the logo, such as "Bedside".
    #[prop(into)]
    service_name: Signal<String>,
    /// Where the logo and service name link to.
    #[prop(optional, into, default = "/".to_string())]
    service_href: String,
    /// A [`HeaderSearch`], then a [`HeaderAccount`].
    #[prop(optional)]
    children: Option<Children>,
    /// A [`HeaderNavigation`], in a bar below: a slot rather than a list
    /// of links, so a header without one carries none of its code.
    #[prop(optional)]
    navigation: Option<Children>,
) -> impl IntoView {
    let parts = HeaderParts {
        class,
        service_name,
        service_href,
        children,
        navigation,
    };
    header_view(
        parts,
        "nhsuk-header",
        move || format!("NHS {} homepage", service_name.get()),
        view! { <span class="nhsuk-header__service-name">{service_name}</span> },
    )
}

/// The NHS.UK header of an organisation's service: the NHS logo with the
/// organisation's name (an NHS organisation's logo, in the NHS identity
/// guidelines), then the service name if there is one, all one link home.
/// A component of its own rather than a prop of [`Header`], so the app's
/// header does not carry the code that draws an organisation.
#[component]
pub fn OrganisationHeader(
    /// Extra classes, nhsuk-frontend's white and inline modifiers among
    /// them (see the gallery).
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The organisation whose service this is.
    organisation: Organisation,
    /// The service name, such as "Bedside"; none on the organisation's own
    /// site.
    #[prop(optional, into)]
    service_name: Signal<String>,
    /// Where the logo and names link to.
    #[prop(optional, into, default = "/".to_string())]
    service_href: String,
    /// A [`HeaderSearch`], then a [`HeaderAccount`].
    #[prop(optional)]
    children: Option<Children>,
    /// A [`HeaderNavigation`], in a bar below.
    #[prop(optional)]
    navigation: Option<Children>,
) -> impl IntoView {
    organisation.header(HeaderParts {
        class,
        service_name,
        service_href,
        children,
        navigation,
    })
}

/// What every header has, whoever draws it.
pub(super) struct HeaderParts {
    class: MaybeProp<String>,
    service_name: Signal<String>,
    service_href: String,
    children: Option<Children>,
    navigation: Option<Children>,
}

/// nhsuk-frontend's header markup, with `names` after the logo in the home
/// link that `label` names.
pub(super) fn header_view(
    parts: HeaderParts,
    base: &'static str,
    label: impl Fn() -> String + Send + Sync + 'static,
    names: impl IntoView + 'static,
) -> impl IntoView {
    let HeaderParts {
        class,
        service_href,
        children,
        navigation,
        ..
    } = parts;
    view! {
        <header
            class=move || crate::ui::class_list(base, class.get())
            data-module="nhsuk-header"
            role="banner"
        >
            <div class="nhsuk-header__container nhsuk-width-container">
                <div class="nhsuk-header__service">
                    <a class="nhsuk-header__service-logo" href=service_href aria-label=label>
                        <svg
                            class="nhsuk-header__logo"
                            xmlns="http://www.w3.org/2000/svg"
                            viewBox="0 0 200 80"
                            height="40"
                            width="100"
                            focusable="false"
                            role="img"
                            aria-label="NHS"
                        >
                            <title>"NHS"</title>
                            <path fill="currentcolor" d=NHS_LOGO_PATH></path>
                        </svg>
                        {names}
                    </a>
                </div>
                {children.map(|c| c())}
            </div>
            {navigation.map(|n| n())}
        </header>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    #[test]
    fn logo_and_service_name_share_one_labelled_home_link() {
        let html = normalize_html(&render_to_html(
            || view! { <Header service_name="Bedside" service_href="/home" /> },
        ));
        assert!(
            html.starts_with(
                r#"<header class="nhsuk-header" data-module="nhsuk-header" role="banner">"#
            ),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<a aria-label="NHS Bedside homepage" class="nhsuk-header__service-logo" href="/home">"#
            ),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"nhsuk-header__service-name\">\nBedside\n</span>\n</a>"),
            "service name inside the link: {html}"
        );
        assert!(html.contains(NHS_LOGO_PATH), "logo drawn");
    }

    #[test]
    fn children_fill_the_account_area_inside_the_container() {
        let html = normalize_html(&render_to_html(|| {
            view! { <Header service_name="Bedside"><nav aria-label="Account">"Dr A"</nav></Header> }
        }));
        assert!(
            html.contains("</div>\n<nav aria-label=\"Account\">\nDr A\n</nav>\n</div>\n</header>"),
            "{html}"
        );
    }

    #[test]
    fn the_search_comes_before_the_account_area_with_its_form_in_the_app() {
        let html = normalize_html(&render_to_html(|| {
            view! {
                <Header service_name="Bedside">
                    <HeaderSearch label="Search patients" on_search=|_| ()/>
                    <nav aria-label="Account">"Dr A"</nav>
                </Header>
            }
        }));
        let search = html.find(r#"<search class="nhsuk-header__search">"#).expect(&html);
        let account = html.find(r#"<nav aria-label="Account">"#).expect(&html);
        assert!(search < account, "{html}");
        assert!(
            html.contains(
                r#"<form class="nhsuk-header__search-form" id="search" method="get" novalidate>"#
            ),
            "no action: the form stays on this page: {html}"
        );
        assert!(html.contains(r#"placeholder="Search""#), "nhsuk-frontend's placeholder: {html}");
        assert!(html.contains(r#"name="q""#), "nhsuk-frontend's name: {html}");
    }
}
