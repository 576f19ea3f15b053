#![doc = include_str!("docs.md")]

use leptos::prelude::*;


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

use crate::forms::Form;
pub use crate::forms::ErrorLink;

/// An NHS.UK error summary: every problem on the page, at the top, each
/// linking to its field.
///
/// What nhsuk-frontend's script does is done here: the summary takes focus
/// when it appears (so keyboard and screen reader users meet it at once;
/// `disable_auto_focus` stops that), and a link moves focus to its field,
/// scrolling the field's label (or its fieldset's legend) into view so the
/// question is seen with the field.
#[component]
pub fn ErrorSummary(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The heading: "There is a problem" unless set.
    #[prop(optional, into)]
    heading: Option<String>,
    /// A sentence under the heading, before the list.
    #[prop(optional, into)]
    description: Option<String>,
    /// The problems, in the order of the fields on the page.
    #[prop(optional, into)]
    errors: Signal<Vec<ErrorLink>>,
    /// `Some(true)`: do not take focus on appearing. Rendered as
    /// `data-disable-auto-focus` when set either way.
    #[prop(optional)]
    disable_auto_focus: Option<bool>,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    if disable_auto_focus != Some(true) {
        crate::ui::focus_when_shown(root);
    }
    let heading = heading.unwrap_or_else(|| "There is a problem".into());
    view! {
        <div
            node_ref=root
            class=move || crate::ui::class_list("nhsuk-error-summary", class.get())
            data-module="nhsuk-error-summary"
            data-disable-auto-focus=disable_auto_focus.map(|d| if d { "true" } else { "false" })
        >
            <div role="alert">
                <h2 class="nhsuk-error-summary__heading">{heading}</h2>
                <div class="nhsuk-error-summary__body">
                    {description.map(|d| view! { <p>{d}</p> })}
                    {move || {
                        let errors = errors.get();
                        (!errors.is_empty())
                            .then(|| {
                                view! {
                                    <ul class="nhsuk-list nhsuk-error-summary__list">
                                        {errors.into_iter().map(error_item).collect_view()}
                                    </ul>
                                }
                            })
                    }}
                </div>
            </div>
        </div>
    }
}

fn error_item(error: ErrorLink) -> impl IntoView {
    match error.href {
        Some(href) => {
            let target = href.clone();
            view! {
                <li>
                    <a href=href on:click=move |ev| focus_field(&ev, &target)>
                        {error.text}
                    </a>
                </li>
            }
            .into_any()
        }
        None => view! { <li>{error.text}</li> }.into_any(),
    }
}

/// nhsuk-frontend's error summary link: focus the field, with its question
/// in view (the label, or the legend of the fieldset it is in), instead of
/// jumping to the field and hiding the question above the fold.
fn focus_field(ev: &leptos::ev::MouseEvent, href: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(id) = href.strip_prefix('#') else {
            return;
        };
        let document = document();
        let Some(field) = document
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        ev.prevent_default();
        let question = field
            .closest("fieldset")
            .ok()
            .flatten()
            .and_then(|fieldset| fieldset.query_selector("legend").ok().flatten())
            .or_else(|| {
                document
                    .query_selector(&format!("label[for=\"{id}\"]"))
                    .ok()
                    .flatten()
            });
        if let Some(question) = question {
            question.scroll_into_view();
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = field.focus_with_options(&options);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (ev, href);
}

/// A form's error summary: shown from a failed submission, anew (taking
/// focus) on each one, its list following the user's corrections, hidden
/// once nothing is wrong. Place it at the top of the page.
#[component]
pub fn FormErrors(
    /// The form.
    form: Form,
) -> impl IntoView {
    let any = Memo::new(move |_| !form.errors().is_empty());
    move || {
        let attempt = form.attempts();
        (attempt > 0 && untrack(|| any.get())).then(|| {
            view! {
                <div hidden=move || !any.get()>
                    <ErrorSummary errors=Signal::derive(move || form.errors()) />
                </div>
            }
        })
    }
}

