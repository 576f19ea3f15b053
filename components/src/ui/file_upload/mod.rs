#![doc = include_str!("docs.md")]

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::forms::Field;
use crate::ui::form_group::{Question, group};
use crate::ui::{HeadingLevel, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK file upload in its form group, with its label, hint and error
/// message: the browser's own file chooser, which every assistive
/// technology knows, labelled and described like any other question.
#[component]
pub fn FileUpload(
    /// Extra classes on the `<input>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `name` sent with the form; also the input's `id` unless `id` is set.
    #[prop(into)]
    name: String,
    /// The input's `id`, when it cannot be `name`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The question.
    #[prop(into)]
    label: String,
    /// How large the label is.
    #[prop(optional)]
    label_size: LabelSize,
    /// Wraps the label in a heading (`H1` when the question is the page's).
    #[prop(default = None, into)]
    label_heading: Option<HeadingLevel>,
    /// Help under the label: what kinds of file, how large.
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// What is wrong with the file chosen, shown while `Some`.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// Several files at once.
    #[prop(optional)]
    multiple: bool,
    /// The kinds of file the chooser offers (`.pdf,image/*`). The server
    /// must still check what it is sent.
    #[prop(optional, into)]
    accept: Option<String>,
    /// Disables the input (avoid: say why it is not needed instead).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Called when the user chooses files (`HtmlInputElement::files` on
    /// its target has them).
    #[prop(optional, into)]
    on_change: Option<Callback<web_sys::Event>>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.clone());
    let controls = move || {
        let field = Field::use_context().unwrap_or_else(|| Field::new(name.clone()));
        view! {
            <input
                class=move || crate::ui::class_list("nhsuk-file-upload__input", class.get())
                id=field.id.clone()
                name=name
                type="file"
                multiple=multiple
                accept=accept
                disabled=move || disabled.get()
                aria-describedby=move || field.describes(false)
                on:change=move |ev| {
                    if let Some(on_change) = on_change {
                        on_change.run(ev);
                    }
                }
            />
        }
        .into_any()
    };
    let question = Question {
        id,
        label: Some(label),
        label_size,
        label_heading,
        fieldset: false,
        role: None,
        label_hidden: false,
        hint,
        error,
    };
    group(question, "nhsuk-file-upload".into(), Box::new(controls))
        .add_any_attr(custom_attribute("data-module", "nhsuk-file-upload"))
}
