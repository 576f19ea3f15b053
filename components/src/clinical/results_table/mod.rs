#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::clinical::fetched::{Fetched, fetched_view};
use crate::clinical::results::{Flag, ResultGroup, ResultLine, ResultValue, Trend};
use crate::ui::{HeadingSize, Table, TableCell, TableColumn, Tag, TagColour};

stylance::import_crate_style!(style, "src/clinical/results_table/results_table.module.css");

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// Test results, one table per report ([`group_results`](crate::clinical::results::group_results)
/// builds the groups from FHIR DiagnosticReports and Observations): each
/// result's value and unit, its flag in words ("Critically high", "Below
/// range"), its reference range and the previous result of the same test
/// with the direction it moved. Colour only reinforces the words (WCAG 2.2
/// 1.4.1). A report that names results not given says how many, and a
/// preliminary or amended one says so. On a narrow screen each result
/// stacks, every value beside its heading.
#[component]
pub fn ResultsTable(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The results by report, or why they are not here yet.
    #[prop(into)]
    results: Signal<Fetched<ResultGroup>>,
    /// What to say when there are none.
    #[prop(optional, into)]
    empty: MaybeProp<String>,
) -> impl IntoView {
    move || {
        let own = crate::ui::class_list("bedside-results-table", class.get());
        fetched_view(results.get(), "results", own, |groups, own| {
            if groups.is_empty() {
                let text = empty.get().unwrap_or_else(|| "No results recorded.".into());
                return view! { <p class=format!("{own} bedside-results-table--empty")>{text}</p> }.into_any();
            }
            view! { <div class=own>{groups.into_iter().map(group).collect_view()}</div> }.into_any()
        })
    }
}

fn group(group: ResultGroup) -> impl IntoView {
    let caption = match group.when {
        Some(when) => format!("{}, {when}", group.title),
        None => group.title,
    };
    let columns = vec![
        TableColumn::new("Test"),
        TableColumn::new("Result"),
        TableColumn::new("Flag"),
        TableColumn::new("Reference range"),
        TableColumn::new("Previous result"),
    ];
    let rows: Vec<Vec<TableCell>> = group.lines.into_iter().map(row).collect();
    let status = group.status.map(|s| view! { <p class=style::meta><Tag colour=TagColour::Yellow>{s}</Tag></p> });
    let missing = (group.missing > 0).then(|| {
        let text = match group.missing {
            1 => "1 result in this report could not be shown. Check the full report.".to_string(),
            n => format!("{n} results in this report could not be shown. Check the full report."),
        };
        view! { <p class=format!("{} {}", style::meta, style::missing)>{text}</p> }
    });
    let conclusion = group.conclusion.map(|c| {
        view! {
            <p class=style::meta>
                <strong>"Conclusion: "</strong>
                {c}
            </p>
        }
    });
    view! {
        <div class=style::group>
            <Table caption=caption caption_size=HeadingSize::S columns=columns rows=rows first_cell_is_header=true responsive=true />
            {status}
            {missing}
            {conclusion}
        </div>
    }
}

fn row(line: ResultLine) -> Vec<TableCell> {
    let value_text = line.value.text();
    let absent = matches!(line.value, ResultValue::Absent(_));
    let status = line.status;
    let value = {
        let text = value_text.clone();
        TableCell::view(value_text, move || {
            let class = if absent { style::absent } else { style::value };
            view! {
                <span class=class>{text.clone()}</span>
                {status.map(|s| view! { " " <Tag colour=TagColour::Yellow>{s}</Tag> })}
            }
        })
    };
    let flag = {
        let kind = line.interpretation.flag;
        let text = line.interpretation.text;
        let class = format!("bedside-result-flag bedside-result-flag--{} {}", kind.as_str(), flag_style(kind));
        let shown = text.clone();
        TableCell::view(text, move || view! { <span class=class.clone()>{shown.clone()}</span> })
    };
    let range = match line.range {
        Some(range) => TableCell::new(range),
        None => TableCell::new("No range given").class("nhsuk-u-secondary-text-colour"),
    };
    let previous = match line.previous {
        Some(previous) => {
            let arrow = match previous.trend {
                Some(Trend::Up) => "\u{2191} ",
                Some(Trend::Down) => "\u{2193} ",
                Some(Trend::Same) => "\u{2192} ",
                None => "",
            };
            let text = previous.text();
            let shown = text.clone();
            TableCell::view(text, move || {
                view! {
                    <span class=style::arrow aria-hidden="true">{arrow}</span>
                    {shown.clone()}
                }
            })
        }
        None => TableCell::new("No earlier result").class("nhsuk-u-secondary-text-colour"),
    };
    vec![TableCell::new(line.name), value, flag, range, previous]
}

/// The look of a flag: bold for any the laboratory set, and a red edge for
/// a critical one; the words say it either way.
fn flag_style(flag: Flag) -> &'static str {
    match flag {
        f if f.is_critical() => style::critical,
        Flag::Low | Flag::High | Flag::Abnormal | Flag::Other => style::abnormal,
        Flag::BelowRange | Flag::AboveRange => style::outside,
        _ => style::quiet,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn each_result_reads_with_its_flag_range_and_trend_in_words() {
        let text = DOCS.example_text("default");
        for expected in [
            "Urea and electrolytes, 21-Nov-2026 08:12",
            "Potassium Result 6.4 mmol/L Flag Critically high Reference range 3.5 to 5.3 Previous result ↑ Up from 5.1 mmol/L on 20-Nov-2026 07:05",
            "Sodium Result 131 mmol/L Flag Low",
            "eGFR Result 32 mL/min/1.73m2 Flag Low Reference range 60 or more Previous result No earlier result",
            "White cell count Result 17.8 10^9/L Flag Above range Reference range 4 to 11",
            "Haemoglobin Result 128 g/L Flag Below range Reference range 130 to 180 Previous result ↓ Down from 131 g/L",
            "Conclusion: Potassium 6.4 phoned to Ward 7 at 08:15.",
            "Full blood count, 21-Nov-2026 07:58",
            "Other results",
            "C-reactive protein Result 148 mg/L Flag High Reference range up to 5 Previous result ↑ Up from 96 mg/L",
        ] {
            assert!(text.contains(expected), "{expected}\nnot in\n{text}");
        }
        let html = DOCS.example_markup("default");
        assert!(html.contains("bedside-result-flag--critical"), "{html}");
        let arrow = format!("<span aria-hidden=\"true\" class=\"{}\">\n↑", style::arrow);
        assert!(html.contains(&arrow), "the arrow is not read out: {html}");
    }

    #[test]
    fn gaps_in_a_report_are_said() {
        let text = DOCS.example_text("partial");
        for expected in [
            "Blood gas and electrolytes, 21-Nov-2026 13:31",
            "Sodium Result 136 mmol/L Amended",
            "Potassium Result Sample haemolysed: please repeat Flag Not flagged",
            "Lactate Result 2.9 mmol/L Flag Not flagged Reference range No range given",
            "Preliminary",
            "1 result in this report could not be shown. Check the full report.",
        ] {
            assert!(text.contains(expected), "{expected}\nnot in\n{text}");
        }
    }

    #[test]
    fn loading_failure_and_none_are_three_different_things() {
        assert_eq!(DOCS.example_text("loading"), "Loading results…");
        let failed = DOCS.example_text("failed");
        assert!(failed.contains("Results could not be checked") && failed.contains("did not answer in time"), "{failed}");
        assert_eq!(DOCS.example_text("empty"), "No results recorded.");
    }
}
