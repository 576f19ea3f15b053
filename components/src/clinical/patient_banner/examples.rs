//! Patient banner's gallery examples and the sample records they show: for the gallery and the tests
//! (the `examples` feature), never in a ward build.

use leptos::prelude::*;

use super::*;
use crate::clinical::cui::Instant;
use crate::docs::{ComponentDocs, Example, Preset, Prop, PropKind, Props, Workbench};
use crate::fhir::resources::Patient;
use crate::fhir::{Address, ContactPoint, HumanName, Identifier, Reference};

/// The gallery page and tests for [`PatientBanner`].
pub const DOCS: ComponentDocs = ComponentDocs {
    slug: "patient-banner",
    title: "Patient banner",
    summary: "Who the patient is, the same way on every screen (NHS CUI).",
    workbench: Some(Workbench {
        component: "PatientBanner",
        props: &[
            Prop {
                name: "patient",
                label: "Patient (a FHIR R4 Patient, JSON)",
                kind: PropKind::Json { rust: |_| Some("patient".into()) },
                default: ADULT,
            },
            Prop {
                name: "allergies",
                label: "Allergies (JSON: a list of names, or \"NoKnownAllergies\", \"NotRecorded\", \"UnableToAssess\", \"Unavailable\")",
                kind: PropKind::Json { rust: allergies_in_rust },
                default: "\"NotRecorded\"",
            },
            Prop {
                name: "variant",
                label: "Variant",
                kind: PropKind::Choice { rust_type: "BannerVariant", variants: &["Full", "Compact"] },
                default: "Full",
            },
        ],
        presets: &[
            Preset { example: "default", values: &[("allergies", "[\"Penicillin\", \"Latex\"]")] },
            Preset { example: "compact", values: &[("variant", "Compact")] },
        ],
        render: workbench,
        rust: None,
    }),
    examples: &[
        Example {
            name: "default",
            title: "Allergies listed",
            description: "An adult with a preferred name and two allergies; contact details and GP behind a details element.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PatientBanner
                        patient=examples::adult()
                        allergies=examples::penicillin_and_latex()
                        at=examples::at()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "no-known-allergies",
            title: "No known allergies",
            description: "Asked and answered: the patient has no known allergies.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PatientBanner
                        patient=examples::patient("Hughes", &["Owen"], Some("Mr"), Some("male"), "1991-10-30", Some("9990002347"))
                        allergies=AllergyStatus::NoKnownAllergies
                        at=examples::at()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "not-recorded",
            title: "Missing details",
            description: "A newborn with no NHS number yet, age in days, allergies not recorded: each gap says \"Not known\".",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PatientBanner
                        patient=examples::patient("Begum", &["Baby"], None, None, "2026-11-12", None)
                        at=examples::at()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "unable-to-assess",
            title: "Unable to assess allergies",
            description: "A child brought in unconscious, with no one to ask: age in years and months.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PatientBanner
                        patient=examples::patient("Kowalski", &["Zofia"], Some("Miss"), Some("female"), "2019-08-02", Some("9990003459"))
                        allergies=AllergyStatus::UnableToAssess
                        at=examples::at()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "deceased",
            title: "Deceased",
            description: "A patient who has died: marked in words and look, the age the one they died at.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PatientBanner
                        patient=examples::deceased()
                        allergies=AllergyStatus::NoKnownAllergies
                        at=examples::at()
                    />
                }
                .into_any()
            },
        },
        Example {
            name: "compact",
            title: "Compact",
            description: "Name, date of birth, gender and NHS number on one line, for lists and side panels.",
            hidden: false,
            nhsuk_fixture: None,
            render: || {
                view! { <PatientBanner patient=examples::adult() variant=BannerVariant::Compact at=examples::at() /> }
                    .into_any()
            },
        },
        Example {
            name: "attributes",
            title: "Attributes",
            description: "Classes and other attributes land on the banner.",
            hidden: true,
            nhsuk_fixture: None,
            render: || {
                view! {
                    <PatientBanner
                        class="app-banner"
                        patient=examples::adult()
                        at=examples::at()
                        attr:data-test="patient-banner"
                    />
                }
                .into_any()
            },
        },
    ],
};

pub(super) fn at() -> Instant {
    Instant::parse("2026-11-21T14:05:00Z").unwrap_or(Instant(0))
}

fn name(use_: &str, family: &str, given: &[&str], title: Option<&str>) -> HumanName {
    HumanName {
        use_: Some(use_.into()),
        family: (!family.is_empty()).then(|| family.into()),
        given: given.iter().map(|g| Some((*g).to_string())).collect(),
        prefix: title.map(|t| vec![Some(t.to_string())]).unwrap_or_default(),
        ..Default::default()
    }
}

/// A patient: official name, gender, date of birth, NHS number.
pub(super) fn patient(
    family: &str,
    given: &[&str],
    title: Option<&str>,
    gender: Option<&str>,
    born: &str,
    nhs_number: Option<&str>,
) -> Patient {
    Patient {
        name: vec![name("official", family, given, title)],
        gender: gender.map(Into::into),
        birth_date: Some(born.into()),
        identifier: nhs_number
            .map(|n| Identifier {
                system: Some(crate::fhir::uk_core::NHS_NUMBER_SYSTEM.into()),
                value: Some(n.into()),
                ..Default::default()
            })
            .into_iter()
            .collect(),
        ..Default::default()
    }
}

pub(super) fn adult() -> Patient {
    let mut p = patient("Okafor", &["Adaeze", "Grace"], Some("Mrs"), Some("female"), "1958-03-07", Some("9990001235"));
    p.name.push(name("usual", "", &["Ada"], None));
    p.address = vec![Address {
        use_: Some("home".into()),
        line: vec![Some("14 Mill Lane".into())],
        city: Some("Hebden Bridge".into()),
        postal_code: Some("HX7 8AB".into()),
        ..Default::default()
    }];
    p.telecom = vec![ContactPoint {
        system: Some("phone".into()),
        value: Some("01422 000 123".into()),
        ..Default::default()
    }];
    p.general_practitioner = vec![Reference {
        reference: Some("Organization/B86001".into()),
        display: Some("Calder Valley Medical Practice".into()),
        ..Default::default()
    }];
    p
}

pub(super) fn deceased() -> Patient {
    let mut p = patient("Thompson", &["Harold"], Some("Mr"), Some("male"), "1936-01-19", Some("9990004560"));
    p.extra.insert("deceasedDateTime".into(), serde_json::Value::from("2026-11-19T03:40:00Z"));
    p
}

pub(super) fn penicillin_and_latex() -> AllergyStatus {
    AllergyStatus::Listed(vec!["Penicillin".into(), "Latex".into()])
}

/// [`adult`] as the workbench's JSON.
const ADULT: &str = r#"{
  "resourceType": "Patient",
  "identifier": [{ "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990001235" }],
  "name": [
    { "use": "official", "family": "Okafor", "given": ["Adaeze", "Grace"], "prefix": ["Mrs"] },
    { "use": "usual", "given": ["Ada"] }
  ],
  "telecom": [{ "system": "phone", "value": "01422 000 123" }],
  "gender": "female",
  "birthDate": "1958-03-07",
  "address": [{ "use": "home", "line": ["14 Mill Lane"], "city": "Hebden Bridge", "postalCode": "HX7 8AB" }],
  "generalPractitioner": [{ "reference": "Organization/B86001", "display": "Calder Valley Medical Practice" }]
}"#;

/// The allergies as the workbench's JSON has them: names, or a state.
fn allergy_status(json: &str) -> Result<AllergyStatus, String> {
    match serde_json::from_str::<serde_json::Value>(json).map_err(|e| format!("allergies: {e}"))? {
        serde_json::Value::Array(names) => Ok(AllergyStatus::Listed(
            names.iter().filter_map(|n| n.as_str().map(str::to_string)).collect(),
        )),
        serde_json::Value::String(state) => match state.as_str() {
            "NoKnownAllergies" => Ok(AllergyStatus::NoKnownAllergies),
            "NotRecorded" => Ok(AllergyStatus::NotRecorded),
            "UnableToAssess" => Ok(AllergyStatus::UnableToAssess),
            "Unavailable" => Ok(AllergyStatus::Unavailable),
            other => Err(format!("allergies: \"{other}\" is not a state")),
        },
        _ => Err("allergies: a list of names, or a state".into()),
    }
}

fn allergies_in_rust(json: &str) -> Option<String> {
    Some(match allergy_status(json).ok()? {
        AllergyStatus::Listed(names) => {
            let names: Vec<String> = names.iter().map(|n| format!("{n:?}.into()")).collect();
            format!("AllergyStatus::Listed(vec![{}])", names.join(", "))
        }
        other => format!("AllergyStatus::{other:?}"),
    })
}

fn workbench(props: &Props) -> Result<AnyView, String> {
    let patient: Patient = props.json("patient")?;
    let allergies = allergy_status(&props.text("allergies"))?;
    let variant = [BannerVariant::Full, BannerVariant::Compact][props.choice("variant", &["Full", "Compact"])];
    Ok(view! { <PatientBanner patient=patient allergies=allergies variant=variant at=at() /> }.into_any())
}
