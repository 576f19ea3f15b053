//! Clinical rules and, with later work, the components that show them.
//!
//! Each rule cites the published source it follows and is tested at every
//! boundary that source sets: a score or a check digit that is wrong at one
//! edge is a clinical safety defect, not a cosmetic one. The rules are plain
//! Rust with no Leptos in them, so native tests cover them completely and a
//! screen that uses one pays only for that one.

pub mod news2;
pub mod nhs_number;

pub use news2::{Acvpu, ClinicalRisk, Inspired, News2, Observations, Response, SpO2Scale, score};
pub use nhs_number::{NhsNumber, NhsNumberError};
