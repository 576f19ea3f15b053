//! Vital signs chart's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::fetched::Fetched;
use crate::clinical::news2::{Acvpu, Inspired, SpO2Scale};
use crate::clinical::vital_signs::{Measure, VitalSet};
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`VitalSignsChart`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "vital-signs-chart",
    title: "Vital signs chart",
    summary: "Vital signs over time on their NEWS2 bands, with a table of the same values.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "Three days of observations",
            description: "A patient whose NEWS2 rose to high risk and came down with treatment.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <VitalSignsChart sets=Fetched::Ready(examples::deteriorating()) end=END /> }.into_any(),
        },
        Example {
            name: "partial",
            title: "Gaps, on SpO2 Scale 2",
            description: "Sets without every value: no partial NEWS2, and Scale 2's bands.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <VitalSignsChart sets=Fetched::Ready(examples::partial()) end=END range=ChartRange::Day id_prefix="chart-partial" /> }
                    .into_any()
            },
        },
        Example {
            name: "empty",
            title: "None recorded",
            description: "No sets in the period: said in words.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <VitalSignsChart sets=Fetched::Ready(Vec::new()) end=END range=ChartRange::Day id_prefix="chart-empty" /> }
                    .into_any()
            },
        },
        Example {
            name: "loading",
            title: "Loading",
            description: "While the sets are fetched.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <VitalSignsChart sets=Fetched::Loading end=END id_prefix="chart-loading" /> }.into_any(),
        },
        Example {
            name: "failed",
            title: "Could not be read",
            description: "The server failed: never shown as no observations.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <VitalSignsChart
                        sets=Fetched::Failed("Your session has ended. Sign in again to see the observations.".into())
                        end=END
                        id_prefix="chart-failed"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the wrapper.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <VitalSignsChart
                        class="app-chart"
                        sets=Fetched::Ready(examples::partial())
                        end=END
                        id_prefix="chart-attributes"
                        attr:data-test="vital-signs-chart"
                    />
                }
                .into_any()
            },
        },
    ],
};

/// A patient deteriorating over three days, then treated: four-hourly
/// sets ending at 21-Nov-2026 14:00.
pub(super) fn deteriorating() -> Vec<VitalSet> {
    let rows: [(&str, [f64; 6], bool, Acvpu); 10] = [
        ("2026-11-18T18:00:00Z", [16.0, 97.0, 128.0, 78.0, 76.0, 36.8], false, Acvpu::Alert),
        ("2026-11-19T02:00:00Z", [17.0, 96.0, 124.0, 76.0, 82.0, 37.1], false, Acvpu::Alert),
        ("2026-11-19T10:00:00Z", [18.0, 96.0, 120.0, 74.0, 88.0, 37.6], false, Acvpu::Alert),
        ("2026-11-19T18:00:00Z", [20.0, 95.0, 116.0, 72.0, 94.0, 38.0], false, Acvpu::Alert),
        ("2026-11-20T02:00:00Z", [22.0, 94.0, 110.0, 68.0, 102.0, 38.4], false, Acvpu::Alert),
        ("2026-11-20T06:00:00Z", [24.0, 93.0, 104.0, 64.0, 112.0, 38.9], true, Acvpu::Alert),
        ("2026-11-20T10:00:00Z", [26.0, 92.0, 96.0, 58.0, 124.0, 39.3], true, Acvpu::NewConfusion),
        ("2026-11-20T14:00:00Z", [24.0, 94.0, 102.0, 62.0, 116.0, 38.8], true, Acvpu::Alert),
        ("2026-11-21T02:00:00Z", [20.0, 95.0, 112.0, 70.0, 98.0, 37.9], true, Acvpu::Alert),
        ("2026-11-21T10:00:00Z", [18.0, 96.0, 118.0, 72.0, 88.0, 37.4], false, Acvpu::Alert),
    ];
    rows.into_iter()
        .map(|(when, values, oxygen, level)| {
            let mut set = VitalSet::new(when, SpO2Scale::Scale1);
            for (m, v) in Measure::ALL.into_iter().zip(values) {
                set.set(m, Some(v));
            }
            set.inspired = Some(if oxygen { Inspired::Oxygen } else { Inspired::Air });
            set.consciousness = Some(level);
            set
        })
        .collect()
}

/// A patient on Scale 2 with gaps: a set without blood pressure, one
/// with only SpO2 on air, one with only SpO2 and temperature.
pub(super) fn partial() -> Vec<VitalSet> {
    let mut first = VitalSet::new("2026-11-21T06:00:00Z", SpO2Scale::Scale2)
        .with(Measure::RespirationRate, 22.0)
        .with(Measure::SpO2, 89.0)
        .with(Measure::Pulse, 96.0)
        .with(Measure::Temperature, 37.2);
    first.inspired = Some(Inspired::Oxygen);
    first.consciousness = Some(Acvpu::Alert);
    let mut on_air = VitalSet::new("2026-11-21T08:00:00Z", SpO2Scale::Scale2).with(Measure::SpO2, 95.0);
    on_air.inspired = Some(Inspired::Air);
    let second = VitalSet::new("2026-11-21T10:00:00Z", SpO2Scale::Scale2)
        .with(Measure::SpO2, 95.0)
        .with(Measure::Temperature, 37.0);
    vec![first, on_air, second]
}

pub(crate) const END: &str = "2026-11-21T16:00:00Z";
