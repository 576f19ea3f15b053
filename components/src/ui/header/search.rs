//! The header's search box.

use leptos::prelude::*;

use crate::ui::form_group::Question;
use crate::ui::search_input::{Placement, SearchBox};
use crate::ui::{InputWidth, LabelSize};

/// The search box in the NHS.UK header: a labelled box (the label for
/// screen readers only) and its icon button, as nhsuk-frontend's header
/// `search` option draws it. Put it first in [`Header`](super::Header)'s
/// children, before the account area.
///
/// With `on_search` the search stays in the app: submitting calls it with
/// what was typed, trimmed, and the page does not reload. Without it the
/// form goes to `action` as an ordinary `GET` form.
///
/// The form's id is `search` and the box's `search-field`, as
/// nhsuk-frontend names them, so a page has one header search.
#[component]
pub fn HeaderSearch(
    /// Extra classes on the `<search>` element.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// What can be searched for, read by screen readers: "Search patients
    /// by name or NHS number".
    #[prop(into)]
    label: String,
    /// Text shown in the empty box.
    #[prop(optional, into, default = "Search".to_string())]
    placeholder: String,
    /// The `name` the box is sent as.
    #[prop(optional, into, default = "q".to_string())]
    name: String,
    /// The value, two-way.
    #[prop(optional)]
    value: Option<RwSignal<String>>,
    /// Where the form goes when there is no `on_search`; this page if unset.
    #[prop(optional, into)]
    action: Option<String>,
    /// The form's method.
    #[prop(optional, into, default = "get".to_string())]
    method: String,
    /// Runs the search in the app, with the trimmed text; the form is not sent.
    #[prop(optional, into)]
    on_search: Option<Callback<String>>,
) -> impl IntoView {
    let value = value.unwrap_or_else(|| RwSignal::new(String::new()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if let Some(search) = on_search {
            ev.prevent_default();
            search.run(value.get_untracked().trim().to_string());
        }
    };
    let question = Question {
        id: "search-field".into(),
        label: Some(label),
        label_size: LabelSize::default(),
        label_heading: None,
        fieldset: false,
        role: None,
        label_hidden: true,
        hint: None,
        error: MaybeProp::default(),
    };
    let search_box = SearchBox {
        name,
        value,
        width: InputWidth::default(),
        placeholder: Some(placeholder),
        inputmode: None,
        button: true,
        disabled: Signal::default(),
    };
    view! {
        <search class=move || crate::ui::class_list("nhsuk-header__search", class.get())>
            <form
                class="nhsuk-header__search-form"
                id="search"
                action=action
                method=method
                novalidate
                on:submit=submit
            >
                {search_box.render(question, Placement::Header, MaybeProp::default())}
            </form>
        </search>
    }
}
