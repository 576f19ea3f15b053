//! NEWS2 score's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::news2::News2;
use crate::docs::{ComponentDocs, Example};
use crate::clinical::news2::{Acvpu, Inspired, Observations, SpO2Scale, score};

/// The gallery page and tests for [`News2Score`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "news2-score",
    title: "NEWS2 score",
    summary: "A NEWS2 total and its clinical risk, in words and the RCP chart's colours.",
    workbench: None,
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
