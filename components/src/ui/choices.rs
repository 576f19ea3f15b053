//! What [`crate::ui::Radios`] and [`crate::ui::Checkboxes`] share: their
//! items, and the list that renders them. nhsuk-frontend's two templates
//! differ only in their class names and a few checkbox options, so one
//! list serves both.

use std::sync::Arc;

use leptos::prelude::*;

use crate::forms::Field;

/// One answer among radios or checkboxes.
#[derive(Clone)]
pub struct Choice {
    value: String,
    label: String,
    hint: Option<String>,
    conditional: Option<ViewFn>,
    disabled: bool,
    exclusive: bool,
    id: Option<String>,
}

impl Choice {
    /// An answer: the `value` sent with the form and the `label` shown.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            hint: None,
            conditional: None,
            disabled: false,
            exclusive: false,
            id: None,
        }
    }

    /// Help under this answer's label.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A follow-up question revealed while this answer is chosen (keep it
    /// to one simple question). Hidden again, it keeps what was typed.
    pub fn conditional(mut self, content: impl Into<ViewFn>) -> Self {
        self.conditional = Some(content.into());
        self
    }

    /// Shown but not choosable.
    pub fn disabled(mut self) -> Self {
        self.disabled = true;
        self
    }

    /// Checkboxes only: an answer that excludes the others ("None of
    /// these"): choosing it clears them, and choosing any of them clears it.
    pub fn exclusive(mut self) -> Self {
        self.exclusive = true;
        self
    }

    /// Its input's own `id`, instead of the one derived from the prefix.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The value sent with the form.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Whether it excludes the other answers.
    pub fn is_exclusive(&self) -> bool {
        self.exclusive
    }
}

/// An entry in a list of radios or checkboxes.
#[derive(Clone)]
pub enum ChoiceItem {
    /// An answer.
    Choice(Choice),
    /// A word between answers, usually "or", before a last answer that
    /// differs from the rest.
    Divider(String),
}

impl ChoiceItem {
    /// A divider.
    pub fn divider(text: impl Into<String>) -> Self {
        Self::Divider(text.into())
    }
}

impl From<Choice> for ChoiceItem {
    fn from(choice: Choice) -> Self {
        Self::Choice(choice)
    }
}

/// Radios or checkboxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Radios,
    Checkboxes,
}

/// A kind's class names, written out whole: the build keeps only the
/// nhsuk-frontend rules whose classes the source names (build-css.mjs).
struct Classes {
    block: &'static str,
    small: &'static str,
    inline: &'static str,
    divider: &'static str,
    item: &'static str,
    input: &'static str,
    label: &'static str,
    hint: &'static str,
    conditional: &'static str,
    conditional_hidden: &'static str,
}

const RADIOS: Classes = Classes {
    block: "nhsuk-radios",
    small: "nhsuk-radios--small",
    inline: "nhsuk-radios--inline",
    divider: "nhsuk-radios__divider",
    item: "nhsuk-radios__item",
    input: "nhsuk-radios__input",
    label: "nhsuk-label nhsuk-radios__label",
    hint: "nhsuk-hint nhsuk-radios__hint",
    conditional: "nhsuk-radios__conditional",
    conditional_hidden: "nhsuk-radios__conditional nhsuk-radios__conditional--hidden",
};

const CHECKBOXES: Classes = Classes {
    block: "nhsuk-checkboxes",
    small: "nhsuk-checkboxes--small",
    inline: "nhsuk-checkboxes--inline",
    divider: "nhsuk-checkboxes__divider",
    item: "nhsuk-checkboxes__item",
    input: "nhsuk-checkboxes__input",
    label: "nhsuk-label nhsuk-checkboxes__label",
    hint: "nhsuk-hint nhsuk-checkboxes__hint",
    conditional: "nhsuk-checkboxes__conditional",
    conditional_hidden: "nhsuk-checkboxes__conditional nhsuk-checkboxes__conditional--hidden",
};

impl Kind {
    fn classes(self) -> &'static Classes {
        match self {
            Self::Radios => &RADIOS,
            Self::Checkboxes => &CHECKBOXES,
        }
    }

    fn input_type(self) -> &'static str {
        match self {
            Self::Radios => "radio",
            Self::Checkboxes => "checkbox",
        }
    }
}

/// Whether the answer with this value is chosen. Reactive.
pub(crate) type IsChosen = Arc<dyn Fn(&str) -> bool + Send + Sync>;
/// The user chose (`true`) or cleared (`false`) the answer with this value.
pub(crate) type OnChoose = Arc<dyn Fn(&Choice, bool) + Send + Sync>;

/// The list's look and wiring.
pub(crate) struct List {
    pub kind: Kind,
    pub name: String,
    pub id: Option<String>,
    pub class: MaybeProp<String>,
    pub small: bool,
    pub inline: bool,
    pub disabled: Signal<bool>,
    pub items: Vec<ChoiceItem>,
    pub is_chosen: IsChosen,
    pub on_choose: OnChoose,
}

/// The `<div class="nhsuk-radios">` (or checkboxes) and its items, inside
/// the group that provides their [`Field`]. Item ids follow
/// nhsuk-frontend: the first is the field's id (so the error summary links
/// to it), the others add their place in the list, dividers counted.
pub(crate) fn list(list: List) -> AnyView {
    let List {
        kind,
        name,
        id,
        class,
        small,
        inline,
        disabled,
        items,
        is_chosen,
        on_choose,
    } = list;
    let field = Field::use_context().unwrap_or_else(|| Field::new(name.clone()));
    let css = kind.classes();
    // nhsuk-frontend's markup before its script runs names the revealed
    // content in `data-aria-controls`; the script makes it `aria-controls`
    // with `aria-expanded`. Bedside's code is that script.
    let live = crate::ui::in_browser();
    let classes = {
        let base = crate::ui::join_classes([
            Some(css.block),
            small.then_some(css.small),
            inline.then_some(css.inline),
        ]);
        move || crate::ui::class_list(&base, class.get())
    };
    let entries = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let choice = match item {
                ChoiceItem::Divider(text) => {
                    return view! { <div class=css.divider>{text}</div> }.into_any();
                }
                ChoiceItem::Choice(choice) => choice,
            };
            let item_id = choice.id.clone().unwrap_or_else(|| match index {
                0 => field.id.clone(),
                n => format!("{}-{}", field.id, n + 1),
            });
            let hint_id = choice.hint.as_ref().map(|_| format!("{item_id}-item-hint"));
            let conditional_id = format!("conditional-{item_id}");
            let chosen = {
                let (is_chosen, value) = (is_chosen.clone(), choice.value.clone());
                move || is_chosen(&value)
            };
            // A checkbox outside a fieldset is described by the group's hint
            // and error too (nhsuk-frontend's rule); a radio only by its own.
            let described_by = {
                let (field, hint_id) = (field.clone(), hint_id.clone());
                move || {
                    let group = (kind == Kind::Checkboxes)
                        .then(|| field.describes(false))
                        .flatten();
                    let ids: Vec<String> = [group, hint_id.clone()].into_iter().flatten().collect();
                    (!ids.is_empty()).then(|| ids.join(" "))
                }
            };
            let has_conditional = choice.conditional.is_some();
            // nhsuk-frontend's script also sets aria-expanded on a radio, which
            // ARIA does not allow on the radio role (axe: aria-allowed-attr);
            // a checkbox may carry it. A radio's reveal is in aria-controls.
            let expands = has_conditional && kind == Kind::Checkboxes;
            let controls = move |wanted: bool| {
                let id = conditional_id.clone();
                move || (has_conditional && live.get() == wanted).then(|| id.clone())
            };
            let choose = {
                let (on_choose, choice) = (on_choose.clone(), choice.clone());
                move |ev: leptos::ev::Event| on_choose(&choice, event_target_checked(&ev))
            };
            let own_disabled = choice.disabled;
            let Choice {
                value,
                label,
                hint,
                conditional,
                exclusive,
                ..
            } = choice;
            let conditional = conditional.map(|content| {
                let chosen = chosen.clone();
                view! {
                    <div
                        class=move || {
                            if chosen() { css.conditional } else { css.conditional_hidden }
                        }
                        id=format!("conditional-{item_id}")
                    >
                        {content.run()}
                    </div>
                }
            });
            view! {
                <div class=css.item>
                    <input
                        class=css.input
                        id=item_id.clone()
                        name=name.clone()
                        type=kind.input_type()
                        value=value
                        checked=chosen.clone()
                        prop:checked=chosen.clone()
                        disabled=move || own_disabled || disabled.get()
                        data-behaviour=exclusive.then_some("exclusive")
                        data-aria-controls=controls(false)
                        aria-controls=controls(true)
                        aria-expanded=move || {
                            (expands && live.get()).then(|| if chosen() { "true" } else { "false" })
                        }
                        aria-describedby=described_by
                        on:change=choose
                    />
                    <label class=css.label for=item_id.clone()>
                        {label}
                    </label>
                    {hint
                        .map(|hint| {
                            view! {
                                <div class=css.hint id=hint_id>
                                    {hint}
                                </div>
                            }
                        })}
                </div>
                {conditional}
            }
            .into_any()
        })
        .collect_view();
    view! {
        <div class=classes id=id data-module=css.block>
            {entries}
        </div>
    }
    .into_any()
}
