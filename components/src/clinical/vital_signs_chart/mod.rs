#![doc = include_str!("docs.md")]

mod geometry;

use leptos::prelude::*;

pub use geometry::{Plot, time_ticks};

use crate::clinical::cui::Instant;
use crate::clinical::fetched::{Fetched, fetched_view};
use crate::clinical::news2::{Acvpu, Inspired, Parameter, SpO2Scale, parameter_score};
use crate::clinical::news2_score::score_text;
use crate::clinical::vital_signs::{Measure, VitalSet, acvpu_coding, format_value};
use crate::ui::{Choice, Details, LabelSize, Radios, Table, TableCell, TableColumn};

stylance::import_crate_style!(style, "src/clinical/vital_signs_chart/vital_signs_chart.module.css");

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

/// How far back the chart looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartRange {
    /// The last 24 hours.
    Day,
    /// The last 72 hours.
    #[default]
    ThreeDays,
    /// Every set.
    All,
}

impl ChartRange {
    /// Its value in the range radios.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "24h",
            Self::ThreeDays => "72h",
            Self::All => "all",
        }
    }

    fn seconds(self) -> Option<i64> {
        match self {
            Self::Day => Some(24 * 3_600),
            Self::ThreeDays => Some(72 * 3_600),
            Self::All => None,
        }
    }

    fn words(self) -> &'static str {
        match self {
            Self::Day => "the last 24 hours",
            Self::ThreeDays => "the last 72 hours",
            Self::All => "the record",
        }
    }
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 190.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = WIDTH - 56.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = HEIGHT - 38.0;

/// Vital signs over time, one SVG chart per parameter in the RCP NEWS2
/// chart's order, each on its NEWS2 bands (RCP 2017, Chart 2), with the
/// NEWS2 total above them in its risk bands (Chart 3).
///
/// Colour is never the only cue: every band is labelled with its score at
/// the right and edged with a line, its edge values are on the axis, each
/// point is named with its time, value and score, and the same sets are in
/// a table beneath. The last 24 hours, 72 hours or everything, as the user
/// chooses; times on UK clocks.
#[component]
pub fn VitalSignsChart(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The sets, in any order, or why they are not here.
    #[prop(into)]
    sets: Signal<Fetched<VitalSet>>,
    /// The time axis's right-hand end, as a FHIR `dateTime`: now unless
    /// given.
    #[prop(optional, into)]
    end: MaybeProp<String>,
    /// The first range shown.
    #[prop(optional)]
    range: ChartRange,
    /// The start of the chart's ids, for two charts on one page.
    #[prop(optional, into, default = "vital-signs-chart".to_string())]
    id_prefix: String,
) -> impl IntoView {
    let chosen = RwSignal::new(range.as_str().to_string());
    let range = move || {
        [ChartRange::Day, ChartRange::ThreeDays, ChartRange::All]
            .into_iter()
            .find(|r| chosen.with(|c| c == r.as_str()))
            .unwrap_or_default()
    };
    let shown = Memo::new(move |_| {
        let end = end.get().and_then(|e| Instant::parse(&e).ok()).unwrap_or_else(Instant::now);
        let mut timed: Vec<(Instant, VitalSet)> = sets.with(|sets| match sets {
            Fetched::Ready(sets) => sets
                .iter()
                .filter_map(|s| Instant::parse(&s.when).ok().map(|t| (t, s.clone())))
                .collect(),
            _ => Vec::new(),
        });
        timed.sort_by_key(|(t, _)| *t);
        let start = match range().seconds() {
            Some(seconds) => Instant(end.0 - seconds),
            None => timed.first().map_or(Instant(end.0 - 24 * 3_600), |(t, _)| *t),
        };
        timed.retain(|(t, _)| (start.0..=end.0).contains(&t.0));
        Shown { start, end, sets: timed }
    });
    let range_items = [ChartRange::Day, ChartRange::ThreeDays, ChartRange::All]
        .into_iter()
        .map(|r| {
            let label = match r {
                ChartRange::Day => "24 hours",
                ChartRange::ThreeDays => "72 hours",
                ChartRange::All => "All",
            };
            Choice::new(r.as_str(), label).into()
        })
        .collect();
    let prefix = id_prefix.clone();
    // Loading and a failed fetch say so in place of the charts: no sets
    // because none could be read is not "no observations recorded".
    let body = move || {
        let state = sets.with(|sets| match sets {
            Fetched::Loading => Fetched::Loading,
            Fetched::Failed(reason) => Fetched::Failed(reason.clone()),
            Fetched::Ready(_) => Fetched::Ready(Vec::new()),
        });
        let prefix = prefix.clone();
        fetched_view::<()>(state, "observations", String::new(), move |_, _| {
            let shown = shown.get();
            if shown.sets.is_empty() {
                return view! {
                    <p class="bedside-vital-signs-chart__empty">
                        {format!("No observations recorded in {}.", range().words())}
                    </p>
                }
                .into_any();
            }
            let charts = Plot::ALL
                .into_iter()
                .map(|plot| chart(plot, &shown, &prefix))
                .collect_view();
            view! {
                {charts}
                <Details summary="Show the observations as a table">{table(&shown)}</Details>
            }
            .into_any()
        })
    };
    view! {
        <div class=move || crate::ui::class_list(&format!("bedside-vital-signs-chart {}", style::charts), class.get())>
            <Radios
                name=format!("{id_prefix}-range")
                legend="Show"
                legend_size=LabelSize::S
                inline=true
                small=true
                items=range_items
                value=chosen
            />
            {body}
        </div>
    }
}

#[derive(Clone, PartialEq)]
struct Shown {
    start: Instant,
    end: Instant,
    sets: Vec<(Instant, VitalSet)>,
}

fn x(shown: &Shown, t: Instant) -> f64 {
    let span = (shown.end.0 - shown.start.0).max(1) as f64;
    LEFT + (t.0 - shown.start.0) as f64 / span * (RIGHT - LEFT)
}

fn y(plot: Plot, value: f64) -> f64 {
    let (low, high) = plot.axis();
    let clamped = value.clamp(low, high);
    BOTTOM - (clamped - low) / (high - low) * (BOTTOM - TOP)
}

fn n(value: f64) -> String {
    format!("{value:.1}")
}

fn value_text(plot: Plot, value: f64) -> String {
    match plot {
        Plot::News2 => format_value(value, 0),
        Plot::Measure(m) => format!("{} {}", format_value(value, m.spec().decimals), m.spec().unit),
    }
}

/// One parameter's chart: its bands, axes, and a point per set.
fn chart(plot: Plot, shown: &Shown, prefix: &str) -> AnyView {
    let scale = shown.sets.last().map_or(SpO2Scale::Scale1, |(_, s)| s.scale);
    let half = match plot {
        Plot::Measure(Measure::Temperature) => 0.05,
        _ => 0.5,
    };
    let (low, high) = plot.axis();
    let bands = plot.bands(scale);
    let band_rects = bands
        .iter()
        .map(|&(from, to, band)| {
            let (top, bottom) = (y(plot, (to + half).min(high)), y(plot, (from - half).max(low)));
            let class = match band {
                0 => style::band0,
                1 => style::band1,
                2 => style::band2,
                _ => style::band3,
            };
            let label_y = (top + bottom) / 2.0 + 4.0;
            view! {
                <rect class=class x=n(LEFT) y=n(top) width=n(RIGHT - LEFT) height=n(bottom - top) />
                <line class=style::edge x1=n(LEFT) x2=n(RIGHT) y1=n(top) y2=n(top) />
                <text class=style::band_label x=n(RIGHT + 6.0) y=n(label_y)>{plot.band_label(band)}</text>
            }
        })
        .collect_view();
    // The value at each band's lower edge, and the axis's ends.
    let mut marks: Vec<f64> = bands.iter().skip(1).map(|b| b.0).collect();
    marks.insert(0, low);
    marks.push(high);
    let decimals = if half < 0.5 { 1 } else { 0 };
    let y_labels = marks
        .into_iter()
        .map(|v| {
            view! { <text class=style::axis_label x=n(LEFT - 6.0) y=n(y(plot, v) + 4.0) text-anchor="end">{format_value(v, decimals)}</text> }
        })
        .collect_view();
    let ticks = time_ticks(shown.start, shown.end)
        .into_iter()
        .map(|t| {
            let uk = t.uk();
            let date = uk.date.to_string();
            let tx = n(x(shown, t));
            view! {
                <line class=style::tick x1=tx.clone() x2=tx.clone() y1=n(TOP) y2=n(BOTTOM + 4.0) />
                <text class=style::axis_label x=tx.clone() y=n(BOTTOM + 18.0) text-anchor="middle">{uk.time()}</text>
                <text class=style::axis_label x=tx y=n(BOTTOM + 32.0) text-anchor="middle">{date.get(..6).unwrap_or_default().to_string()}</text>
            }
        })
        .collect_view();
    let points: Vec<(f64, f64, String)> = shown
        .sets
        .iter()
        .filter_map(|(t, set)| {
            let value = plot.value(set)?;
            let scored = match plot {
                Plot::News2 => set.news2().map(|s| score_text(&s)).unwrap_or_default(),
                Plot::Measure(m) => match m.news2() {
                    None => value_text(plot, value),
                    Some(p) => match reading_score(p, value, set) {
                        Some(score) => format!("{}, scores {score}", value_text(plot, value)),
                        None => format!("{}, not scored: air or oxygen not recorded", value_text(plot, value)),
                    },
                },
            };
            Some((x(shown, *t), value, format!("{}: {scored}", t.uk())))
        })
        .collect();
    let line = points.iter().map(|(px, v, _)| format!("{},{}", n(*px), n(y(plot, *v)))).collect::<Vec<_>>().join(" ");
    let pressures = if plot == Plot::Measure(Measure::Systolic) { shown.sets.as_slice() } else { &[] };
    let diastolic = pressures
            .iter()
            .filter_map(|(t, set)| {
                let (low, high) = (set.get(Measure::Diastolic)?, set.get(Measure::Systolic)?);
                let px = n(x(shown, *t));
                let title = format!("{}: {}/{} mmHg", t.uk(), format_value(high, 0), format_value(low, 0));
                Some(view! {
                    <line class=style::pressure x1=px.clone() x2=px.clone() y1=n(y(plot, high)) y2=n(y(plot, low)) />
                    <rect class=style::diastolic x=n(x(shown, *t) - 3.5) y=n(y(plot, low) - 3.5) width="7" height="7">
                        <title>{title}</title>
                    </rect>
                })
            })
            .collect_view();
    let summary = match points.last() {
        Some((_, _, last)) => format!("{}: {} readings; latest {last}", plot.title(), points.len()),
        None => format!("{}: none recorded in this period", plot.title()),
    };
    let dots = points
        .into_iter()
        .map(|(px, v, title)| {
            view! {
                <circle class=style::point cx=n(px) cy=n(y(plot, v)) r="4">
                    <title>{title}</title>
                </circle>
            }
        })
        .collect_view();
    let caption_id = format!("{prefix}-{}", plot.title().to_lowercase().replace([' ', '(', ')'], "-"));
    // Plain strings, not options: see `MedicationList`'s line.
    let unit = if plot.unit().is_empty() { String::new() } else { format!(", {}", plot.unit()) };
    let note = if geometry::scale_note(plot, scale) {
        " (Scale 2: the bands above 92% score on oxygen only)"
    } else {
        ""
    };
    view! {
        <figure class=style::figure>
            <figcaption id=caption_id.clone() class=style::caption>
                {plot.title()}
                {unit}
                {note}
            </figcaption>
            <svg
                class=style::chart
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby=caption_id
            >
                <title>{summary}</title>
                {band_rects}
                {y_labels}
                {ticks}
                <polyline class=style::line points=line />
                {diastolic}
                {dots}
            </svg>
        </figure>
    }
    .into_any()
}

fn not_recorded() -> String {
    "Not recorded".into()
}

/// The same sets as a table, newest first: the chart for those who cannot
/// see it, and for reading exact values.
fn table(shown: &Shown) -> AnyView {
    let value = |set: &VitalSet, m: Measure| {
        set.get(m)
            .map_or_else(not_recorded, |v| format_value(v, m.spec().decimals))
    };
    let rows: Vec<Vec<TableCell>> = shown
        .sets
        .iter()
        .rev()
        .map(|(t, set)| {
            let pressure = match (set.get(Measure::Systolic), set.get(Measure::Diastolic)) {
                (Some(s), Some(d)) => format!("{}/{}", format_value(s, 0), format_value(d, 0)),
                (Some(s), None) => format_value(s, 0),
                _ => not_recorded(),
            };
            let spo2 = match (set.get(Measure::SpO2), set.scale) {
                (Some(v), SpO2Scale::Scale2) => format!("{} (Scale 2)", format_value(v, 0)),
                (Some(v), SpO2Scale::Scale1) => format_value(v, 0),
                (None, _) => not_recorded(),
            };
            let inspired = match set.inspired {
                Some(Inspired::Air) => "Air".to_string(),
                Some(Inspired::Oxygen) => "Oxygen".to_string(),
                None => not_recorded(),
            };
            let consciousness = set.consciousness.map_or_else(not_recorded, |l: Acvpu| {
                let (_, words, letter) = acvpu_coding(l);
                format!("{letter}: {words}")
            });
            let score = set.news2().map_or_else(|| "Not scored".to_string(), |s| score_text(&s));
            vec![
                TableCell::new(t.uk().to_string()).sort_value(format!("{:012}", t.0)),
                value(set, Measure::RespirationRate).into(),
                spo2.into(),
                inspired.into(),
                pressure.into(),
                value(set, Measure::Pulse).into(),
                consciousness.into(),
                value(set, Measure::Temperature).into(),
                score.into(),
            ]
        })
        .collect();
    let columns = vec![
        TableColumn::new("Taken"),
        TableColumn::new("Respiration rate (breaths/minute)"),
        TableColumn::new("SpO2 (%)"),
        TableColumn::new("Air or oxygen"),
        TableColumn::new("Blood pressure (mmHg)"),
        TableColumn::new("Pulse (beats/minute)"),
        TableColumn::new("Consciousness"),
        TableColumn::new("Temperature (°C)"),
        TableColumn::new("NEWS2"),
    ];
    view! { <Table caption="Observations, newest first" columns=columns rows=rows responsive=true compact=true /> }
        .into_any()
}

/// Example sets, built as values.
/// What one reading scores as its own set was taken: on Scale 2 above
/// 92% that depends on air or oxygen (RCP NEWS2 Chart 1), so a reading on
/// air is never said to score what the bands drawn for oxygen show, and a
/// set that does not record which says so rather than guess.
fn reading_score(parameter: Parameter, value: f64, set: &VitalSet) -> Option<u32> {
    let on = |inspired| parameter_score(parameter, value, set.scale, inspired);
    match set.inspired {
        Some(inspired) => Some(on(inspired)),
        None if on(Inspired::Air) == on(Inspired::Oxygen) => Some(on(Inspired::Air)),
        None => None,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::docs::{normalize_html, render_to_html};

    fn html(name: &str) -> String {
        DOCS.example_markup(name)
    }

    #[test]
    fn each_parameter_is_charted_on_labelled_bands_with_named_points() {
        let html = html("default");
        assert_eq!(html.matches("<svg").count(), 6, "NEWS2 and five parameters");
        assert_eq!(html.matches("<circle").count(), 10 * 6, "one point per set and chart");
        for expected in [
            "Respiration rate, breaths/minute",
            "21-Nov-2026 10:00: 18 breaths/minute, scores 0",
            "20-Nov-2026 10:00: 26 breaths/minute, scores 3",
            "20-Nov-2026 10:00: NEWS2 16, high risk",
            "21-Nov-2026 10:00: 118/72 mmHg",
            "20-Nov-2026 10:00: 39.3 °C, scores 2",
            "Respiration rate: 10 readings; latest 21-Nov-2026 10:00: 18 breaths/minute, scores 0",
            "\nMedium\n</text>",
            "Show the observations as a table",
            "Observations, newest first",
            "C: New confusion",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
        assert!(html.contains("18-Nov-2026 18:00"), "72 hours back from 16:00 on the 21st");
        let day = normalize_html(&render_to_html(|| {
            view! { <VitalSignsChart sets=Fetched::Ready(examples::deteriorating()) end=examples::END range=ChartRange::Day /> }.into_any()
        }));
        assert_eq!(day.matches("<circle").count(), 2 * 6, "the last 24 hours: two sets");
        assert!(!day.contains("20-Nov-2026 14:00:"));
        assert!(!html.contains("style="), "no inline styles under the CSP");
    }

    #[test]
    fn gaps_are_said_and_never_scored() {
        let html = html("partial");
        assert!(html.contains("Scale 2: the bands above 92% score on oxygen only"), "{html}");
        assert!(html.contains("Blood pressure: none recorded in this period"));
        assert!(html.contains("Not scored") && html.contains("Not recorded"));
        assert!(html.contains("95 (Scale 2)"));
        // Issue 32: a Scale 2 reading of 95% on air was said to score 2,
        // the band drawn for oxygen; on air it scores 0 (RCP Chart 1).
        assert!(html.contains("21-Nov-2026 08:00: 95 %, scores 0"), "{html}");
        assert!(html.contains("21-Nov-2026 10:00: 95 %, not scored: air or oxygen not recorded"), "{html}");
        assert!(html.contains("21-Nov-2026 06:00: 89 %, scores 0"), "{html}");
        // The NEWS2 chart has no point: no set is complete.
        assert!(html.contains("NEWS2 score: none recorded in this period"));
    }

    #[test]
    fn none_loading_and_failure_are_told_apart() {
        assert!(html("empty").contains("No observations recorded in the last 24 hours."));
        let loading = DOCS.example_text("loading");
        assert!(loading.contains("Loading observations…") && !loading.contains("No observations"), "{loading}");
        let failed = DOCS.example_text("failed");
        assert!(failed.contains("Observations could not be checked"), "{failed}");
        assert!(failed.contains("Your session has ended") && !failed.contains("No observations"), "{failed}");
        assert!(!html("failed").contains("<svg"), "no empty charts under the warning");
    }
}
