//! Tabs's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{Table, TableCell, TableColumn};

/// The gallery page and tests for [`Tabs`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "tabs",
    title: "Tabs",
    summary: "Related content in panels, one shown at a time.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Cases over four periods. Use the arrow keys, Home and End between tabs.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || view! { <Tabs items=cases("example") /> }.into_any(),
        },
        Example {
            name: "patient-record",
            title: "A patient's record",
            description: "Observations, results and medicines, each a panel of its own.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let items = vec![
                    TabItem::new("record-observations", "Observations", || {
                        view! { <p>"NEWS2 score 3 at 14:05 on 21-Nov-2026."</p> }
                    }),
                    TabItem::new("record-results", "Results", || {
                        view! { <p>"Haemoglobin 128 g/L (normal) on 20-Nov-2026."</p> }
                    }),
                    TabItem::new("record-medicines", "Medicines", || {
                        view! { <p>"Paracetamol 1 g oral four times a day."</p> }
                    }),
                ];
                view! { <Tabs title="Sections of the record" items=items /> }.into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the tabs.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Tabs class="app-tabs" id="periods" attr:data-test="tabs" items=cases("attributes") />
                }
                .into_any()
            },
        },
    ],
};

/// nhsuk-frontend's example: cases opened and closed over four periods.
fn cases(prefix: &'static str) -> Vec<TabItem> {
    [
        ("Past day", [("3", "0"), ("1", "0"), ("2", "0")]),
        ("Past week", [("24", "18"), ("16", "20"), ("24", "27")]),
        ("Past month", [("98", "95"), ("122", "131"), ("126", "142")]),
        ("Past year", [("1380", "1472"), ("1129", "1083"), ("1539", "1265")]),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (period, counts))| {
        TabItem::new(format!("{prefix}-{}", i + 1), period, move || {
            let columns = vec![
                TableColumn::new("Case manager"),
                TableColumn::new("Cases opened").numeric(),
                TableColumn::new("Cases closed").numeric(),
            ];
            let rows: Vec<Vec<TableCell>> = ["David Francis", "Paul Farmer", "Rita Patel"]
                .into_iter()
                .zip(counts)
                .map(|(name, (opened, closed))| vec![name.into(), opened.into(), closed.into()])
                .collect();
            view! { <Table caption=period columns=columns rows=rows /> }
        })
    })
    .collect()
}
