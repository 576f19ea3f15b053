//! Test results as a clinician reads them: the value and its unit, the
//! reference range, the laboratory's interpretation in words, and the change
//! since the previous result of the same test.
//!
//! Sources:
//! - FHIR R4 Observation (<https://hl7.org/fhir/R4/observation.html>):
//!   `interpretation` coded in HL7's v3 ObservationInterpretation system
//!   (`N`, `L`, `H`, `LL`, `HH`, `LU`, `HU`, `A`, `AA`, `POS`, `NEG`, …),
//!   `referenceRange` (the first one, as the specification says a system
//!   shows when it cannot choose), `dataAbsentReason` for a result with no
//!   value, and `status`: an `entered-in-error` result is withdrawn and never
//!   shown, a preliminary, amended or corrected one says so.
//! - FHIR R4 DiagnosticReport: a report groups its results (`result`) under
//!   its name, time, status and conclusion.
//! - WCAG 2.2 success criterion 1.4.1, use of colour: every flag is a word
//!   ("Critically high"), which colour only reinforces.
//!
//! A flag the laboratory did not set is never passed off as theirs: a
//! result without an interpretation is compared with its range and reads
//! "Above range", "Below range" or "Within range", worded apart from the
//! laboratory's "High", "Low" and "Normal".

use crate::clinical::cui::FhirDateTime;
use crate::clinical::medication::{format_number, unit_text};
use crate::clinical::withdrawn::Withdrawn;
use crate::fhir::resources::{DiagnosticReport, Observation, ReferenceRange};
use crate::fhir::{CodeableConcept, Decimal, Quantity};

const INTERPRETATION: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

/// What a result's interpretation says, for its look and for tests; the
/// words are in [`Interpretation::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flag {
    /// No interpretation, and no range to compare the value with.
    #[default]
    None,
    /// The laboratory says normal (or negative, not detected).
    Normal,
    /// The laboratory says low.
    Low,
    /// The laboratory says high.
    High,
    /// The laboratory says critically low (`LL`).
    CriticallyLow,
    /// The laboratory says critically high (`HH`).
    CriticallyHigh,
    /// The laboratory says abnormal (or positive, detected).
    Abnormal,
    /// The laboratory says critically abnormal (`AA`).
    CriticallyAbnormal,
    /// The laboratory's own words, for a code this list does not know.
    Other,
    /// Not flagged by the laboratory; inside the range given.
    WithinRange,
    /// Not flagged by the laboratory; under the range given.
    BelowRange,
    /// Not flagged by the laboratory; over the range given.
    AboveRange,
}

impl Flag {
    /// The modifier class: `bedside-result-flag--<this>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Normal | Self::WithinRange => "normal",
            Self::Low | Self::High | Self::Abnormal | Self::Other => "abnormal",
            Self::BelowRange | Self::AboveRange => "outside",
            Self::CriticallyLow | Self::CriticallyHigh | Self::CriticallyAbnormal => "critical",
        }
    }

    /// Whether the laboratory called it critical: a result to act on now.
    pub fn is_critical(self) -> bool {
        matches!(
            self,
            Self::CriticallyLow | Self::CriticallyHigh | Self::CriticallyAbnormal
        )
    }
}

/// A result's interpretation: what kind, and the words that say it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Interpretation {
    /// What kind.
    pub flag: Flag,
    /// The words: "Critically high", "Above range", "Not flagged".
    pub text: String,
}

impl Interpretation {
    fn new(flag: Flag, text: &str) -> Self {
        Self {
            flag,
            text: text.into(),
        }
    }

    /// The laboratory's interpretation: the first of the codes given that
    /// this list knows, else the first one's own words; `None` when there
    /// is none.
    pub fn from_codes(codes: &[CodeableConcept]) -> Option<Self> {
        let known = codes.iter().flat_map(|c| &c.coding).find_map(|coding| {
            if coding.system.as_deref() != Some(INTERPRETATION) {
                return None;
            }
            let (flag, text) = match coding.code.as_deref()? {
                "N" => (Flag::Normal, "Normal"),
                "NEG" => (Flag::Normal, "Negative"),
                "ND" => (Flag::Normal, "Not detected"),
                "L" => (Flag::Low, "Low"),
                "LU" => (Flag::Low, "Significantly low"),
                "<" => (Flag::Low, "Below the measurable range"),
                "H" => (Flag::High, "High"),
                "HU" => (Flag::High, "Significantly high"),
                ">" => (Flag::High, "Above the measurable range"),
                "LL" => (Flag::CriticallyLow, "Critically low"),
                "HH" => (Flag::CriticallyHigh, "Critically high"),
                "A" => (Flag::Abnormal, "Abnormal"),
                "POS" => (Flag::Abnormal, "Positive"),
                "DET" => (Flag::Abnormal, "Detected"),
                "AA" => (Flag::CriticallyAbnormal, "Critically abnormal"),
                _ => return None,
            };
            Some(Self::new(flag, text))
        });
        known.or_else(|| {
            let words = codes.iter().find_map(CodeableConcept::label)?;
            Some(Self::new(Flag::Other, words))
        })
    }

    /// Ours, from the range, for a result the laboratory did not flag:
    /// only a plain number in the range's own unit is compared (a value
    /// written "<0.5" is not).
    fn from_range(value: &ResultValue, range: Option<&ReferenceRange>) -> Self {
        let not_flagged = || Self::new(Flag::None, "Not flagged");
        let (
            ResultValue::Number {
                value,
                unit,
                exact: true,
                ..
            },
            Some(range),
        ) = (value, range)
        else {
            return not_flagged();
        };
        let bound = |q: &Option<Quantity>| {
            let q = q.as_ref()?;
            let same_unit = (q.unit.is_none() && q.code.is_none()) || quantity_unit(q) == *unit;
            same_unit
                .then(|| q.value.as_ref().map(Decimal::to_f64))
                .flatten()
        };
        let (low, high) = (bound(&range.low), bound(&range.high));
        if low.is_none() && high.is_none() {
            not_flagged()
        } else if low.is_some_and(|low| *value < low) {
            Self::new(Flag::BelowRange, "Below range")
        } else if high.is_some_and(|high| *value > high) {
            Self::new(Flag::AboveRange, "Above range")
        } else {
            Self::new(Flag::WithinRange, "Within range")
        }
    }
}

/// A result's value as shown.
#[derive(Debug, Clone, PartialEq)]
pub enum ResultValue {
    /// A measured quantity.
    Number {
        /// `4.1`, `<0.5`, `1,250`: no trailing zeros, a zero before a point.
        text: String,
        /// The number, to compare.
        value: f64,
        /// The unit as shown (`mmol/L`), or empty.
        unit: String,
        /// Whether the value is exact (no `<` or `>` comparator).
        exact: bool,
    },
    /// Words or a coded answer: "Positive", "No growth".
    Text(String),
    /// No value, and why ("Sample haemolysed", "Not performed").
    Absent(String),
}

impl ResultValue {
    /// The value from an Observation, or why there is none. A cancelled
    /// test says so whatever value it carries: it was not done
    /// ([`crate::clinical::withdrawn`], rule 3).
    pub fn of(observation: &Observation) -> Self {
        if observation.withdrawal() == Some(crate::clinical::Withdrawal::Cancelled) {
            return Self::Absent("Cancelled".into());
        }
        if let Some((q, v)) = observation
            .value_quantity
            .as_ref()
            .and_then(|q| Some((q, q.value.as_ref()?)))
        {
            let comparator = q.comparator.as_deref().unwrap_or("");
            return Self::Number {
                text: format!("{comparator}{}", number_text(v)),
                value: v.to_f64(),
                unit: quantity_unit(q),
                exact: comparator.is_empty(),
            };
        }
        if let Some(n) = &observation.value_integer {
            return Self::Number {
                text: n.0.to_string(),
                value: f64::from(n.0),
                unit: String::new(),
                exact: true,
            };
        }
        if let Some(text) = &observation.value_string {
            return Self::Text(text.clone());
        }
        if let Some(text) = observation
            .value_codeable_concept
            .as_ref()
            .and_then(CodeableConcept::label)
        {
            return Self::Text(text.into());
        }
        // Read by hand, not deserialised: a CodeableConcept deserialiser
        // would come with every screen that shows results.
        let reason = observation.extra.get("dataAbsentReason").and_then(|r| {
            let coding = &r["coding"][0];
            let code = || {
                coding["display"]
                    .as_str()
                    .or(coding["code"].as_str())
                    .map(sentence_case)
            };
            r["text"].as_str().map(str::to_string).or_else(code)
        });
        Self::Absent(reason.unwrap_or_else(|| "No value given".into()))
    }

    /// The value in words with its unit: `4.1 mmol/L`.
    pub fn text(&self) -> String {
        match self {
            Self::Number { text, unit, .. } if unit.is_empty() => text.clone(),
            Self::Number { text, unit, .. } => format!("{text} {unit}"),
            Self::Text(text) | Self::Absent(text) => text.clone(),
        }
    }
}

/// "not-performed" as "Not performed": codes stand in for words when a
/// server sends no display.
fn sentence_case(text: &str) -> String {
    let text = text.replace('-', " ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A FHIR decimal as results show numbers: no trailing zeros, a zero
/// before the point, commas in thousands, a minus sign kept (a base excess
/// of -2.5).
fn number_text(value: &Decimal) -> String {
    let raw = value.as_str();
    let (sign, digits) = raw
        .strip_prefix('-')
        .map_or(("", raw.as_str()), |d| ("-", d));
    format_number(digits).map_or(raw.clone(), |n| format!("{sign}{n}"))
}

/// A quantity's unit as shown: its own words, else its code, with the
/// abbreviations that cause harm written out either way (`μg/L` →
/// `micrograms/L`: µ is misread as m, a thousandfold error).
fn quantity_unit(q: &Quantity) -> String {
    q.unit
        .as_deref()
        .or(q.code.as_deref())
        .map(unit_text)
        .unwrap_or_default()
}

/// The first reference range as text: `3.5 to 5.3`, `60 or more`, `up to
/// 5`, else the range's own words; the unit added where it is not the
/// value's.
pub fn range_text(range: &ReferenceRange, value_unit: &str) -> Option<String> {
    let bound = |q: &Option<Quantity>| {
        let q = q.as_ref()?;
        Some((number_text(q.value.as_ref()?), quantity_unit(q)))
    };
    let (low, high) = (bound(&range.low), bound(&range.high));
    let unit = low
        .as_ref()
        .or(high.as_ref())
        .map(|(_, u)| u.clone())
        .unwrap_or_default();
    let numbers = match (low, high) {
        (Some((low, _)), Some((high, _))) => format!("{low} to {high}"),
        (Some((low, _)), None) => format!("{low} or more"),
        (None, Some((high, _))) => format!("up to {high}"),
        (None, None) => return range.text.clone(),
    };
    Some(if unit.is_empty() || unit == value_unit {
        numbers
    } else {
        format!("{numbers} {unit}")
    })
}

/// Which way a result moved since the previous one of the same test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// Higher than before.
    Up,
    /// Lower than before.
    Down,
    /// The same.
    Same,
}

/// The previous result of the same test.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    /// Its value with its unit.
    pub value: String,
    /// When it was taken.
    pub when: Option<FhirDateTime>,
    /// Which way the result moved; `None` where the two cannot be compared
    /// (different units, a value in words, a `<` value).
    pub trend: Option<Trend>,
}

impl Previous {
    /// In words: "Up from 4.1 mmol/L on 19-Nov-2026 08:10".
    pub fn text(&self) -> String {
        let lead = match self.trend {
            Some(Trend::Up) => "Up from",
            Some(Trend::Down) => "Down from",
            Some(Trend::Same) => "Same as",
            None => "Previously",
        };
        match self.when {
            Some(when) => format!("{lead} {} on {when}", self.value),
            None => format!("{lead} {}", self.value),
        }
    }
}

/// One result as a row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultLine {
    /// The Observation's id.
    pub id: Option<String>,
    /// The test's name.
    pub name: String,
    /// The value.
    pub value: ResultValue,
    /// The reference range, as text.
    pub range: Option<String>,
    /// The interpretation.
    pub interpretation: Interpretation,
    /// "Preliminary", "Amended", "Corrected", "Cancelled"; `None` for a
    /// final result.
    pub status: Option<&'static str>,
    /// When the sample was taken (else when the result was issued).
    pub when: Option<FhirDateTime>,
    /// The previous result of the same test.
    pub previous: Option<Previous>,
}

/// A report's results under its name, or the results no report given
/// names ("Other results").
#[derive(Debug, Clone, PartialEq)]
pub struct ResultGroup {
    /// The report's name.
    pub title: String,
    /// When it was issued.
    pub when: Option<FhirDateTime>,
    /// "Preliminary", "Partial", "Amended", …; `None` when final.
    pub status: Option<&'static str>,
    /// The laboratory's conclusion.
    pub conclusion: Option<String>,
    /// The results, in the report's order.
    pub lines: Vec<ResultLine>,
    /// How many of the report's results were not among those given (not
    /// yet fetched, or not readable): said, never dropped in silence.
    pub missing: usize,
}

/// A status in words; `None` for the final state that needs no mention.
fn status_text(status: &str) -> Option<&'static str> {
    Some(match status {
        "final" => return None,
        "registered" => "Registered, no result yet",
        "partial" => "Partial",
        "preliminary" => "Preliminary",
        "amended" | "appended" => "Amended",
        "corrected" => "Corrected",
        "cancelled" => "Cancelled",
        _ => "Status not known",
    })
}

/// What makes two results the same test: the first code, else the name.
fn test_key(code: &CodeableConcept) -> String {
    code.coding
        .iter()
        .find_map(|c| Some(format!("{}|{}", c.system.as_deref()?, c.code.as_deref()?)))
        .or_else(|| code.label().map(str::to_lowercase))
        .unwrap_or_default()
}

fn taken(observation: &Observation) -> Option<FhirDateTime> {
    let text = observation
        .effective_date_time
        .as_deref()
        .or(observation.issued.as_deref())?;
    FhirDateTime::parse(text).ok()
}

fn sort_key(when: Option<FhirDateTime>) -> i64 {
    when.map_or(i64::MIN, |w| w.instant().0)
}

/// Whether `reference` points at the Observation with this id
/// (`Observation/id`, or an absolute URL ending in it).
fn points_at(reference: &str, id: &str) -> bool {
    reference
        .strip_suffix(id)
        .is_some_and(|head| head == "Observation/" || head.ends_with("/Observation/"))
}

/// The line for one result, `history` being every result given.
fn line(observation: &Observation, history: &[&Observation]) -> ResultLine {
    let value = ResultValue::of(observation);
    let value_unit = match &value {
        ResultValue::Number { unit, .. } => unit.as_str(),
        _ => "",
    };
    let first_range = observation.reference_range.first();
    let interpretation = Interpretation::from_codes(&observation.interpretation)
        .unwrap_or_else(|| Interpretation::from_range(&value, first_range));
    let when = taken(observation);
    let key = test_key(&observation.code);
    let previous = history
        .iter()
        .filter(|o| !std::ptr::eq(**o, observation) && test_key(&o.code) == key)
        .filter(|o| sort_key(taken(o)) < sort_key(when))
        .max_by_key(|o| sort_key(taken(o)))
        .map(|before| {
            let earlier = ResultValue::of(before);
            let trend = match (&value, &earlier) {
                (
                    ResultValue::Number {
                        value: now,
                        unit: u1,
                        exact: true,
                        ..
                    },
                    ResultValue::Number {
                        value: then,
                        unit: u2,
                        exact: true,
                        ..
                    },
                ) if u1 == u2 => Some(if now > then {
                    Trend::Up
                } else if now < then {
                    Trend::Down
                } else {
                    Trend::Same
                }),
                _ => None,
            };
            Previous {
                value: earlier.text(),
                when: taken(before),
                trend,
            }
        });
    ResultLine {
        id: observation.id.clone(),
        name: observation.code.label().unwrap_or("Unnamed test").into(),
        range: first_range.and_then(|r| range_text(r, value_unit)),
        value,
        interpretation,
        status: status_text(&observation.status),
        when,
        previous,
    }
}

/// Results grouped by report, newest report first, each result with the
/// previous one of its test from `observations`. Results no report names
/// follow as "Other results", the newest of each test only (the older ones
/// are its history). Withdrawn records follow [`crate::clinical::withdrawn`]:
/// a report entered in error is left out with the results only it names; a
/// result entered in error is left out; a cancelled result is shown in its
/// report, labelled, but is never a previous value or one of the other
/// results.
pub fn group_results(
    reports: &[DiagnosticReport],
    observations: &[Observation],
) -> Vec<ResultGroup> {
    let names = |r: &DiagnosticReport, o: &Observation| {
        r.result.iter().any(
            |reference| match (reference.reference.as_deref(), o.id.as_deref()) {
                (Some(reference), Some(id)) => points_at(reference, id),
                _ => false,
            },
        )
    };
    let (mut reports, withdrawn): (Vec<&DiagnosticReport>, Vec<&DiagnosticReport>) =
        reports.iter().partition(|r| r.is_shown());
    let shown: Vec<&Observation> = observations
        .iter()
        .filter(|o| o.is_shown())
        .filter(|o| !withdrawn.iter().any(|r| names(r, o)) || reports.iter().any(|r| names(r, o)))
        .collect();
    let history: Vec<&Observation> = shown.iter().copied().filter(|o| o.is_current()).collect();
    let issued = |r: &DiagnosticReport| {
        r.issued
            .as_deref()
            .and_then(|t| FhirDateTime::parse(t).ok())
    };
    reports.sort_by_key(|r| std::cmp::Reverse(sort_key(issued(r))));

    let find = |reference: &str| {
        shown
            .iter()
            .copied()
            .find(|o| o.id.as_deref().is_some_and(|id| points_at(reference, id)))
    };
    let mut groups: Vec<ResultGroup> = reports
        .iter()
        .map(|report| {
            let references = report.result.iter().filter_map(|r| r.reference.as_deref());
            let found: Vec<Option<&Observation>> = references.map(find).collect();
            ResultGroup {
                title: report.code.label().unwrap_or("Unnamed report").into(),
                when: issued(report),
                status: status_text(&report.status),
                conclusion: report.conclusion.clone(),
                missing: found.iter().filter(|o| o.is_none()).count(),
                lines: found
                    .into_iter()
                    .flatten()
                    .map(|o| line(o, &history))
                    .collect(),
            }
        })
        .collect();

    let reported = |o: &Observation| reports.iter().any(|r| names(r, o));
    let newest_of_its_test = |o: &Observation| {
        let key = test_key(&o.code);
        let when = sort_key(taken(o));
        !history
            .iter()
            .any(|other| test_key(&other.code) == key && sort_key(taken(other)) > when)
    };
    let mut others: Vec<&Observation> = history
        .iter()
        .copied()
        .filter(|o| !reported(o) && newest_of_its_test(o))
        .collect();
    others.sort_by_key(|o| std::cmp::Reverse(sort_key(taken(o))));
    if !others.is_empty() {
        groups.push(ResultGroup {
            title: "Other results".into(),
            when: None,
            status: None,
            conclusion: None,
            lines: others.into_iter().map(|o| line(o, &history)).collect(),
            missing: 0,
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fhir::Reference;

    const LOINC: &str = "http://loinc.org";

    fn quantity(value: &str, unit: &str) -> Quantity {
        Quantity {
            value: Some(value.parse().expect(value)),
            unit: Some(unit.into()),
            ..Default::default()
        }
    }

    fn potassium(id: &str, value: &str, when: &str) -> Observation {
        Observation {
            id: Some(id.into()),
            status: "final".into(),
            code: CodeableConcept::coded(LOINC, "2823-3", Some("Potassium")),
            effective_date_time: Some(when.into()),
            value_quantity: Some(quantity(value, "mmol/L")),
            reference_range: vec![ReferenceRange {
                low: Some(quantity("3.5", "mmol/L")),
                high: Some(quantity("5.3", "mmol/L")),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    /// A U&E report naming `results` by id.
    fn report(id: &str, status: &str, issued: &str, results: &[&str]) -> DiagnosticReport {
        DiagnosticReport {
            id: Some(id.into()),
            status: status.into(),
            code: CodeableConcept::coded(LOINC, "24326-1", Some("Urea and electrolytes")),
            issued: Some(issued.into()),
            result: results
                .iter()
                .map(|r| Reference::to("Observation", r))
                .collect(),
            ..Default::default()
        }
    }

    fn flagged(mut o: Observation, flag: &str) -> Observation {
        o.interpretation = vec![CodeableConcept::coded(INTERPRETATION, flag, Some(flag))];
        o
    }

    #[test]
    fn the_laboratorys_codes_read_as_words() {
        for (c, flag, text) in [
            ("N", Flag::Normal, "Normal"),
            ("L", Flag::Low, "Low"),
            ("H", Flag::High, "High"),
            ("LL", Flag::CriticallyLow, "Critically low"),
            ("HH", Flag::CriticallyHigh, "Critically high"),
            ("AA", Flag::CriticallyAbnormal, "Critically abnormal"),
            ("POS", Flag::Abnormal, "Positive"),
            ("HU", Flag::High, "Significantly high"),
        ] {
            let i =
                Interpretation::from_codes(&[CodeableConcept::coded(INTERPRETATION, c, Some("x"))])
                    .expect(c);
            assert_eq!((i.flag, i.text.as_str()), (flag, text), "{c}");
        }
        assert!(Flag::CriticallyHigh.is_critical() && !Flag::High.is_critical());
        // A code this list does not know keeps the laboratory's own words.
        let other = Interpretation::from_codes(&[CodeableConcept::coded(
            "http://lab.example/flags",
            "X",
            Some("See comment"),
        )]);
        assert_eq!(other, Some(Interpretation::new(Flag::Other, "See comment")));
        assert_eq!(Interpretation::from_codes(&[]), None);
    }

    /// Issue 32: `Quantity.unit` reached the screen as written, so a Greek
    /// mu (misread as m: a thousandfold error) was shown.
    #[test]
    fn micrograms_are_written_out_in_a_results_unit_however_the_lab_wrote_them() {
        for unit in ["μg/L", "µg/L", "ug/L", "mcg/L", "MCG/L"] {
            let mut ferritin = potassium("f", "45", "2026-12-01");
            ferritin.value_quantity = Some(quantity("45", unit));
            assert_eq!(
                ResultValue::of(&ferritin).text(),
                "45 micrograms/L",
                "{unit}"
            );
        }
        let mut no_words = potassium("f", "45", "2026-12-01");
        no_words.value_quantity = Some(Quantity {
            unit: None,
            code: Some("ug/L".into()),
            ..quantity("45", "")
        });
        assert_eq!(ResultValue::of(&no_words).text(), "45 micrograms/L");
        assert_eq!(
            ResultValue::of(&potassium("k", "4.1", "2026-12-01")).text(),
            "4.1 mmol/L"
        );
    }

    #[test]
    fn an_unflagged_result_is_compared_with_its_range_at_each_edge_and_worded_apart() {
        let flag =
            |value: &str| line(&potassium("k", value, "2026-11-21T08:00:00Z"), &[]).interpretation;
        assert_eq!(flag("3.4").text, "Below range");
        assert_eq!(
            flag("3.5").flag,
            Flag::WithinRange,
            "the low limit is in range"
        );
        assert_eq!(
            flag("5.3").flag,
            Flag::WithinRange,
            "the high limit is in range"
        );
        assert_eq!(flag("5.4").text, "Above range");
        // The laboratory's flag wins over the comparison.
        let lab = line(
            &flagged(potassium("k", "6.6", "2026-11-21T08:00:00Z"), "HH"),
            &[],
        );
        assert_eq!(lab.interpretation.text, "Critically high");
        // A "<" value or a range in another unit is not compared.
        let mut below = potassium("k", "0.5", "2026-11-21T08:00:00Z");
        if let Some(q) = below.value_quantity.as_mut() {
            q.comparator = Some("<".into());
        }
        assert_eq!(line(&below, &[]).interpretation.flag, Flag::None);
        let mut other_unit = potassium("k", "9", "2026-11-21T08:00:00Z");
        other_unit.reference_range[0].high = Some(quantity("5.3", "mEq/L"));
        other_unit.reference_range[0].low = None;
        assert_eq!(line(&other_unit, &[]).interpretation.text, "Not flagged");
    }

    #[test]
    fn values_and_ranges_read_as_the_cui_writes_numbers() {
        let l = line(&potassium("k", "4.10", "2026-11-21T08:00:00Z"), &[]);
        assert_eq!(l.value.text(), "4.1 mmol/L");
        assert_eq!(l.range.as_deref(), Some("3.5 to 5.3"));
        let low_only = ReferenceRange {
            low: Some(quantity("60", "mL/min/1.73m2")),
            ..Default::default()
        };
        assert_eq!(
            range_text(&low_only, "mL/min/1.73m2").as_deref(),
            Some("60 or more")
        );
        let high_only = ReferenceRange {
            high: Some(quantity("5", "mg/L")),
            ..Default::default()
        };
        assert_eq!(
            range_text(&high_only, "mmol/L").as_deref(),
            Some("up to 5 mg/L")
        );
        let words = ReferenceRange {
            text: Some("Negative".into()),
            ..Default::default()
        };
        assert_eq!(range_text(&words, "").as_deref(), Some("Negative"));
        let base_excess = Observation {
            value_quantity: Some(quantity("-2.50", "mmol/L")),
            ..Default::default()
        };
        assert_eq!(ResultValue::of(&base_excess).text(), "-2.5 mmol/L");
        let mut big = potassium("p", "1250", "2026-11-21T08:00:00Z");
        big.reference_range.clear();
        assert_eq!(line(&big, &[]).value.text(), "1,250 mmol/L");
    }

    #[test]
    fn a_result_without_a_value_says_why() {
        let haemolysed = Observation {
            status: "final".into(),
            extra: [(
                "dataAbsentReason".to_string(),
                serde_json::json!({"coding": [{"code": "error"}], "text": "Sample haemolysed"}),
            )]
            .into(),
            ..Default::default()
        };
        assert_eq!(
            ResultValue::of(&haemolysed),
            ResultValue::Absent("Sample haemolysed".into())
        );
        let coded = Observation {
            extra: [(
                "dataAbsentReason".to_string(),
                serde_json::json!({"coding": [{"code": "not-performed"}]}),
            )]
            .into(),
            ..Default::default()
        };
        assert_eq!(ResultValue::of(&coded).text(), "Not performed");
        assert_eq!(
            ResultValue::of(&Observation::default()).text(),
            "No value given"
        );
    }

    #[test]
    fn each_result_shows_the_previous_one_of_its_test_and_which_way_it_moved() {
        let history = [
            potassium("k3", "5.9", "2026-11-21T08:00:00Z"),
            potassium("k1", "4.2", "2026-11-19T08:00:00Z"),
            potassium("k2", "5.1", "2026-11-20T08:00:00Z"),
        ];
        let refs: Vec<&Observation> = history.iter().collect();
        let latest = line(&history[0], &refs).previous.expect("previous");
        assert_eq!(latest.trend, Some(Trend::Up));
        assert_eq!(latest.text(), "Up from 5.1 mmol/L on 20-Nov-2026 08:00");
        let first = line(&history[1], &refs);
        assert_eq!(first.previous, None, "the first result has none");
        let mut down = potassium("k4", "3.1", "2026-11-22T08:00:00Z");
        down.id = Some("k4".into());
        let mut refs2 = refs.clone();
        refs2.push(&down);
        assert_eq!(
            line(&down, &refs2).previous.map(|p| p.trend),
            Some(Some(Trend::Down))
        );
        let same = potassium("k5", "5.9", "2026-11-21T09:00:00Z");
        assert_eq!(
            line(&same, &refs).previous.map(|p| p.trend),
            Some(Some(Trend::Same))
        );
        // Another unit: the old value is shown, no direction claimed.
        let mut other_unit = potassium("k6", "5.0", "2026-11-22T08:00:00Z");
        other_unit.value_quantity = Some(quantity("5.0", "mEq/L"));
        let p = line(&other_unit, &refs).previous.expect("previous");
        assert_eq!(
            (p.trend, p.text().starts_with("Previously 5.9 mmol/L")),
            (None, true)
        );
    }

    /// Issue 32: a report entered in error was left out but its results
    /// came back as "Other results"; a cancelled result could stand as a
    /// test's previous value.
    #[test]
    fn a_withdrawn_report_takes_its_results_with_it_and_a_cancelled_result_never_counts() {
        let observations = [
            potassium("k1", "4.2", "2026-11-19T08:00:00Z"),
            potassium("wrong", "7.9", "2026-11-20T08:00:00Z"),
            Observation {
                status: "cancelled".into(),
                value_quantity: None,
                ..potassium("c", "0", "2026-11-20T20:00:00Z")
            },
            potassium("k2", "4.5", "2026-11-21T08:00:00Z"),
        ];
        let groups = group_results(
            &[
                report("r1", "final", "2026-11-19T11:00:00Z", &["k1"]),
                report("rx", "entered-in-error", "2026-11-20T11:00:00Z", &["wrong"]),
                report("rc", "final", "2026-11-20T22:00:00Z", &["c"]),
                report("r2", "final", "2026-11-21T11:00:00Z", &["k2"]),
            ],
            &observations,
        );
        let text: Vec<String> = groups
            .iter()
            .map(|g| {
                format!(
                    "{}: {}",
                    g.when.map(|w| w.to_string()).unwrap_or_default(),
                    g.lines
                        .iter()
                        .map(|l| l.value.text())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect();
        assert_eq!(
            text,
            [
                "21-Nov-2026 11:00: 4.5 mmol/L",
                "20-Nov-2026 22:00: Cancelled",
                "19-Nov-2026 11:00: 4.2 mmol/L"
            ],
            "no withdrawn report, no 7.9 as an other result, the cancelled test labelled"
        );
        // The newest potassium's previous value is 4.2: not the withdrawn
        // 7.9, not the cancelled test.
        let previous = groups[0].lines[0]
            .previous
            .as_ref()
            .expect("a previous value");
        assert_eq!(previous.text(), "Up from 4.2 mmol/L on 19-Nov-2026 08:00");
        // A result a current report also names stays (a corrected report
        // that replaced a withdrawn one).
        let both = group_results(
            &[
                report("rx", "entered-in-error", "2026-11-20T11:00:00Z", &["wrong"]),
                report("ry", "final", "2026-11-20T12:00:00Z", &["wrong"]),
            ],
            &observations[1..2],
        );
        assert_eq!(both.len(), 1);
        assert_eq!(both[0].lines.len(), 1);
    }

    #[test]
    fn reports_group_their_results_and_say_what_is_missing() {
        let mut sodium = potassium("na", "128", "2026-11-21T08:00:00Z");
        sodium.code = CodeableConcept::coded(LOINC, "2951-2", Some("Sodium"));
        sodium.reference_range[0].low = Some(quantity("133", "mmol/L"));
        sodium.reference_range[0].high = Some(quantity("146", "mmol/L"));
        let withdrawn = Observation {
            status: "entered-in-error".into(),
            ..potassium("kx", "9.9", "2026-11-21T09:00:00Z")
        };
        let crp = Observation {
            code: CodeableConcept::coded(LOINC, "1988-5", Some("C reactive protein")),
            ..potassium("crp", "48", "2026-11-20T10:00:00Z")
        };
        let old_crp = Observation {
            code: CodeableConcept::coded(LOINC, "1988-5", Some("C reactive protein")),
            ..potassium("crp0", "12", "2026-11-18T10:00:00Z")
        };
        let observations = [
            potassium("k1", "4.2", "2026-11-19T08:00:00Z"),
            potassium("k2", "5.9", "2026-11-21T08:00:00Z"),
            sodium,
            withdrawn,
            crp,
            old_crp,
        ];
        let older = report("r1", "final", "2026-11-19T11:00:00Z", &["k1"]);
        let mut newer = report(
            "r2",
            "final",
            "2026-11-21T11:00:00Z",
            &["k2", "na", "kx", "gone"],
        );
        newer.status = "preliminary".into();
        newer.result[1].reference = Some("https://fhir.example/R4/Observation/na".into());
        let groups = group_results(&[older, newer], &observations);

        let titles: Vec<(&str, usize)> = groups
            .iter()
            .map(|g| (g.title.as_str(), g.lines.len()))
            .collect();
        assert_eq!(
            titles,
            [
                ("Urea and electrolytes", 2),
                ("Urea and electrolytes", 1),
                ("Other results", 1)
            ],
            "newest report first; the withdrawn result is not shown"
        );
        let newest = &groups[0];
        assert_eq!(
            (newest.status, newest.missing),
            (Some("Preliminary"), 2),
            "kx withdrawn, 'gone' not given"
        );
        assert_eq!(
            newest.lines[1].interpretation.text, "Below range",
            "an absolute reference is found"
        );
        assert_eq!(
            newest.lines[0]
                .previous
                .as_ref()
                .map(Previous::text)
                .as_deref(),
            Some("Up from 4.2 mmol/L on 19-Nov-2026 08:00")
        );
        // Unreported results: the newest of each test, its history as trend.
        let other = &groups[2].lines[0];
        assert_eq!(
            (
                other.name.as_str(),
                other.previous.as_ref().and_then(|p| p.trend)
            ),
            ("C reactive protein", Some(Trend::Up))
        );
        assert!(group_results(&[], &[]).is_empty());
    }

    #[test]
    fn statuses_that_change_how_far_to_trust_a_result_are_said() {
        let mut o = potassium("k", "4.0", "2026-11-21T08:00:00Z");
        for (status, text) in [
            ("final", None),
            ("preliminary", Some("Preliminary")),
            ("amended", Some("Amended")),
            ("corrected", Some("Corrected")),
            ("cancelled", Some("Cancelled")),
            ("unknown", Some("Status not known")),
        ] {
            o.status = status.into();
            assert_eq!(line(&o, &[]).status, text, "{status}");
        }
    }
}
