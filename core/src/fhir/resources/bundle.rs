use serde::{Deserialize, Serialize};

use crate::fhir::{Extra, Meta, Resource, UnsignedInt};

resource_type!(BundleType, "Bundle");

/// A collection of resources: search results, a transaction, a history.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    /// Always `Bundle`.
    pub resource_type: BundleType,
    /// The server's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version and profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// `searchset`, `transaction`, `transaction-response`, `batch`, `history`, …
    #[serde(rename = "type")]
    pub type_: String,
    /// Search: how many matches in all, if the server counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<UnsignedInt>,
    /// Paging links: `self`, `next`, `previous`, …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub link: Vec<BundleLink>,
    /// The entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry: Vec<BundleEntry>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Bundle {
    /// The URL of the link with this relation (`next`, say).
    pub fn link(&self, relation: &str) -> Option<&str> {
        self.link
            .iter()
            .find(|l| l.relation == relation)
            .map(|l| l.url.as_str())
    }
}

/// A link from a bundle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleLink {
    /// The relation.
    pub relation: String,
    /// Where it goes.
    pub url: String,
    /// Unmodelled and unknown elements.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One entry of a bundle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleEntry {
    /// The resource's absolute URL, or `urn:uuid:` inside a transaction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_url: Option<String>,
    /// The resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<Resource>,
    /// Search, request and response details, and anything else.
    #[serde(flatten)]
    pub extra: Extra,
}
