//! Narrative's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`Narrative`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "narrative",
    title: "Narrative",
    summary: "A FHIR resource's own human-readable text, shown safely.",
    workbench: None,
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
