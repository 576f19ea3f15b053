#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::forms::Field;
use crate::ui::{ErrorMessage, Fieldset, HeadingLevel, Hint, Label, LabelSize};

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK form group: one question with its label (or, for a group of
/// controls, its fieldset and legend), hint and error message, and the
/// controls that answer it, which find the field's ids and state in the
/// [`Field`] it provides. nhsuk-frontend's form macros all render this
/// frame; Bedside's controls do through this component.
#[component]
pub fn FormGroup(
    /// Extra classes on the group's `<div>`.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The (first) control's `id`: the label's `for`, the error summary's
    /// link, and the stem of the hint's and error's ids.
    #[prop(into)]
    id: String,
    /// The question.
    #[prop(into)]
    label: String,
    /// How large the question is.
    #[prop(optional)]
    label_size: LabelSize,
    /// Puts the question in a heading (`H1` when it is the page's).
    #[prop(default = None, into)]
    label_heading: Option<HeadingLevel>,
    /// Asks the question as the legend of a fieldset around the hint, the
    /// error and the controls, which the fieldset's `aria-describedby`
    /// covers: for radios, checkboxes and a date's parts.
    #[prop(optional)]
    fieldset: bool,
    /// Help under the question.
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// What is wrong with the answer, shown while `Some`. `Some("")` marks
    /// the group in error without a message of its own.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The controls.
    children: Children,
) -> impl IntoView {
    group(
        Question {
            id,
            label: Some(label),
            label_size,
            label_heading,
            fieldset,
            role: None,
            label_hidden: false,
            hint,
            error,
        },
        class,
        children,
    )
}

/// What a [`FormGroup`] asks, for Bedside's controls, which take these as
/// props of their own (an absent hint is then a plain `None`).
pub(crate) struct Question {
    pub id: String,
    /// The question: the label, or with `fieldset` the legend. A group of
    /// controls without one has no fieldset (nhsuk-frontend's `fieldset`
    /// option left out), as inside a fieldset of the page's own.
    pub label: Option<String>,
    pub label_size: LabelSize,
    pub label_heading: Option<HeadingLevel>,
    pub fieldset: bool,
    /// The fieldset's ARIA role: `group` for a date's parts.
    pub role: Option<&'static str>,
    /// The label is for screen readers only (a search box whose button
    /// and place say what it is for).
    pub label_hidden: bool,
    pub hint: Option<ViewFn>,
    pub error: MaybeProp<String>,
}

/// The group: [`FormGroup`]'s markup and its [`Field`] in context for
/// `controls`, which are built inside it.
pub(crate) fn group(question: Question, class: MaybeProp<String>, controls: Children) -> AnyView {
    // The field is the group's alone: in an owner of the group's own, which
    // its parts are built and rebuilt in (an error message appears later),
    // so the next group on the page, which provides its own field to the
    // same parent, is never the one they find.
    let owner = Owner::current().map_or_else(Owner::new, |parent| parent.child());
    let view = owner.with(|| group_in_owner(question, class, controls));
    leptos::tachys::reactive_graph::OwnedView::new_with_owner(view, owner).into_any()
}

fn group_in_owner(question: Question, class: MaybeProp<String>, controls: Children) -> AnyView {
    let Question {
        id,
        label,
        label_size,
        label_heading,
        fieldset,
        role,
        label_hidden,
        hint,
        error,
    } = question;
    let message = Signal::derive(move || error.get().is_some_and(|m| !m.is_empty()));
    let field = Field::with_state(id, hint.is_some(), message, fieldset);
    provide_context(field.clone());
    let hint = hint.map(|hint| view! { <Hint>{hint.run()}</Hint> });
    let message = move || {
        error
            .get()
            .filter(|m| !m.is_empty())
            .map(|m| view! { <ErrorMessage>{m}</ErrorMessage> })
    };
    let group_class = move || {
        let base = if error.get().is_some() {
            "nhsuk-form-group nhsuk-form-group--error"
        } else {
            "nhsuk-form-group"
        };
        crate::ui::class_list(base, class.get())
    };
    let inner = match (fieldset, label) {
        (true, Some(legend)) => view! {
            <Fieldset
                legend=legend
                legend_size=label_size
                legend_heading=label_heading
                role=role.map(String::from)
                described_by=Signal::derive(move || field.describes(true))
            >
                {hint}
                {message}
                {controls()}
            </Fieldset>
        }
        .into_any(),
        (false, Some(label)) => view! {
            <Label
                size=label_size
                heading=label_heading
                class=label_hidden.then_some("nhsuk-u-visually-hidden".to_string())
            >
                {label}
            </Label>
            {hint}
            {message}
            {controls()}
        }
        .into_any(),
        (_, None) => view! {
            {hint}
            {message}
            {controls()}
        }
        .into_any(),
    };
    view! { <div class=group_class>{inner}</div> }.into_any()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::render_to_html;
    use crate::ui::Input;

    /// Each group's parts find their own field, even those built after the
    /// next group has provided its own (an error message is).
    #[test]
    fn groups_side_by_side_keep_their_own_ids() {
        let html = render_to_html(|| {
            view! {
                <Input name="first" label="First" hint=|| "One" error="Enter the first" />
                <Input name="second" label="Second" hint=|| "Two" error="Enter the second" />
            }
        });
        for id in ["first", "second"] {
            assert!(html.contains(&format!(r#"id="{id}-error""#)), "{id}: {html}");
            assert!(html.contains(&format!(r#"id="{id}-hint""#)), "{id}: {html}");
            assert!(
                html.contains(&format!(r#"aria-describedby="{id}-hint {id}-error""#)),
                "{id}: {html}"
            );
        }
    }
}
