#![doc = include_str!("docs.md")]

use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use leptos::tachys::view::add_attr::AddAnyAttr;

use crate::forms::Field;
use crate::ui::form_group::{Question, group};
use crate::ui::input::input_classes;
use crate::ui::{Button, ButtonType, ButtonVariant, HeadingLevel, InputWidth, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK password input: a password field with a "Show" button that
/// reveals what was typed, so people can check it, and says so to screen
/// readers ("Your password is visible"), as nhsuk-frontend's script does.
/// The password is hidden again when its form is submitted, so it is never
/// left showing on a shared screen, and the browser offers to save it as a
/// password.
#[component]
pub fn PasswordInput(
    /// Extra classes on the `<input>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `name` sent with the form; also the input's `id` unless `id` is set.
    #[prop(into)]
    name: String,
    /// The input's `id`, when it cannot be `name`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The question: "Password".
    #[prop(into)]
    label: String,
    /// How large the label is.
    #[prop(optional)]
    label_size: LabelSize,
    /// Wraps the label in a heading (`H1` when the question is the page's).
    #[prop(default = None, into)]
    label_heading: Option<HeadingLevel>,
    /// Help under the label.
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// What is wrong with the answer, shown while `Some`. `Some("")` marks
    /// the field in error without a message of its own.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The value, two-way.
    #[prop(optional)]
    value: Option<RwSignal<String>>,
    /// `current-password` unless set (`new-password` when choosing one).
    #[prop(optional, into)]
    autocomplete: Option<String>,
    /// A fixed width in characters.
    #[prop(optional)]
    width: InputWidth,
    /// Disables the input and its button.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.clone());
    let value = value.unwrap_or_else(|| RwSignal::new(String::new()));
    let autocomplete = autocomplete.unwrap_or_else(|| "current-password".into());
    // The button needs code: without it (rendered as HTML) it stays hidden,
    // as nhsuk-frontend's markup has it until its script runs.
    let live = crate::ui::in_browser();
    let shown = RwSignal::new(false);
    // Empty until the first toggle: nothing to announce on arrival.
    let announcement = RwSignal::new(String::new());
    let toggle = move |_| {
        let now = !shown.get_untracked();
        shown.set(now);
        announcement.set(
            if now {
                "Your password is visible"
            } else {
                "Your password is hidden"
            }
            .into(),
        );
    };
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // Hidden again when the form is submitted, before the browser reads it.
    Effect::new(move |_| {
        let Some(form) = input_ref.get().and_then(|input| input.form()) else {
            return;
        };
        let handle = leptos::prelude::window_event_listener_untyped("submit", move |ev| {
            let submitted = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlFormElement>(t).ok());
            if submitted.is_some_and(|f| f == form) && shown.get_untracked() {
                shown.set(false);
                announcement.set("Your password is hidden".into());
            }
        });
        on_cleanup(move || handle.remove());
    });
    let in_error = move || error.get().is_some();
    let controls = move || {
        let field = Field::use_context().unwrap_or_else(|| Field::new(name.clone()));
        let control_id = field.id.clone();
        let initial = value.get_untracked();
        view! {
            <div class="nhsuk-input-wrapper">
                <input
                    node_ref=input_ref
                    class=move || {
                        let extra = crate::ui::class_list(
                            "nhsuk-password-input__input nhsuk-js-password-input-input",
                            class.get(),
                        );
                        input_classes(false, in_error(), width, Some(&extra))
                    }
                    id=field.id.clone()
                    name=name
                    type=move || if shown.get() { "text" } else { "password" }
                    spellcheck="false"
                    autocomplete=autocomplete
                    autocapitalize="none"
                    value=(!initial.is_empty()).then_some(initial)
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    disabled=move || disabled.get()
                    aria-describedby=move || field.describes(false)
                />
                <Button
                    class="nhsuk-password-input__toggle nhsuk-js-password-input-toggle"
                    variant=ButtonVariant::Secondary
                    small=true
                    button_type=ButtonType::Button
                    disabled=disabled
                    on_click=Callback::new(toggle)
                    attr:aria-label=move || if shown.get() { "Hide password" } else { "Show password" }
                    attr:aria-controls=control_id
                    attr:hidden=move || !live.get()
                >
                    {move || if shown.get() { "Hide" } else { "Show" }}
                </Button>
            </div>
            {move || {
                live.get()
                    .then(|| {
                        view! {
                            <div
                                class="nhsuk-password-input__sr-status nhsuk-u-visually-hidden"
                                aria-live="polite"
                            >
                                {move || announcement.get()}
                            </div>
                        }
                    })
            }}
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
    group(question, "nhsuk-password-input".into(), Box::new(controls))
        .add_any_attr(custom_attribute("data-module", "nhsuk-password-input"))
}
