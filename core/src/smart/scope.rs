//! SMART scopes (SMART App Launch 2.x §3; v1 forms still accepted).
//!
//! `patient/Observation.rs` grants reading (`r`) and searching (`s`)
//! Observations about the patient in context; v1's `.read` means `rs`,
//! `.write` means `cud`, `.*` means `cruds`. Scopes that are not resource
//! scopes (`openid`, `fhirUser`, `launch/patient`, `offline_access`) are
//! kept as they are.

use std::fmt;

/// Whose data a resource scope covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The patient in context.
    Patient,
    /// Whatever the signed-in user may see.
    User,
    /// A backend system.
    System,
}

/// One scope as granted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// `context/Type.permissions`, with v1 permissions normalised to letters.
    Resource {
        /// Whose data.
        context: Context,
        /// A resource type, or `*`.
        resource_type: String,
        /// Any of `c r u d s`, in that order.
        permissions: String,
    },
    /// Anything else, as written.
    Other(String),
}

impl Scope {
    /// Parses one scope token.
    pub fn parse(token: &str) -> Self {
        let resource = token.split_once('/').and_then(|(context, rest)| {
            let context = match context {
                "patient" => Context::Patient,
                "user" => Context::User,
                "system" => Context::System,
                _ => return None,
            };
            // v2 allows `?param=value` constraints after the permissions; they narrow, we keep the base.
            let rest = rest.split('?').next().unwrap_or(rest);
            let (resource_type, permissions) = rest.rsplit_once('.')?;
            let letters = match permissions {
                "read" => "rs".to_string(),
                "write" => "cud".to_string(),
                "*" => "cruds".to_string(),
                p if !p.is_empty() && is_ordered_subset(p, "cruds") => p.to_string(),
                _ => return None,
            };
            let valid_type =
                resource_type == "*" || resource_type.chars().all(|c| c.is_ascii_alphabetic());
            valid_type.then(|| Scope::Resource {
                context,
                resource_type: resource_type.to_string(),
                permissions: letters,
            })
        });
        resource.unwrap_or_else(|| Scope::Other(token.to_string()))
    }

    /// Whether this scope lets `context` do `permission` (one of `c r u d s`) on `resource_type`.
    pub fn allows(&self, context: Context, resource_type: &str, permission: char) -> bool {
        matches!(self, Scope::Resource { context: c, resource_type: t, permissions: p }
            if *c == context && (t == "*" || t == resource_type) && p.contains(permission))
    }
}

fn is_ordered_subset(letters: &str, of: &str) -> bool {
    let mut rest = of.chars();
    letters.chars().all(|c| rest.by_ref().any(|x| x == c))
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Resource {
                context,
                resource_type,
                permissions,
            } => {
                let context = match context {
                    Context::Patient => "patient",
                    Context::User => "user",
                    Context::System => "system",
                };
                write!(f, "{context}/{resource_type}.{permissions}")
            }
            Scope::Other(s) => f.write_str(s),
        }
    }
}

/// All scopes of a space-separated `scope` string.
pub fn parse_scopes(scope: &str) -> Vec<Scope> {
    scope.split_whitespace().map(Scope::parse).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(context: Context, t: &str, p: &str) -> Scope {
        Scope::Resource {
            context,
            resource_type: t.into(),
            permissions: p.into(),
        }
    }

    #[test]
    fn v2_and_v1_forms_normalise() {
        assert_eq!(
            Scope::parse("patient/Observation.rs"),
            resource(Context::Patient, "Observation", "rs")
        );
        assert_eq!(
            Scope::parse("user/*.cruds"),
            resource(Context::User, "*", "cruds")
        );
        assert_eq!(
            Scope::parse("patient/*.read"),
            resource(Context::Patient, "*", "rs")
        );
        assert_eq!(
            Scope::parse("user/Patient.write"),
            resource(Context::User, "Patient", "cud")
        );
        assert_eq!(
            Scope::parse("system/*.*"),
            resource(Context::System, "*", "cruds")
        );
        assert_eq!(
            Scope::parse("patient/Observation.rs?category=vital-signs"),
            resource(Context::Patient, "Observation", "rs")
        );
    }

    #[test]
    fn non_resource_and_malformed_scopes_are_kept_as_written() {
        for s in [
            "openid",
            "fhirUser",
            "launch/patient",
            "offline_access",
            "patient/Observation.sr",
            "patient/Obs-1.rs",
            "doctor/*.rs",
            "user/Patient.",
        ] {
            assert_eq!(Scope::parse(s), Scope::Other(s.into()), "{s}");
            assert_eq!(Scope::parse(s).to_string(), s);
        }
    }

    #[test]
    fn allows_checks_context_type_and_letter() {
        let scopes = parse_scopes("openid patient/Observation.rs user/Patient.read");
        let allowed = |c, t, p| scopes.iter().any(|s| s.allows(c, t, p));
        assert!(allowed(Context::Patient, "Observation", 'r'));
        assert!(allowed(Context::Patient, "Observation", 's'));
        assert!(!allowed(Context::Patient, "Observation", 'c'));
        assert!(!allowed(Context::User, "Observation", 'r'));
        assert!(allowed(Context::User, "Patient", 's'));
        assert!(!allowed(Context::Patient, "Condition", 'r'));
        assert_eq!(scopes[1].to_string(), "patient/Observation.rs");
    }
}
