//! Lossless round trips of tricky R4 JSON through `bedside::fhir`.
//!
//! Each fixture carries what generated model crates drop or reject:
//! `modifierExtension`, primitive extensions (`_birthDate`, `_given` with
//! nulls), `contained`, unknown elements, choice types not modelled
//! (`effectivePeriod`, `deceasedBoolean`), and decimals whose trailing zeros
//! matter (`1.50`, `0.100`, `120.0`). Reading and writing must give back the
//! same JSON, numbers compared by their text.
#![cfg(not(target_arch = "wasm32"))]

use bedside::fhir::resources::{Bundle, Observation, Patient};
use bedside::fhir::{Decimal, Resource, ResourceError};
use serde_json::{Value, json};

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/fhir/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fixture `name` read as `T` and written back: from a JSON tree, and
/// from its bytes as the server wrote them, which is what the client reads.
fn round_trips<T: serde::de::DeserializeOwned + serde::Serialize>(name: &str) -> [Value; 2] {
    let from_tree: T = serde_json::from_value(fixture(name)).expect("reads from a tree");
    let path = format!("{}/tests/fixtures/fhir/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let from_bytes: T = bedside::fhir::decode(&bytes).expect("reads from bytes");
    [from_tree, from_bytes].map(|typed| serde_json::to_value(&typed).expect("writes"))
}

#[test]
fn every_fixture_round_trips_unchanged() {
    for (name, read) in [
        (
            "patient-tricky.json",
            round_trips::<Patient> as fn(&str) -> [Value; 2],
        ),
        ("observation-tricky.json", round_trips::<Observation>),
        ("bundle-searchset.json", round_trips::<Bundle>),
        ("patient-tricky.json", round_trips::<Resource>),
        ("bundle-searchset.json", round_trips::<Resource>),
    ] {
        let original = fixture(name);
        for written in read(name) {
            assert_eq!(written, original, "{name}");
        }
    }
}

#[test]
fn decimals_keep_trailing_zeros_even_inside_unknown_elements() {
    let patient = fixture("patient-tricky.json");
    let written =
        serde_json::to_string(&serde_json::from_value::<Patient>(patient).expect("reads"))
            .expect("writes");
    // 3.250 sits in an unmodelled extension; 3.000 in an element R4 does not know.
    for text in ["3.250", "3.000", "2.0"] {
        assert!(written.contains(text), "{text} lost from {written}");
    }
    let obs: Observation =
        serde_json::from_value(fixture("observation-tricky.json")).expect("reads");
    let range = &obs.reference_range[0];
    assert_eq!(
        range
            .low
            .as_ref()
            .and_then(|q| q.value.clone())
            .map(|d| d.as_str()),
        Some("0.100".into())
    );
    assert_eq!(
        range
            .high
            .as_ref()
            .and_then(|q| q.value.clone())
            .map(|d| d.as_str()),
        Some("1.50".into())
    );
    let systolic = obs.component[0]
        .value_quantity
        .as_ref()
        .and_then(|q| q.value.clone());
    assert_eq!(systolic, Some("120.0".parse::<Decimal>().expect("decimal")));
}

#[test]
fn changing_one_field_keeps_every_other_element() {
    let original = fixture("patient-tricky.json");
    let mut patient: Patient = serde_json::from_value(original.clone()).expect("reads");
    patient.gender = Some("other".into());
    let mut expected = original;
    expected["gender"] = json!("other");
    assert_eq!(serde_json::to_value(&patient).expect("writes"), expected);
}

#[test]
fn modelled_fields_read_through_the_tricky_parts() {
    let patient: Patient = serde_json::from_value(fixture("patient-tricky.json")).expect("reads");
    assert_eq!(
        patient.nhs_number().map(|n| n.formatted()).as_deref(),
        Some("943 476 5919")
    );
    assert_eq!(patient.name[0].given_names().collect::<Vec<_>>(), ["Ann"]);
    assert_eq!(
        patient.ethnic_category().and_then(|c| c.label()),
        Some("Irish")
    );
    assert_eq!(patient.birth_date.as_deref(), Some("1950-03"));
    assert!(patient.extra.contains_key("_birthDate"));
    assert!(patient.extra.contains_key("modifierExtension"));
    assert!(patient.extra.contains_key("contained"));

    let bundle: Bundle = serde_json::from_value(fixture("bundle-searchset.json")).expect("reads");
    assert_eq!(bundle.total.map(|t| t.get()), Some(3));
    assert_eq!(
        bundle.link("next"),
        Some("https://fhir.example/R4/Observation?patient=tricky-1&_count=2&_offset=2")
    );
    let types: Vec<_> = bundle
        .entry
        .iter()
        .filter_map(|e| e.resource.as_ref())
        .map(Resource::resource_type)
        .collect();
    assert_eq!(types, ["Observation", "Encounter", "OperationOutcome"]);
    match bundle.entry[0].resource.as_ref() {
        Some(Resource::Observation(o)) => assert_eq!(o.value_integer.map(|v| v.get()), Some(7)),
        other => panic!("expected an Observation, got {other:?}"),
    }
    match bundle.entry[2].resource.as_ref() {
        Some(Resource::OperationOutcome(o)) => assert_eq!(o.issue[0].message(), "Search truncated"),
        other => panic!("expected an OperationOutcome, got {other:?}"),
    }
}

#[test]
fn wrong_or_missing_resource_types_are_refused() {
    let mut not_a_patient = fixture("observation-tricky.json");
    let err = serde_json::from_value::<Patient>(not_a_patient.clone())
        .expect_err("an Observation is not a Patient");
    assert!(
        err.to_string()
            .contains("expected resourceType Patient, found Observation"),
        "{err}"
    );

    not_a_patient
        .as_object_mut()
        .map(|o| o.remove("resourceType"));
    assert!(matches!(
        Resource::from_value(not_a_patient),
        Err(ResourceError::NoResourceType)
    ));
    assert!(
        serde_json::from_value::<Patient>(json!({"id": "x"})).is_err(),
        "resourceType is required"
    );

    // A known type with invalid content says which type.
    let err = Resource::from_value(json!({"resourceType": "Observation", "code": {"text": "x"}}))
        .expect_err("status is required");
    assert!(
        err.to_string().starts_with("Observation could not be read"),
        "{err}"
    );
    let err = serde_json::from_value::<Observation>(json!({
        "resourceType": "Observation", "status": "final", "code": {}, "valueInteger": 2.5
    }))
    .expect_err("2.5 is not an integer");
    assert!(err.to_string().contains("not a whole number"), "{err}");
}

/// The round-trip assertions compare `Value`s; they only prove precision is
/// kept if `Value` equality sees the difference between `1.50` and `1.5`.
#[test]
fn value_equality_sees_number_text() {
    let a: Value = serde_json::from_str("1.50").expect("json");
    let b: Value = serde_json::from_str("1.5").expect("json");
    assert_ne!(a, b);
}

/// One resource of every modelled type (sandbox data plus hand-written
/// Medication, MedicationStatement, DiagnosticReport, Questionnaire,
/// QuestionnaireResponse and CapabilityStatement).
#[test]
fn every_modelled_type_reads_as_itself_and_round_trips() {
    let original = fixture("every-type.json");
    let bundle: Bundle = serde_json::from_value(original.clone()).expect("reads");
    let mut types: Vec<&str> = Vec::new();
    for entry in &bundle.entry {
        let resource = entry.resource.as_ref().expect("a resource");
        assert!(
            !matches!(resource, Resource::Other(_)),
            "{} is modelled",
            resource.resource_type()
        );
        types.push(resource.resource_type());
    }
    types.sort_unstable();
    types.dedup();
    assert_eq!(types.len(), 16, "{types:?}");
    assert_eq!(serde_json::to_value(&bundle).expect("writes"), original);
}

#[test]
fn typed_fields_of_the_clinical_types() {
    let bundle: Bundle = serde_json::from_value(fixture("every-type.json")).expect("reads");
    let find = |t: &str| {
        bundle
            .entry
            .iter()
            .filter_map(|e| e.resource.as_ref())
            .find(|r| r.resource_type() == t)
            .cloned()
            .unwrap_or_else(|| panic!("no {t}"))
    };
    match find("MedicationRequest") {
        Resource::MedicationRequest(m) => {
            let dose = &m.dosage_instruction[0];
            assert_eq!(dose.as_needed_boolean, Some(true));
            assert!(
                dose.text
                    .as_deref()
                    .is_some_and(|t| t.contains("when required")),
                "{:?}",
                dose.text
            );
        }
        other => panic!("{other:?}"),
    }
    match find("CapabilityStatement") {
        Resource::CapabilityStatement(c) => assert_eq!(
            c.oauth_uris(),
            Some((
                "http://localhost:8104/auth".to_string(),
                "http://localhost:8104/token".to_string()
            ))
        ),
        other => panic!("{other:?}"),
    }
    match find("Encounter") {
        Resource::Encounter(e) => assert_eq!(e.class.code.as_deref(), Some("IMP")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_resource_becomes_its_type_or_comes_back_whole() {
    let patient = Resource::from_value(fixture("patient-tricky.json")).expect("a Patient");
    let back = Observation::try_from(patient.clone()).expect_err("not an Observation");
    assert_eq!(back, patient, "the resource comes back unchanged");
    let typed = Patient::try_from(patient).expect("a Patient");
    assert_eq!(
        round_trips::<Patient>("patient-tricky.json")[0],
        serde_json::to_value(&typed).expect("json")
    );
    let other = Resource::from_value(json!({"resourceType": "Basic", "code": {"text": "x"}}))
        .expect("kept as JSON");
    assert!(Patient::try_from(other).is_err());
}
