//! SMART App Launch 2.x and OpenID Connect sign-on.
//!
//! Protocol code only: nothing here imports Leptos, so native tests exercise
//! it directly and the browser-only parts (WebCrypto) are thin.
//!
//! - [`config`]: the organisations a deployment offers, and its idle lock;
//! - [`apps`]: other vendors' SMART apps, and the launch handles that open them signed in;
//! - [`pkce`]: the Proof Key for Code Exchange every authorization request carries (S256 only);
//! - [`discovery`]: the server's SMART configuration and the capability check;
//! - [`authorize`]: the authorization URL and the callback, refused unless `state` matches;
//! - [`token`]: the token response with its launch context;
//! - [`scope`]: SMART v2 (and v1) scopes;
//! - [`id_token`]: the OpenID Connect id_token, signature verified by WebCrypto;
//! - [`session`]: the session, the tab messages, the refresh and idle timings,
//!   and the threat model that decides what is stored where;
//! - `browser_json` (browser builds): the broker's own documents through the
//!   browser's JSON, so the first page needs no serde.
//!
//! The crate `bedside` runs all of this in the browser as the sign-on broker
//! (its `session` module).

pub mod apps;
pub mod authorize;
#[cfg(target_arch = "wasm32")]
pub mod browser_json;
pub mod config;
pub mod discovery;
pub mod id_token;
pub mod pkce;
pub mod scope;
pub mod session;
pub mod token;

pub use authorize::{
    AuthorizationRequest, CallbackError, check_callback_address, check_response_issuer,
    parse_callback, redirect_uri,
};
pub use config::{ConfigError, Organisation, SignOnConfig};
pub use discovery::{DiscoveryError, LaunchMode, SmartConfiguration};
pub use id_token::{Expected, IdTokenClaims, IdTokenError, Jwks};
pub use pkce::{CodeChallenge, CodeVerifier, PkceError};
pub use scope::{Context, Scope, parse_scopes};
pub use session::{LaunchContext, Message, PendingSignIn, Session, User};
pub use token::{TokenError, TokenResponse};
