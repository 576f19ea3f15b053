//! Any FHIR resource, dispatched on `resourceType`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::resources::*;

/// Why JSON is not a resource.
#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    /// No `resourceType` string: not a FHIR resource at all.
    #[error("this is not a FHIR resource: it has no resourceType")]
    NoResourceType,
    /// A known type whose content does not fit its model.
    #[error("{resource_type} could not be read: {source}")]
    Invalid {
        /// The resource type.
        resource_type: String,
        /// What serde found.
        source: serde_json::Error,
    },
}

/// Declares [`Resource`] with one variant per modelled type, named as the
/// type is, and the dispatch on `resourceType` that goes with it.
macro_rules! resources {
    ($($name:ident),* $(,)?) => {
        /// A resource of a type Bedside models, or any other resource kept as JSON.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Resource {
            $(
                #[doc = concat!("A ", stringify!($name), ".")]
                $name(Box<$name>),
            )*
            /// Any other type, unchanged.
            Other(serde_json::Value),
        }

        impl Resource {
            /// Reads a resource from JSON.
            pub fn from_value(value: serde_json::Value) -> Result<Self, ResourceError> {
                let resource_type = value
                    .get("resourceType")
                    .and_then(serde_json::Value::as_str)
                    .ok_or(ResourceError::NoResourceType)?
                    .to_owned();
                let invalid = |source| ResourceError::Invalid {
                    resource_type: resource_type.clone(),
                    source,
                };
                Ok(match resource_type.as_str() {
                    $(stringify!($name) => Self::$name(Box::new(serde_json::from_value(value).map_err(invalid)?)),)*
                    _ => Self::Other(value),
                })
            }

            /// The resource type.
            pub fn resource_type(&self) -> &str {
                match self {
                    $(Self::$name(_) => stringify!($name),)*
                    Self::Other(v) => v.get("resourceType").and_then(|t| t.as_str()).unwrap_or_default(),
                }
            }
        }

        $(
            /// The resource if it is of this type; otherwise the resource
            /// back. For the matches of a search: `filter_map(|r| Patient::try_from(r).ok())`.
            impl TryFrom<Resource> for $name {
                type Error = Resource;

                fn try_from(resource: Resource) -> Result<Self, Resource> {
                    match resource {
                        Resource::$name(typed) => Ok(*typed),
                        other => Err(other),
                    }
                }
            }
        )*

        impl Serialize for Resource {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(Self::$name(r) => r.serialize(s),)*
                    Self::Other(v) => v.serialize(s),
                }
            }
        }
    };
}

resources!(
    AllergyIntolerance,
    Bundle,
    CapabilityStatement,
    Condition,
    DiagnosticReport,
    Encounter,
    List,
    Location,
    Medication,
    MedicationRequest,
    MedicationStatement,
    Observation,
    OperationOutcome,
    Organization,
    Patient,
    Practitioner,
    PractitionerRole,
    Questionnaire,
    QuestionnaireResponse,
);

impl<'de> Deserialize<'de> for Resource {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::from_value(serde_json::Value::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fhir::decode;

    fn read(json: &str) -> Result<Resource, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn a_resource_reads_the_same_wherever_its_type_is_named() {
        let first = r#"{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"Pulse"},"valueQuantity":{"value":72.50},"note":[{"text":"calm"}]}"#;
        let last = r#"{"id":"o1","status":"final","code":{"text":"Pulse"},"valueQuantity":{"value":72.50},"note":[{"text":"calm"}],"resourceType":"Observation"}"#;
        let (first, last) = (read(first).expect("first"), read(last).expect("last"));
        assert!(matches!(first, Resource::Observation(_)));
        assert_eq!(first, last);
        // The unmodelled `note` kept, and the decimal's text.
        let written = serde_json::to_string(&first).expect("writes");
        assert!(written.contains(r#""note":[{"text":"calm"}]"#), "{written}");
        assert!(written.contains("72.50"), "{written}");
    }

    #[test]
    fn a_type_not_modelled_is_kept_whole() {
        let json = r#"{"resourceType":"Basic","id":"b","code":{"text":"x"},"amount":1.50}"#;
        let Resource::Other(value) = read(json).expect("reads") else {
            panic!("not Other")
        };
        assert_eq!(value["resourceType"], "Basic");
        assert_eq!(
            serde_json::to_string(&value["amount"]).expect("writes"),
            "1.50"
        );
    }

    #[test]
    fn what_does_not_fit_its_model_is_refused_and_named() {
        // No status (required in R4 and in the model).
        let missing = read(r#"{"resourceType":"Observation","code":{}}"#).expect_err("refused");
        assert!(
            missing.contains("Observation could not be read"),
            "{missing}"
        );
        assert!(missing.contains("missing field `status`"), "{missing}");
        // The same, with the type named last.
        let late = read(r#"{"code":{},"resourceType":"Observation"}"#).expect_err("refused");
        assert!(late.contains("Observation could not be read"), "{late}");
        // No type, or not a string.
        for json in [r#"{"id":"x"}"#, r#"{"resourceType":7}"#, "{}"] {
            let e = read(json).expect_err("refused");
            assert!(e.contains("no resourceType"), "{json}: {e}");
        }
    }

    #[test]
    fn a_member_name_with_an_escape_is_read_as_written() {
        // A name written with an escape is the same name.
        let json = r#"{"resourceType":"Patient","\u0069d":"p1","_birthDate":{"extension":[{"url":"u"}]},"unknown\"quoted":1}"#;
        let Resource::Patient(patient) = read(json).expect("reads") else {
            panic!("not a Patient")
        };
        assert_eq!(patient.id.as_deref(), Some("p1"));
        assert!(patient.extra.contains_key("_birthDate"));
        assert!(patient.extra.contains_key("unknown\"quoted"));
        assert!(decode::<Resource>(json.as_bytes()).is_ok());
    }
}
