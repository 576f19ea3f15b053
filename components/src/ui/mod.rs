//! NHS.UK design system primitives.
//!
//! Each component lives in its own folder with its variant types, its scoped
//! CSS (if it needs any beyond nhsuk-frontend's) and a `docs.md` that becomes
//! its rustdoc page and names the gallery examples.
//!
//! **Adding a component is one folder and one line** in the registry below:
//! the line declares the module, re-exports its public items and puts its
//! `DOCS` (examples) in [`crate::gallery::COMPONENTS`], whence the gallery, the
//! markup and parity tests and the end-to-end axe run all take it; the
//! folder's name selects nhsuk-frontend's Sass for it (`scripts/build-css.mjs`).
//! A test fails for a folder the registry does not name.

mod choices;
pub use choices::{Choice, ChoiceItem};
#[cfg(target_arch = "wasm32")]
pub(crate) mod dom;
mod icon;
pub(crate) use icon::icon;

crate::docs::registry! {
    content {
        heading => { Heading, HeadingSize }
        caption => { Caption, CaptionSize }
        inset_text => { InsetText }
        card => { Card, CardVariant, CardAction }
        warning_callout => { WarningCallout }
        tag => { Tag, TagColour }
        summary_list => { SummaryList, SummaryRow }
        details => { Details, DetailsVariant }
        panel => { Panel, PanelHeadingSize }
        notification_banner => { NotificationBanner }
        do_dont_list => { DoDontList, DoDontKind }
        images => { Image }
        hero => { Hero }
        task_list => { TaskList, TaskItem, TaskStatus }
        tables => { Table, TableColumn, TableCell, TableSort, SortDirection, ColumnFormat }
        tabs => { Tabs, TabItem }
        scroll => { Scroll }
        code => { Code }
    }
    page_furniture {
        button => { Button, ButtonType, ButtonVariant }
        header => { Header, OrganisationHeader, Organisation, HeaderSearch, HeaderNavigation, NavItem, HeaderAccount, AccountItem, AccountLink, AccountButton, AccountForm }
        footer => { Footer, FooterLink, FooterNavigation, FooterColumn, ColumnWidth }
        skip_link => { SkipLink }
        back_link => { BackLink }
        action_link => { ActionLink }
        breadcrumb => { Breadcrumb, Crumb }
        pagination => { Pagination, PageItem, page_items, PreviousNext, PageLink }
        contents_list => { ContentsList, ContentsItem }
        loading => { Loading }
        empty_state => { EmptyState }
        page_error => { PageError }
        page_not_found => { PageNotFound }
    }
    questions {
        label => { Label, LabelSize, HeadingLevel, CaptionPlacement }
        hint => { Hint }
        error_message => { ErrorMessage }
        legend => { Legend }
        fieldset => { Fieldset }
        form_group => { FormGroup }
        error_summary => { ErrorSummary, ErrorLink, FormErrors }
        input => { Input, InputType, InputWidth }
        textarea => { Textarea }
        character_count => { CharacterCount, CountType }
        date_input => { DateInput, DateFields }
        password_input => { PasswordInput }
        search_input => { SearchInput }
        file_upload => { FileUpload }
    }
    choices {
        select => { Select, SelectOption }
        radios => { Radios }
        checkboxes => { Checkboxes, Chosen }
    }
}

/// Moves keyboard and screen-reader focus to the element with this `id`, even
/// one that is not normally focusable (such as `<main>`), then gives back its
/// tab order when focus leaves, as nhsuk-frontend's `setFocus` does. The
/// `nhsuk-skip-link-focused-element` class hides the focus ring the browser
/// would otherwise draw around the whole main area.
pub fn move_focus_to(id: &str) {
    use leptos::prelude::document;
    use wasm_bindgen::JsCast;

    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        focus_element(el);
    }
}

/// In context while an example is shown beside others, in a gallery list
/// (the gallery's example frame provides it): components that take focus
/// when they appear (an error summary) do not, or the page would jump to the
/// last of them. Only with the `examples` feature: a ward build never looks.
#[cfg(any(test, feature = "examples"))]
#[derive(Debug, Clone, Copy)]
pub struct AmongOthers;

/// Moves focus to `element` when it appears, as nhsuk-frontend does for an
/// error summary or a success banner, so keyboard and screen reader users
/// meet it first. Not beside other examples in the gallery, where focus
/// stays where it is (a context only the `examples` feature has, so a ward
/// build does not look for it).
pub(crate) fn focus_when_shown<E>(element: leptos::prelude::NodeRef<E>)
where
    E: leptos::html::ElementType + 'static,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    use leptos::prelude::{Effect, Get};
    use wasm_bindgen::JsCast;
    #[cfg(any(test, feature = "examples"))]
    if leptos::prelude::use_context::<AmongOthers>().is_some() {
        return;
    }
    Effect::new(move || {
        if let Some(el) = element.get() {
            focus_element(el.unchecked_into());
        }
    });
}

/// [`move_focus_to`] for an element in hand.
pub(crate) fn focus_element(el: web_sys::HtmlElement) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let added_tabindex = !el.has_attribute("tabindex");
    if added_tabindex {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let _ = el.class_list().add_1("nhsuk-skip-link-focused-element");
    let target = el.clone();
    let on_blur = Closure::once_into_js(move || {
        if added_tabindex {
            let _ = target.remove_attribute("tabindex");
        }
        let _ = target
            .class_list()
            .remove_1("nhsuk-skip-link-focused-element");
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = el.add_event_listener_with_callback_and_add_event_listener_options(
        "blur",
        on_blur.unchecked_ref(),
        &options,
    );
    let _ = el.focus();
}

/// An NHS.UK error summary with one message: a problem with the page as a
/// whole (signing in, loading a part of the app), not with a form's fields,
/// in nhsuk-frontend's markup. `id` names the summary, which can take focus
/// (`tabindex="-1"`): the page's code moves focus to it by `id`.
///
/// The first page's own, kept apart from [`ErrorSummary`] (forms' summary
/// of field errors, which arrives with the code that needs it): the first
/// load carries only this.
#[leptos::component]
pub(crate) fn ProblemSummary(
    /// The summary's `id`.
    id: &'static str,
    /// The heading: "There is a problem", or more specific.
    #[prop(into)]
    title: String,
    /// What happened and what to do.
    #[prop(into)]
    message: String,
) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    view! {
        <div class="nhsuk-error-summary" tabindex="-1" id=id>
            <div role="alert">
                <h2 class="nhsuk-error-summary__heading">{title}</h2>
                <div class="nhsuk-error-summary__body">
                    <p>{message}</p>
                </div>
            </div>
        </div>
    }
}

/// Whether the component runs in a browser, `true` from its first effect.
/// Effects never run when rendering to HTML, so there a component renders
/// the markup nhsuk-frontend's templates give before its script runs (the
/// fixtures it is compared with), and in the browser what the script would
/// make of it: a button shown, a live count, `aria-controls`.
pub(crate) fn in_browser() -> leptos::prelude::ReadSignal<bool> {
    use leptos::prelude::{Effect, RwSignal, Set};
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    live.read_only()
}

/// The classes that are present, in order, space-separated: a component's
/// block class and the modifiers its props switch on.
pub(crate) fn join_classes<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> String {
    parts.into_iter().flatten().collect::<Vec<_>>().join(" ")
}

/// `base`, then the caller's extra classes if there are any: every component's
/// `class` prop adds to its NHS.UK classes rather than replacing them.
pub(crate) fn class_list(base: &str, extra: Option<String>) -> String {
    match extra.as_deref().map(str::trim) {
        Some(extra) if !extra.is_empty() => format!("{base} {extra}"),
        _ => base.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::class_list;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_problem_summary_is_nhsuk_frontends_error_summary_with_one_message() {
        use crate::docs::{normalize_html, render_to_html};
        use leptos::prelude::*;
        let html = normalize_html(&render_to_html(|| {
            view! { <super::ProblemSummary id="p" title="There is a problem" message="It broke." /> }
        }));
        let expected = normalize_html(
            r#"<div class="nhsuk-error-summary" tabindex="-1" id="p"><div role="alert">
            <h2 class="nhsuk-error-summary__heading">There is a problem</h2>
            <div class="nhsuk-error-summary__body"><p>It broke.</p></div></div></div>"#,
        );
        assert_eq!(html, expected);
    }

    #[test]
    fn extra_classes_are_appended_trimmed() {
        assert_eq!(class_list("nhsuk-footer", None), "nhsuk-footer");
        assert_eq!(
            class_list("nhsuk-footer", Some("  ".into())),
            "nhsuk-footer"
        );
        assert_eq!(
            class_list("nhsuk-footer", Some(" a b ".into())),
            "nhsuk-footer a b"
        );
    }
}
