#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::clinical::fetched::{Fetched, fetched_view};
use crate::clinical::results::{Flag, ResultGroup, ResultLine, ResultValue, Trend};
use crate::docs::{ComponentDocs, Example};
use crate::ui::{HeadingSize, Table, TableCell, TableColumn, Tag, TagColour};

stylance::import_crate_style!(style, "src/clinical/results_table/results_table.module.css");

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

/// Example results, built as values: parsing them from JSON would bring
/// the resources' deserialisers into the gallery section.
pub mod examples {
    use crate::clinical::results::group_results;
    use crate::fhir::resources::{DiagnosticReport, Observation, ReferenceRange};
    use crate::fhir::{CodeableConcept, Quantity, Reference};

    use super::*;

    const LOINC: &str = "http://loinc.org";
    const FLAGS: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    fn quantity(value: &str, unit: &str) -> Option<Quantity> {
        Some(Quantity {
            value: value.parse().ok(),
            unit: Some(unit.into()),
            ..Default::default()
        })
    }

    /// A test: LOINC code, name, unit and range (low, high; empty for none).
    type Test = (&'static str, &'static str, &'static str, &'static str, &'static str);

    pub(crate) const SODIUM: Test = ("2951-2", "Sodium", "mmol/L", "133", "146");
    pub(crate) const POTASSIUM: Test = ("2823-3", "Potassium", "mmol/L", "3.5", "5.3");
    const UREA: Test = ("3094-0", "Urea", "mmol/L", "2.5", "7.8");
    const CREATININE: Test = ("2160-0", "Creatinine", "micromol/L", "59", "104");
    const EGFR: Test = ("62238-1", "eGFR", "mL/min/1.73m2", "60", "");
    const HAEMOGLOBIN: Test = ("718-7", "Haemoglobin", "g/L", "130", "180");
    const WHITE_CELLS: Test = ("6690-2", "White cell count", "10^9/L", "4.0", "11.0");
    const PLATELETS: Test = ("777-3", "Platelets", "10^9/L", "150", "410");
    const CRP: Test = ("1988-5", "C-reactive protein", "mg/L", "", "5");

    /// One result of `test`: `value` at `when`, with the laboratory's flag
    /// (`""` for none).
    pub(crate) fn result(id: &str, test: Test, value: &str, when: &str, flag: &str) -> Observation {
        let (code, name, unit, low, high) = test;
        Observation {
            id: Some(id.into()),
            status: "final".into(),
            category: vec![CodeableConcept::coded("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", Some("Laboratory"))],
            code: CodeableConcept::coded(LOINC, code, Some(name)),
            subject: Some(Reference::to("Patient", "example")),
            effective_date_time: Some(when.into()),
            value_quantity: quantity(value, unit),
            interpretation: (!flag.is_empty())
                .then(|| CodeableConcept::coded(FLAGS, flag, Some(flag)))
                .into_iter()
                .collect(),
            reference_range: vec![ReferenceRange {
                low: (!low.is_empty()).then(|| quantity(low, unit)).flatten(),
                high: (!high.is_empty()).then(|| quantity(high, unit)).flatten(),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    fn report(id: &str, code: &str, name: &str, issued: &str, results: &[&Observation]) -> DiagnosticReport {
        DiagnosticReport {
            id: Some(id.into()),
            status: "final".into(),
            code: CodeableConcept::coded(LOINC, code, Some(name)),
            subject: Some(Reference::to("Patient", "example")),
            issued: Some(issued.into()),
            result: results
                .iter()
                .filter_map(|o| o.id.as_deref())
                .map(|id| Reference::to("Observation", id))
                .collect(),
            ..Default::default()
        }
    }

    /// A patient with sepsis and an acute kidney injury: today's blood
    /// tests, yesterday's for the trends.
    pub fn admission() -> Vec<ResultGroup> {
        let today = "2026-11-21T06:40:00Z";
        let yesterday = "2026-11-20T07:05:00Z";
        let ue = [
            result("na-2", SODIUM, "131", today, "L"),
            result("k-2", POTASSIUM, "6.4", today, "HH"),
            result("urea-2", UREA, "14.2", today, "H"),
            result("creat-2", CREATININE, "188", today, "H"),
            result("egfr-2", EGFR, "32", today, "L"),
        ];
        let fbc = [
            result("hb-2", HAEMOGLOBIN, "128", today, ""),
            result("wcc-2", WHITE_CELLS, "17.8", today, ""),
            result("plt-2", PLATELETS, "212", today, "N"),
        ];
        let crp = result("crp-2", CRP, "148", today, "H");
        let earlier = [
            result("na-1", SODIUM, "134", yesterday, "N"),
            result("k-1", POTASSIUM, "5.1", yesterday, "N"),
            result("urea-1", UREA, "9.8", yesterday, "H"),
            result("creat-1", CREATININE, "142", yesterday, "H"),
            result("hb-1", HAEMOGLOBIN, "131", yesterday, "N"),
            result("crp-1", CRP, "96", yesterday, "H"),
        ];
        let mut renal = report("ue-2", "24362-6", "Urea and electrolytes", "2026-11-21T08:12:00Z", &ue.iter().collect::<Vec<_>>());
        renal.conclusion = Some("Potassium 6.4 phoned to Ward 7 at 08:15.".into());
        let blood_count = report("fbc-2", "58410-2", "Full blood count", "2026-11-21T07:58:00Z", &fbc.iter().collect::<Vec<_>>());
        let reports = [renal, blood_count];
        let observations: Vec<Observation> = ue.into_iter().chain(fbc).chain([crp]).chain(earlier).collect();
        group_results(&reports, &observations)
    }

    /// A preliminary report: one result not yet given, a haemolysed
    /// sample, a result with no range, and an amended one.
    pub fn partial() -> Vec<ResultGroup> {
        let when = "2026-11-21T13:20:00Z";
        let mut haemolysed = result("k-3", POTASSIUM, "", when, "");
        haemolysed.value_quantity = None;
        haemolysed.extra.insert(
            "dataAbsentReason".into(),
            serde_json::json!({"coding": [{"code": "error"}], "text": "Sample haemolysed: please repeat"}),
        );
        let mut sodium = result("na-3", SODIUM, "136", when, "");
        sodium.status = "amended".into();
        let mut lactate = result("lac-3", ("2524-7", "Lactate", "mmol/L", "", ""), "2.9", when, "");
        lactate.reference_range.clear();
        let results = [&sodium, &haemolysed, &lactate];
        let mut gases = report("bg-3", "24336-0", "Blood gas and electrolytes", "2026-11-21T13:31:00Z", &results);
        gases.status = "preliminary".into();
        gases.result.push(Reference::to("Observation", "glucose-3"));
        let observations = vec![sodium.clone(), haemolysed.clone(), lactate.clone()];
        group_results(&[gases], &observations)
    }
}

/// The gallery page and tests for [`ResultsTable`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "results-table",
    title: "Results table",
    summary: "Test results by report: value, unit, flag in words, range and trend.",
    examples: &[
        Example {
            name: "default",
            title: "Blood tests with flags and trends",
            description: "Urea and electrolytes and a full blood count: the laboratory's flags, a critical potassium, ranges and yesterday's values.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ResultsTable results=Fetched::Ready(examples::admission()) /> }.into_any(),
        },
        Example {
            name: "partial",
            title: "A preliminary report with gaps",
            description: "A result still to come, a haemolysed sample, an amended value and a result with no range.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ResultsTable results=Fetched::Ready(examples::partial()) /> }.into_any(),
        },
        Example {
            name: "loading",
            title: "Loading",
            description: "While the results are fetched.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ResultsTable results=Fetched::Loading /> }.into_any(),
        },
        Example {
            name: "failed",
            title: "Could not be read",
            description: "The server failed: said, never shown as no results.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <ResultsTable results=Fetched::Failed(
                        "The clinical record system did not answer in time (it may be busy). Try again in a minute."
                            .into(),
                    ) />
                }
                .into_any()
            },
        },
        Example {
            name: "empty",
            title: "None recorded",
            description: "No results: said in words, never a blank.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <ResultsTable results=Fetched::Ready(Vec::new()) /> }.into_any(),
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the results.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <ResultsTable class="app-results" results=Fetched::Ready(examples::partial()) attr:data-test="results-table" /> }
                    .into_any()
            },
        },
    ],
};

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
