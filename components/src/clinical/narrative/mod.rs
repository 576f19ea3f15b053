#![doc = include_str!("docs.md")]

pub mod rules;

use leptos::prelude::*;

use crate::docs::{ComponentDocs, Example};

stylance::import_crate_style!(style, "src/clinical/narrative/narrative.module.css");

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
/// The page's `default` policy (`app/trusted-types.js`, for Leptos'
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

/// Narratives for the examples, including one made of known attacks.
mod examples {
    /// A discharge summary as a hospital system writes it.
    pub(super) const DISCHARGE: &str = r#"<div xmlns="http://www.w3.org/1999/xhtml"><h3>Discharge summary</h3><p>Admitted with <b>community-acquired pneumonia</b>; treated with oral amoxicillin.</p><ul><li>Chest X-ray: right lower lobe consolidation</li><li>CRP fell from 182 to 24 mg/L</li></ul><table><caption>Observations on discharge</caption><thead><tr><th scope="col">Measure</th><th scope="col">Value</th></tr></thead><tbody><tr><td>Respiration rate</td><td>16 per minute</td></tr><tr><td>SpO2</td><td>96% on air</td></tr></tbody></table></div>"#;

    /// Known XSS payloads, each of which must show as inert text or not at
    /// all (the end-to-end test watches for a dialog, a CSP violation and a
    /// request leaving the page).
    pub(super) const HOSTILE: &str = r##"<div xmlns="http://www.w3.org/1999/xhtml">
<p>Discharge summary for <b>Jane Doe</b>.</p>
<script>window.__narrativeRan = 'script'</script>
<img src="x" onerror="window.__narrativeRan = 'onerror'" alt="Chest X-ray"/>
<p onclick="window.__narrativeRan = 'onclick'" style="position:fixed;top:0;left:0;width:100%;height:100%;background:red">Follow up in clinic.</p>
<a href="javascript:window.__narrativeRan = 'href'">Open the letter</a>
<svg><script>window.__narrativeRan = 'svg'</script></svg>
<iframe src="https://example.org/"></iframe>
<form action="https://example.org/"><input name="q" value="phish"/></form>
<math><mtext><table><mglyph><style><img src=x onerror="window.__narrativeRan = 'mxss'"></style></mglyph></table></mtext></math>
<p class="nhsuk-skip-link" id="maincontent">Plain text after the attacks.</p>
</div>"##;
}

/// The gallery page and tests for [`Narrative`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "narrative",
    title: "Narrative",
    summary: "A FHIR resource's own human-readable text, shown safely.",
    examples: &[
        Example {
            name: "default",
            title: "Discharge summary",
            description: "A narrative with headings, a list and a table, as a hospital system writes it.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Narrative div=examples::DISCHARGE />
                }
                .into_any()
            },
        },
        Example {
            name: "hostile",
            title: "Hostile narrative",
            description: "Script, event handlers, a javascript: link, a page-covering style, frames, a form and a mutation-XSS payload: only the text survives.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <Narrative div=examples::HOSTILE /> }.into_any(),
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the narrative's frame.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Narrative
                        class="app-narrative"
                        div="<div><p>Text.</p></div>"
                        attr:data-test="narrative"
                    />
                }
                .into_any()
            },
        },
    ],
};
