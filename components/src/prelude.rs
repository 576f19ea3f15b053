//! The names most apps built on Bedside use, in one import:
//! `use bedside::prelude::*;`. Each is also at its own path; the prelude
//! only saves listing them.
//!
//! ```
//! use bedside::prelude::*;
//!
//! // An NHS number is checked (Modulus 11) before anything uses it.
//! let number = NhsNumber::parse("943 476 5919").expect("a valid NHS number");
//! assert_eq!(number.formatted(), "943 476 5919");
//! assert!(NhsNumber::parse("943 476 5918").is_err());
//!
//! // NEWS2 (RCP 2017, Chart 1): RR 22 scores 2, SpO2 95 % on Scale 1
//! // scores 1, systolic 105 scores 1, pulse 95 scores 1, 38.5 °C scores 1.
//! let news2 = score(&Observations {
//!     respiration_rate: 22,
//!     spo2: 95,
//!     scale: SpO2Scale::Scale1,
//!     inspired: Inspired::Air,
//!     systolic_bp: 105,
//!     pulse: 95,
//!     consciousness: Acvpu::Alert,
//!     temperature: 38.5,
//! });
//! assert_eq!(news2.total, 6);
//! ```

pub use crate::clinical::{
    Acvpu, Fetched, Inspired, News2, NhsNumber, Observations, SpO2Scale, VitalSet, score,
};
// Not `fhir::Resource`: beside `leptos::prelude::*`, whose `Resource` is
// Leptos' async resource, the name would be ambiguous wherever it is used.
pub use crate::fhir::{
    FhirClient, FhirClientContext, FhirError, Search, use_fhir_read, use_fhir_search,
};
pub use crate::nav::Navigator;
pub use crate::on_demand::OnDemand;
pub use crate::session::{
    AccountArea, BrokerOptions, LockScreen, SessionBroker, SessionWarning, SignInPage,
};
pub use crate::smart::SignOnConfig;
