//! NEWS2 score's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::news2::News2;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Props, Workbench};
use crate::clinical::news2::{Acvpu, Inspired, Observations, SpO2Scale, score};

/// The gallery page and tests for [`News2Score`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "news2-score",
    title: "NEWS2 score",
    summary: "A NEWS2 total and its clinical risk, in words and the RCP chart's colours.",
    // The readings, scored by the ward's own NEWS2 (RCP 2017): a designer
    // sees the badge any set of observations makes.
    workbench: Some(Workbench {
        component: "News2Score",
        props: &[
            Prop { name: "respiration_rate", label: "Respiration rate, breaths/minute", kind: PropKind::Number, default: "16" },
            Prop { name: "spo2", label: "SpO2, %", kind: PropKind::Number, default: "97" },
            Prop { name: "scale", label: "SpO2 scale", kind: PropKind::Choice { rust_type: "SpO2Scale", variants: SCALES }, default: "Scale1" },
            Prop { name: "inspired", label: "Air or oxygen", kind: PropKind::Choice { rust_type: "Inspired", variants: INSPIRED }, default: "Air" },
            Prop { name: "systolic_bp", label: "Systolic blood pressure, mmHg", kind: PropKind::Number, default: "124" },
            Prop { name: "pulse", label: "Pulse, beats/minute", kind: PropKind::Number, default: "78" },
            Prop { name: "consciousness", label: "Consciousness", kind: PropKind::Choice { rust_type: "Acvpu", variants: ACVPU }, default: "Alert" },
            Prop { name: "temperature", label: "Temperature, °C", kind: PropKind::Number, default: "36.9" },
        ],
        presets: &[
            Preset { example: "low", values: &[("pulse", "95")] },
            Preset { example: "low-medium", values: &[("consciousness", "NewConfusion")] },
            Preset { example: "medium", values: &[("respiration_rate", "22"), ("pulse", "112"), ("temperature", "38.4")] },
            Preset {
                example: "high",
                values: &[("respiration_rate", "26"), ("inspired", "Oxygen"), ("systolic_bp", "98"), ("pulse", "118")],
            },
        ],
        render: |props| {
            let score = Some(score(&readings(props)?));
            Ok(view! { <News2Score score=score /> }.into_any())
        },
        rust: Some(readings_in_rust),
    }),
    examples: &[
        Example {
            name: "low",
            title: "Low risk",
            description: "Total 1: pulse 95.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <News2Score score=examples::scored(|o| o.pulse = 95) /> }.into_any(),
        },
        Example {
            name: "low-medium",
            title: "Low–medium risk",
            description: "Total 3 from one parameter: new confusion.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <News2Score score=examples::scored(|o| o.consciousness = crate::clinical::Acvpu::NewConfusion) /> }
                    .into_any()
            },
        },
        Example {
            name: "medium",
            title: "Medium risk",
            description: "Total 5: respiration rate 22, pulse 112, temperature 38.4 °C.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <News2Score score=examples::scored(|o| {
                        o.respiration_rate = 22;
                        o.pulse = 112;
                        o.temperature = 38.4;
                    }) />
                }
                .into_any()
            },
        },
        Example {
            name: "high",
            title: "High risk",
            description: "Total 9: breathing fast on oxygen, low pressure, fast pulse.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <News2Score score=examples::scored(|o| {
                        o.respiration_rate = 26;
                        o.inspired = crate::clinical::Inspired::Oxygen;
                        o.systolic_bp = 98;
                        o.pulse = 118;
                    }) />
                }
                .into_any()
            },
        },
        Example {
            name: "incomplete",
            title: "Not complete",
            description: "Four of the seven parameters entered: no partial total.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <News2Score score=None entered=4usize /> }.into_any(),
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the score.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! { <News2Score class="app-score" score=examples::scored(|_| {}) attr:data-test="news2-score" /> }
                    .into_any()
            },
        },
    ],
};

/// The score for a set that is normal but for `change`.
pub(super) fn scored(change: fn(&mut Observations)) -> Option<News2> {
    let mut obs = Observations {
        respiration_rate: 16,
        spo2: 97,
        scale: SpO2Scale::Scale1,
        inspired: Inspired::Air,
        systolic_bp: 124,
        pulse: 78,
        consciousness: Acvpu::Alert,
        temperature: 36.9,
    };
    change(&mut obs);
    Some(score(&obs))
}

const SCALES: &[&str] = &["Scale1", "Scale2"];
const INSPIRED: &[&str] = &["Air", "Oxygen"];
const ACVPU: &[&str] = &["Alert", "NewConfusion", "Voice", "Pain", "Unresponsive"];

/// The workbench's readings as the scoring takes them.
fn readings(props: &Props) -> Result<Observations, String> {
    Ok(Observations {
        respiration_rate: props.number("respiration_rate")?,
        spo2: props.number("spo2")?,
        scale: [SpO2Scale::Scale1, SpO2Scale::Scale2][props.choice("scale", SCALES)],
        inspired: [Inspired::Air, Inspired::Oxygen][props.choice("inspired", INSPIRED)],
        systolic_bp: props.number("systolic_bp")?,
        pulse: props.number("pulse")?,
        consciousness: [Acvpu::Alert, Acvpu::NewConfusion, Acvpu::Voice, Acvpu::Pain, Acvpu::Unresponsive]
            [props.choice("consciousness", ACVPU)],
        temperature: props.number("temperature")?,
    })
}

/// The readings scored, then drawn, in Rust.
fn readings_in_rust(props: &Props) -> String {
    let value = |name: &str| props.text(name).trim().to_string();
    format!(
        "let score = score(&Observations {{ respiration_rate: {}, spo2: {}, scale: SpO2Scale::{}, inspired: Inspired::{}, systolic_bp: {}, pulse: {}, consciousness: Acvpu::{}, temperature: {} }});\nview! {{ <News2Score score=Some(score) /> }}",
        value("respiration_rate"),
        value("spo2"),
        value("scale"),
        value("inspired"),
        value("systolic_bp"),
        value("pulse"),
        value("consciousness"),
        value("temperature"),
    )
}
