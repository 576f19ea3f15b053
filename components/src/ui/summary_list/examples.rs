//! Summary list's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`SummaryList`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "summary-list",
    title: "Summary list",
    summary: "Pairs of keys and values, such as a patient's details.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A person's details.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <SummaryList rows=karen_francis(false) /> }.into_any(),
        },
        Example {
            name: "with-actions",
            title: "With actions",
            description: "A link to change each answer, naming it for screen readers.",
            hidden: false,
            nhsuk_fixture: Some("with actions"),
            render: || view! { <SummaryList rows=karen_francis(true) /> }.into_any(),
        },
        Example {
            name: "without-border",
            title: "Without border",
            description: "No lines between rows.",
            hidden: false,
            nhsuk_fixture: Some("without border"),
            render: || {
                view! { <SummaryList rows=karen_francis(false) borderless=true /> }.into_any()
            },
        },
        Example {
            name: "some-actions",
            title: "With some rows' actions",
            description: "Rows without a link keep the column, so the values line up.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let rows = vec![
                    SummaryRow::new("NHS number", "943 476 5919"),
                    SummaryRow::new("Ward", "7B, bed 12").action("#/move", "Move", "ward and bed"),
                ];
                view! { <SummaryList rows=rows /> }.into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the list.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                let rows = vec![SummaryRow::new("Ward", "7B").borderless()];
                view! {
                    <SummaryList class="app-summary" id="details" attr:data-test="summary-list" rows=rows />
                }
                .into_any()
            },
        },
    ],
};

/// nhsuk-frontend's example person, with or without "Change" links.
fn karen_francis(change: bool) -> Vec<SummaryRow> {
    let rows = vec![
        SummaryRow::new("Name", "Karen Francis"),
        SummaryRow::new("Date of birth", "15 March 1984"),
        SummaryRow::with_view("Contact information", || {
            view! { "73 Roman Rd" <br /> "Leeds" <br /> "LS2 5ZN" }
        }),
        SummaryRow::with_view("Contact details", || {
            view! {
                <p>"07700 900362"</p>
                <p>"karen.francis@example.com"</p>
            }
        }),
    ];
    if !change {
        return rows;
    }
    rows.into_iter()
        .map(|row| {
            let hidden = row.key.to_lowercase();
            row.action("#/change", "Change", hidden)
        })
        .collect()
}
