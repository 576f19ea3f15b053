//! FHIR R4 for Leptos apps: everything of [`bedside_core::fhir`] (the models,
//! searches, the client and its transports), re-exported, and the glue that
//! puts the client in context and gives components hooks that read and
//! search ([`use_fhir_read`], [`use_fhir_search`]).

pub mod glue;

#[doc(inline)]
pub use bedside_core::fhir::*;
pub use glue::{
    FhirClientContext, UseFhirReturn, use_fhir_read, use_fhir_search, use_fhir_search_as,
};
