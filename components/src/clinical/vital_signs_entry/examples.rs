//! Vital signs entry's gallery examples: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::news2::SpO2Scale;
use crate::docs::{ComponentDocs, Example};

/// The gallery page and tests for [`VitalSignsEntry`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "vital-signs-entry",
    title: "Vital signs entry",
    summary: "Record a set of observations with the NEWS2 score shown as you type.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "A set of observations",
            description: "Scored on SpO2 Scale 1. Type values to see the NEWS2 score and response; the gallery has no clinical record system, so saving says so and keeps what you typed.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <VitalSignsEntry patient="example" /> }.into_any(),
        },
        Example {
            name: "scale-2",
            title: "A patient on SpO2 Scale 2",
            description: "For hypercapnic respiratory failure, when a clinician has prescribed it: 88 to 92% scores 0.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <VitalSignsEntry patient="example" scale=SpO2Scale::Scale2 id_prefix="vitals-scale-2" /> }
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
                    <VitalSignsEntry
                        class="app-vitals"
                        patient="example"
                        id_prefix="vitals-attributes"
                        attr:data-test="vital-signs-entry"
                    />
                }
                .into_any()
            },
        },
    ],
};
