//! What can go wrong talking to a FHIR server, said so a clinician knows what
//! to do and a developer knows what happened.

use std::fmt;

use serde::de::DeserializeOwned;

use super::Resource;
use super::resources::{Issue, OperationOutcome};

/// One error type for every FHIR interaction.
///
/// `Display` is the sentence for a clinician; [`FhirError::detail`] is for
/// the developer (status, the server's issues, the JSON path of a decode
/// failure).
#[derive(Debug, Clone, thiserror::Error)]
pub enum FhirError {
    /// No answer at all: the network is down, the server unreachable, or CORS refused.
    #[error(
        "The clinical record system could not be reached. Check the network connection and try again."
    )]
    Network {
        /// What the browser said.
        detail: String,
    },
    /// The server did not answer in time.
    #[error("The clinical record system took too long to answer. Try again.")]
    Timeout {
        /// How long we waited.
        after_ms: u32,
    },
    /// 401: the session has ended or the token was refused.
    #[error("Your session has ended. Sign in again to continue; anything you have typed is kept.")]
    Unauthorized {
        /// The server's issues, if it sent any.
        issues: Vec<Issue>,
    },
    /// 412: someone changed the record since it was read.
    #[error(
        "Someone else changed this record while you were working on it. Check their changes, then save yours again."
    )]
    VersionConflict {
        /// The version this change was based on.
        expected_version: Option<String>,
        /// The record as it is now, when it could be read back.
        current: Option<Box<Resource>>,
    },
    /// Any other error status, with the server's OperationOutcome issues.
    #[error("{}", http_message(*status, issues))]
    Http {
        /// The HTTP status.
        status: u16,
        /// The server's issues.
        issues: Vec<Issue>,
        /// Seconds the server asked us to wait (429, 503).
        retry_after: Option<u32>,
    },
    /// A request (a server's `next` link, say) for an address outside the
    /// client's FHIR base, while signed in: the user's token goes only to
    /// its own organisation's server, so nothing was sent.
    #[error(
        "The clinical record system pointed to another server, which your sign-in is never sent to. Nothing was sent."
    )]
    ForeignAddress {
        /// The address refused.
        url: String,
    },
    /// A record id that is not a FHIR id (`[A-Za-z0-9\-.]{1,64}`, and not
    /// `.` or `..`), from an address, say: it is never put into a request
    /// path, where `../..` would send the request, and its token, elsewhere
    /// on the server.
    #[error(
        "The address names a record in a form no clinical record system uses, so nothing was sent. Check the link you followed."
    )]
    InvalidId {
        /// The id refused.
        id: String,
    },
    /// The answer was larger than Bedside reads (64 MB): not read on.
    #[error(
        "The clinical record system sent more than can be read at once. Narrow what you asked for and try again. Nothing has been changed."
    )]
    TooLarge,
    /// The server answered with something that is not the FHIR expected.
    #[error(
        "The clinical record system sent information that could not be read. Nothing has been changed."
    )]
    Decode {
        /// Where in the JSON it failed (`entry[3].resource.valueQuantity.value`).
        path: String,
        /// What was wrong there.
        detail: String,
    },
}

fn http_message(status: u16, issues: &[Issue]) -> String {
    let base = match status {
        400 | 422 => "The clinical record system could not accept this.",
        403 => "You do not have permission to do this.",
        404 | 410 => "This record could not be found. It may have been removed.",
        409 => "This clashes with a change someone else has made. Reload the record and try again.",
        429 => "The clinical record system is busy. Wait a moment and try again.",
        500..=599 => {
            "The clinical record system has a problem. Try again later; if it keeps happening, contact the service desk."
        }
        _ => "The clinical record system could not do this.",
    };
    // The server's own words help when they are for people (validation messages).
    match issues
        .iter()
        .find(|i| matches!(i.severity.as_str(), "error" | "fatal"))
    {
        Some(issue) if matches!(status, 400 | 409 | 422) => format!("{base} {}", issue.message()),
        _ => base.to_string(),
    }
}

impl FhirError {
    /// Maps an error response to the matching variant, reading the
    /// OperationOutcome in the body when there is one.
    pub fn from_response(status: u16, body: &[u8], retry_after: Option<&str>) -> Self {
        let issues = serde_json::from_slice::<OperationOutcome>(body)
            .map(|o| o.issue)
            .unwrap_or_default();
        match status {
            401 => Self::Unauthorized { issues },
            412 => Self::VersionConflict {
                expected_version: None,
                current: None,
            },
            _ => Self::Http {
                status,
                issues,
                retry_after: retry_after.and_then(parse_retry_after),
            },
        }
    }

    /// Whether the same request may succeed if sent again unchanged
    /// (and is safe to resend if it is idempotent).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Network { .. } | Self::Timeout { .. } => true,
            Self::Http { status, .. } => matches!(status, 429 | 502 | 503 | 504),
            _ => false,
        }
    }

    /// The server's own words for what went wrong, one an issue of its
    /// OperationOutcome (none where it sent none), for a page that shows
    /// them under the clinician's sentence.
    pub fn issue_messages(&self) -> Vec<String> {
        match self {
            Self::Unauthorized { issues } | Self::Http { issues, .. } => {
                issues.iter().map(|i| i.message().to_string()).collect()
            }
            _ => Vec::new(),
        }
    }

    /// For developers: everything known about the failure.
    pub fn detail(&self) -> String {
        match self {
            Self::Network { detail } => format!("network error: {detail}"),
            Self::Timeout { after_ms } => format!("timed out after {after_ms} ms"),
            Self::TooLarge => "answer over 64 MB, not read".into(),
            Self::Unauthorized { issues } => format!("401 {}", Issues(issues)),
            Self::VersionConflict {
                expected_version, ..
            } => match expected_version {
                // Display, not Debug: Debug's string escaping would be in
                // every screen's first load for this one message.
                Some(version) => {
                    format!("412 precondition failed (If-Match version \"{version}\")")
                }
                None => "412 precondition failed (no If-Match version)".to_string(),
            },
            Self::Http {
                status,
                issues,
                retry_after,
            } => {
                format!(
                    "{status} {}{}",
                    Issues(issues),
                    retry_after
                        .map(|s| format!(" (Retry-After {s} s)"))
                        .unwrap_or_default()
                )
            }
            Self::ForeignAddress { url } => {
                format!("refused to send the token outside the FHIR base: {url}")
            }
            Self::InvalidId { id } => format!("refused an id that is not a FHIR id: {id}"),
            Self::Decode { path, detail } => format!("decode error at {path}: {detail}"),
        }
    }
}

struct Issues<'a>(&'a [Issue]);

impl fmt::Display for Issues<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "[{} {}] {}", issue.severity, issue.code, issue.message())?;
            if !issue.expression.is_empty() {
                let at: Vec<&str> = issue
                    .expression
                    .iter()
                    .flatten()
                    .map(String::as_str)
                    .collect();
                write!(f, " at {}", at.join(", "))?;
            }
        }
        Ok(())
    }
}

/// `Retry-After` as seconds. HTTP dates are not honoured (servers that send
/// them get our own back-off instead).
fn parse_retry_after(value: &str) -> Option<u32> {
    value.trim().parse().ok()
}

/// Decodes a response body, naming the JSON path where it fails (with the
/// `decode-paths` feature; else the line and column).
#[cfg(feature = "decode-paths")]
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, FhirError> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| FhirError::Decode {
        path: e.path().to_string(),
        detail: e.into_inner().to_string(),
    })
}

/// Decodes a response body, naming the line and column where it fails.
#[cfg(not(feature = "decode-paths"))]
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, FhirError> {
    serde_json::from_slice(body).map_err(|e| FhirError::Decode {
        path: format!("line {} column {}", e.line(), e.column()),
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fhir::resources::Patient;

    const OUTCOME: &[u8] = br#"{"resourceType":"OperationOutcome","issue":[
        {"severity":"error","code":"invalid","details":{"text":"Birth date is not a valid date"},"expression":["Patient.birthDate"]}]}"#;

    #[test]
    fn the_servers_own_words_come_from_its_operation_outcome_only() {
        let e = FhirError::from_response(500, OUTCOME, None);
        assert_eq!(e.issue_messages(), ["Birth date is not a valid date"]);
        let e = FhirError::from_response(401, OUTCOME, None);
        assert_eq!(e.issue_messages(), ["Birth date is not a valid date"]);
        // A body that is not an OperationOutcome, and failures without one.
        assert!(
            FhirError::from_response(503, b"<html>busy</html>", None)
                .issue_messages()
                .is_empty()
        );
        let network = FhirError::Network {
            detail: "offline".into(),
        };
        assert!(network.issue_messages().is_empty());
    }

    #[test]
    fn statuses_map_to_what_a_clinician_can_act_on() {
        let e = FhirError::from_response(400, OUTCOME, None);
        assert_eq!(
            e.to_string(),
            "The clinical record system could not accept this. Birth date is not a valid date"
        );
        assert_eq!(
            e.detail(),
            "400 [error invalid] Birth date is not a valid date at Patient.birthDate"
        );
        assert!(matches!(
            FhirError::from_response(401, b"", None),
            FhirError::Unauthorized { .. }
        ));
        assert!(matches!(
            FhirError::from_response(412, OUTCOME, None),
            FhirError::VersionConflict { .. }
        ));
        for (status, start) in [
            (403, "You do not have permission"),
            (404, "This record could not be found"),
            (409, "This clashes"),
            (429, "The clinical record system is busy"),
            (500, "The clinical record system has a problem"),
            (503, "The clinical record system has a problem"),
        ] {
            let message = FhirError::from_response(status, b"not json", None).to_string();
            assert!(message.starts_with(start), "{status}: {message}");
        }
        // Server wording is shown only where it is meant for people.
        assert!(
            !FhirError::from_response(500, OUTCOME, None)
                .to_string()
                .contains("Birth date")
        );
    }

    #[test]
    fn retry_after_and_transience() {
        match FhirError::from_response(429, b"", Some(" 7 ")) {
            FhirError::Http { retry_after, .. } => assert_eq!(retry_after, Some(7)),
            other => panic!("{other:?}"),
        }
        match FhirError::from_response(503, b"", Some("Wed, 21 Oct 2026 07:28:00 GMT")) {
            FhirError::Http { retry_after, .. } => assert_eq!(retry_after, None),
            other => panic!("{other:?}"),
        }
        for status in [429, 502, 503, 504] {
            assert!(
                FhirError::from_response(status, b"", None).is_transient(),
                "{status}"
            );
        }
        for status in [400, 401, 403, 404, 409, 412, 500] {
            assert!(
                !FhirError::from_response(status, b"", None).is_transient(),
                "{status}"
            );
        }
        assert!(
            FhirError::Network {
                detail: "offline".into()
            }
            .is_transient()
        );
        assert!(FhirError::Timeout { after_ms: 10 }.is_transient());
    }

    #[test]
    #[cfg(feature = "decode-paths")]
    fn decode_errors_name_the_json_path() {
        let body = br#"{"resourceType":"Bundle","type":"searchset","entry":[
            {"resource":{"resourceType":"Patient","id":"a"}},
            {"resource":{"resourceType":"Observation","status":"final","code":{},"valueInteger":"seven"}}]}"#;
        match decode::<crate::fhir::resources::Bundle>(body) {
            Err(FhirError::Decode { path, detail }) => {
                assert!(path.starts_with("entry[1].resource"), "{path}");
                assert!(detail.contains("Observation"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
        match decode::<Patient>(br#"{"resourceType":"Patient","name":[{"given":[1]}]}"#) {
            Err(FhirError::Decode { path, .. }) => assert_eq!(path, "name[0].given[0]"),
            other => panic!("{other:?}"),
        }
        assert!(decode::<Patient>(br#"{"resourceType":"Patient"}"#).is_ok());
    }
}
