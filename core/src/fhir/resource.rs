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
