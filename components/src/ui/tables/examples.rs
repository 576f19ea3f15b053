//! Table's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{HeadingSize, Tag, TagColour};

/// The gallery page and tests for [`Table`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "tables",
    title: "Table",
    summary: "Data in rows and columns, sortable and stacked on narrow screens.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "A caption, headings, and the first cell of each row heading it.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || skin_symptoms_table(false, false, false),
        },
        Example {
            name: "responsive",
            title: "Responsive",
            description: "On a narrow screen each row stacks, every value beside its heading.",
            hidden: false,
            nhsuk_fixture: Some("default (responsive)"),
            render: || skin_symptoms_table(true, false, false),
        },
        Example {
            name: "striped-compact",
            title: "Striped and compact",
            description: "Every other row shaded, with less padding.",
            hidden: true,
            nhsuk_fixture: Some("default (striped compact)"),
            render: || skin_symptoms_table(false, true, true),
        },
        Example {
            name: "with-numeric-format",
            title: "With numeric format",
            description: "Numbers aligned right, so their digits line up.",
            hidden: false,
            nhsuk_fixture: Some("with numeric format"),
            render: || charges(HeadingSize::M),
        },
        Example {
            name: "ward-observations",
            title: "Sortable ward observations",
            description: "Sort by bed, patient, score (highest first) or time; \
                          the new order is announced. The risk is in words, not colour alone.",
            hidden: false,
            nhsuk_fixture: None,
            render: ward_observations,
        },
        Example {
            name: "without-border",
            title: "Without border",
            description: "No lines between rows; the caption for screen readers only.",
            hidden: false,
            nhsuk_fixture: Some("without border"),
            render: || {
                let columns = vec![TableColumn::new("Manager"), TableColumn::new("Cases").numeric()];
                let rows: Vec<Vec<TableCell>> = [("David Francis", "1380"), ("Paul Farmer", "1129"), ("Rita Patel", "24")]
                    .into_iter()
                    .map(|(name, cases)| vec![name.into(), cases.into()])
                    .collect();
                view! {
                    <Table
                        caption="Cases per manager"
                        caption_class="nhsuk-u-visually-hidden"
                        columns=columns
                        rows=rows
                        borderless=true
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "with-first-cell-as-header",
            title: "With first cell as header",
            description: "Opening hours, each day heading its row.",
            hidden: true,
            nhsuk_fixture: Some("with first cell as header"),
            render: || {
                let columns = vec![TableColumn::new("Day of the week"), TableColumn::new("Opening hours")];
                let rows: Vec<Vec<TableCell>> = [
                    ("Monday", "9am to 6pm"),
                    ("Tuesday", "9am to 6pm"),
                    ("Wednesday", "9am to 6pm"),
                    ("Thursday", "9am to 6pm"),
                    ("Friday", "9am to 6pm"),
                    ("Saturday", "9am to 1pm"),
                    ("Sunday", "Closed"),
                ]
                .into_iter()
                .map(|(day, hours)| vec![day.into(), hours.into()])
                .collect();
                view! {
                    <Table columns=columns rows=rows first_cell_is_header=true no_last_row_border=true />
                }
                .into_any()
            },
        },
        Example {
            name: "with-missing-data",
            title: "With missing data",
            description: "A value that is not recorded says so, in secondary text.",
            hidden: true,
            nhsuk_fixture: Some("with missing data"),
            render: || {
                let columns = vec![TableColumn::new("Date"), TableColumn::new("Vaccine"), TableColumn::new("Product")];
                let rows = vec![
                    vec!["10 July 2024".into(), "RSV".into(), "Abrysvo".into()],
                    vec![
                        "6 September 2023".into(),
                        "Flu".into(),
                        TableCell::new("No data").class("nhsuk-u-secondary-text-colour"),
                    ],
                ];
                view! {
                    <Table
                        caption="Vaccinations given"
                        caption_size=HeadingSize::M
                        columns=columns
                        rows=rows
                        first_cell_is_header=true
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the table.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                let (columns, rows) = skin_symptoms();
                view! {
                    <Table
                        class="app-table"
                        id="causes"
                        attr:data-test="table"
                        caption="Causes"
                        columns=columns
                        rows=rows
                    />
                }
                .into_any()
            },
        },
    ],
};

fn skin_symptoms_table(responsive: bool, compact: bool, striped: bool) -> AnyView {
    let (columns, rows) = skin_symptoms();
    view! {
        <Table
            caption="Impetigo can look similar to other skin conditions"
            caption_size=HeadingSize::M
            columns=columns
            rows=rows
            first_cell_is_header=true
            responsive=responsive
            compact=compact
            striped=striped
        />
    }
    .into_any()
}

/// nhsuk-frontend's prescription charges: a text column and two of money.
fn charges(caption_size: HeadingSize) -> AnyView {
    let columns = vec![
        TableColumn::new("Item"),
        TableColumn::new("Current charge").numeric(),
        TableColumn::new("New charge").numeric(),
    ];
    let rows: Vec<Vec<TableCell>> = vec![
        vec![
            TableCell::new("3-month").class("nhsuk-u-nowrap"),
            "£31.25".into(),
            "£32.05".into(),
        ],
        vec![
            TableCell::new("12-month").class("nhsuk-u-nowrap"),
            "£111.60".into(),
            "£114.50".into(),
        ],
        vec!["HRT".into(), "£19.30".into(), "£19.80".into()],
    ];
    view! {
        <Table
            caption="Prescription prepayment certificate (PPC) charges"
            caption_size=caption_size
            columns=columns
            rows=rows
            first_cell_is_header=true
        />
    }
    .into_any()
}

/// A ward's latest observations: a link, numbers, a score to sort by, and
/// the score's risk in words as well as colour.
fn ward_observations() -> AnyView {
    let columns = vec![
        TableColumn::new("Bed").sortable(),
        TableColumn::new("Patient").sortable(),
        TableColumn::new("NEWS2").numeric().sortable_from(SortDirection::Descending),
        TableColumn::new("Risk"),
        TableColumn::new("Taken").sortable(),
    ];
    let patient = |bed: &str, name: &str, score: u8, taken: &str, at: &str| {
        let (risk, colour) = match score {
            7.. => ("High", TagColour::Red),
            5..=6 => ("Medium", TagColour::Orange),
            _ => ("Low", TagColour::Green),
        };
        vec![
            TableCell::new(bed),
            TableCell::link(name, "#/patients"),
            TableCell::new(score.to_string()),
            TableCell::view(risk, move || view! { <Tag colour=colour>{risk}</Tag> }),
            TableCell::new(taken).sort_value(at),
        ]
    };
    let rows = vec![
        patient("Bed 2", "JONES, Sarah (Mrs)", 3, "14:05", "2026-11-21T14:05"),
        patient("Bed 10", "KHAN, Imran (Mr)", 7, "13:40", "2026-11-21T13:40"),
        patient("Bed 4", "O'BRIEN, Mary (Ms)", 0, "09:15", "2026-11-21T09:15"),
        patient("Bed 1", "WILLIAMS, Owen (Mr)", 5, "12:30", "2026-11-21T12:30"),
    ];
    view! {
        <Table
            caption="Ward 7B: latest observations"
            columns=columns
            rows=rows
            responsive=true
            sort=RwSignal::new(Some(TableSort { column: 0, direction: SortDirection::Ascending }))
        />
    }
    .into_any()
}
