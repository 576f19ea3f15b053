//! SMART App Launch 2.x and OpenID Connect sign-on.
//!
//! Protocol code only: nothing here imports Leptos, so native tests exercise
//! it directly and the browser-only parts (WebCrypto) are thin.
//!
//! So far: [`pkce`], the Proof Key for Code Exchange that every authorization
//! request must carry (SMART App Launch 2.x requires `S256`).

pub mod pkce;

pub use pkce::{CodeChallenge, CodeVerifier, PkceError};
