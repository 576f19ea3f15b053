//! The header's gallery examples, in a file of their own: the first
//! stylesheet is built from `header/mod.rs`, and the modifier classes the
//! examples name are not for the app's header.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`Header`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "header",
    title: "Header",
    summary: "Tells users they are using an NHS service and which one.",
    workbench: None,
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
            name: "organisation",
            title: "Organisation name",
            description: "A trust's name beside the NHS logo, split over two lines with what kind of organisation it is under it, as the NHS identity guidelines set out a trust's logo.",
            hidden: false,
            // Compared in tests/nhsuk_parity.rs: the home link's name
            // differs, to say the descriptor it shows (WCAG 2.5.3).
            nhsuk_fixture: None,
            render: || {
                view! {
                    <OrganisationHeader
                        service_href="#"
                        organisation=Organisation::new("Anytown Anyplace")
                            .split("Anywhere")
                            .descriptor("NHS Foundation Trust")
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "organisation-service",
            title: "A trust's service, white",
            description: "The trust's name and the service's, one link home, on white; the account area after them.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <OrganisationHeader
                        service_name="Bedside"
                        service_href="#"
                        class="nhsuk-header--white"
                        organisation=Organisation::new("Leeds Teaching Hospitals")
                            .descriptor("NHS Trust")
                    >
                        <HeaderAccount>
                            <AccountLink href="#" icon=true>"Staff Nurse Jo Bloggs"</AccountLink>
                            <AccountButton on_click=|_| ()>"Sign out"</AccountButton>
                        </HeaderAccount>
                    </OrganisationHeader>
                }
                .into_any()
            },
        },
        Example {
            name: "account",
            title: "Account area",
            description: "Who is signed in, then what they can do: buttons that act in the app (lock the screen, sign out).",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let said = RwSignal::new("");
                view! {
                    <Header service_name="Bedside" service_href="#">
                        <HeaderAccount>
                            <AccountItem>
                                <span class="nhsuk-u-visually-hidden">"Signed in as "</span>
                                "Dr Amara Okafor"
                            </AccountItem>
                            <AccountButton on_click=move |_| said.set("Screen locked")>
                                "Lock screen"
                            </AccountButton>
                            <AccountButton on_click=move |_| said.set("Signed out")>
                                "Sign out"
                            </AccountButton>
                        </HeaderAccount>
                    </Header>
                    <p aria-live="polite">{move || said.get()}</p>
                }
                .into_any()
            },
        },
        Example {
            name: "inline",
            title: "Inline",
            description: "Logo, service and account on one line from the tablet breakpoint up, for a short header.",
            hidden: false,
            nhsuk_fixture: Some("with service name, account inline (logged in) (blue)"),
            render: || {
                view! {
                    <Header
                        class="nhsuk-header--inline"
                        service_name="Get a self-test kit for HIV"
                        service_href="#"
                    >
                        <HeaderAccount>
                            <AccountForm action="#">"Log out"</AccountForm>
                        </HeaderAccount>
                    </Header>
                }
                .into_any()
            },
        },
        Example {
            name: "nhsuk-account",
            title: "nhsuk-frontend's account area",
            description: "The account area of nhsuk-frontend's \"with account (logged in)\" example: a link with the user icon and a form that logs out, to compare the account's markup with.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Header service_name="Bedside" service_href="#" class="nhsuk-header--white">
                        <HeaderAccount>
                            <AccountLink href="#" icon=true>
                                "florence.nightingale@nhs.net"
                            </AccountLink>
                            <AccountForm action="#">"Log out"</AccountForm>
                        </HeaderAccount>
                    </Header>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the header.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <Header class="app-header" attr:data-test="header" service_name="Bedside" /> }
                    .into_any()
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

