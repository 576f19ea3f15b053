#![doc = include_str!("docs.md")]

mod types;

use leptos::either::Either;
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub use types::{ButtonType, ButtonVariant};
use types::{DoubleClickGuard, button_classes};


#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// An NHS.UK button: a `<button>`, or an `<a role="button">` when `href` is set.
///
/// Markup follows nhsuk-frontend's `button` template. Its script's two
/// behaviours are done here: Space activates a link-button as it does a real
/// button, and `prevent_double_click` ignores a second click within one second.
#[component]
pub fn Button(
    /// Extra classes, added after the NHS.UK ones.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// How the button looks.
    #[prop(optional, into)]
    variant: Signal<ButtonVariant>,
    /// The smaller size, for dense screens such as patient lists.
    #[prop(optional, into)]
    small: Signal<bool>,
    /// Disables a `<button>` (ignored for links, which cannot be disabled).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The `type` of a `<button>`; `submit` unless set.
    #[prop(optional)]
    button_type: ButtonType,
    /// Renders a link styled as a button, going to this address.
    #[prop(optional, into)]
    href: Option<String>,
    /// The element's `id`.
    #[prop(optional, into)]
    id: Option<String>,
    /// The `name` sent with the form (buttons only).
    #[prop(optional, into)]
    name: Option<String>,
    /// The `value` sent with the form (buttons only).
    #[prop(optional, into)]
    value: Option<String>,
    /// An accessible name when the visible text is not enough.
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// `Some(true)`: ignore a second click within one second, so a form is not
    /// submitted twice. Rendered as `data-prevent-double-click` either way.
    #[prop(optional)]
    prevent_double_click: Option<bool>,
    /// Called on every click that is not suppressed.
    #[prop(optional)]
    on_click: Option<Callback<MouseEvent>>,
    /// The button's text or content.
    children: Children,
) -> impl IntoView {
    let classes = move || button_classes(variant.get(), small.get(), class.get());
    let guard = StoredValue::new(DoubleClickGuard::default());
    let handle_click = move |ev: MouseEvent| {
        if prevent_double_click == Some(true) {
            let accepted = guard
                .try_update_value(|g| g.accept(ev.time_stamp()))
                .unwrap_or(true);
            if !accepted {
                ev.prevent_default();
                return;
            }
        }
        if let Some(on_click) = on_click {
            on_click.run(ev);
        }
    };
    let prevent_attr = prevent_double_click.map(|p| p.to_string());

    match href {
        Some(href) => Either::Left(view! {
            <a
                class=classes
                id=id
                href=href
                role="button"
                draggable="false"
                aria-label=aria_label
                data-module="nhsuk-button"
                data-prevent-double-click=prevent_attr
                on:click=handle_click
                on:keydown=activate_link_on_space
            >
                {children()}
            </a>
        }),
        None => Either::Right(view! {
            <button
                class=classes
                id=id
                name=name
                value=value
                type=button_type.as_str()
                disabled=move || disabled.get()
                aria-disabled=move || disabled.get().then_some("true")
                aria-label=aria_label
                data-module="nhsuk-button"
                data-prevent-double-click=prevent_attr
                on:click=handle_click
            >
                {children()}
            </button>
        }),
    }
}

/// Links do not respond to Space; buttons do. Users of a link that looks like a
/// button expect the button's keys.
fn activate_link_on_space(ev: KeyboardEvent) {
    if ev.key() != " " {
        return;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if link.get_attribute("role").as_deref() == Some("button") {
        ev.prevent_default();
        link.click();
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    #[test]
    fn extra_classes_follow_the_nhsuk_ones() {
        let html = render_to_html(|| {
            view! { <Button class="app-save" variant=ButtonVariant::Secondary button_type=ButtonType::Button>"Save"</Button> }
        });
        assert!(
            html.contains(r#"class="nhsuk-button nhsuk-button--secondary app-save""#),
            "{html}"
        );
        assert!(html.contains(r#"type="button""#), "{html}");
    }

    /// The first tag, normalised: exactly its attributes, so a missing
    /// `disabled` is not hidden by the text `aria-disabled`.
    fn start_tag(view: impl FnOnce() -> AnyView + 'static) -> String {
        let html = normalize_html(&render_to_html(view));
        html.lines().next().unwrap_or_default().to_string()
    }

    #[test]
    fn disabled_is_announced_not_just_greyed() {
        assert_eq!(
            start_tag(|| view! { <Button disabled=true>"Save"</Button> }.into_any()),
            r#"<button aria-disabled="true" class="nhsuk-button" data-module="nhsuk-button" disabled type="submit">"#
        );
        assert_eq!(
            start_tag(|| view! { <Button>"Save"</Button> }.into_any()),
            r#"<button class="nhsuk-button" data-module="nhsuk-button" type="submit">"#
        );
    }

    #[test]
    fn links_are_not_form_controls() {
        let html = render_to_html(|| {
            view! { <Button href="/patients" name="n" value="v" disabled=true>"Patients"</Button> }
        });
        assert!(html.starts_with("<a "), "{html}");
        assert!(html.contains(r#"role="button""#), "{html}");
        for attr in ["name=", "value=", "type=", "disabled"] {
            assert!(!html.contains(attr), "{attr} on a link: {html}");
        }
    }

    #[test]
    fn text_is_escaped() {
        let html = render_to_html(|| view! { <Button>{"<script>alert(1)</script>"}</Button> });
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }
}
