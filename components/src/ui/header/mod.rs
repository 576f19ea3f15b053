#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};

mod navigation;
mod search;
pub use navigation::{HeaderNavigation, NavItem, items_in_bar};
pub use search::HeaderSearch;

/// The NHS identifier, drawn as nhsuk-frontend draws it. It is a mark, not an
/// icon: its geometry must not be altered.
const NHS_LOGO_PATH: &str = "M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z";

/// The NHS.UK header with the NHS logo and the service name, both linking home.
///
/// `children` follow the service at the right: a [`HeaderSearch`], then the
/// account area (signed-in user, sign out).
#[component]
pub fn Header(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The service name beside the logo, such as "Bedside".
    #[prop(into)]
    service_name: Signal<String>,
    /// Where the logo and service name link to.
    #[prop(optional, into, default = "/".to_string())]
    service_href: String,
    /// A [`HeaderSearch`], then the account area: usually the signed-in
    /// user and a sign-out button.
    #[prop(optional)]
    children: Option<Children>,
    /// A [`HeaderNavigation`], in a bar below: a slot rather than a list
    /// of links, so a header without one carries none of its code.
    #[prop(optional)]
    navigation: Option<Children>,
) -> impl IntoView {
    let label = move || format!("NHS {} homepage", service_name.get());
    view! {
        <header
            class=move || crate::ui::class_list("nhsuk-header", class.get())
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
                        <span class="nhsuk-header__service-name">{service_name}</span>
                    </a>
                </div>
                {children.map(|c| c())}
            </div>
            {navigation.map(|n| n())}
        </header>
    }
}

/// The gallery page and tests for [`Header`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "header",
    title: "Header",
    summary: "Tells users they are using an NHS service and which one.",
    examples: &[
        Example {
            name: "service-name",
            title: "Service name linked with the logo",
            description: "The logo and service name link to the service's home page.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <Header service_name="Bedside" /> }.into_any(),
        },
        Example {
            name: "nhsuk-linked-with-logo",
            title: "With service name (linked with logo)",
            description: "nhsuk-frontend's own example of the same header, to compare markup with.",
            hidden: true,
            nhsuk_fixture: Some("with service name (linked with logo)"),
            render: || {
                view! { <Header service_name="Prototype kit" service_href="#" /> }.into_any()
            },
        },
        Example {
            name: "search",
            title: "Service name with search",
            description: "A search that stays in the app: it runs when the form is submitted, without a reload.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let searched = RwSignal::new(String::new());
                view! {
                    <Header service_name="Bedside">
                        <HeaderSearch
                            label="Search patients by name or NHS number"
                            placeholder="Name or NHS number"
                            on_search=move |text| searched.set(text)
                        />
                    </Header>
                    <p aria-live="polite">
                        {move || {
                            let text = searched.get();
                            (!text.is_empty()).then(|| format!("Searched for “{text}”"))
                        }}
                    </p>
                }
                .into_any()
            },
        },
        Example {
            name: "with-navigation",
            title: "Navigation with a More menu",
            description: "The service's sections in a bar below; those that do not fit go into a \"More\" menu. Narrow the window to see it.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let sections = [
                    "Patients",
                    "Ward list",
                    "Observations",
                    "Results",
                    "Medicines",
                    "Handover",
                    "Reports",
                ];
                let items: Vec<NavItem> = sections
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let item = NavItem::new(s, "#");
                        if i == 1 { item.current() } else { item }
                    })
                    .collect();
                view! {
                    <Header
                        service_name="Bedside"
                        service_href="#"
                        navigation=Box::new(move || {
                            view! { <HeaderNavigation items=items /> }.into_any()
                        })
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "nhsuk-navigation",
            title: "nhsuk-frontend's navigation",
            description: "The navigation of nhsuk-frontend's \"with navigation\" example, to compare the navigation's markup with.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                let items = vec![
                    NavItem::new("Health A to Z", "#"),
                    NavItem::new("Live Well", "#"),
                    NavItem::new("Mental health", "#"),
                    NavItem::new("Care and support", "#"),
                    NavItem::new("Pregnancy", "#").current(),
                    NavItem::new("NHS services", "#"),
                ];
                view! {
                    <Header
                        service_name="NHS"
                        service_href="#"
                        navigation=Box::new(move || {
                            view! { <HeaderNavigation items=items /> }.into_any()
                        })
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "nhsuk-search",
            title: "nhsuk-frontend's search",
            description: "The search of nhsuk-frontend's \"with service name, search, account, navigation\" example, to compare the search element's markup with.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Header service_name="Search patient directory" service_href="#">
                        <HeaderSearch
                            label="Search patients by name or NHS number"
                            placeholder="Name or NHS number"
                            action="https://www.nhs.uk/search/"
                        />
                    </Header>
                }
                .into_any()
            },
        },
    ],
};

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
