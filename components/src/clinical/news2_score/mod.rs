#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::clinical::news2::{ClinicalRisk, News2};
use crate::docs::{ComponentDocs, Example};

stylance::import_crate_style!(style, "src/clinical/news2_score/news2_score.module.css");

/// The words for a score: "NEWS2 7, high risk", with the single 3 named
/// (RCP 2017, Chart 3: a single parameter scoring 3 is low–medium risk
/// whatever the total).
pub fn score_text(score: &News2) -> String {
    let risk = score.risk.as_str().to_lowercase();
    let single = if score.risk == ClinicalRisk::LowMedium {
        ": one parameter scored 3"
    } else {
        ""
    };
    format!("NEWS2 {}, {risk} risk{single}", score.total)
}

/// A NEWS2 total and its clinical risk, in words and in the RCP chart's
/// colour, or what is missing before there can be one.
#[component]
pub fn News2Score(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The score; `None` while the set is not complete.
    #[prop(into)]
    score: Signal<Option<News2>>,
    /// How many of the seven parameters are recorded, said while there is
    /// no score.
    #[prop(optional, into)]
    entered: Signal<usize>,
) -> impl IntoView {
    let own = move || {
        let modifier = match score.get().map(|s| s.risk) {
            None => style::incomplete,
            Some(ClinicalRisk::Low) => "",
            Some(ClinicalRisk::LowMedium) => style::low_medium,
            Some(ClinicalRisk::Medium) => style::medium,
            Some(ClinicalRisk::High) => style::high,
        };
        crate::ui::class_list(&format!("bedside-news2-score {} {modifier}", style::score), class.get())
    };
    let text = move || match score.get() {
        Some(score) => score_text(&score),
        None => match entered.get() {
            0 => "NEWS2 not scored".to_string(),
            n => format!("NEWS2 not scored yet: {n} of 7 parameters entered"),
        },
    };
    view! { <span class=own>{text}</span> }
}

mod examples {
    use crate::clinical::news2::{Acvpu, Inspired, News2, Observations, SpO2Scale, score};

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
}

/// The gallery page and tests for [`News2Score`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "news2-score",
    title: "NEWS2 score",
    summary: "A NEWS2 total and its clinical risk, in words and the RCP chart's colours.",
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn html(name: &str) -> String {
        DOCS.example_markup(name)
    }

    #[test]
    fn each_risk_is_said_in_words() {
        for (name, text) in [
            ("low", "NEWS2 1, low risk"),
            ("low-medium", "NEWS2 3, low–medium risk: one parameter scored 3"),
            ("medium", "NEWS2 5, medium risk"),
            ("high", "NEWS2 9, high risk"),
            ("incomplete", "NEWS2 not scored yet: 4 of 7 parameters entered"),
        ] {
            let html = html(name);
            assert!(html.contains(&format!("\n{text}\n</span>")), "{name}: {html}");
        }
        assert!(html("high").contains(style::high) && !html("medium").contains(style::high));
        assert!(html("incomplete").contains(style::incomplete));
    }
}
