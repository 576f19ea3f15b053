#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};

/// An NHS.UK inset text: a passage set apart from the text around it, that
/// screen readers hear introduced as "Information".
#[component]
pub fn InsetText(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The inset's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// What screen readers hear first.
    #[prop(optional, into, default = "Information".to_string())]
    visually_hidden_text: String,
    /// The passage: paragraphs and links.
    children: Children,
) -> impl IntoView {
    view! {
        <div class=move || crate::ui::class_list("nhsuk-inset-text", class.get()) id=id>
            <span class="nhsuk-u-visually-hidden">{format!("{visually_hidden_text}: ")}</span>
            {children()}
        </div>
    }
}

/// The gallery page and tests for [`InsetText`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "inset-text",
    title: "Inset text",
    summary: "A passage set apart from the text around it.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A paragraph the reader should notice.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <InsetText>
                        <p>
                            "You can report any suspected side effect using the Yellow Card safety scheme"
                        </p>
                    </InsetText>
                }
                .into_any()
            },
        },
        Example {
            name: "with-markup",
            title: "With a link",
            description: "Inline markup, such as a link.",
            hidden: false,
            nhsuk_fixture: Some("with HTML"),
            render: || {
                view! {
                    <InsetText>
                        <p>
                            "You can report any suspected side effect using the "
                            <a href="#">"Yellow Card safety scheme"</a>
                            "."
                        </p>
                    </InsetText>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the inset.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <InsetText
                        class="app-inset"
                        id="signed-out"
                        visually_hidden_text="Note"
                        attr:data-test="inset-text"
                        attr:role="status"
                    >
                        <p>"You have signed out."</p>
                    </InsetText>
                }
                .into_any()
            },
        },
    ],
};
