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
/// thousands. A decimal in exponent form (`1e-5`, which JSON allows and a
/// server may send for a very small or large dose) is written out in full
/// (`0.00001`): a dose is never dropped for the way its number was written.
pub fn format_number(text: &str) -> Result<String, MedicationError> {
    let bad = || MedicationError::NotAnAmount(text.to_string());
    let plain = plain_decimal(text.trim()).ok_or_else(bad)?;
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
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

/// Exponent form moved into the digits (`2.5e3` → `2500`, `1E-5` →
/// `0.00001`); text without an exponent is returned as it is. Exponents past
/// 30 either way are no dose anyone prescribes, so they stay refused.
fn plain_decimal(text: &str) -> Option<String> {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return Some(text.to_string());
    };
    let exponent: i32 = exponent
        .strip_prefix('+')
        .unwrap_or(exponent)
        .parse()
        .ok()?;
    if exponent.abs() > 30 {
        return None;
    }
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !whole
        .bytes()
        .chain(fraction.bytes())
        .all(|b| b.is_ascii_digit())
        || whole.len() + fraction.len() == 0
    {
        return None;
    }
    let digits = format!("{whole}{fraction}");
    // Where the point falls in `digits`, which may be before its start or
    // past its end.
    let point = i32::try_from(whole.len()).ok()? + exponent;
    Some(if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (w, f) = digits.split_at(point as usize);
        format!("{w}.{f}")
    })
}

/// A unit as the line shows it: UCUM codes and abbreviations that cause
/// errors written out whatever their case (`MCG`, `Mcg`, `µg` with the
/// micro sign, `μg` with the Greek mu), each part of a compound unit on its
/// own (`mcg/kg/min` → `micrograms/kg/min`), a trailing full stop dropped.
pub fn unit_text(unit: &str) -> String {
    let unit = unit.trim().trim_end_matches('.');
    unit.split('/').map(unit_word).collect::<Vec<_>>().join("/")
}

fn unit_word(unit: &str) -> String {
    match unit.to_lowercase().as_str() {
        "ug" | "mcg" | "µg" | "μg" | "microgram" | "micrograms" => "micrograms".into(),
        "ng" | "nanogram" | "nanograms" => "nanograms".into(),
        "u" | "iu" | "[iu]" | "unit" | "units" => "units".into(),
        "ml" => "mL".into(),
        "l" => "L".into(),
        lower @ ("mg" | "g" | "kg" | "mmol") => lower.into(),
        _ => unit.into(),
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

    /// An amount whose number [`format_number`] cannot write (a negative
    /// or otherwise malformed dose): kept as the record has it, so a line
    /// shows what was prescribed rather than nothing.
    pub fn as_recorded(value: &str, unit: &str) -> Self {
        Self::new(value, unit).unwrap_or_else(|_| Self {
            value: value.trim().to_string(),
            unit: unit_text(unit),
        })
    }
}

/// A dose: one amount, or a range the person giving it chooses within
/// (`2.5 mg to 5 mg`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dose {
    /// `5 mg`
    Amount(Amount),
    /// `2.5 mg to 5 mg`: each end with its unit, so neither is misread.
    Range(Amount, Amount),
}

impl fmt::Display for Dose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Amount(amount) => amount.fmt(f),
            Self::Range(low, high) => write!(f, "{low} to {high}"),
        }
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
    pub dose: Option<Dose>,
    /// The route: `oral`, `intravenous`.
    pub route: Option<String>,
    /// How often: `three times a day`, `every 6 hours`.
    pub frequency: Option<String>,
    /// What bounds the dosing, after the frequency: `maximum 4 g in 24
    /// hours`, `for 5 days`, `take with food`.
    pub limits: Vec<String>,
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
        parts.extend(self.limits.iter().cloned().map(plain));
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
        for bad in [
            "", ".", "-1", "1,000", "five", "1.2.3", "+2", "0x10", "e5", "1e", "1e-", "1e40",
            "-1e3", "1e3.5",
        ] {
            assert!(format_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn exponent_form_is_written_out_in_full_not_dropped() {
        assert_eq!(format_number("1e-5"), Ok("0.00001".into()));
        assert_eq!(format_number("1E-5"), Ok("0.00001".into()));
        assert_eq!(format_number("2.5e-1"), Ok("0.25".into()));
        assert_eq!(format_number("2.5e3"), Ok("2,500".into()));
        assert_eq!(format_number("1.25e1"), Ok("12.5".into()));
        assert_eq!(format_number("5e+6"), Ok("5,000,000".into()));
        assert_eq!(format_number("62.5e0"), Ok("62.5".into()));
        assert_eq!(
            Amount::new("1e-5", "mg").map(|a| a.to_string()),
            Ok("0.00001 mg".into())
        );
        // What still cannot be written is shown as recorded, never dropped.
        assert_eq!(Amount::as_recorded("-1", "mg").to_string(), "-1 mg");
    }

    #[test]
    fn microgram_is_written_out_whatever_its_case_or_mu() {
        for unit in [
            "mcg",
            "MCG",
            "Mcg",
            "ug",
            "UG",
            "µg",
            "μg",
            "µG",
            "microgram",
            "Micrograms",
        ] {
            assert_eq!(unit_text(unit), "micrograms", "{unit}");
        }
        assert_eq!(unit_text("mcg/kg/min"), "micrograms/kg/min");
        assert_eq!(unit_text("μg/L"), "micrograms/L");
        assert_eq!(unit_text("IU/mL"), "units/mL");
        assert_eq!(unit_text("NG"), "nanograms");
        assert_eq!(unit_text("MG"), "mg");
        assert_eq!(unit_text("mmol/L"), "mmol/L");
        assert_eq!(unit_text("puff"), "puff", "other units as written");
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
            dose: Some(Dose::Amount(amount("12.0", "[iU]"))),
            route: Some("subcutaneous".into()),
            frequency: Some("twice a day".into()),
            limits: vec!["for 7 days".into()],
        };
        assert_eq!(
            line.to_string(),
            "insulin soluble human — ACTRAPID — 100 units per mL — solution for injection — DOSE 12 units — subcutaneous — twice a day — for 7 days"
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
            dose: Some(Dose::Amount(amount("0.50", "g"))),
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
///
/// The rule, for clinical safety: nothing the prescriber wrote is hidden.
/// Every structured part this module knows is worded (dose ranges, the
/// most a frequency or period may be, days and times of day, when required
/// and what for, maximum doses, how long for, additional instructions), the
/// prescriber's own text is shown beside the words whenever it is there
/// (this module cannot prove that the structured parts say all of it), each
/// step of a multi-step regimen is its own line, and a part it cannot word
/// is reported ([`from_fhir::Step::unworded`]) so the screen can say so.
pub mod from_fhir {
    use super::{Amount, Dose, MedicationLine};
    use crate::clinical::cui::FhirDateTime;
    use crate::fhir::{CodeableConcept, Dosage, Timing};
    use serde_json::Value;

    /// One step of a prescription: one `dosageInstruction`.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Step {
        /// The step as a CUI line; only the first step carries the name.
        pub line: MedicationLine,
        /// The step's `text`, as the prescriber wrote it.
        pub written: Option<String>,
        /// Its `patientInstruction`.
        pub for_the_patient: Option<String>,
        /// Taken after the step before it (a higher `sequence`), rather than
        /// alongside it.
        pub then: bool,
        /// Elements recorded in the step that the line does not word: the
        /// screen must say that part of the dosage is not shown.
        pub unworded: Vec<String>,
    }

    /// "once a day", "three times a day", "every 6 hours", "one to two
    /// times a day", "every 4 to 6 hours", "once a week on Monday", "twice
    /// a day at 08:00 and 20:00", "in the morning": R4 `Timing` in words, as
    /// the CUI writes frequency, never Latin abbreviations (`tds`, `qds`)
    /// that are misread. `None` when the timing has a part it does not word
    /// (see [`schedule`]).
    pub fn frequency(timing: &Timing) -> Option<String> {
        let (words, unworded) = schedule(timing);
        if unworded.is_empty() {
            words.first().cloned()
        } else {
            None
        }
    }

    /// The timing's parts in words (how often, then how long for), and the
    /// names of those it cannot word.
    pub fn schedule(timing: &Timing) -> (Vec<String>, Vec<String>) {
        let mut unworded: Vec<String> = timing
            .extra
            .keys()
            .filter(|k| !matches!(k.as_str(), "id" | "extension"))
            .map(|k| format!("timing.{k}"))
            .collect();
        let coded = timing.code.as_ref().and_then(CodeableConcept::label);
        let Some(repeat) = timing.repeat.as_ref().and_then(Value::as_object) else {
            return (coded.map(str::to_string).into_iter().collect(), unworded);
        };
        for key in repeat.keys() {
            if !REPEAT_KEYS.contains(&key.as_str()) {
                unworded.push(format!("timing.repeat.{key}"));
            }
        }
        let mut missed = |what: &str| unworded.push(format!("timing.repeat.{what}"));
        let mut how_often = coded.map(str::to_string);
        if how_often.is_none() {
            how_often = times_per_period(repeat, &mut missed);
        }
        let days = repeat.get("dayOfWeek").map(|d| day_words(d, &mut missed));
        let times = repeat.get("timeOfDay").map(|t| time_words(t, &mut missed));
        let when = repeat
            .get("when")
            .map(|w| when_words(w, repeat.get("offset"), &mut missed));
        let when_text = [days, times, when]
            .into_iter()
            .flatten()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let how_often = match (how_often, when_text.is_empty()) {
            (Some(h), true) => Some(h),
            (Some(h), false) => Some(format!("{h} {when_text}")),
            (None, false) => Some(when_text),
            (None, true) => None,
        };
        let mut words: Vec<String> = how_often.into_iter().collect();
        if let Some(d) = repeat.get("duration") {
            match quantity_of_time(
                Some(d),
                repeat.get("durationMax"),
                repeat.get("durationUnit"),
            ) {
                Some(t) => words.push(format!("each dose over {t}")),
                None => missed("duration"),
            }
        }
        if let Some(count) = repeat.get("count") {
            match range_of(count, repeat.get("countMax")) {
                Some(n) if n == "1" => words.push("one dose only".into()),
                Some(n) => words.push(format!("{n} doses in all")),
                None => missed("count"),
            }
        }
        if let Some(bounds) = repeat.get("boundsDuration") {
            match quantity_of_time(
                bounds.get("value"),
                None,
                bounds.get("code").or_else(|| bounds.get("unit")),
            ) {
                Some(t) => words.push(format!("for {t}")),
                None => missed("boundsDuration"),
            }
        }
        if let Some(bounds) = repeat.get("boundsPeriod") {
            let at = |k: &str| {
                bounds
                    .get(k)
                    .and_then(Value::as_str)
                    .and_then(|d| FhirDateTime::parse(d).ok())
            };
            match (at("start"), at("end")) {
                (Some(start), Some(end)) => words.push(format!("from {start} until {end}")),
                (Some(start), None) => words.push(format!("from {start}")),
                (None, Some(end)) => words.push(format!("until {end}")),
                (None, None) => missed("boundsPeriod"),
            }
        }
        if repeat.contains_key("boundsRange") {
            missed("boundsRange");
        }
        (words, unworded)
    }

    /// The `Timing.repeat` elements [`schedule`] words (or reports).
    const REPEAT_KEYS: &[&str] = &[
        "id",
        "extension",
        "frequency",
        "frequencyMax",
        "period",
        "periodMax",
        "periodUnit",
        "dayOfWeek",
        "timeOfDay",
        "when",
        "offset",
        "duration",
        "durationMax",
        "durationUnit",
        "count",
        "countMax",
        "boundsDuration",
        "boundsPeriod",
        "boundsRange",
    ];

    /// `frequency`(–`frequencyMax`) times per `period`(–`periodMax`)
    /// `periodUnit`.
    fn times_per_period(
        repeat: &serde_json::Map<String, Value>,
        missed: &mut impl FnMut(&str),
    ) -> Option<String> {
        let period = repeat.get("period")?;
        let Some(unit) = repeat
            .get("periodUnit")
            .and_then(Value::as_str)
            .and_then(time_unit)
        else {
            missed("periodUnit");
            return None;
        };
        let Some(times) = range_of(
            repeat.get("frequency").unwrap_or(&Value::from(1)),
            repeat.get("frequencyMax"),
        ) else {
            missed("frequency");
            return None;
        };
        let Some(every) = range_of(period, repeat.get("periodMax")) else {
            missed("period");
            return None;
        };
        let times = match times.as_str() {
            "1" => "once".to_string(),
            "2" => "twice".to_string(),
            n => format!("{} times", spelt(n)),
        };
        Some(if every == "1" {
            format!("{times} a {unit}")
        } else if times == "once" {
            format!("every {every} {unit}s")
        } else {
            format!("{times} every {every} {unit}s")
        })
    }

    /// `low` or `low to high` from two FHIR numbers, each as the CUI writes
    /// numbers.
    fn range_of(low: &Value, high: Option<&Value>) -> Option<String> {
        let number = |v: &Value| {
            v.is_number()
                .then(|| super::format_number(&v.to_string()).ok())
                .flatten()
        };
        let low = number(low)?;
        match high {
            None => Some(low),
            Some(high) => Some(format!("{low} to {}", number(high)?)),
        }
    }

    /// "one to two" reads better than "1 to 2" in a frequency.
    fn spelt(n: &str) -> String {
        n.split(" to ")
            .map(|n| match n {
                "1" => "one",
                "2" => "two",
                "3" => "three",
                "4" => "four",
                "5" => "five",
                "6" => "six",
                n => n,
            })
            .collect::<Vec<_>>()
            .join(" to ")
    }

    /// A UCUM unit of time (`s`…`a`) as a word.
    fn time_unit(code: &str) -> Option<&'static str> {
        Some(match code {
            "s" => "second",
            "min" => "minute",
            "h" => "hour",
            "d" => "day",
            "wk" => "week",
            "mo" => "month",
            "a" => "year",
            _ => return None,
        })
    }

    /// `5 days`, `30 to 60 minutes`.
    fn quantity_of_time(
        value: Option<&Value>,
        max: Option<&Value>,
        unit: Option<&Value>,
    ) -> Option<String> {
        let amount = range_of(value?, max)?;
        let unit = time_unit(unit?.as_str()?)?;
        Some(if amount == "1" {
            format!("1 {unit}")
        } else {
            format!("{amount} {unit}s")
        })
    }

    fn day_words(days: &Value, missed: &mut impl FnMut(&str)) -> Option<String> {
        let names: Option<Vec<&str>> = days
            .as_array()?
            .iter()
            .map(|d| {
                Some(match d.as_str()? {
                    "mon" => "Monday",
                    "tue" => "Tuesday",
                    "wed" => "Wednesday",
                    "thu" => "Thursday",
                    "fri" => "Friday",
                    "sat" => "Saturday",
                    "sun" => "Sunday",
                    _ => return None,
                })
            })
            .collect();
        match names {
            Some(names) if !names.is_empty() => Some(format!("on {}", and_list(&names))),
            _ => {
                missed("dayOfWeek");
                None
            }
        }
    }

    /// `08:00:00` as `08:00`; the seconds of a dose time are never meant.
    fn time_words(times: &Value, missed: &mut impl FnMut(&str)) -> Option<String> {
        let times: Option<Vec<&str>> = times
            .as_array()?
            .iter()
            .map(|t| {
                let t = t.as_str()?;
                let b = t.as_bytes();
                (b.len() >= 5 && b[2] == b':' && t.is_char_boundary(5))
                    .then(|| t.strip_suffix(":00").unwrap_or(t))
            })
            .collect();
        match times {
            Some(times) if !times.is_empty() => Some(format!("at {}", and_list(&times))),
            _ => {
                missed("timeOfDay");
                None
            }
        }
    }

    /// R4 `EventTiming` (HL7 v3 TimingEvent and FHIR's own codes) in words;
    /// an `offset` in minutes goes before a code that is before or after a
    /// meal (`30 minutes before breakfast`).
    fn when_words(
        when: &Value,
        offset: Option<&Value>,
        missed: &mut impl FnMut(&str),
    ) -> Option<String> {
        let words: Option<Vec<&str>> = when
            .as_array()?
            .iter()
            .map(|w| {
                Some(match w.as_str()? {
                    "MORN" | "MORN.early" | "MORN.late" => "in the morning",
                    "NOON" => "at noon",
                    "AFT" | "AFT.early" | "AFT.late" => "in the afternoon",
                    "EVE" | "EVE.early" | "EVE.late" => "in the evening",
                    "NIGHT" => "at night",
                    "PHS" => "after sleep",
                    "HS" => "at bedtime",
                    "WAKE" => "on waking",
                    "C" => "with meals",
                    "CM" => "with breakfast",
                    "CD" => "with lunch",
                    "CV" => "with the evening meal",
                    "AC" => "before meals",
                    "ACM" => "before breakfast",
                    "ACD" => "before lunch",
                    "ACV" => "before the evening meal",
                    "PC" => "after meals",
                    "PCM" => "after breakfast",
                    "PCD" => "after lunch",
                    "PCV" => "after the evening meal",
                    _ => return None,
                })
            })
            .collect();
        let Some(words) = words.filter(|w| !w.is_empty()) else {
            missed("when");
            return None;
        };
        let text = and_list(&words);
        match offset {
            None => Some(text),
            Some(minutes) if text.starts_with("before") || text.starts_with("after") => {
                match range_of(minutes, None) {
                    Some(m) => Some(format!("{m} minutes {text}")),
                    None => {
                        missed("offset");
                        Some(text)
                    }
                }
            }
            Some(_) => {
                missed("offset");
                Some(text)
            }
        }
    }

    fn and_list(items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// A FHIR Quantity (JSON) as an amount; its number as recorded when the
    /// CUI's rules cannot write it, so it is never dropped.
    fn amount(q: &Value) -> Option<Amount> {
        let value = q.get("value").filter(|v| v.is_number())?.to_string();
        let unit = q
            .get("unit")
            .or_else(|| q.get("code"))
            .and_then(Value::as_str)
            .unwrap_or("");
        Some(Amount::as_recorded(&value, unit))
    }

    /// A FHIR Ratio (JSON) as `4 g in 24 hours`.
    fn ratio(r: &Value) -> Option<String> {
        let top = amount(r.get("numerator")?)?;
        let bottom = r.get("denominator")?;
        let per = bottom
            .get("value")
            .and_then(|v| range_of(v, None))
            .unwrap_or_else(|| "1".into());
        let unit = bottom
            .get("code")
            .or_else(|| bottom.get("unit"))
            .and_then(Value::as_str)
            .unwrap_or("");
        Some(match time_unit(unit) {
            Some(unit) if per == "1" => format!("{top} a {unit}"),
            Some(unit) => format!("{top} in {per} {unit}s"),
            None => format!("{top} per {}", Amount::as_recorded(&per, unit)),
        })
    }

    /// The Dosage elements [`step`] words (or reports); `extension` is
    /// ignorable by definition, `modifierExtension` never.
    const DOSAGE_KEYS: &[&str] = &[
        "id",
        "extension",
        "sequence",
        "asNeededCodeableConcept",
        "site",
        "method",
        "additionalInstruction",
        "patientInstruction",
        "maxDosePerPeriod",
        "maxDosePerAdministration",
        "maxDosePerLifetime",
    ];

    /// One dosage as a step: the dose (or range) and rate, the route and
    /// method, how often and when, what it is needed for, its maxima and how
    /// long it lasts.
    pub fn step(dosage: &Dosage) -> Step {
        let mut unworded: Vec<String> = dosage
            .extra
            .keys()
            .filter(|k| !DOSAGE_KEYS.contains(&k.as_str()))
            .cloned()
            .collect();
        let mut line = MedicationLine::default();
        let mut limits = Vec::new();
        let label = |k: &str| {
            dosage
                .extra
                .get(k)
                .and_then(|c| serde_json::from_value::<CodeableConcept>(c.clone()).ok())
                .and_then(|c| c.label().map(str::to_string))
        };
        if dosage.dose_and_rate.len() > 1 {
            unworded.push("doseAndRate".into());
        }
        if let Some(first) = dosage.dose_and_rate.first() {
            for key in first
                .as_object()
                .map(|o| o.keys().collect::<Vec<_>>())
                .unwrap_or_default()
            {
                if !matches!(
                    key.as_str(),
                    "id" | "extension"
                        | "type"
                        | "doseQuantity"
                        | "doseRange"
                        | "rateQuantity"
                        | "rateRatio"
                ) {
                    unworded.push(format!("doseAndRate.{key}"));
                }
            }
            if let Some(q) = first.get("doseQuantity") {
                line.dose = amount(q).map(Dose::Amount);
                if line.dose.is_none() {
                    unworded.push("doseAndRate.doseQuantity".into());
                }
            }
            if let Some(r) = first.get("doseRange") {
                line.dose = match (
                    r.get("low").and_then(amount),
                    r.get("high").and_then(amount),
                ) {
                    (Some(low), Some(high)) => Some(Dose::Range(low, high)),
                    (Some(low), None) => Some(Dose::Amount(Amount {
                        value: format!("at least {}", low.value),
                        unit: low.unit,
                    })),
                    (None, Some(high)) => Some(Dose::Amount(Amount {
                        value: format!("up to {}", high.value),
                        unit: high.unit,
                    })),
                    (None, None) => None,
                };
                if line.dose.is_none() {
                    unworded.push("doseAndRate.doseRange".into());
                }
            }
            if let Some(rate) = first.get("rateQuantity").and_then(amount) {
                limits.push(format!("at a rate of {rate}"));
            } else if let Some(rate) = first.get("rateRatio").and_then(ratio) {
                limits.push(format!("at a rate of {rate}"));
            } else if first.get("rateQuantity").is_some() || first.get("rateRatio").is_some() {
                unworded.push("doseAndRate.rate".into());
            }
        }
        line.route = dosage
            .route
            .as_ref()
            .and_then(CodeableConcept::label)
            .map(str::to_string);
        let (mut when, timing_unworded) = dosage.timing.as_ref().map(schedule).unwrap_or_default();
        unworded.extend(timing_unworded);
        let how_often = (!when.is_empty()).then(|| when.remove(0));
        let reason = label("asNeededCodeableConcept");
        let required = dosage.as_needed_boolean == Some(true)
            || dosage.extra.contains_key("asNeededCodeableConcept");
        let as_needed = match reason {
            Some(reason) => Some(format!("when required for {}", reason.trim())),
            None if required => Some("when required".to_string()),
            None => None,
        };
        line.frequency = match (how_often, as_needed) {
            (Some(h), Some(n)) => Some(format!("{h} {n}")),
            (h, n) => h.or(n),
        };
        line.limits = when;
        line.limits.extend(limits);
        if let Some(method) = label("method") {
            line.limits.push(method);
        }
        if let Some(site) = label("site") {
            line.limits.push(format!("site: {site}"));
        }
        for (key, words) in [
            ("maxDosePerPeriod", "maximum"),
            ("maxDosePerAdministration", "maximum a dose"),
            ("maxDosePerLifetime", "maximum in all"),
        ] {
            let Some(value) = dosage.extra.get(key) else {
                continue;
            };
            let text = if key == "maxDosePerPeriod" {
                // R4 has one Ratio here; R5 made it a list, which servers
                // mid-migration send.
                let ratios: Vec<_> = match value.as_array() {
                    Some(list) => list.iter().map(ratio).collect(),
                    None => vec![ratio(value)],
                };
                ratios
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .map(|r| format!("{words} {}", r.join(" and ")))
            } else {
                amount(value).map(|a| match words.split_once(' ') {
                    Some((max, rest)) => format!("{max} {a} {rest}"),
                    None => format!("{words} {a}"),
                })
            };
            match text {
                Some(text) => line.limits.push(text),
                None => unworded.push(key.into()),
            }
        }
        if let Some(list) = dosage
            .extra
            .get("additionalInstruction")
            .and_then(Value::as_array)
        {
            for item in list {
                match serde_json::from_value::<CodeableConcept>(item.clone())
                    .ok()
                    .as_ref()
                    .and_then(CodeableConcept::label)
                {
                    Some(text) => line.limits.push(text.trim().to_string()),
                    None => unworded.push("additionalInstruction".into()),
                }
            }
        }
        let text = |t: Option<&str>| {
            t.map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        };
        Step {
            line,
            written: text(dosage.text.as_deref()),
            for_the_patient: text(
                dosage
                    .extra
                    .get("patientInstruction")
                    .and_then(Value::as_str),
            ),
            then: false,
            unworded,
        }
    }

    /// Every step of a prescription in `sequence` order (instructions
    /// without one keep the order they were written in), the first step's
    /// line carrying the medicine's name.
    pub fn steps(medicine: &CodeableConcept, dosages: &[Dosage]) -> Vec<Step> {
        let sequence = |d: &Dosage| d.extra.get("sequence").and_then(Value::as_i64);
        let mut order: Vec<&Dosage> = dosages.iter().collect();
        order.sort_by_key(|d| sequence(d).unwrap_or(i64::MAX));
        let mut steps: Vec<Step> = Vec::with_capacity(order.len().max(1));
        let mut before = None;
        for dosage in order {
            let mut step = step(dosage);
            step.then = before.is_some() && sequence(dosage) != before;
            before = sequence(dosage);
            steps.push(step);
        }
        if steps.is_empty() {
            steps.push(Step::default());
        }
        steps[0].line.generic_name = medicine.label().unwrap_or("Unnamed medicine").to_string();
        steps
    }

    /// A medication line from a medicine's name and one dosage (see
    /// [`step`]); a prescription with several is [`steps`].
    pub fn line(medicine: &CodeableConcept, dosage: Option<&Dosage>) -> MedicationLine {
        steps(
            medicine,
            dosage.map(std::slice::from_ref).unwrap_or_default(),
        )
        .remove(0)
        .line
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
                f(serde_json::json!({"frequency": 1, "period": 1.5, "periodUnit": "d"})),
                Some("every 1.5 days".into())
            );
            assert_eq!(
                f(serde_json::json!({"frequency": 1, "period": 1, "periodUnit": "a"})),
                Some("once a year".into())
            );
            assert_eq!(
                f(serde_json::json!({"frequency": 1, "period": 1, "periodUnit": "fortnight"})),
                None
            );
        }

        fn dosage(json: serde_json::Value) -> Dosage {
            serde_json::from_value(json).expect("dosage")
        }

        fn named(name: &str) -> CodeableConcept {
            CodeableConcept {
                text: Some(name.into()),
                ..Default::default()
            }
        }

        fn words(json: serde_json::Value) -> String {
            let step = step(&dosage(json));
            assert_eq!(step.unworded, Vec::<String>::new(), "every part worded");
            step.line.to_string()
        }

        /// The sandbox's own morphine, as a server sends it (issue 32): the
        /// range and the interval were shown as "5 mg — every 4 hours when
        /// required", and the text that says "at least 4 hours apart" was
        /// hidden because dose and frequency both parsed.
        #[test]
        fn a_dose_range_and_the_prescribers_text_are_both_shown() {
            let morphine = dosage(serde_json::json!({
                "text": "2.5 mg to 5 mg when required, at least 4 hours apart",
                "asNeededBoolean": true,
                "timing": {"repeat": {"frequency": 1, "period": 4, "periodUnit": "h"}},
                "route": {"text": "Oral"},
                "doseAndRate": [{"doseRange": {
                    "low": {"value": 2.5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"},
                    "high": {"value": 5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}
                }}]
            }));
            let steps = steps(
                &named("Morphine sulfate 10mg/5ml oral solution"),
                std::slice::from_ref(&morphine),
            );
            assert_eq!(steps.len(), 1);
            assert_eq!(
                steps[0].line.to_string(),
                "Morphine sulfate 10mg/5ml oral solution — DOSE 2.5 mg to 5 mg — Oral — every 4 hours when required"
            );
            assert_eq!(
                steps[0].written.as_deref(),
                Some("2.5 mg to 5 mg when required, at least 4 hours apart")
            );
            // A complete structured dosage keeps its text too: nothing can
            // prove the structure says all of it.
            let amoxicillin = dosage(serde_json::json!({
                "text": "500 mg three times a day for 5 days",
                "timing": {"repeat": {"frequency": 3, "period": 1, "periodUnit": "d"}},
                "doseAndRate": [{"doseQuantity": {"value": 500, "unit": "mg"}}]
            }));
            assert_eq!(
                step(&amoxicillin).written.as_deref(),
                Some("500 mg three times a day for 5 days")
            );
            // Half a range is said as half a range.
            assert_eq!(
                words(
                    serde_json::json!({"doseAndRate": [{"doseRange": {"high": {"value": 10, "unit": "mg"}}}]})
                ),
                "DOSE up to 10 mg"
            );
        }

        #[test]
        fn most_frequencies_periods_maxima_bounds_and_reasons_are_worded() {
            assert_eq!(
                words(
                    serde_json::json!({"timing": {"repeat": {"frequency": 1, "frequencyMax": 2, "period": 1, "periodUnit": "d"}}})
                ),
                "one to two times a day"
            );
            assert_eq!(
                words(
                    serde_json::json!({"timing": {"repeat": {"frequency": 1, "period": 4, "periodMax": 6, "periodUnit": "h"}}})
                ),
                "every 4 to 6 hours"
            );
            assert_eq!(
                words(serde_json::json!({
                    "asNeededCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "22253000", "display": "Pain"}]},
                    "timing": {"repeat": {"frequency": 1, "period": 4, "periodUnit": "h"}},
                    "doseAndRate": [{"doseQuantity": {"value": 1, "unit": "g"}}],
                    "maxDosePerPeriod": {"numerator": {"value": 4, "unit": "g"}, "denominator": {"value": 24, "unit": "hours", "code": "h"}}
                })),
                "DOSE 1 g — every 4 hours when required for Pain — maximum 4 g in 24 hours"
            );
            assert_eq!(
                words(serde_json::json!({
                    "timing": {"repeat": {"frequency": 2, "period": 1, "periodUnit": "d", "boundsDuration": {"value": 5, "unit": "days", "code": "d"}}},
                    "maxDosePerAdministration": {"value": 10, "unit": "mg"},
                    "additionalInstruction": [{"text": "Take with or just after food"}]
                })),
                "twice a day — for 5 days — maximum 10 mg a dose — Take with or just after food"
            );
            assert_eq!(
                words(
                    serde_json::json!({"timing": {"repeat": {"count": 1}}, "doseAndRate": [{"doseQuantity": {"value": 4, "unit": "mg"}}]})
                ),
                "DOSE 4 mg — one dose only"
            );
            assert_eq!(
                words(
                    serde_json::json!({"timing": {"repeat": {"boundsPeriod": {"start": "2026-12-01", "end": "2026-12-08"}}}})
                ),
                "from 01-Dec-2026 until 08-Dec-2026"
            );
        }

        /// Weekly methotrexate: a structured dose with a frequency on a
        /// day of the week lost its schedule entirely (issue 32), the
        /// pattern that makes a weekly dose a daily one.
        #[test]
        fn days_times_of_day_and_meal_times_are_worded() {
            assert_eq!(
                words(serde_json::json!({
                    "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "wk", "dayOfWeek": ["mon"]}},
                    "doseAndRate": [{"doseQuantity": {"value": 15, "unit": "mg"}}]
                })),
                "DOSE 15 mg — once a week on Monday"
            );
            assert_eq!(
                words(
                    serde_json::json!({"timing": {"repeat": {"frequency": 2, "period": 1, "periodUnit": "d", "timeOfDay": ["08:00:00", "20:00:00"]}}})
                ),
                "twice a day at 08:00 and 20:00"
            );
            assert_eq!(
                words(
                    serde_json::json!({"timing": {"repeat": {"dayOfWeek": ["mon", "wed", "fri"], "when": ["MORN"]}}})
                ),
                "on Monday, Wednesday and Friday in the morning"
            );
            assert_eq!(
                words(
                    serde_json::json!({"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d", "when": ["ACM"], "offset": 30}}})
                ),
                "once a day 30 minutes before breakfast"
            );
            assert_eq!(
                frequency(&timing(
                    serde_json::json!({"frequency": 1, "period": 1, "periodUnit": "wk", "dayOfWeek": ["mon"]})
                )),
                Some("once a week on Monday".into())
            );
        }

        /// A reducing regimen: every step, in sequence order, each with
        /// its own dose and duration (only the first was shown).
        #[test]
        fn each_step_of_a_multi_step_regimen_is_shown_in_sequence() {
            let step_of = |sequence: i64, mg: u32| {
                dosage(serde_json::json!({
                    "sequence": sequence,
                    "text": format!("{mg} mg once a day for 7 days"),
                    "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d", "boundsDuration": {"value": 7, "code": "d"}}},
                    "doseAndRate": [{"doseQuantity": {"value": mg, "unit": "mg"}}]
                }))
            };
            // Written out of order: the sequence decides.
            let all = steps(
                &named("prednisolone 5 mg tablets"),
                &[step_of(2, 30), step_of(1, 40), step_of(3, 20)],
            );
            let lines: Vec<String> = all.iter().map(|s| s.line.to_string()).collect();
            assert_eq!(
                lines,
                [
                    "prednisolone 5 mg tablets — DOSE 40 mg — once a day — for 7 days",
                    "DOSE 30 mg — once a day — for 7 days",
                    "DOSE 20 mg — once a day — for 7 days",
                ]
            );
            assert_eq!(
                all.iter().map(|s| s.then).collect::<Vec<_>>(),
                [false, true, true]
            );
            assert_eq!(
                all[2].written.as_deref(),
                Some("20 mg once a day for 7 days")
            );
            // Two instructions with one sequence number are taken together.
            let together = steps(&named("insulin"), &[step_of(1, 10), step_of(1, 4)]);
            assert!(!together[1].then);
        }

        #[test]
        fn what_cannot_be_worded_is_reported_never_silently_left_out() {
            let unworded = |json| step(&dosage(json)).unworded;
            assert_eq!(
                unworded(
                    serde_json::json!({"timing": {"event": ["2026-12-04T08:00:00Z"], "repeat": {"boundsRange": {"low": {"value": 1}}}}})
                ),
                ["timing.event", "timing.repeat.boundsRange"]
            );
            assert_eq!(
                unworded(serde_json::json!({"modifierExtension": [{"url": "x"}]})),
                ["modifierExtension"]
            );
            assert_eq!(
                unworded(
                    serde_json::json!({"timing": {"repeat": {"period": 1, "periodUnit": "fortnight"}}})
                ),
                ["timing.repeat.periodUnit"]
            );
            assert_eq!(
                unworded(
                    serde_json::json!({"doseAndRate": [{"doseQuantity": {"value": 1}}, {"doseQuantity": {"value": 2}}]})
                ),
                ["doseAndRate"]
            );
            assert_eq!(
                frequency(&timing(
                    serde_json::json!({"frequency": 1, "period": 1, "periodUnit": "d", "when": ["SOMETIME"]})
                )),
                None
            );
            // A dose value a server wrote in exponent form is still a dose.
            assert_eq!(
                words(
                    serde_json::json!({"doseAndRate": [{"doseQuantity": {"value": 1e-5, "unit": "mg"}}]})
                ),
                "DOSE 0.00001 mg"
            );
            let micro: Dosage = serde_json::from_str(
                r#"{"doseAndRate": [{"doseQuantity": {"value": 2.5E+2, "unit": "MCG"}}]}"#,
            )
            .expect("dosage");
            assert_eq!(step(&micro).line.to_string(), "DOSE 250 micrograms");
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
                "amoxicillin 500 mg capsules"
            );
            assert_eq!(
                step(&free).written.as_deref(),
                Some("as directed by the diabetes team")
            );
            assert_eq!(
                line(&medicine, None).to_string(),
                "amoxicillin 500 mg capsules"
            );
        }
    }
}
