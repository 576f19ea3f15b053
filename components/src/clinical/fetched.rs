//! A patient's records as a screen has them: on their way, failed, or here.
//!
//! The record lists (allergies, problems, encounters, results) take this
//! rather than a bare list, because an empty list and a failed fetch must
//! never look alike: "no allergies recorded" shown for allergies that could
//! not be read is a clinical safety hazard (NHS CUI patient banner guidance
//! keeps "not recorded" and "unable to assess" apart for the same reason).

use leptos::prelude::*;

use crate::ui::{Loading, WarningCallout};

/// Records being fetched, the reason they could not be, or the records.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Fetched<T> {
    /// On their way.
    #[default]
    Loading,
    /// They could not be read: the message says why, in the user's words
    /// (a `FhirError`'s `Display`).
    Failed(String),
    /// Here (perhaps none).
    Ready(Vec<T>),
}

impl<T> From<Vec<T>> for Fetched<T> {
    fn from(records: Vec<T>) -> Self {
        Self::Ready(records)
    }
}

impl<T, E: std::fmt::Display> From<Result<Vec<T>, E>> for Fetched<T> {
    fn from(result: Result<Vec<T>, E>) -> Self {
        result.map_or_else(|e| Self::Failed(e.to_string()), Self::Ready)
    }
}

/// The view for each state: a polite "Loading allergies…", a warning that
/// `what` could not be checked (with the reason, and the advice to check the
/// record another way), or `ready`'s view of the records.
pub(crate) fn fetched_view<T>(
    state: Fetched<T>,
    what: &'static str,
    class: String,
    ready: impl FnOnce(Vec<T>, String) -> AnyView,
) -> AnyView {
    match state {
        Fetched::Loading => view! { <Loading class=class what=what /> }.into_any(),
        Fetched::Failed(reason) => {
            let mut heading = format!("{what} could not be checked");
            heading[..1].make_ascii_uppercase();
            view! {
                <WarningCallout class=class heading=heading>
                    <p>{reason}</p>
                    <p>"Check the patient's record another way before you rely on this screen."</p>
                </WarningCallout>
            }
            .into_any()
        }
        Fetched::Ready(records) => ready(records, class),
    }
}
