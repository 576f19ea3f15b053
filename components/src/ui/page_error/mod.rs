#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::ui::{Button, ButtonVariant};

/// Bedside's full-page error, in NHS.UK's words for a service that cannot
/// do what was asked: what went wrong for the user, the server's own
/// explanation where it gave one (a FHIR OperationOutcome's issues), and a
/// way on. Its heading takes focus when it appears, so keyboard and screen
/// reader users start there.
#[component]
pub fn PageError(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The heading: "Sorry, there is a problem with the service" unless given.
    #[prop(optional, into)]
    heading: Option<String>,
    /// What went wrong, in the user's words (a `FhirError`'s `Display`).
    #[prop(into)]
    problem: String,
    /// The server's explanation, one line an issue
    /// (`FhirError::issue_messages`); none shown when empty.
    #[prop(optional)]
    details: Vec<String>,
    /// A "Try again" button, for a failure that may pass.
    #[prop(optional, into)]
    retry: Option<Callback<()>>,
    /// What else to do: who to contact, another way to the record.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let title = NodeRef::<leptos::html::H1>::new();
    crate::ui::focus_when_shown(title);
    let details = (!details.is_empty()).then(|| {
        view! {
            <p class="nhsuk-body">"The clinical record system said:"</p>
            <ul class="nhsuk-list nhsuk-list--bullet">
                {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <div class=move || crate::ui::class_list("bedside-page-error", class.get())>
            <h1 node_ref=title class="nhsuk-heading-l">
                {heading.unwrap_or_else(|| "Sorry, there is a problem with the service".into())}
            </h1>
            <p class="nhsuk-body">{problem}</p>
            {details}
            {children.map(|c| c())}
            {retry
                .map(|retry| {
                    view! {
                        <Button
                            variant=ButtonVariant::Secondary
                            on_click=Callback::new(move |_| retry.run(()))
                        >
                            "Try again"
                        </Button>
                    }
                })}
        </div>
    }
}

/// The gallery page and tests for [`PageError`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "page-error",
    title: "Page error",
    summary: "A page that could not be shown: why, and a way on.",
    examples: &[
        Example {
            name: "server-error",
            title: "Server error, with a retry",
            description: "The FHIR server failed: the user's words, then a way to try again.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PageError
                        problem="The clinical record system has a problem. Try again later; if it keeps happening, contact the service desk."
                        retry=Callback::new(|_| ())
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "operation-outcome",
            title: "With the server's explanation",
            description: "The issues of the server's OperationOutcome, as it gave them.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PageError
                        heading="Sarah Jones's results could not be shown"
                        problem="The clinical record system could not accept this."
                        details=vec![
                            "Observation.subject: the patient's record has been merged into another"
                                .to_string(),
                        ]
                    >
                        <p class="nhsuk-body">
                            "Search for the patient again to find their current record."
                        </p>
                    </PageError>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the page's error.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PageError class="app-error" attr:data-test="error" problem="Not available." />
                }
                .into_any()
            },
        },
    ],
};
