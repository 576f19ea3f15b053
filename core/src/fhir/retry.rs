//! When to send a failed request again, and how long to wait first.
//!
//! Only idempotent requests are retried (GET, HEAD, PUT, DELETE): resending
//! a create could record an observation twice. Waits grow exponentially with
//! "full jitter" (a random wait up to the cap), so a ward of PCs that lost the
//! network together do not all come back in the same millisecond, and a
//! server's `Retry-After` is honoured when it asks for longer.

use super::FhirError;

/// HTTP methods, for deciding what is safe to resend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Read, search.
    Get,
    /// Headers only.
    Head,
    /// Create (or a search or batch by POST).
    Post,
    /// Update.
    Put,
    /// Partial update.
    Patch,
    /// Delete.
    Delete,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Head => "HEAD",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }

    /// Whether sending it twice has the same effect as once (RFC 9110 §9.2.2).
    pub fn is_idempotent(self) -> bool {
        matches!(self, Self::Get | Self::Head | Self::Put | Self::Delete)
    }
}

/// How many times to try, and how long to wait between tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries in all, the first included.
    pub max_attempts: u32,
    /// Cap of the first wait.
    pub base_delay_ms: u32,
    /// Cap of any wait; a longer `Retry-After` means giving up and saying so.
    pub max_delay_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay_ms: 300,
            max_delay_ms: 10_000,
        }
    }
}

impl RetryPolicy {
    /// No retries.
    pub const NEVER: Self = Self {
        max_attempts: 1,
        base_delay_ms: 0,
        max_delay_ms: 0,
    };

    /// The wait before trying again after `failures` failed tries, or `None`
    /// to stop. `random` is uniform in `0.0..1.0` (the jitter).
    pub fn delay_ms(
        &self,
        method: Method,
        failures: u32,
        error: &FhirError,
        random: f64,
    ) -> Option<u32> {
        if failures == 0
            || failures >= self.max_attempts
            || !method.is_idempotent()
            || !error.is_transient()
        {
            return None;
        }
        let exponent = (failures - 1).min(16);
        let cap = self
            .base_delay_ms
            .saturating_mul(1 << exponent)
            .min(self.max_delay_ms);
        let jittered = (f64::from(cap) * random.clamp(0.0, 1.0)) as u32;
        match error {
            FhirError::Http {
                retry_after: Some(seconds),
                ..
            } => {
                let asked = seconds.saturating_mul(1000);
                (asked <= self.max_delay_ms).then_some(asked.max(jittered))
            }
            _ => Some(jittered),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn busy(retry_after: Option<u32>) -> FhirError {
        FhirError::Http {
            status: 503,
            issues: vec![],
            retry_after,
        }
    }

    #[test]
    fn only_idempotent_methods_are_resent() {
        let p = RetryPolicy::default();
        for m in [Method::Get, Method::Head, Method::Put, Method::Delete] {
            assert!(p.delay_ms(m, 1, &busy(None), 0.5).is_some(), "{m:?}");
        }
        for m in [Method::Post, Method::Patch] {
            assert_eq!(p.delay_ms(m, 1, &busy(None), 0.5), None, "{m:?}");
        }
    }

    #[test]
    fn only_transient_failures_are_retried() {
        let p = RetryPolicy::default();
        let not_found = FhirError::Http {
            status: 404,
            issues: vec![],
            retry_after: None,
        };
        assert_eq!(p.delay_ms(Method::Get, 1, &not_found, 0.5), None);
        assert!(
            p.delay_ms(Method::Get, 1, &FhirError::Timeout { after_ms: 1 }, 0.5)
                .is_some()
        );
    }

    #[test]
    fn waits_grow_exponentially_with_full_jitter_and_stop_at_the_limit() {
        let p = RetryPolicy {
            max_attempts: 5,
            base_delay_ms: 100,
            max_delay_ms: 500,
        };
        let e = busy(None);
        assert_eq!(p.delay_ms(Method::Get, 1, &e, 1.0), Some(100));
        assert_eq!(p.delay_ms(Method::Get, 2, &e, 1.0), Some(200));
        assert_eq!(p.delay_ms(Method::Get, 3, &e, 1.0), Some(400));
        assert_eq!(p.delay_ms(Method::Get, 4, &e, 1.0), Some(500), "capped");
        assert_eq!(
            p.delay_ms(Method::Get, 5, &e, 1.0),
            None,
            "five tries in all"
        );
        assert_eq!(p.delay_ms(Method::Get, 2, &e, 0.0), Some(0));
        assert_eq!(p.delay_ms(Method::Get, 2, &e, 0.25), Some(50));
        assert_eq!(p.delay_ms(Method::Get, 0, &e, 1.0), None);
        assert_eq!(RetryPolicy::NEVER.delay_ms(Method::Get, 1, &e, 1.0), None);
    }

    #[test]
    fn retry_after_is_honoured_unless_too_long() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay_ms(Method::Get, 1, &busy(Some(2)), 0.1), Some(2_000));
        assert_eq!(
            p.delay_ms(Method::Get, 1, &busy(Some(60)), 0.1),
            None,
            "tell the user instead of waiting a minute"
        );
        let huge = RetryPolicy {
            max_attempts: 40,
            base_delay_ms: u32::MAX,
            max_delay_ms: u32::MAX,
        };
        assert!(
            huge.delay_ms(Method::Get, 39, &busy(None), 1.0).is_some(),
            "no overflow"
        );
    }
}
