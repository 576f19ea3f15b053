//! # Bedside core
//!
//! The part of Bedside that needs no UI framework: what a Leptos app, a
//! server or a command-line tool all use to read clinical records safely.
//!
//! - [`fhir`]: FHIR R4 / UK Core models that lose nothing, searches, and a
//!   client over any [`Transport`](fhir::Transport) (the browser's `fetch` on
//!   wasm32, one of your own elsewhere);
//! - [`smart`]: SMART App Launch 2.x and OpenID Connect, as data and checks;
//! - [`clinical`]: the clinical rules (NEWS2, CUI dates, times and ages,
//!   medication lines, results, vital signs, withdrawn records, FHIR
//!   narrative re-written as safe markup), each citing its source;
//! - [`nhs_number`]: the NHS number and its check digit;
//! - [`url`] and [`collate`]: addresses and the order lists are sorted in;
//! - `prototype` (feature `prototype`): scenarios and a FHIR server in
//!   memory, for prototype mode; never in a ward build.
//!
//! The layers point one way: `url`, `collate` and `nhs_number` use nothing
//! else here; [`fhir`] uses them; [`clinical`] and [`smart`] use `fhir`.
//! The crate `bedside` (components, the sign-on broker, navigation, forms)
//! is built on this one and re-exports it, so an app names `bedside::fhir`
//! and `bedside::clinical` whichever crate a type lives in.
//!
//! A command-line check of what a ward form would take, with no browser:
//!
//! ```
//! use bedside_core::clinical::{Acvpu, FhirDate, Inspired, Observations, SpO2Scale, score};
//! use bedside_core::nhs_number::NhsNumber;
//!
//! // Modulus 11 (NHS Data Dictionary): one digit wrong is refused.
//! assert_eq!(NhsNumber::parse("9434765919").map(|n| n.formatted()), Ok("943 476 5919".into()));
//! assert!(NhsNumber::parse("9434765918").is_err());
//!
//! // NEWS2 (RCP 2017, Chart 1): each parameter at its lowest-scoring band.
//! let calm = Observations {
//!     respiration_rate: 16,
//!     spo2: 97,
//!     scale: SpO2Scale::Scale1,
//!     inspired: Inspired::Air,
//!     systolic_bp: 120,
//!     pulse: 70,
//!     consciousness: Acvpu::Alert,
//!     temperature: 37.0,
//! };
//! assert_eq!(score(&calm).total, 0);
//! // New confusion alone scores 3.
//! assert_eq!(score(&Observations { consciousness: Acvpu::NewConfusion, ..calm }).total, 3);
//!
//! // A FHIR date keeps the precision it was written with.
//! let born = FhirDate::parse("1948-03").expect("a FHIR date");
//! assert_eq!(born.day(), None);
//! ```

#![deny(missing_docs)]

pub mod cds;
pub mod clinical;
pub mod collate;
pub mod fhir;
#[cfg(target_arch = "wasm32")]
pub mod js;
pub mod nhs_number;
#[cfg(feature = "prototype")]
pub mod prototype;
pub mod smart;
pub mod url;
