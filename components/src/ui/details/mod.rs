#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};

/// How a details element looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DetailsVariant {
    /// A link-like summary that reveals help below it.
    #[default]
    Default,
    /// A bordered box, for content that is part of the page's own, shown
    /// one section at a time (nhsuk-frontend's expander).
    Expander,
}

impl DetailsVariant {
    /// The modifier class; `None` for the default.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Self::Default => None,
            Self::Expander => Some("nhsuk-expander"),
        }
    }
}

/// An NHS.UK details element: a summary that opens to show more. It is the
/// browser's own `<details>`, so it opens from the keyboard and is
/// announced as expandable with no script. Whether it is open is two-way.
#[component]
pub fn Details(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The element's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// How it looks.
    #[prop(optional)]
    variant: DetailsVariant,
    /// The summary: what opening it shows ("How to find an NHS number").
    #[prop(into)]
    summary: String,
    /// Whether it is open, two-way: the user opening it sets it.
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
    /// What it shows.
    children: Children,
) -> impl IntoView {
    let open = open.unwrap_or_else(|| RwSignal::new(false));
    let initially = open.get_untracked();
    let classes = move || {
        let own = match variant.as_str() {
            Some(m) => format!("nhsuk-details {m}"),
            None => "nhsuk-details".to_string(),
        };
        crate::ui::class_list(&own, class.get())
    };
    let toggled = move |ev: leptos::ev::Event| {
        let details: web_sys::HtmlDetailsElement = event_target(&ev);
        open.set(details.open());
    };
    view! {
        <details
            class=classes
            id=id
            open=initially
            prop:open=move || open.get()
            on:toggle=toggled
        >
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">{summary}</span>
            </summary>
            <div class="nhsuk-details__text">{children()}</div>
        </details>
    }
}

const NHS_NUMBER: &str = "How to find your NHS number";
const OPENING_TIMES: &str = "Opening times";

/// The gallery page and tests for [`Details`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "details",
    title: "Details",
    summary: "A summary that opens to show more.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Help that most users do not need, one click away.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Details summary=NHS_NUMBER>
                        "You can find your NHS number by logging in to the NHS App or on any document the NHS has sent you."
                    </Details>
                }
                .into_any()
            },
        },
        Example {
            name: "open",
            title: "Open",
            description: "Open to start with.",
            hidden: true,
            nhsuk_fixture: Some("open"),
            render: || {
                view! {
                    <Details summary=NHS_NUMBER open=RwSignal::new(true)>
                        "You can find your NHS number by logging in to the NHS App or on any document the NHS has sent you."
                    </Details>
                }
                .into_any()
            },
        },
        Example {
            name: "expander",
            title: "Expander",
            description: "Part of the page's own content, in a box.",
            hidden: false,
            nhsuk_fixture: Some("expander"),
            render: || {
                view! {
                    <Details variant=DetailsVariant::Expander summary=OPENING_TIMES>
                        "We are open 9am to 6pm, Monday to Saturday."
                    </Details>
                }
                .into_any()
            },
        },
        Example {
            name: "expander-open",
            title: "Expander open",
            description: "Open to start with.",
            hidden: true,
            nhsuk_fixture: Some("expander open"),
            render: || {
                view! {
                    <Details
                        variant=DetailsVariant::Expander
                        summary=OPENING_TIMES
                        open=RwSignal::new(true)
                    >
                        "We are open 9am to 6pm, Monday to Saturday."
                    </Details>
                }
                .into_any()
            },
        },
        Example {
            name: "with-markup",
            title: "With HTML",
            description: "Paragraphs and a list.",
            hidden: false,
            nhsuk_fixture: Some("with HTML"),
            render: || {
                view! {
                    <Details summary=NHS_NUMBER>
                        <p>
                            "An NHS number is a 10 digit number, like "
                            <span class="nhsuk-u-nowrap">"999 123 4567"</span>
                            "."
                        </p>
                        <p>
                            "You can find your NHS number by logging in to the NHS App or on any document the NHS has sent you, such as your:"
                        </p>
                        <ul>
                            <li>"prescriptions"</li>
                            <li>"test results"</li>
                            <li>"hospital referral letters"</li>
                            <li>"appointment letters"</li>
                        </ul>
                        <p>"Ask your GP surgery for help if you cannot find your NHS number."</p>
                    </Details>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the details.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Details class="app-details" id="more" summary="More" attr:data-test="details">
                        "More."
                    </Details>
                }
                .into_any()
            },
        },
    ],
};
