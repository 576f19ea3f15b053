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
//! - **Protocol code is framework-free.** FHIR, SMART and the clinical rules
//!   are the crate `bedside_core`, plain Rust that a server or a
//!   command-line tool can use too; this crate re-exports them ([`fhir`],
//!   [`smart`], [`clinical`], [`url`], [`collate`]) and adds only the Leptos
//!   glue, so an app needs one dependency.
//! - **Scoped CSS is static.** Bedside's own styles are CSS modules compiled
//!   by `stylance` into a file served from our origin, so a Content Security
//!   Policy without `unsafe-inline` holds. Component CSS reads only the design
//!   tokens in `style/tokens/`.
//!
//! Rendering mode is chosen by the consumer: the `csr` feature for the browser,
//! `ssr` for rendering to HTML (used by the native tests).

#![deny(missing_docs)]

pub mod apps;
pub mod cds;
pub mod clinical;
pub mod docs;
pub mod fhir;
pub mod forms;
#[cfg(any(test, feature = "examples"))]
pub mod gallery;
pub mod nav;
pub mod on_demand;
pub mod prelude;
#[cfg(feature = "prototype")]
pub mod prototype;
pub mod session;
pub mod ui;

#[cfg(target_arch = "wasm32")]
use bedside_core::js;
#[doc(inline)]
pub use bedside_core::{collate, smart, url};
