//! A typed builder for FHIR search URLs.
//!
//! Values are escaped twice, in this order, as FHIR R4 requires
//! (<https://hl7.org/fhir/R4/search.html#escaping>): first `\`, `,`, `$` and
//! `|` inside a value get a backslash (so a comma in a name is not read as
//! "or"), then the whole value is percent-encoded for the URL.

/// Date and number comparison prefixes (`ge2026-01-01`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Prefix {
    /// Equal (the default, written without a prefix).
    #[default]
    Eq,
    /// Not equal.
    Ne,
    /// Greater than.
    Gt,
    /// Less than.
    Lt,
    /// Greater than or equal.
    Ge,
    /// Less than or equal.
    Le,
    /// Starts after.
    Sa,
    /// Ends before.
    Eb,
    /// Approximately.
    Ap,
}

impl Prefix {
    /// The prefix as written in the URL; empty for `Eq`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eq => "",
            Self::Ne => "ne",
            Self::Gt => "gt",
            Self::Lt => "lt",
            Self::Ge => "ge",
            Self::Le => "le",
            Self::Sa => "sa",
            Self::Eb => "eb",
            Self::Ap => "ap",
        }
    }
}

/// A search on one resource type. Parameters keep the order they were added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    resource_type: String,
    params: Vec<(String, String)>,
}

impl Search {
    /// A search for `resource_type` (`Observation`).
    pub fn new(resource_type: impl Into<String>) -> Self {
        Self {
            resource_type: resource_type.into(),
            params: Vec::new(),
        }
    }

    /// The resource type searched.
    pub fn resource_type(&self) -> &str {
        &self.resource_type
    }

    /// Any parameter with a value already in FHIR search syntax (escaped
    /// for the URL here, not for FHIR).
    pub fn raw(mut self, name: &str, value: &str) -> Self {
        self.params.push((name.to_string(), value.to_string()));
        self
    }

    /// A string parameter: matches values that start with `value`,
    /// ignoring case and accents (`name=smi`).
    pub fn string(self, name: &str, value: &str) -> Self {
        self.raw(name, &escape(value))
    }

    /// A string parameter that must match exactly (`name:exact=Smith`).
    pub fn string_exact(self, name: &str, value: &str) -> Self {
        self.raw(&format!("{name}:exact"), &escape(value))
    }

    /// A string parameter that matches anywhere in the value (`name:contains=mit`).
    pub fn string_contains(self, name: &str, value: &str) -> Self {
        self.raw(&format!("{name}:contains"), &escape(value))
    }

    /// A token: a code in a system (`code=http://loinc.org|8867-4`), or a code
    /// in any system when `system` is `None`.
    pub fn token(self, name: &str, system: Option<&str>, code: &str) -> Self {
        self.raw(name, &token_value(system, code))
    }

    /// Any of several tokens (`code=http://loinc.org|8867-4,http://loinc.org|9279-1`).
    pub fn token_any(self, name: &str, tokens: &[(Option<&str>, &str)]) -> Self {
        let value = tokens
            .iter()
            .map(|(system, code)| token_value(*system, code))
            .collect::<Vec<_>>()
            .join(",");
        self.raw(name, &value)
    }

    /// A date with a prefix (`date=ge2026-11-20`). The date is FHIR's
    /// `dateTime` text, as precise as needed (`2026`, `2026-11`, `2026-11-20T08:00:00Z`).
    pub fn date(self, name: &str, prefix: Prefix, date: &str) -> Self {
        self.raw(name, &format!("{}{}", prefix.as_str(), escape(date)))
    }

    /// A reference (`subject=Patient/123`).
    pub fn reference(self, name: &str, reference: &str) -> Self {
        self.raw(name, &escape(reference))
    }

    /// Sort order: fields in priority order, `true` for descending (`_sort=-date,code`).
    pub fn sort(self, fields: &[(&str, bool)]) -> Self {
        let value = fields
            .iter()
            .map(|(field, descending)| format!("{}{field}", if *descending { "-" } else { "" }))
            .collect::<Vec<_>>()
            .join(",");
        self.raw("_sort", &value)
    }

    /// Results per page (`_count`).
    pub fn count(self, count: u32) -> Self {
        self.raw("_count", &count.to_string())
    }

    /// Also return resources these results refer to
    /// (`_include=Observation:subject`, or `…:subject:Patient` with a target type).
    pub fn include(self, source: &str, param: &str, target: Option<&str>) -> Self {
        self.raw("_include", &join_include(source, param, target))
    }

    /// Also return resources that refer to these results (`_revinclude=Observation:subject`).
    pub fn revinclude(self, source: &str, param: &str, target: Option<&str>) -> Self {
        self.raw("_revinclude", &join_include(source, param, target))
    }

    /// Only count the matches (`_summary=count`).
    pub fn summary_count(self) -> Self {
        self.raw("_summary", "count")
    }

    /// The query string, without `?`, encoded for a URL.
    pub fn query(&self) -> String {
        let mut out = String::new();
        for (i, (name, value)) in self.params.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            // `:` and `/` are allowed in a query (RFC 3986 §3.4) and keep
            // references and modifiers readable in logs.
            out.push_str(&crate::url::encode(name, b":/"));
            out.push('=');
            out.push_str(&crate::url::encode(value, b":/"));
        }
        out
    }

    /// The search URL under a FHIR base (`https://fhir.example/R4`).
    pub fn url(&self, base: &str) -> String {
        let base = base.trim_end_matches('/');
        let query = self.query();
        if query.is_empty() {
            format!("{base}/{}", self.resource_type)
        } else {
            format!("{base}/{}?{query}", self.resource_type)
        }
    }
}

fn token_value(system: Option<&str>, code: &str) -> String {
    match system {
        Some(system) => format!("{}|{}", escape(system), escape(code)),
        None => escape(code),
    }
}

fn join_include(source: &str, param: &str, target: Option<&str>) -> String {
    match target {
        Some(target) => format!("{source}:{param}:{target}"),
        None => format!("{source}:{param}"),
    }
}

/// FHIR search escaping: a backslash before `\`, `,`, `$` and `|`.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '\\' | ',' | '$' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_each_parameter_type() {
        let url = Search::new("Observation")
            .reference("subject", "Patient/patient-00001")
            .token("code", Some("http://loinc.org"), "8867-4")
            .date("date", Prefix::Ge, "2026-11-20")
            .sort(&[("date", true), ("code", false)])
            .count(50)
            .include("Observation", "subject", Some("Patient"))
            .url("https://fhir.example/R4/");
        assert_eq!(
            url,
            "https://fhir.example/R4/Observation?subject=Patient/patient-00001\
             &code=http://loinc.org%7C8867-4&date=ge2026-11-20&_sort=-date%2Ccode\
             &_count=50&_include=Observation:subject:Patient"
        );
    }

    #[test]
    fn every_prefix_is_written() {
        let written: Vec<_> = [
            Prefix::Eq,
            Prefix::Ne,
            Prefix::Gt,
            Prefix::Lt,
            Prefix::Ge,
            Prefix::Le,
            Prefix::Sa,
            Prefix::Eb,
            Prefix::Ap,
        ]
        .iter()
        .map(|p| Search::new("Encounter").date("date", *p, "2026").query())
        .collect();
        assert_eq!(
            written,
            [
                "date=2026",
                "date=ne2026",
                "date=gt2026",
                "date=lt2026",
                "date=ge2026",
                "date=le2026",
                "date=sa2026",
                "date=eb2026",
                "date=ap2026"
            ]
        );
    }

    #[test]
    fn commas_pipes_and_dollars_in_values_are_escaped_before_encoding() {
        // A comma inside a name must not become "or".
        assert_eq!(
            Search::new("Patient").string("name", "Smith, John").query(),
            "name=Smith%5C%2C%20John"
        );
        assert_eq!(escape(r"a\b,c$d|e"), r"a\\b\,c\$d\|e");
        // Tokens escape their parts, not the separator between system and code.
        assert_eq!(
            Search::new("Patient")
                .token("identifier", Some("urn:x|y"), "1,2")
                .query(),
            "identifier=urn:x%5C%7Cy%7C1%5C%2C2"
        );
    }

    #[test]
    fn or_lists_modifiers_and_summary() {
        assert_eq!(
            Search::new("Observation")
                .token_any(
                    "code",
                    &[(Some("http://loinc.org"), "8867-4"), (None, "9279-1")]
                )
                .query(),
            "code=http://loinc.org%7C8867-4%2C9279-1"
        );
        assert_eq!(
            Search::new("Patient")
                .string_exact("family", "O'Brien")
                .string_contains("given", "nn")
                .query(),
            "family:exact=O%27Brien&given:contains=nn"
        );
        assert_eq!(
            Search::new("Patient")
                .revinclude("Observation", "subject", None)
                .summary_count()
                .query(),
            "_revinclude=Observation:subject&_summary=count"
        );
        assert_eq!(
            Search::new("Patient").url("https://f/R4"),
            "https://f/R4/Patient"
        );
    }

    #[test]
    fn unicode_is_percent_encoded_as_utf8() {
        assert_eq!(
            Search::new("Patient").string("name", "Zoë").query(),
            "name=Zo%C3%AB"
        );
    }
}
