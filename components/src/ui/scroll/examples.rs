//! Scroll's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::docs::{ComponentDocs, Example};
use crate::ui::{Table, TableCell, TableColumn};

/// The gallery page and tests for [`Scroll`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "scroll",
    title: "Scroll",
    summary: "Content wider than the screen, scrolled inside its own box.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Default",
            description: "Text that fits: nothing to scroll, and not a tab stop.",
            hidden: false,
            nhsuk_fixture: Some("default"),
            render: || {
                view! {
                    <Scroll>
                        <p>
                            "Duis mollis, est non commodo luctus, nisi erat porttitor ligula, eget lacinia odio sem nec elit."
                        </p>
                    </Scroll>
                }
                .into_any()
            },
        },
        Example {
            name: "wide-table",
            title: "A wide table",
            description: "A day of observations: on a narrow screen the table scrolls, and the keyboard can scroll it.",
            hidden: false,
            nhsuk_fixture: None,
            render: observations_by_hour,
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes, an id and other attributes land on the container.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <Scroll class="app-scroll" id="chart" attr:data-test="scroll">
                        <p>"A chart."</p>
                    </Scroll>
                }
                .into_any()
            },
        },
    ],
};

/// A day of observations, hour by hour: wider than a phone.
fn observations_by_hour() -> AnyView {
    let hours = ["02:00", "06:00", "10:00", "14:00", "18:00", "22:00"];
    let mut columns = vec![TableColumn::new("Observation")];
    columns.extend(hours.iter().map(|h| TableColumn::new(*h).numeric()));
    let row = |name: &str, values: [&str; 6]| {
        let mut cells = vec![TableCell::new(name)];
        cells.extend(values.iter().map(|v| TableCell::new(*v)));
        cells
    };
    let rows = vec![
        row("Respiration rate", ["16", "18", "18", "22", "20", "18"]),
        row("SpO2 (%)", ["97", "96", "96", "94", "95", "96"]),
        row("Systolic BP (mmHg)", ["128", "124", "122", "108", "116", "120"]),
        row("Pulse (per minute)", ["78", "82", "84", "96", "90", "86"]),
        row("Temperature (°C)", ["37.1", "37.4", "37.6", "38.2", "37.9", "37.5"]),
        row("NEWS2", ["0", "0", "0", "3", "1", "0"]),
    ];
    view! {
        <Scroll labelled_by="observations-by-hour">
            <Table
                caption_id="observations-by-hour"
                caption="Observations on 21-Nov-2026"
                columns=columns
                rows=rows
                first_cell_is_header=true
            />
        </Scroll>
    }
    .into_any()
}
