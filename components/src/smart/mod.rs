//! SMART App Launch 2.x and OpenID Connect sign-on.
//!
//! Protocol code only: nothing here imports Leptos, so native tests exercise
//! it directly and the browser-only parts (WebCrypto) are thin.
//!
//! So far:
//! - [`pkce`]: the Proof Key for Code Exchange every authorization request carries (S256 only);
//! - [`discovery`]: the server's SMART configuration and the capability check;
//! - [`authorize`]: the authorization URL and the callback, refused unless `state` matches;
//! - [`token`]: the token response with its launch context;
//! - [`scope`]: SMART v2 (and v1) scopes.
//!
//! Still to come (issue 5): id_token verification with WebCrypto, the
//! session broker, cross-tab sharing, single logout and the idle lock.

pub mod authorize;
pub mod discovery;
pub mod pkce;
pub mod scope;
pub mod token;

pub use authorize::{AuthorizationRequest, CallbackError, parse_callback};
pub use discovery::{DiscoveryError, LaunchMode, SmartConfiguration};
pub use pkce::{CodeChallenge, CodeVerifier, PkceError};
pub use scope::{Context, Scope, parse_scopes};
pub use token::{TokenError, TokenResponse};
