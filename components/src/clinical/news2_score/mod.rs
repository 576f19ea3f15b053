#![doc = include_str!("docs.md")]

use leptos::prelude::*;

use crate::clinical::news2::{ClinicalRisk, News2};

stylance::import_crate_style!(style, "src/clinical/news2_score/news2_score.module.css");

#[cfg(any(test, feature = "examples"))]
pub mod examples;
#[cfg(any(test, feature = "examples"))]
pub use examples::DOCS;

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
