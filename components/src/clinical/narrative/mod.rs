#![doc = include_str!("docs.md")]

/// The re-writer's rules ([`bedside_core::clinical::narrative`]).
pub use bedside_core::clinical::narrative as rules;

use leptos::prelude::*;


stylance::import_crate_style!(style, "src/clinical/narrative/narrative.module.css");

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// A FHIR resource's narrative (`text.div`), shown as text and formatting
/// only. The narrative is XHTML written by another system and is treated
/// as hostile: [`rules::sanitize`] writes it out again with only the FHIR
/// narrative's elements and the attributes that carry meaning, every text
/// and value escaped, and only that reaches the browser.
///
/// Not the browser's own parser, though it is already there: given the
/// narrative, every parser the browser offers (a `template`,
/// `createHTMLDocument`, `DOMParser`) reports each event handler and style
/// attribute it meets as a Content Security Policy violation, even in a
/// document where nothing can run, and a ward's CSP reports are for real
/// attacks on the page. Bedside's reader is small, and need not match a
/// browser's exactly: what it writes is escaped text and allowed elements,
/// so a narrative it reads differently can only look different.
#[component]
pub fn Narrative(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The narrative's XHTML (`Resource.text.div`); nothing is shown for
    /// none. A `MaybeProp`, as the UI components' text props are: the same
    /// reactive type the first screen already carries, not one more.
    #[prop(into)]
    div: MaybeProp<String>,
) -> impl IntoView {
    let safe = move || div.get().map(|d| rules::sanitize(&d)).unwrap_or_default();
    let class = move || crate::ui::class_list(&format!("bedside-narrative {}", style::narrative), class.get());
    // In the browser the markup is set through `Reflect`, which the app's
    // JavaScript glue has already: Leptos' `inner_html` would add an import
    // to the glue that every first page downloads.
    #[cfg(target_arch = "wasm32")]
    {
        let container = NodeRef::<leptos::html::Div>::new();
        Effect::new(move || {
            let html = safe();
            if let Some(el) = container.get() {
                crate::ui::dom::set(&el, "innerHTML", &trusted(html));
            }
        });
        view! { <div node_ref=container class=class></div> }
    }
    #[cfg(not(target_arch = "wasm32"))]
    view! { <div class=class inner_html=safe></div> }
}

/// `html` (already re-written by [`rules::sanitize`]) as the browser's
/// Trusted Types want it: made by a policy of its own,
/// `bedside-narrative`, which only this function holds, so that a
/// Content-Security-Policy with `require-trusted-types-for 'script';
/// trusted-types bedside-narrative default` lets the narrative through.
/// The page's `default` policy (`components/assets/trusted-types.js`, for Leptos'
/// templates) would refuse much that a narrative may hold, and nothing else
/// may use this one. Where the browser has no Trusted Types, the string
/// itself.
#[cfg(target_arch = "wasm32")]
fn trusted(html: String) -> wasm_bindgen::JsValue {
    use wasm_bindgen::{JsCast, JsValue};
    thread_local! {
        static POLICY: Option<(JsValue, js_sys::Function)> = policy();
    }
    fn policy() -> Option<(JsValue, js_sys::Function)> {
        let types = js_sys::Reflect::get(&leptos::prelude::window(), &"trustedTypes".into())
            .ok()
            .filter(|t| t.is_object())?;
        let create: js_sys::Function = js_sys::Reflect::get(&types, &"createPolicy".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let rules = js_sys::Object::new();
        // The rule is the re-writing, done before this is called. (The
        // closure's type is one the app has already: a new one would add its
        // glue to the first load.)
        let as_written =
            wasm_bindgen::closure::Closure::<dyn FnMut(JsValue) -> JsValue>::new(|s| s);
        crate::ui::dom::set(&rules, "createHTML", as_written.as_ref());
        as_written.forget();
        let policy = create
            .call2(&types, &"bedside-narrative".into(), &rules)
            .ok()?;
        let create_html: js_sys::Function = js_sys::Reflect::get(&policy, &"createHTML".into())
            .ok()?
            .dyn_into()
            .ok()?;
        Some((policy, create_html))
    }
    POLICY.with(|policy| match policy {
        Some((policy, create_html)) => create_html
            .call1(policy, &JsValue::from_str(&html))
            .unwrap_or_else(|_| JsValue::from_str("")),
        None => JsValue::from_str(&html),
    })
}
