#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::forms::Field;
use crate::ui::form_group::{Question, group};
use crate::ui::input::input_classes;
use crate::ui::{HeadingLevel, InputWidth, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK search input: a search box and its search button (a
/// magnifying glass named "Search" for screen readers), which submits the
/// form around it. The value is two-way.
#[component]
pub fn SearchInput(
    /// Extra classes on the `<input>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `name` sent with the form; also the input's `id` unless `id` is set.
    #[prop(into)]
    name: String,
    /// The input's `id`, when it cannot be `name`.
    #[prop(optional, into)]
    id: Option<String>,
    /// What is searched for: "Search by NHS number".
    #[prop(into)]
    label: String,
    /// How large the label is.
    #[prop(optional)]
    label_size: LabelSize,
    /// Wraps the label in a heading (`H1` when the search is the page's).
    #[prop(default = None, into)]
    label_heading: Option<HeadingLevel>,
    /// The label for screen readers only, where the box's place and button
    /// say what it is for.
    #[prop(optional)]
    label_hidden: bool,
    /// Help under the label.
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// What is wrong with the search, shown while `Some`.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The value, two-way.
    #[prop(optional)]
    value: Option<RwSignal<String>>,
    /// A fixed width in characters.
    #[prop(optional)]
    width: InputWidth,
    /// Text shown in the empty box. NHS.UK allows it here only, where the
    /// label may be hidden: say what can be searched for ("NHS number").
    #[prop(optional, into)]
    placeholder: Option<String>,
    /// The on-screen keyboard: `numeric` for numbers.
    #[prop(optional, into)]
    inputmode: Option<String>,
    /// Without the search button (the form has a button of its own).
    #[prop(optional)]
    without_button: bool,
    /// Disables the box and its button.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let question = Question {
        id: id.unwrap_or_else(|| name.clone()),
        label: Some(label),
        label_size,
        label_heading,
        fieldset: false,
        role: None,
        label_hidden,
        hint,
        error,
    };
    let search_box = SearchBox {
        name,
        value: value.unwrap_or_else(|| RwSignal::new(String::new())),
        width,
        placeholder,
        inputmode,
        button: !without_button,
        disabled,
    };
    search_box.render(question, Placement::Page, class)
}

/// nhsuk-frontend's `search` icon.
const SEARCH: &str = "m20.7 18.9-4.1-4.1a7 7 0 1 0-1.4 1.4l4 4.1a1 1 0 0 0 1.5 0c.4-.4.4-1 0-1.4ZM6 10.6a5 5 0 1 1 10 0 5 5 0 0 1-10 0Z";

/// Where a search box stands: nhsuk-frontend gives the one on a page
/// classes of its own (`nhsuk-search-input…`), and the header's is a plain
/// input and icon button.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placement {
    Page,
    Header,
}

/// A search box's input and button, which [`SearchInput`] and
/// [`HeaderSearch`](crate::ui::HeaderSearch) share.
pub(crate) struct SearchBox {
    pub name: String,
    pub value: RwSignal<String>,
    pub width: InputWidth,
    pub placeholder: Option<String>,
    pub inputmode: Option<String>,
    pub button: bool,
    pub disabled: Signal<bool>,
}

impl SearchBox {
    /// The box in its form group, which `question` labels.
    pub(crate) fn render(
        self,
        question: Question,
        placement: Placement,
        class: MaybeProp<String>,
    ) -> AnyView {
        let Self {
            name,
            value,
            width,
            placeholder,
            inputmode,
            button,
            disabled,
        } = self;
        let on_page = placement == Placement::Page;
        let error = question.error;
        let in_error = move || error.get().is_some();
        let controls = move || {
            let field = Field::use_context().unwrap_or_else(|| Field::new(name.clone()));
            let initial = value.get_untracked();
            view! {
                <div class=if on_page {
                    "nhsuk-input-wrapper nhsuk-search-input__wrapper"
                } else {
                    "nhsuk-input-wrapper"
                }>
                    <input
                        class=move || {
                            let extra = if on_page {
                                Some(crate::ui::class_list("nhsuk-search-input__input", class.get()))
                            } else {
                                class.get()
                            };
                            input_classes(false, in_error(), width, extra.as_deref())
                        }
                        id=field.id.clone()
                        name=name
                        type="search"
                        value=(!initial.is_empty()).then_some(initial)
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                        aria-describedby=move || field.describes(false)
                        autocomplete="off"
                        placeholder=placeholder
                        inputmode=inputmode
                        disabled=move || disabled.get()
                    />
                    {button
                        .then(|| {
                            view! {
                                <button
                                    class=if on_page {
                                        "nhsuk-button nhsuk-button--icon nhsuk-button--small nhsuk-search-input__button"
                                    } else {
                                        "nhsuk-button nhsuk-button--icon nhsuk-button--small"
                                    }
                                    data-module="nhsuk-button"
                                    type="submit"
                                    aria-label="Search"
                                    disabled=move || disabled.get()
                                >
                                    {crate::ui::icon("nhsuk-icon nhsuk-icon--search", SEARCH)}
                                </button>
                            }
                        })}
                </div>
            }
            .into_any()
        };
        let group_class = if on_page {
            "nhsuk-search-input".into()
        } else {
            MaybeProp::default()
        };
        group(question, group_class, Box::new(controls))
    }
}
