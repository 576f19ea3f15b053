//! Ward list's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::fetched::Fetched;
use crate::docs::{ComponentDocs, Example};
use super::WardPatient;
use crate::clinical::NhsNumber;
use crate::clinical::news2::{Acvpu, Inspired, Observations, SpO2Scale, score};

/// The gallery page and tests for [`WardList`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "ward-list",
    title: "Ward list",
    summary: "A ward's patients, sickest first, by latest NEWS2; virtualised for thousands.",
    workbench: None,
    examples: &[
        Example {
            name: "default",
            title: "A ward",
            description: "28 patients, highest NEWS2 first. Sort by any column; scroll inside the list.",
            hidden: false,
            nhsuk_fixture: None,
            render: || view! { <WardList patients=Fetched::Ready(examples::ward(28)) caption="Ward 7 (Elm)" /> }.into_any(),
        },
        Example {
            name: "large",
            title: "Ten thousand patients",
            description: "Only the rows in view are drawn: scrolling stays quick.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <WardList patients=Fetched::Ready(examples::ward(10_000)) caption="Every inpatient" id="ward-list-large" /> }
                    .into_any()
            },
        },
        Example {
            name: "empty",
            title: "No patients",
            description: "An empty ward says so.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <WardList patients=Fetched::Ready(Vec::new()) caption="Ward 9 (closed)" id="ward-list-empty" /> }
                    .into_any()
            },
        },
        Example {
            name: "loading",
            title: "Loading",
            description: "While the ward's patients are fetched.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <WardList patients=Fetched::Loading caption="Ward 7 (Elm)" id="ward-list-loading" /> }.into_any()
            },
        },
        Example {
            name: "failed",
            title: "Could not be read",
            description: "The first fetch failed: never shown as an empty ward.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <WardList
                        patients=Fetched::Failed("The clinical record system is busy (429). Try again in a minute.".into())
                        caption="Ward 7 (Elm)"
                        id="ward-list-failed"
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "refresh-failed",
            title: "A refresh that failed",
            description: "The list read before stays, under a warning that it could not be refreshed.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                let patients = RwSignal::new(Fetched::Ready(examples::ward(8)));
                let list = view! { <WardList patients=patients caption="Ward 7 (Elm)" id="ward-list-refresh-failed" /> };
                patients.set(Fetched::Failed("The clinical record system did not answer in time.".into()));
                list.into_any()
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
                    <WardList
                        class="app-ward"
                        patients=Fetched::Ready(examples::ward(3))
                        caption="Ward 7"
                        id="ward-list-attributes"
                        attr:data-test="ward-list"
                    />
                }
                .into_any()
            },
        },
    ],
};

const FAMILY: [&str; 12] = [
    "OKAFOR", "SMITH", "NOWAK", "KHAN", "JONES", "EVANS", "PATEL", "MURPHY", "CHEN", "WILLIAMS", "ADEYEMI", "BROWN",
];
const GIVEN: [&str; 10] = ["Adaeze", "Margaret", "Tomasz", "Imran", "Gareth", "Siân", "Priya", "Declan", "Wei", "Doris"];

/// A valid NHS number in the 999 range the NHS never issues, 3-3-4:
/// the first nine digits from `n` on that have a check digit (Modulus
/// 11, as [`NhsNumber::parse`] checks it).
fn nhs_number(n: usize) -> String {
    (n..)
        .find_map(|seed| {
            (0..10).find_map(|check| NhsNumber::parse(&format!("999{:06}{check}", seed % 1_000_000)).ok())
        })
        .map(|number| number.formatted())
        .unwrap_or_default()
}

/// `count` patients in beds of six, with a spread of NEWS2 from 0 to
/// high, some not yet scored; the same every time.
pub fn ward(count: usize) -> Vec<WardPatient> {
    (0..count)
        .map(|i| {
            let acuity = (i * 7919) % 13;
            let news2 = (i % 17 != 5).then(|| {
                score(&Observations {
                    respiration_rate: 14 + acuity as u32,
                    spo2: 98 - (acuity as u32 / 2),
                    scale: SpO2Scale::Scale1,
                    inspired: if acuity > 8 { Inspired::Oxygen } else { Inspired::Air },
                    systolic_bp: 130 - 4 * acuity as u32,
                    pulse: 70 + 5 * acuity as u32,
                    // New confusion alone is a single 3: low–medium risk.
                    consciousness: if acuity == 12 || (acuity == 0 && i % 2 == 1) {
                        Acvpu::NewConfusion
                    } else {
                        Acvpu::Alert
                    },
                    temperature: 36.6 + 0.2 * acuity as f64,
                })
            });
            WardPatient {
                id: format!("patient-{i:05}"),
                bed: format!("Bay {}, bed {}", i / 6 + 1, i % 6 + 1),
                name: format!("{}, {}", FAMILY[i % FAMILY.len()], GIVEN[(i / 3) % GIVEN.len()]),
                nhs_number: nhs_number(i),
                news2,
                observed: news2.map(|_| format!("2026-11-21T{:02}:{:02}:00Z", 6 + i % 10, (i * 13) % 60)),
                href: Some(format!("/observations?patient=patient-{i:05}")),
            }
        })
        .collect()
}
