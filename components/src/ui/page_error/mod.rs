#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::ui::{Button, ButtonVariant};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
