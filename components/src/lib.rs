//! # Bedside
//!
//! Leptos components for clinical front-ends that trusts can reuse.
//!
//! Design decisions that shape the whole crate:
//!
//! - **Markup is nhsuk-frontend's markup.** Every primitive in [`ui`] renders the
//!   same elements, classes and ARIA attributes as the matching nhsuk-frontend
//!   template, so the NHS.UK stylesheet and its users' knowledge apply as they
//!   are. Native tests compare our server-rendered HTML with nhsuk-frontend's own
//!   fixtures. What nhsuk-frontend does in JavaScript (double-click guards,
//!   skip-link focus) is done here in Rust, so no NHS.UK script is shipped.
//! - **Examples are data.** Each component publishes named [`docs::Example`]s;
//!   the gallery, the markup tests and the accessibility checks all walk the
//!   same list, so an example cannot be shown without also being tested.
//! - **Protocol code is framework-free.** [`smart`] (and, later, `fhir`) hold
//!   plain Rust that native tests exercise; only a thin glue layer touches
//!   Leptos.
//! - **Scoped CSS is static.** Bedside's own styles are CSS modules compiled
//!   by `stylance` into a file served from our origin, so a Content Security
//!   Policy without `unsafe-inline` holds. Component CSS reads only the design
//!   tokens in `style/tokens/`.
//!
//! Rendering mode is chosen by the consumer: the `csr` feature for the browser,
//! `ssr` for rendering to HTML (used by the native tests).

#![deny(missing_docs)]

pub mod clinical;
pub mod collate;
pub mod docs;
pub mod fhir;
pub mod forms;
#[cfg(target_arch = "wasm32")]
mod js;
pub mod nav;
pub mod on_demand;
pub mod prelude;
pub mod session;
pub mod smart;
pub mod ui;
pub mod url;
