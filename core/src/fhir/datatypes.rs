//! FHIR R4 data types: the elements Bedside reads, and `extra` for the rest.
//!
//! Field names are Rust's; serde renames them to FHIR's camelCase. Choice
//! elements (`value[x]`) are modelled only in the forms Bedside reads; any
//! other form stays in `extra` and is written back unchanged.

use serde::{Deserialize, Serialize};

use super::{Decimal, Extra, PositiveInt};

/// An extension: a URL naming it, and its value or nested extensions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Extension {
    /// What the extension is.
    pub url: String,
    /// Nested extensions (complex extensions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// `valueCodeableConcept`, the form UK Core's coded extensions use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_codeable_concept: Option<CodeableConcept>,
    /// `valueString`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_string: Option<String>,
    /// Other `value[x]` forms and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A code from a code system.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Coding {
    /// The code system's URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The system's display text for the code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Coding {
    /// Whether this is `code` in `system`.
    pub fn is(&self, system: &str, code: &str) -> bool {
        self.system.as_deref() == Some(system) && self.code.as_deref() == Some(code)
    }
}

/// A concept: codes from one or more systems, and the text a person entered or saw.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeableConcept {
    /// The codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    /// The text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CodeableConcept {
    /// A concept of one coding: `code` in `system`, with its display if
    /// given.
    pub fn coded(system: &str, code: &str, display: Option<&str>) -> Self {
        Self {
            coding: vec![Coding {
                system: Some(system.into()),
                code: Some(code.into()),
                display: display.map(Into::into),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    /// Whether any coding is `code` in `system`.
    pub fn has(&self, system: &str, code: &str) -> bool {
        self.coding.iter().any(|c| c.is(system, code))
    }

    /// What to show a person: the text, else the first coding's display, else its code.
    pub fn label(&self) -> Option<&str> {
        self.text.as_deref().or_else(|| {
            self.coding
                .iter()
                .find_map(|c| c.display.as_deref().or(c.code.as_deref()))
        })
    }
}

/// An identifier, such as an NHS number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Identifier {
    /// `usual`, `official`, `temp`, `secondary`, `old`.
    #[serde(rename = "use", skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    /// The namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Extensions (UK Core: NHS number verification status).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A person's name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HumanName {
    /// `usual`, `official`, `nickname`, `old`, `maiden`, …
    #[serde(rename = "use", skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    /// The whole name as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Family name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Given names, in order. `None` where only an extension is given
    /// (`"given": [null, "Ann"], "_given": [{…}, null]` is valid FHIR JSON).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub given: Vec<Option<String>>,
    /// Titles before the name (nullable for the same reason).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prefix: Vec<Option<String>>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

impl HumanName {
    /// The given names that have a value.
    pub fn given_names(&self) -> impl Iterator<Item = &str> {
        self.given.iter().flatten().map(String::as_str)
    }
}

/// A phone number, email address or similar.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactPoint {
    /// `phone`, `email`, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The number or address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `home`, `work`, `mobile`, …
    #[serde(rename = "use", skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    /// Preference order, 1 first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<PositiveInt>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// `home`, `work`, `temp`, `old`, `billing`.
    #[serde(rename = "use", skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    /// Street lines (nullable where only an extension is given).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub line: Vec<Option<String>>,
    /// Town or city.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// County.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Postcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A reference to another resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    /// `Type/id`, an absolute URL, or `#contained-id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Text to show when the target is not read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Reference {
    /// A reference to `Type/id`.
    pub fn to(resource_type: &str, id: &str) -> Self {
        Self {
            reference: Some(format!("{resource_type}/{id}")),
            ..Self::default()
        }
    }
}

/// A start and end time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// Start, inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// End, inclusive; absent while ongoing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A measured amount.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quantity {
    /// The value, with its precision as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    /// `<`, `<=`, `>=`, `>`: how to read the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparator: Option<String>,
    /// The unit as shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The unit's code system (UCUM).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The unit's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Version and profile information about a resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    /// The server's version id, for `If-Match`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// When the server last changed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<String>,
    /// Profiles it claims to follow (UK Core); nullable like every primitive list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<Option<String>>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A note with its author and time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    /// The note (markdown).
    pub text: String,
    /// When it was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Unmodelled elements (`author[x]`) and unknown ones.
    #[serde(flatten)]
    pub extra: Extra,
}

/// When something happens, repeatedly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Timing {
    /// The repetition (`frequency` per `period` `periodUnit`, …), kept whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat: Option<serde_json::Value>,
    /// A coded schedule (`BID`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeableConcept>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

/// How a medicine is to be taken.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dosage {
    /// The instruction as the prescriber wrote it; what Bedside shows first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    /// "When required" (the coded form of `asNeeded[x]` stays in `extra`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_needed_boolean: Option<bool>,
    /// How it enters the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<CodeableConcept>,
    /// Doses and rates, kept whole (`dose[x]`, `rate[x]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dose_and_rate: Vec<serde_json::Value>,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}
