//! Decision support cards on every patient page ([`bedside::cds`]): the
//! calls (`cds`) and the cards' drawing (`cds_cards`: markdown, suggestions,
//! dismissal) are two split points fetched together, each within a split
//! point's budget, in the patient tools' group: they come with a patient's
//! first page, never with the first load or the sign-in.

use bedside::cds::{CardArgs, DecisionSupport, draw_card};
use bedside::on_demand::{QuietlyOnDemand, SplitLoaderError, ready, wasm_split};
use leptos::prelude::*;

use crate::tools::load_together;

/// The organisation's CDS services' cards for the patient, as they arrive.
#[wasm_split(cds, preload(load_cds), fallible)]
fn cards(patient: String, encounter: Option<String>) -> Result<AnyView, SplitLoaderError> {
    Ok(
        view! { <DecisionSupport patient_id=patient encounter_id=encounter draw=draw /> }
            .into_any(),
    )
}

#[wasm_split(cds_cards, preload(load_cds_cards), fallible)]
fn card(args: CardArgs) -> Result<AnyView, SplitLoaderError> {
    Ok(draw_card(args))
}

/// One card, by the code fetched with the calls'.
fn draw(args: CardArgs) -> AnyView {
    ready(card(args))
}

/// [`cards`] once both files are here; nothing meanwhile.
#[component]
pub fn CardsFor(
    /// The patient on the page.
    patient: String,
    /// The admission, where known.
    encounter: Option<String>,
) -> impl IntoView {
    view! {
        <div data-on-demand="cds">
            <QuietlyOnDemand what="decision support" load=|| load_together(load_cds(), load_cds_cards())>
                {
                    let (patient, encounter) = (patient.clone(), encounter.clone());
                    move || ready(cards(patient.clone(), encounter.clone()))
                }
            </QuietlyOnDemand>
        </div>
    }
}
