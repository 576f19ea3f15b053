#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::docs::samples::{NO_PERSONAL, nhs_number_hint};
use crate::docs::{ComponentDocs, Example};
use crate::forms::Field;

/// An NHS.UK hint: help that sits under a field's label or a fieldset's
/// legend, read out with the field (its `id` is in the control's
/// `aria-describedby`).
#[component]
pub fn Hint(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The hint's `id`. Inside a field ([`Field`]), `<field id>-hint`
    /// unless set.
    #[prop(optional, into)]
    id: Option<String>,
    /// The hint: text, or inline markup.
    children: Children,
) -> impl IntoView {
    let id = id.or_else(|| Field::use_context().map(|f| f.hint_id()));
    view! {
        <div class=move || crate::ui::class_list("nhsuk-hint", class.get()) id=id>
            {children()}
        </div>
    }
}

/// The gallery page and tests for [`Hint`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "hint",
    title: "Hint",
    summary: "Help with a question, under its label or legend.",
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Say what to enter, or where to find it.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Hint>
                        {NO_PERSONAL}
                    </Hint>
                }
                .into_any()
            },
        },
        Example {
            name: "with-markup",
            title: "With markup",
            description: "Inline markup, such as a number kept on one line.",
            hidden: false,
            nhsuk_fixture: Some("with HTML"),
            render: || {
                view! {
                    <Hint>
                        {nhs_number_hint()}
                    </Hint>
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the hint.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Hint class="app-hint" id="my-hint" attr:data-test="hint">
                        "A hint"
                    </Hint>
                }
                .into_any()
            },
        },
    ],
};
