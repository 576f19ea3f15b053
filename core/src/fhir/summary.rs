//! Slim, read-only views of resources, for pages that only display a few
//! elements.
//!
//! The full models in [`super::resources`] keep every element, known or not,
//! so a resource survives a read–change–update round trip; that generality
//! costs wasm size (serde's `flatten` buffers every object). A page that
//! only shows a name and a date decodes into these instead and ships a
//! fraction of the code. Never update a resource read through a view: what
//! the view does not model would be lost.

use serde::Deserialize;

use super::uk_core::{NHS_NUMBER_SYSTEM, NhsNumber};

/// A `HumanName`'s displayed parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct NameView {
    /// `usual`, `official`, …
    #[serde(default, rename = "use")]
    pub use_: Option<String>,
    /// The whole name as written.
    #[serde(default)]
    pub text: Option<String>,
    /// Family name.
    #[serde(default)]
    pub family: Option<String>,
    /// Given names (`null` where only an extension is given).
    #[serde(default)]
    pub given: Vec<Option<String>>,
    /// Titles.
    #[serde(default)]
    pub prefix: Vec<Option<String>>,
}

impl NameView {
    /// The given names that have a value.
    pub fn given_names(&self) -> impl Iterator<Item = &str> {
        self.given.iter().flatten().map(String::as_str)
    }

    /// The first title, if any.
    pub fn title(&self) -> Option<&str> {
        self.prefix.iter().flatten().next().map(String::as_str)
    }
}

/// Picks the name to show: `official` first (the name on the record), then
/// `usual`, then the first. `prefer_usual` reverses the first two, for staff,
/// who are addressed by the name they use.
pub fn pick_name(names: &[NameView], prefer_usual: bool) -> Option<&NameView> {
    let (first, second) = if prefer_usual {
        ("usual", "official")
    } else {
        ("official", "usual")
    };
    names
        .iter()
        .find(|n| n.use_.as_deref() == Some(first))
        .or_else(|| names.iter().find(|n| n.use_.as_deref() == Some(second)))
        .or_else(|| names.first())
}

/// An `Identifier`'s system and value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct IdentifierView {
    /// The namespace.
    #[serde(default)]
    pub system: Option<String>,
    /// The value.
    #[serde(default)]
    pub value: Option<String>,
}

/// What a patient list or banner shows of a Patient (or a Practitioner).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonView {
    /// `Patient`, `Practitioner`, …
    #[serde(default)]
    pub resource_type: String,
    /// The id.
    #[serde(default)]
    pub id: Option<String>,
    /// Names.
    #[serde(default)]
    pub name: Vec<NameView>,
    /// Identifiers.
    #[serde(default)]
    pub identifier: Vec<IdentifierView>,
    /// Date of birth.
    #[serde(default)]
    pub birth_date: Option<String>,
}

impl PersonView {
    /// The NHS number, if one is recorded and passes the check digit.
    pub fn nhs_number(&self) -> Option<NhsNumber> {
        self.identifier
            .iter()
            .filter(|i| i.system.as_deref() == Some(NHS_NUMBER_SYSTEM))
            .find_map(|i| NhsNumber::parse(i.value.as_deref()?).ok())
    }
}

/// One page of search results, each entry kept as JSON until asked for as
/// a view: entries of other types (`_include`d resources, OperationOutcomes)
/// have other shapes and are never decoded as the view.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct SearchPage {
    /// The total number of matches, when the server counts them.
    #[serde(default)]
    pub total: Option<u32>,
    #[serde(default)]
    link: Vec<PageLink>,
    #[serde(default)]
    entry: Vec<Entry>,
}

/// A `Bundle.link`: the server's own address for another page.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
struct PageLink {
    #[serde(default)]
    relation: String,
    #[serde(default)]
    url: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
struct Entry {
    #[serde(default)]
    resource: Option<serde_json::Value>,
}

impl SearchPage {
    /// The server's address for the page with this relation (`next`,
    /// `previous`), to fetch with [`super::FhirClient::page_as`]. Paging
    /// follows these links because FHIR defines no other way: a server's
    /// paging parameters are its own.
    pub fn link(&self, relation: &str) -> Option<&str> {
        self.link
            .iter()
            .find(|l| l.relation == relation && !l.url.is_empty())
            .map(|l| l.url.as_str())
    }

    /// The entries of `resource_type`, as views; an entry of that type the
    /// view cannot read is an error, not silently left out.
    pub fn views<T: serde::de::DeserializeOwned>(
        self,
        resource_type: &str,
    ) -> Result<Vec<T>, serde_json::Error> {
        self.entry
            .into_iter()
            .filter_map(|e| e.resource)
            .filter(|r| r.get("resourceType").and_then(|t| t.as_str()) == Some(resource_type))
            .map(serde_json::from_value)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_page_keeps_only_the_asked_type() {
        let page: SearchPage = serde_json::from_str(
            r#"{"resourceType":"Bundle","type":"searchset","total":2,"entry":[
              {"resource":{"resourceType":"Patient","id":"p1","name":[{"family":"Smith","given":["Ann",null],"prefix":["Ms"]}],
                "identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}],"birthDate":"1970-01-02",
                "extension":[{"url":"x","valueString":"ignored"}]}},
              {"resource":{"resourceType":"Organization","id":"o1","name":"GP"}},
              {"resource":{"resourceType":"Patient","id":"p2","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765918"}]}}]}"#,
        )
        .expect("decodes");
        assert_eq!(page.total, Some(2));
        let people: Vec<PersonView> = page.clone().views("Patient").expect("views");
        let malformed: SearchPage = serde_json::from_str(
            r#"{"entry":[{"resource":{"resourceType":"Patient","name":"not a list"}}]}"#,
        )
        .expect("decodes");
        assert!(malformed.views::<PersonView>("Patient").is_err());
        assert_eq!(
            page.views::<PersonView>("Encounter").expect("none").len(),
            0
        );
        assert_eq!(people.len(), 2);
        assert_eq!(
            people[0].nhs_number().map(|n| n.formatted()).as_deref(),
            Some("943 476 5919")
        );
        assert_eq!(
            people[1].nhs_number(),
            None,
            "a failed check digit is not shown"
        );
        assert_eq!(people[0].name[0].given_names().collect::<Vec<_>>(), ["Ann"]);
        assert_eq!(people[0].name[0].title(), Some("Ms"));
    }

    #[test]
    fn a_search_page_names_the_servers_links_to_other_pages() {
        let page: SearchPage = serde_json::from_str(
            r#"{"resourceType":"Bundle","type":"searchset","link":[
              {"relation":"self","url":"https://fhir.example/Patient?name=x"},
              {"relation":"next","url":"https://fhir.example/Patient?name=x&_offset=20"},
              {"relation":"previous","url":""}]}"#,
        )
        .expect("decodes");
        assert_eq!(
            page.link("next"),
            Some("https://fhir.example/Patient?name=x&_offset=20")
        );
        assert_eq!(page.link("previous"), None, "an empty link is no link");
        assert_eq!(page.link("last"), None);
        assert_eq!(SearchPage::default().link("next"), None);
    }

    #[test]
    fn names_are_picked_by_use() {
        let name = |u: &str| NameView {
            use_: Some(u.into()),
            ..NameView::default()
        };
        let names = [name("old"), name("usual"), name("official")];
        assert_eq!(pick_name(&names, false), Some(&names[2]));
        assert_eq!(pick_name(&names, true), Some(&names[1]));
        assert_eq!(pick_name(&names[..1], true), Some(&names[0]));
        assert_eq!(pick_name(&[], true), None);
    }
}
