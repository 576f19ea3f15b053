//! FHIR R4 (4.0.1, the version UK Core profiles) for Bedside: typed models
//! that lose nothing.
//!
//! # Why hand-written serde structs
//!
//! Measured for the design of this module, before it was written (release
//! wasm, `opt-level = "z"`, LTO, a parse-and-write of three resources; the
//! figures are the project's design record, not re-measured here): the
//! generated model crates
//! `fhirbolt` 0.4, `fhir-model` 0.13, `fhir` 4.1 and `helios-fhir` 0.2 each
//! produced 13–16 MB of wasm (2–3 MB gzip), and none round-tripped our tricky
//! R4 fixtures: fhirbolt rejected valid R4 JSON, the others dropped or
//! reshaped elements. Hand-written serde structs with a flattened map for
//! unknown elements came to 0.32 MB (88 KB gzip), round-tripped every
//! fixture, and decoded a 10 MB Bundle natively in 61 ms.
//!
//! # Lossless by construction
//!
//! Every struct models the elements Bedside reads and keeps everything else
//! in `extra` (`#[serde(flatten)]`): unknown extensions, `modifierExtension`
//! where not modelled, primitive extensions (`_birthDate`), `contained`
//! resources, and elements this version does not know. Reading, changing one
//! field and writing back therefore keeps every element not touched, which
//! `tests/fhir_round_trip.rs` proves on tricky fixtures.
//!
//! # Numbers keep their text
//!
//! FHIR `decimal` carries precision in its text: `1.50` is not `1.5`.
//! [`Decimal`] keeps the text (serde_json's `arbitrary_precision`), and so
//! do numbers inside unknown elements. serde's `flatten` buffers values and,
//! with `arbitrary_precision`, hands numbers over in a form plain `u32` or
//! `f64` fields cannot read; so every number in these models is one of
//! [`Decimal`], [`Integer`], [`UnsignedInt`] or [`PositiveInt`], which read
//! both forms. The round-trip tests cover the two features together.
//! One known rewrite: serde_json prints a number written with an exponent in
//! its own form (`1e3` comes back as `1e+3`): the same value, other text.
//! FHIR servers do not write decimals that way in practice.
//!
//! Protocol code only: nothing here imports a UI framework. The crate
//! `bedside` adds the Leptos glue (the client in context, `use_fhir_read` and
//! `use_fhir_search`).

pub(crate) mod client;
mod datatypes;
mod error;
mod primitives;
mod resource;
pub mod resources;
mod retry;
pub mod search;
pub mod summary;
pub mod uk_core;

#[cfg(target_arch = "wasm32")]
pub use client::{FetchTransport, fetch};
pub use client::{FhirClient, HttpRequest, HttpResponse, StaticToken, TokenSource, Transport};
pub use datatypes::*;
pub use error::{FhirError, decode};
pub use primitives::{Decimal, Integer, PositiveInt, PrimitiveError, UnsignedInt};
pub use resource::{Resource, ResourceError};
pub use retry::{Method, RetryPolicy};
pub use search::{Prefix, Search};

/// Elements this version does not model, kept as they came.
pub type Extra = std::collections::BTreeMap<String, serde_json::Value>;
