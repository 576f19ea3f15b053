#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};
use crate::forms::Field;

/// An NHS.UK error message: what is wrong with a field and how to put it
/// right, in red beside the field. Screen readers hear "Error:" first (a
/// visually hidden prefix) and then the message, with the field.
#[component]
pub fn ErrorMessage(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The message's `id`. Inside a field ([`Field`]), `<field id>-error`
    /// unless set.
    #[prop(optional, into)]
    id: Option<String>,
    /// The hidden prefix screen readers hear before the message: `Error`
    /// unless set (`Gwall` in Welsh); empty for none.
    #[prop(optional, into)]
    visually_hidden_text: Option<String>,
    /// The message: say what went wrong and how to fix it ("Enter the NHS
    /// number", not "Invalid input").
    children: Children,
) -> impl IntoView {
    let id = id.or_else(|| Field::use_context().map(|f| f.error_id()));
    let prefix = visually_hidden_text.unwrap_or_else(|| "Error".into());
    view! {
        <span class=move || crate::ui::class_list("nhsuk-error-message", class.get()) id=id>
            {(!prefix.is_empty())
                .then(|| {
                    view! { <span class="nhsuk-u-visually-hidden">{format!("{prefix}: ")}</span> }
                })}
            {children()}
        </span>
    }
}

/// The gallery page and tests for [`ErrorMessage`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "error-message",
    title: "Error message",
    summary: "Says what is wrong with a field and how to put it right.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Beside the field, after its label and hint.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <ErrorMessage>"Enter your full name"</ErrorMessage> }.into_any(),
        },
        Example {
            name: "text-escaping",
            title: "Text escaping",
            description: "Text is text: characters such as & and < are shown, never read as markup.",
            hidden: false,
            nhsuk_fixture: Some("with text escaping"),
            render: || {
                view! { <ErrorMessage>"Postcode must not include & and <"</ErrorMessage> }
                    .into_any()
            },
        },
        Example {
            name: "without-visually-hidden-text",
            title: "Without visually hidden text",
            description: "Only where the message says it is an error in its own words.",
            hidden: false,
            nhsuk_fixture: Some("without visually hidden text"),
            render: || {
                view! {
                    <ErrorMessage visually_hidden_text="">"There is an error on line 42"</ErrorMessage>
                }
                .into_any()
            },
        },
        Example {
            name: "welsh",
            title: "Welsh",
            description: "The hidden prefix in the page's language.",
            hidden: false,
            nhsuk_fixture: Some("with translations"),
            render: || {
                view! {
                    <ErrorMessage visually_hidden_text="Gwall">"Rhowch eich enw llawn"</ErrorMessage>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the message.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <ErrorMessage class="app-error" id="my-error" attr:data-test="error">
                        "Enter a date"
                    </ErrorMessage>
                }
                .into_any()
            },
        },
    ],
};
