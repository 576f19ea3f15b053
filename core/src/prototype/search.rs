//! FHIR R4 search over records in memory: the parameters Bedside's tools
//! send and the common ones beside them (<https://hl7.org/fhir/R4/search.html>).
//!
//! A parameter this does not know is refused with a 400, as a strict server
//! would (`Prefer: handling=strict`), rather than ignored: a prototype that
//! quietly showed every record for a filter it did not apply would show a
//! designer a screen the real server never would.

use serde_json::Value;

use crate::clinical::{FhirDate, Instant};
use crate::collate;

/// The kinds of search parameter this server knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Token,
    Reference,
    String,
    Date,
}

/// A search parameter of a resource type: its kind, and the elements it
/// reads (the first that the record has; `x` ends a choice: `effective`
/// for `effectiveDateTime` or `effectivePeriod`).
pub(super) struct Param {
    pub kind: Kind,
    pub paths: &'static [&'static str],
    /// For `patient`: only references to a Patient count.
    pub target: Option<&'static str>,
}

const fn param(kind: Kind, paths: &'static [&'static str]) -> Param {
    Param {
        kind,
        paths,
        target: None,
    }
}

/// The parameter `name` of `resource_type`, if this server knows it.
pub(super) fn definition(resource_type: &str, name: &str) -> Option<Param> {
    use Kind::*;
    let person = matches!(resource_type, "Patient" | "Practitioner" | "RelatedPerson");
    Some(match (resource_type, name) {
        (_, "_id") => param(Token, &["id"]),
        (_, "_lastUpdated") => param(Date, &["meta.lastUpdated"]),
        (_, "identifier") => param(Token, &["identifier"]),
        (_, "patient") => Param {
            target: Some("Patient"),
            ..param(Reference, &["patient", "subject", "for"])
        },
        ("Task", "subject") => param(Reference, &["for"]),
        (_, "subject") => param(Reference, &["subject"]),
        (_, "encounter") => param(Reference, &["encounter", "context"]),
        ("Encounter", "location") => param(Reference, &["location.location"]),
        ("Encounter", "date") => param(Date, &["period"]),
        ("AllergyIntolerance", "date") => param(Date, &["recordedDate"]),
        ("Procedure", "date") => param(Date, &["performedx"]),
        ("Task", "authored-on") => param(Date, &["authoredOn"]),
        (_, "date") => param(Date, &["effectivex", "date", "issued"]),
        (_, "authoredon") => param(Date, &["authoredOn"]),
        (_, "recorded-date") => param(Date, &["recordedDate"]),
        (_, "onset-date") => param(Date, &["onsetx"]),
        (_, "issued") => param(Date, &["issued"]),
        (_, "status") => param(Token, &["status"]),
        (_, "intent") => param(Token, &["intent"]),
        (_, "category") => param(Token, &["category"]),
        (_, "code") => param(Token, &["code"]),
        (_, "clinical-status") => param(Token, &["clinicalStatus"]),
        (_, "verification-status") => param(Token, &["verificationStatus"]),
        (_, "criticality") => param(Token, &["criticality"]),
        (_, "based-on") => param(Reference, &["basedOn"]),
        (_, "requester") => param(Reference, &["requester"]),
        (_, "owner") => param(Reference, &["owner"]),
        (_, "performer") => param(Reference, &["performer"]),
        (_, "result") => param(Reference, &["result"]),
        (_, "derived-from") => param(Reference, &["derivedFrom"]),
        (_, "organization") => param(Reference, &["managingOrganization", "organization"]),
        (_, "general-practitioner") => param(Reference, &["generalPractitioner"]),
        (_, "name") if person => param(String, &["name"]),
        (_, "name") => param(String, &["name", "alias"]),
        (_, "family") => param(String, &["name.family"]),
        (_, "given") => param(String, &["name.given"]),
        (_, "birthdate") => param(Date, &["birthDate"]),
        (_, "gender") => param(Token, &["gender"]),
        (_, "address-postalcode") => param(String, &["address.postalCode"]),
        _ => return None,
    })
}

/// The values `param` reads from `record`: every element on its first path
/// the record has, arrays flattened.
pub(super) fn values<'a>(record: &'a Value, param: &Param) -> Vec<&'a Value> {
    for path in param.paths {
        let mut found = vec![record];
        for step in path.split('.') {
            found = found.into_iter().flat_map(|v| step_into(v, step)).collect();
        }
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

fn step_into<'a>(value: &'a Value, step: &str) -> Vec<&'a Value> {
    let Some(map) = value.as_object() else {
        return Vec::new();
    };
    let child = match step.strip_suffix('x') {
        // A choice: `effectivex` is `effectiveDateTime`, `effectivePeriod`…
        Some(stem) if !map.contains_key(step) => map.iter().find_map(|(k, v)| {
            k.strip_prefix(stem)
                .filter(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
                .map(|_| v)
        }),
        _ => map.get(step),
    };
    match child {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    }
}

/// One criterion: `name[:modifier]=value,value…` (any value matches).
#[derive(Debug)]
pub(super) struct Criterion {
    pub name: String,
    pub modifier: Option<String>,
    pub values: Vec<String>,
}

/// A value's `,`-separated alternatives, with `\,` `\|` `\$` `\\` unescaped
/// (R4 search §3.1.1.2 escaping).
pub(super) fn alternatives(value: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next()
                    && let Some(last) = out.last_mut()
                {
                    // Kept escaped where it still matters (a `|`).
                    if next == '|' {
                        last.push('\\');
                    }
                    last.push(next);
                }
            }
            ',' => out.push(String::new()),
            c => {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    out
}

/// Whether `record` meets `criterion` (whose parameter is `param`).
pub(super) fn matches(
    record: &Value,
    param: &Param,
    criterion: &Criterion,
) -> Result<bool, String> {
    let found = values(record, param);
    let modifier = criterion.modifier.as_deref();
    if modifier == Some("missing") {
        let want_missing = criterion.values.first().map(String::as_str) == Some("true");
        return Ok(found.is_empty() == want_missing);
    }
    let any = |test: &dyn Fn(&str) -> Result<bool, String>| -> Result<bool, String> {
        for value in &criterion.values {
            if test(value)? {
                return Ok(true);
            }
        }
        Ok(false)
    };
    match (param.kind, modifier) {
        (Kind::Token, None) => any(&|v| Ok(found.iter().any(|f| token_matches(f, v)))),
        (Kind::Token, Some("not")) => any(&|v| Ok(!found.iter().any(|f| token_matches(f, v)))),
        (Kind::Reference, None) => {
            any(&|v| Ok(found.iter().any(|f| reference_matches(f, v, param.target))))
        }
        (Kind::String, None | Some("exact") | Some("contains")) => any(&|v| {
            Ok(found
                .iter()
                .flat_map(|f| strings(f))
                .any(|s| string_matches(s, v, modifier)))
        }),
        (Kind::Date, None) => any(&|v| {
            let (prefix, wanted) = date_prefix(v);
            let wanted = range(wanted).ok_or_else(|| format!("\"{v}\" is not a date"))?;
            Ok(found
                .iter()
                .filter_map(|f| date_range(f))
                .any(|target| compare(prefix, target, wanted)))
        }),
        (_, Some(m)) => Err(format!(
            "the modifier :{m} on \"{}\" is not supported by the prototype's server",
            criterion.name
        )),
    }
}

/// `code`, `system|code`, `|code` (no system) or `system|` (any code).
fn token_matches(found: &Value, wanted: &str) -> bool {
    let (system, code) = match wanted.split_once('|') {
        Some((s, c)) if !s.ends_with('\\') => (Some(s), c),
        _ => (None, wanted),
    };
    let code = code.replace("\\|", "|");
    let pair = |s: Option<&str>, c: Option<&str>| {
        let system_ok = match system {
            None => true,
            Some("") => s.is_none(),
            Some(wanted) => s == Some(wanted),
        };
        system_ok && (code.is_empty() || c == Some(code.as_str()))
    };
    match found {
        Value::String(s) => pair(None, Some(s)),
        Value::Bool(b) => pair(None, Some(if *b { "true" } else { "false" })),
        Value::Object(map) => {
            let text = |k: &str| map.get(k).and_then(Value::as_str);
            if let Some(Value::Array(codings)) = map.get("coding") {
                codings.iter().any(|c| token_matches(c, wanted))
            } else if map.contains_key("value") {
                pair(text("system"), text("value"))
            } else {
                pair(text("system"), text("code"))
            }
        }
        _ => false,
    }
}

/// `Type/id`, `id` (of the parameter's target type), or an absolute URL
/// ending in `Type/id`.
fn reference_matches(found: &Value, wanted: &str, target: Option<&str>) -> bool {
    let Some(reference) = found.get("reference").and_then(Value::as_str) else {
        return false;
    };
    let tail = |r: &str| -> Option<(String, String)> {
        let mut parts = r.rsplit('/');
        let id = parts.next()?.to_string();
        let kind = parts.next()?.to_string();
        Some((kind, id))
    };
    let Some((kind, id)) = tail(reference) else {
        return false;
    };
    if target.is_some_and(|t| t != kind) {
        return false;
    }
    match tail(wanted) {
        Some((wanted_kind, wanted_id)) => wanted_kind == kind && wanted_id == id,
        None => wanted == id,
    }
}

/// The strings a string parameter compares: the value, or a name's or an
/// address's parts.
fn strings(found: &Value) -> Vec<&str> {
    match found {
        Value::String(s) => vec![s],
        Value::Object(map) => [
            "text",
            "family",
            "given",
            "prefix",
            "suffix",
            "line",
            "city",
            "postalCode",
        ]
        .iter()
        .filter_map(|k| map.get(*k))
        .flat_map(|v| match v {
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            v => v.as_str().into_iter().collect::<Vec<_>>(),
        })
        .collect(),
        _ => Vec::new(),
    }
}

/// R4: case and accents ignored, matching the start (`:contains`, anywhere;
/// `:exact`, the whole string as written).
fn string_matches(found: &str, wanted: &str, modifier: Option<&str>) -> bool {
    if modifier == Some("exact") {
        return found == wanted;
    }
    let fold = |s: &str| collate::folded(s);
    let (found, wanted) = (fold(found), fold(wanted));
    match modifier {
        Some("contains") => found.contains(&wanted),
        _ => found.starts_with(&wanted),
    }
}

fn date_prefix(value: &str) -> (&str, &str) {
    match value.get(..2) {
        Some(p @ ("eq" | "ne" | "gt" | "lt" | "ge" | "le" | "sa" | "eb" | "ap")) => {
            (p, &value[2..])
        }
        _ => ("eq", value),
    }
}

/// A date's or a moment's range in seconds: `[start, end)`.
pub(super) fn range(text: &str) -> Option<(i64, i64)> {
    if text.contains('T') {
        let at = Instant::parse(text).ok()?;
        return Some((at.0, at.0 + 1));
    }
    let days = |d: crate::clinical::CalendarDate| d.days_since_epoch() * 86_400;
    let first = |y: i32, m: u8| crate::clinical::CalendarDate::new(y, m, 1).map(days);
    match FhirDate::parse(text).ok()? {
        FhirDate::Year(y) => Some((first(y, 1)?, first(y + 1, 1)?)),
        FhirDate::Month(y, 12) => Some((first(y, 12)?, first(y + 1, 1)?)),
        FhirDate::Month(y, m) => Some((first(y, m)?, first(y, m + 1)?)),
        FhirDate::Day(d) => Some((days(d), days(d) + 86_400)),
    }
}

/// A date element's range: a date, a moment, or a Period (open-ended
/// where it has no end).
fn date_range(found: &Value) -> Option<(i64, i64)> {
    match found {
        Value::String(s) => range(s),
        Value::Object(map) => {
            let start = map.get("start").and_then(Value::as_str).and_then(range);
            let end = map.get("end").and_then(Value::as_str).and_then(range);
            match (start, end) {
                (None, None) => None,
                (s, e) => Some((s.map_or(i64::MIN, |s| s.0), e.map_or(i64::MAX, |e| e.1))),
            }
        }
        _ => None,
    }
}

/// R4 search §3.1.1.4.2's prefixes on ranges.
fn compare(prefix: &str, target: (i64, i64), wanted: (i64, i64)) -> bool {
    let within = wanted.0 <= target.0 && target.1 <= wanted.1;
    match prefix {
        "ne" => !within,
        "gt" => target.1 > wanted.1,
        "lt" => target.0 < wanted.0,
        "ge" => target.1 > wanted.1 || within,
        "le" => target.0 < wanted.0 || within,
        "sa" => target.0 >= wanted.1,
        "eb" => target.1 <= wanted.0,
        "ap" => target.0 < wanted.1 && wanted.0 < target.1,
        _ => within,
    }
}

/// What a record sorts by for `param`: a date's start, else the first
/// string or code, folded for the collation lists use.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum SortKey {
    Date(i64),
    Text(String),
}

pub(super) fn sort_key(record: &Value, param: &Param) -> Option<SortKey> {
    let found = values(record, param);
    match param.kind {
        Kind::Date => found
            .iter()
            .filter_map(|f| date_range(f))
            .map(|r| SortKey::Date(r.0))
            .min(),
        _ => found
            .iter()
            .flat_map(|f| match f {
                Value::Object(map) if map.contains_key("coding") => map["coding"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c.get("code").and_then(Value::as_str))
                    .collect(),
                Value::Object(map) if map.contains_key("reference") => {
                    map["reference"].as_str().into_iter().collect()
                }
                other => strings(other),
            })
            .map(|s| SortKey::Text(collate::folded(s)))
            .min(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn test(
        resource_type: &str,
        record: &Value,
        name: &str,
        modifier: Option<&str>,
        value: &str,
    ) -> bool {
        let param = definition(resource_type, name).expect("a known parameter");
        let criterion = Criterion {
            name: name.into(),
            modifier: modifier.map(str::to_string),
            values: alternatives(value),
        };
        matches(record, &param, &criterion).expect("a usable criterion")
    }

    #[test]
    fn tokens_match_codes_codings_and_identifiers() {
        let o = json!({ "resourceType": "Observation", "status": "final",
            "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs" }] }],
            "identifier": [{ "system": "urn:ietf:rfc:3986", "value": "urn:uuid:1" }] });
        assert!(test("Observation", &o, "status", None, "final"));
        assert!(!test("Observation", &o, "status", None, "preliminary"));
        assert!(test(
            "Observation",
            &o,
            "status",
            Some("not"),
            "preliminary"
        ));
        assert!(test("Observation", &o, "category", None, "vital-signs"));
        assert!(
            test(
                "Observation",
                &o,
                "category",
                None,
                "laboratory,vital-signs"
            ),
            "any alternative"
        );
        assert!(test(
            "Observation",
            &o,
            "category",
            None,
            "http://terminology.hl7.org/CodeSystem/observation-category|vital-signs"
        ));
        assert!(
            !test(
                "Observation",
                &o,
                "category",
                None,
                "http://snomed.info/sct|vital-signs"
            ),
            "another system"
        );
        assert!(
            !test("Observation", &o, "category", None, "|vital-signs"),
            "no system wanted, one given"
        );
        assert!(test(
            "Observation",
            &o,
            "identifier",
            None,
            "urn:ietf:rfc:3986|urn:uuid:1"
        ));
        assert!(!test(
            "Observation",
            &o,
            "identifier",
            None,
            "urn:ietf:rfc:3986|urn:uuid:2"
        ));
    }

    #[test]
    fn references_match_by_type_and_id() {
        let o = json!({ "resourceType": "Observation", "subject": { "reference": "Patient/p-1" } });
        assert!(test("Observation", &o, "subject", None, "Patient/p-1"));
        assert!(test(
            "Observation",
            &o,
            "subject",
            None,
            "Patient/p-2,Patient/p-1"
        ));
        assert!(test("Observation", &o, "patient", None, "p-1"));
        assert!(test(
            "Observation",
            &o,
            "subject",
            None,
            "https://fhir.example/R4/Patient/p-1"
        ));
        assert!(!test("Observation", &o, "subject", None, "Group/p-1"));
        let grouped =
            json!({ "resourceType": "Observation", "subject": { "reference": "Group/p-1" } });
        assert!(
            !test("Observation", &grouped, "patient", None, "p-1"),
            "patient means a Patient"
        );
        let allergy = json!({ "resourceType": "AllergyIntolerance", "patient": { "reference": "Patient/p-1" } });
        assert!(test(
            "AllergyIntolerance",
            &allergy,
            "patient",
            None,
            "Patient/p-1"
        ));
        let stay = json!({ "resourceType": "Encounter", "location": [{ "location": { "reference": "Location/ward-7" } }] });
        assert!(test(
            "Encounter",
            &stay,
            "location",
            None,
            "Location/ward-7"
        ));
    }

    #[test]
    fn strings_match_the_start_ignoring_case_and_accents() {
        let p = json!({ "resourceType": "Patient", "name": [{ "family": "O'Brien", "given": ["Siân", "Mary"] }] });
        assert!(test("Patient", &p, "name", None, "sian"));
        assert!(test("Patient", &p, "name", None, "o'b"));
        assert!(test("Patient", &p, "given", None, "MAR"));
        assert!(!test("Patient", &p, "family", None, "Brien"));
        assert!(test("Patient", &p, "family", Some("contains"), "brien"));
        assert!(!test("Patient", &p, "family", Some("exact"), "o'brien"));
        assert!(test("Patient", &p, "family", Some("exact"), "O'Brien"));
    }

    #[test]
    fn dates_compare_as_ranges_at_every_prefix() {
        let o =
            json!({ "resourceType": "Observation", "effectiveDateTime": "2026-03-14T09:00:00Z" });
        let at = |v: &str| test("Observation", &o, "date", None, v);
        assert!(at("2026-03-14") && at("2026-03") && at("2026"));
        assert!(!at("2026-03-15"));
        assert!(at("ge2026-03-14T09:00:00Z") && !at("gt2026-03-14T09:00:00Z"));
        assert!(at("le2026-03-14T09:00:00Z") && !at("lt2026-03-14T09:00:00Z"));
        assert!(at("ge2026-03-14T08:59:59Z") && !at("ge2026-03-14T09:00:01Z"));
        assert!(at("lt2026-03-15") && !at("lt2026-03-14"));
        assert!(at("ne2026-03-15") && !at("ne2026-03-14"));
        assert!(at("sa2026-03-13") && at("eb2026-03-15") && !at("sa2026-03-14"));
        let stay =
            json!({ "resourceType": "Encounter", "period": { "start": "2026-03-10T12:00:00Z" } });
        assert!(
            test("Encounter", &stay, "date", None, "ge2026-03-12"),
            "an open stay goes on"
        );
        assert!(!test("Encounter", &stay, "date", None, "lt2026-03-10"));
        let born = json!({ "resourceType": "Patient", "birthDate": "1946-12-31" });
        assert!(test("Patient", &born, "birthdate", None, "1946-12-31"));
        assert!(
            test("Patient", &born, "birthdate", None, "1946-12"),
            "December's range ends with the year"
        );
    }

    #[test]
    fn escaped_commas_are_part_of_a_value() {
        assert_eq!(alternatives(r"a\,b,c"), vec!["a,b", "c"]);
        assert_eq!(alternatives(r"s\|x|c"), vec![r"s\|x|c"]);
    }

    #[test]
    fn choices_and_missing_values() {
        let period = json!({ "resourceType": "Observation", "effectivePeriod": { "start": "2026-03-14T09:00:00Z", "end": "2026-03-14T10:00:00Z" } });
        assert!(test("Observation", &period, "date", None, "2026-03-14"));
        assert!(test(
            "Observation",
            &period,
            "encounter",
            Some("missing"),
            "true"
        ));
        assert!(!test(
            "Observation",
            &period,
            "date",
            Some("missing"),
            "true"
        ));
    }
}
