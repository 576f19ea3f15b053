#![doc = include_str!("docs.md")]

mod count;

use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use leptos::tachys::view::add_attr::AddAnyAttr;

pub use count::{CountType, count_characters, over_threshold, remaining_message};

use crate::ui::form_group::{Question, group};
use crate::ui::textarea::TextareaControl;
use crate::ui::{HeadingLevel, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// How long after the last keystroke a screen reader hears the count, so
/// it is not read out over every letter typed.
const ANNOUNCE_AFTER_MS: u64 = 1000;

/// An NHS.UK character count: a [`crate::ui::Textarea`] with a limit, which
/// says as someone types how much is left, and then how much is too much,
/// in red. Nothing is cut off: a clinician's words are kept, and the excess
/// is theirs to trim (a form's check should refuse it on submission).
///
/// Without code the limit is stated under the field ("You can enter up to
/// 200 characters"), as nhsuk-frontend renders it; in the browser that
/// statement stays for screen readers, a live count shows instead, and a
/// polite live region reads the count out once typing pauses.
#[component]
pub fn CharacterCount(
    /// Extra classes on the `<textarea>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The `name` sent with the form; also the textarea's `id` unless `id` is set.
    #[prop(into)]
    name: String,
    /// The textarea's `id`, when it cannot be `name`.
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
    /// Help under the label.
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// What is wrong with the answer, shown while `Some`. `Some("")` marks
    /// the field in error without a message of its own.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The value, two-way. Without one, the field keeps its own.
    #[prop(optional)]
    value: Option<RwSignal<String>>,
    /// The limit, in `count_type` units.
    limit: usize,
    /// Characters (the default) or words.
    #[prop(optional)]
    count_type: CountType,
    /// Shows the count only from this percentage of the limit (75: from
    /// three quarters), so a short answer is not distracted by it.
    #[prop(optional)]
    threshold: Option<u8>,
    /// Visible lines: 5 unless set.
    #[prop(default = 5)]
    rows: u32,
    /// Spell checking.
    #[prop(optional, into)]
    spellcheck: Option<bool>,
    /// What the browser may fill in.
    #[prop(optional, into)]
    autocomplete: Option<String>,
    /// Disables the textarea.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.clone());
    let info_id = format!("{id}-info");
    let value = value.unwrap_or_else(|| RwSignal::new(String::new()));
    // The live count replaces the stated limit once the browser runs it.
    let live = crate::ui::in_browser();
    let used = Memo::new(move |_| value.with(|v| count_type.count(v)));
    let over = move || used.get() > limit;
    let shown = move || live.get() && over_threshold(threshold, limit, used.get());
    let message = move || remaining_message(count_type, limit, used.get());
    let announced = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        let text = message();
        if first.is_none() {
            announced.set(text);
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || announced.set(text),
            std::time::Duration::from_millis(ANNOUNCE_AFTER_MS),
        )
        .ok();
        pending.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
    });

    let statement = format!("You can enter up to {limit} {}", count_type.as_str());
    let control = TextareaControl {
        name,
        rows,
        value,
        spellcheck,
        autocomplete,
        disabled,
        in_error: Signal::derive(move || error.get().is_some() || (live.get() && over())),
        class: MaybeProp::derive(move || {
            Some(crate::ui::class_list("nhsuk-js-character-count", class.get()))
        }),
        described_first: Some(info_id.clone()),
    };
    let controls = move || {
        view! {
            {control.view()}
            <div
                class=move || {
                    if live.get() {
                        "nhsuk-hint nhsuk-character-count__message nhsuk-u-visually-hidden"
                    } else {
                        "nhsuk-hint nhsuk-character-count__message"
                    }
                }
                id=info_id
            >
                {statement}
            </div>
            {move || {
                live.get()
                    .then(|| {
                        view! {
                            <div
                                class=move || {
                                    if over() {
                                        "nhsuk-character-count__status nhsuk-error-message"
                                    } else {
                                        "nhsuk-hint nhsuk-character-count__status"
                                    }
                                }
                                aria-hidden="true"
                                hidden=move || !shown()
                            >
                                {message}
                            </div>
                            <div
                                class="nhsuk-character-count__sr-status nhsuk-u-visually-hidden"
                                aria-live="polite"
                                aria-hidden=move || (!shown()).then_some("true")
                            >
                                {move || announced.get()}
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
    group(question, "nhsuk-character-count".into(), Box::new(controls)).add_any_attr((
        custom_attribute("data-module", "nhsuk-character-count"),
        custom_attribute("data-maxlength", limit.to_string()),
        custom_attribute("data-threshold", threshold.map(|t| t.to_string())),
        custom_attribute(
            "data-count-type",
            (count_type == CountType::Words).then_some("words"),
        ),
        // nhsuk-frontend shows the live count under this mark of its script
        // having run (body.nhsuk-frontend-supported).
        custom_attribute(
            "data-nhsuk-character-count-init",
            move || live.get().then_some(""),
        ),
    ))
}

