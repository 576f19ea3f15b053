//! The medication line: one medicine as the NHS Common User Interface
//! writes it, so that a dose is read the same way on every screen.
//!
//! Source: NHS CUI, "Medication Line" design guide and its quick
//! implementation guide (edition 1, May 2010). The rules kept here, by
//! guidance point:
//! - MEDi-013: the generic name first, then the brand name; MEDi-003: brand
//!   names in capitals. (MEDi-002, generic names in lower case, is left to
//!   the data: capitals in "amphotericin B" or "factor VIII" are part of the
//!   name, and no rule can tell them from a record's shouting.)
//! - MEDi-015, -042, -048: no trailing zero after a decimal point (`0.5`,
//!   never `0.50`; `5`, never `5.0`); MEDi-016, -043, -049: a leading zero
//!   before a decimal point (`0.5`, never `.5`); MEDi-017, -044, -050: a
//!   comma in values of a thousand and over (`5,000`).
//! - MEDi-041: a space between an amount and its unit; MEDi-024: no full
//!   stop after a unit.
//! - MEDi-045: a strength in a fluid with "in" (`400 mg in 5 mL`), never a
//!   slash; MEDi-046: a strength per unit of fluid with "per"
//!   (`5,000 units per mL`); MEDi-047: two strengths in one unit joined by
//!   "and" (`8 and 500 mg`).
//! - MEDi-007: the label "DOSE" before the dose; MEDi-018: attributes joined
//!   by a long dash with a space either side.
//!
//! Units are written out where their abbreviation is a known cause of
//! harm: `micrograms` and `nanograms` (µg is misread as mg, a thousandfold
//! overdose) and `units` (U is misread as 0 or 4), as the ISMP and Joint
//! Commission "do not use" lists require. UCUM codes from FHIR quantities
//! (`ug`, `[iU]`) are translated to these.

use std::fmt;

/// Why a number cannot be shown in a medication line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MedicationError {
    /// Not a plain non-negative decimal.
    #[error("'{0}' is not an amount")]
    NotAnAmount(String),
}

/// `text`, a FHIR decimal, as the CUI writes a number in a medication
/// line: no trailing zeros after the point, a zero before it, commas between
/// thousands.
pub fn format_number(text: &str) -> Result<String, MedicationError> {
    let bad = || MedicationError::NotAnAmount(text.to_string());
    let (whole, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || (whole.is_empty() && fraction.is_empty()) {
        return Err(bad());
    }
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let mut out = String::with_capacity(whole.len() + whole.len() / 3 + fraction.len() + 1);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let fraction = fraction.trim_end_matches('0');
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    Ok(out)
}

/// A unit as the line shows it: UCUM codes and abbreviations that cause
/// errors written out, a trailing full stop dropped.
pub fn unit_text(unit: &str) -> String {
    let unit = unit.trim().trim_end_matches('.');
    match unit {
        "ug" | "mcg" | "µg" | "μg" | "microgram" => "micrograms".into(),
        "ng" | "nanogram" => "nanograms".into(),
        "U" | "u" | "IU" | "iu" | "[iU]" | "[IU]" | "unit" => "units".into(),
        "ml" | "mL" => "mL".into(),
        "l" | "L" => "L".into(),
        other => other.into(),
    }
}

/// An amount and its unit: `5,000 units`, `0.5 mL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The number, as written by [`format_number`].
    pub value: String,
    /// The unit, as written by [`unit_text`].
    pub unit: String,
}

impl Amount {
    /// An amount from a FHIR decimal and a unit (or UCUM code).
    pub fn new(value: &str, unit: &str) -> Result<Self, MedicationError> {
        Ok(Self {
            value: format_number(value)?,
            unit: unit_text(unit),
        })
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.unit.is_empty() {
            f.write_str(&self.value)
        } else {
            write!(f, "{} {}", self.value, self.unit)
        }
    }
}

/// A product's strength.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Strength {
    /// `500 mg`
    Of(Amount),
    /// An ingredient in a volume of fluid: `400 mg in 5 mL`.
    In(Amount, Amount),
    /// An ingredient per unit of fluid: `5,000 units per mL`.
    Per(Amount, String),
    /// Two ingredients in one unit: `8 and 500 mg`.
    And(String, Amount),
}

impl fmt::Display for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Of(amount) => amount.fmt(f),
            Self::In(amount, volume) => write!(f, "{amount} in {volume}"),
            Self::Per(amount, unit) => write!(f, "{amount} per {}", unit_text(unit)),
            Self::And(first, second) => write!(f, "{first} and {second}"),
        }
    }
}

/// One medicine: what it is, how much, how and how often.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MedicationLine {
    /// The generic (approved) name: `amoxicillin`.
    pub generic_name: String,
    /// The brand, if prescribed by brand.
    pub brand_name: Option<String>,
    /// The product's strength.
    pub strength: Option<Strength>,
    /// The form: `capsule`, `solution for injection`.
    pub form: Option<String>,
    /// The dose.
    pub dose: Option<Amount>,
    /// The route: `oral`, `intravenous`.
    pub route: Option<String>,
    /// How often: `three times a day`, `every 6 hours`.
    pub frequency: Option<String>,
}

/// One attribute of a medication line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinePart {
    /// The label before the value (`DOSE`), if the attribute has one.
    pub label: Option<&'static str>,
    /// The value.
    pub text: String,
    /// Shown in bold (the generic name, MEDi-001; the dose, MEDi-038).
    pub bold: bool,
}

impl MedicationLine {
    /// The line's attributes in the CUI's order, those not recorded left
    /// out.
    pub fn parts(&self) -> Vec<LinePart> {
        let plain = |text: String| LinePart {
            label: None,
            text,
            bold: false,
        };
        let mut parts = vec![LinePart {
            label: None,
            text: self.generic_name.trim().to_string(),
            bold: true,
        }];
        parts.extend(
            self.brand_name
                .as_ref()
                .map(|b| plain(b.trim().to_uppercase())),
        );
        parts.extend(self.strength.as_ref().map(|s| plain(s.to_string())));
        parts.extend(self.form.clone().map(plain));
        parts.extend(self.dose.as_ref().map(|d| LinePart {
            label: Some("DOSE"),
            text: d.to_string(),
            bold: true,
        }));
        parts.extend(self.route.clone().map(plain));
        parts.extend(self.frequency.clone().map(plain));
        parts.retain(|p| !p.text.is_empty());
        parts
    }
}

/// The line as text, attributes joined by a spaced em dash:
/// `amoxicillin — 500 mg — capsule — DOSE 500 mg — oral — three times a day`.
impl fmt::Display for MedicationLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, part) in self.parts().iter().enumerate() {
            if i > 0 {
                f.write_str(" \u{2014} ")?;
            }
            if let Some(label) = part.label {
                write!(f, "{label} ")?;
            }
            f.write_str(&part.text)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(value: &str, unit: &str) -> Amount {
        Amount::new(value, unit).expect(value)
    }

    #[test]
    fn no_trailing_zeros_after_the_point() {
        assert_eq!(format_number("0.50"), Ok("0.5".into()));
        assert_eq!(format_number("5.0"), Ok("5".into()));
        assert_eq!(format_number("5.000"), Ok("5".into()));
        assert_eq!(format_number("2.50"), Ok("2.5".into()));
        assert_eq!(format_number("1.25"), Ok("1.25".into()));
        // Zeros before the point are the number, not trailing zeros.
        assert_eq!(format_number("10"), Ok("10".into()));
        assert_eq!(format_number("100.0"), Ok("100".into()));
        assert_eq!(format_number("0.05"), Ok("0.05".into()));
    }

    #[test]
    fn a_zero_before_the_point_below_one() {
        assert_eq!(format_number(".5"), Ok("0.5".into()));
        assert_eq!(format_number("0.5"), Ok("0.5".into()));
        assert_eq!(format_number("00.125"), Ok("0.125".into()));
        assert_eq!(format_number("0"), Ok("0".into()));
        assert_eq!(format_number("0.0"), Ok("0".into()));
    }

    #[test]
    fn commas_between_thousands_from_one_thousand() {
        assert_eq!(format_number("999"), Ok("999".into()));
        assert_eq!(format_number("1000"), Ok("1,000".into()));
        assert_eq!(format_number("5000"), Ok("5,000".into()));
        assert_eq!(format_number("25000"), Ok("25,000".into()));
        assert_eq!(format_number("100000"), Ok("100,000".into()));
        assert_eq!(format_number("1000000.50"), Ok("1,000,000.5".into()));
        assert_eq!(
            format_number("1250.0625"),
            Ok("1,250.0625".into()),
            "no commas after the point"
        );
    }

    #[test]
    fn what_is_not_an_amount_is_refused() {
        for bad in ["", ".", "-1", "1e3", "1,000", "five", "1.2.3", "+2", "0x10"] {
            assert!(format_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dangerous_unit_abbreviations_are_written_out() {
        assert_eq!(amount("62.5", "ug").to_string(), "62.5 micrograms");
        assert_eq!(amount("62.5", "mcg").to_string(), "62.5 micrograms");
        assert_eq!(amount("62.5", "µg").to_string(), "62.5 micrograms");
        assert_eq!(amount("10", "ng").to_string(), "10 nanograms");
        assert_eq!(amount("5000", "[iU]").to_string(), "5,000 units");
        assert_eq!(amount("12", "U").to_string(), "12 units");
        assert_eq!(amount("12", "IU").to_string(), "12 units");
        assert_eq!(
            amount("500", "mg.").to_string(),
            "500 mg",
            "no full stop after a unit"
        );
        assert_eq!(amount("0.5", "ml").to_string(), "0.5 mL");
        assert_eq!(amount("2", "").to_string(), "2");
    }

    #[test]
    fn strengths_use_in_per_and_and_never_a_slash() {
        let in_fluid = Strength::In(amount("400", "mg"), amount("5", "mL"));
        assert_eq!(in_fluid.to_string(), "400 mg in 5 mL");
        let per = Strength::Per(amount("5000", "[iU]"), "mL".into());
        assert_eq!(per.to_string(), "5,000 units per mL");
        let and = Strength::And(format_number("8").expect("8"), amount("500", "mg"));
        assert_eq!(and.to_string(), "8 and 500 mg");
        assert!(!in_fluid.to_string().contains('/'));
    }

    #[test]
    fn the_line_reads_name_brand_strength_form_dose_route_frequency() {
        let line = MedicationLine {
            generic_name: "insulin soluble human".into(),
            brand_name: Some("Actrapid".into()),
            strength: Some(Strength::Per(amount("100", "[iU]"), "mL".into())),
            form: Some("solution for injection".into()),
            dose: Some(amount("12.0", "[iU]")),
            route: Some("subcutaneous".into()),
            frequency: Some("twice a day".into()),
        };
        assert_eq!(
            line.to_string(),
            "insulin soluble human — ACTRAPID — 100 units per mL — solution for injection — DOSE 12 units — subcutaneous — twice a day"
        );
        let parts = line.parts();
        assert!(parts[0].bold, "generic name in bold");
        assert_eq!(parts[4].label, Some("DOSE"));
        assert!(parts[4].bold, "dose in bold");
        assert!(!parts[1].bold && !parts[5].bold);
    }

    #[test]
    fn attributes_not_recorded_are_left_out_not_blank() {
        let line = MedicationLine {
            generic_name: "paracetamol".into(),
            form: Some("tablet".into()),
            dose: Some(amount("0.50", "g")),
            route: Some(String::new()),
            frequency: Some("every 6 hours".into()),
            ..Default::default()
        };
        assert_eq!(
            line.to_string(),
            "paracetamol — tablet — DOSE 0.5 g — every 6 hours"
        );
    }
}

/// Reading a medication line from FHIR (UK Core MedicationRequest and
/// MedicationStatement, R4 `Dosage`).
pub mod from_fhir {
    use super::{Amount, MedicationLine};
    use crate::fhir::{CodeableConcept, Dosage, Timing};

    /// "once a day", "three times a day", "every 6 hours", "every 2 weeks":
    /// R4 `Timing.repeat` (`frequency` times per `period` `periodUnit`) in
    /// words, as the CUI writes frequency, never Latin abbreviations (`tds`,
    /// `qds`) that are misread. `None` for a pattern it does not word
    /// (`dayOfWeek`, `when`), for which the dosage's own text is shown.
    pub fn frequency(timing: &Timing) -> Option<String> {
        if let Some(label) = timing.code.as_ref().and_then(CodeableConcept::label) {
            return Some(label.to_string());
        }
        let repeat = timing.repeat.as_ref()?;
        if repeat.get("dayOfWeek").is_some()
            || repeat.get("when").is_some()
            || repeat.get("timeOfDay").is_some()
        {
            return None;
        }
        let frequency = repeat
            .get("frequency")
            .and_then(|v| v.as_u64())
            .unwrap_or(1);
        let period = repeat.get("period").and_then(|v| v.as_f64())?;
        let unit = match repeat.get("periodUnit").and_then(|v| v.as_str())? {
            "min" => "minute",
            "h" => "hour",
            "d" => "day",
            "wk" => "week",
            "mo" => "month",
            _ => return None,
        };
        if period <= 0.0 || period.fract() != 0.0 {
            return None;
        }
        let period = period as u64;
        Some(match (frequency, period) {
            (1, 1) => format!("once a {unit}"),
            (2, 1) => format!("twice a {unit}"),
            (n, 1) => format!("{} times a {unit}", words(n)),
            (1, p) => format!("every {p} {unit}s"),
            (n, p) => format!("{} times every {p} {unit}s", words(n)),
        })
    }

    fn words(n: u64) -> String {
        match n {
            3 => "three".into(),
            4 => "four".into(),
            5 => "five".into(),
            6 => "six".into(),
            n => n.to_string(),
        }
    }

    /// A medication line from a medicine's name and its first dosage: the
    /// dose from `doseAndRate[0].doseQuantity`, the route, the frequency
    /// (with "when required" for `asNeededBoolean`). Where the dosage has no
    /// structured dose, its text stands as the frequency, so nothing the
    /// prescriber wrote is hidden.
    pub fn line(medicine: &CodeableConcept, dosage: Option<&Dosage>) -> MedicationLine {
        let mut line = MedicationLine {
            generic_name: medicine.label().unwrap_or("Unnamed medicine").to_string(),
            ..MedicationLine::default()
        };
        let Some(dosage) = dosage else {
            return line;
        };
        line.dose = dosage
            .dose_and_rate
            .first()
            .and_then(|d| d.get("doseQuantity"))
            .and_then(|q| {
                let value = q.get("value")?;
                let value = value.as_f64().map(|_| value.to_string())?;
                let unit = q
                    .get("unit")
                    .or_else(|| q.get("code"))
                    .and_then(|u| u.as_str())
                    .unwrap_or("");
                Amount::new(&value, unit).ok()
            });
        line.route = dosage
            .route
            .as_ref()
            .and_then(CodeableConcept::label)
            .map(str::to_string);
        let when = dosage.timing.as_ref().and_then(frequency);
        line.frequency = match (when, dosage.as_needed_boolean == Some(true)) {
            (Some(when), true) => Some(format!("{when} when required")),
            (None, true) => Some("when required".into()),
            (Some(when), false) => Some(when),
            (None, false) => None,
        };
        if (line.dose.is_none() || line.frequency.is_none())
            && let Some(text) = dosage.text.as_ref().filter(|t| !t.trim().is_empty())
        {
            line.frequency = Some(text.trim().to_string());
        }
        line
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn timing(repeat: serde_json::Value) -> Timing {
            serde_json::from_value(serde_json::json!({ "repeat": repeat })).expect("timing")
        }

        #[test]
        fn frequencies_are_words_not_latin() {
            let f = |r| frequency(&timing(r));
            assert_eq!(
                f(serde_json::json!({"frequency": 1, "period": 1, "periodUnit": "d"})),
                Some("once a day".into())
            );
            assert_eq!(
                f(serde_json::json!({"frequency": 2, "period": 1, "periodUnit": "d"})),
                Some("twice a day".into())
            );
            assert_eq!(
                f(serde_json::json!({"frequency": 3, "period": 1, "periodUnit": "d"})),
                Some("three times a day".into())
            );
            assert_eq!(
                f(serde_json::json!({"frequency": 4, "period": 1, "periodUnit": "d"})),
                Some("four times a day".into())
            );
            assert_eq!(
                f(serde_json::json!({"frequency": 1, "period": 6, "periodUnit": "h"})),
                Some("every 6 hours".into())
            );
            assert_eq!(
                f(serde_json::json!({"period": 2, "periodUnit": "wk"})),
                Some("every 2 weeks".into())
            );
            assert_eq!(
                f(
                    serde_json::json!({"frequency": 1, "period": 1, "periodUnit": "wk", "dayOfWeek": ["mon"]})
                ),
                None
            );
            assert_eq!(
                f(serde_json::json!({"frequency": 1, "period": 1.5, "periodUnit": "d"})),
                None
            );
            assert_eq!(
                f(serde_json::json!({"frequency": 1, "period": 1, "periodUnit": "a"})),
                None
            );
        }

        #[test]
        fn a_request_reads_as_a_cui_line() {
            let dosage: Dosage = serde_json::from_value(serde_json::json!({
                "text": "500 mg three times a day",
                "timing": {"repeat": {"frequency": 3, "period": 1, "periodUnit": "d"}},
                "route": {"coding": [{"system": "http://snomed.info/sct", "code": "26643006", "display": "Oral"}]},
                "doseAndRate": [{"doseQuantity": {"value": 500.0, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]
            }))
            .expect("dosage");
            let medicine: CodeableConcept =
                serde_json::from_value(serde_json::json!({"text": "amoxicillin 500 mg capsules"}))
                    .expect("code");
            assert_eq!(
                line(&medicine, Some(&dosage)).to_string(),
                "amoxicillin 500 mg capsules — DOSE 500 mg — Oral — three times a day"
            );
            let prn: Dosage = serde_json::from_value(serde_json::json!({
                "asNeededBoolean": true,
                "timing": {"repeat": {"frequency": 1, "period": 4, "periodUnit": "h"}},
                "doseAndRate": [{"doseQuantity": {"value": 0.5, "unit": "mg"}}]
            }))
            .expect("dosage");
            assert_eq!(
                line(&medicine, Some(&prn)).to_string(),
                "amoxicillin 500 mg capsules — DOSE 0.5 mg — every 4 hours when required"
            );
            let free: Dosage = serde_json::from_value(
                serde_json::json!({"text": "as directed by the diabetes team"}),
            )
            .expect("dosage");
            assert_eq!(
                line(&medicine, Some(&free)).to_string(),
                "amoxicillin 500 mg capsules — as directed by the diabetes team"
            );
            assert_eq!(
                line(&medicine, None).to_string(),
                "amoxicillin 500 mg capsules"
            );
        }
    }
}
