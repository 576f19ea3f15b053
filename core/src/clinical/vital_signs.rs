//! One set of vital signs as FHIR writes it and reads it back: the NEWS2
//! parameters with their LOINC codes and UCUM units, the transaction that
//! records a set atomically, and the sets read back from Observations.
//!
//! Coding follows the FHIR R4 vital signs profiles (FHIR R4 §8.1
//! "Vital Signs": the `vital-signs` category, LOINC 9279-1, 59408-5,
//! 85354-9 with 8480-6 and 8462-4, 8867-4 and 8310-5, UCUM `/min`, `%`,
//! `mm[Hg]` and `Cel`) with the SNOMED CT codes UK Core adds beside them.
//! Air or oxygen is LOINC 3150-0 with SNOMED CT 722742002 (breathing room
//! air) or 371825009 (patient on oxygen); consciousness is LOINC 67775-7
//! with one SNOMED CT finding per ACVPU level; the total is SNOMED CT
//! 1104051000000101 (Royal College of Physicians NEWS2 total score). No
//! standard code names the SpO2 scale a clinician chose, so it is a
//! component of the SpO2 Observation in Bedside's own code system,
//! [`NEWS2_SYSTEM`].
//!
//! The SpO2 scale in force ([`scale_in_force`]) is the one recorded on the
//! patient's newest SpO2 reading that records one. That follows the RCP's
//! NEWS2 report (2017): Scale 2 is for a patient with hypercapnic
//! respiratory failure whose target range of 88–92% a clinician has
//! prescribed, a decision recorded with the observations, and carried until
//! a clinician changes it. No UK Core or PRSB element names the scale yet,
//! so the decision travels with each SpO2 reading, as the paper chart
//! carries it on each column; a reading from a system that does not record
//! the scale, or a set without SpO2, changes nothing.
//!
//! What is physiologically impossible is refused before anything is sent
//! ([`MeasureSpec::plausible`]): a typing slip such as a pulse of 720 must
//! never score, chart or reach the record as if it were measured.

use crate::clinical::news2::{self, Acvpu, Inspired, News2, Parameter, SpO2Scale};
use crate::clinical::withdrawn::Withdrawn;
use crate::fhir::resources::{Bundle, BundleEntry, Observation, ObservationComponent};
use crate::fhir::{CodeableConcept, Coding, Decimal, Integer, Quantity, Reference, Resource};

/// LOINC.
pub const LOINC: &str = "http://loinc.org";
/// SNOMED CT.
pub const SNOMED: &str = "http://snomed.info/sct";
/// UCUM.
pub const UCUM: &str = "http://unitsofmeasure.org";
/// FHIR's Observation categories (`vital-signs`).
pub const CATEGORY_SYSTEM: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
/// Bedside's own codes, for what no standard code names: the SpO2 scale.
pub const NEWS2_SYSTEM: &str = "https://bedside.example/fhir/CodeSystem/news2";

const BP_PANEL: &str = "85354-9";
const INSPIRED: &str = "3150-0";
const CONSCIOUSNESS: &str = "67775-7";
const NEWS2_TOTAL: &str = "1104051000000101";
const ON_AIR: &str = "722742002";
const ON_OXYGEN: &str = "371825009";

/// A measured vital sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Breaths per minute.
    RespirationRate,
    /// Oxygen saturation by pulse oximetry, percent.
    SpO2,
    /// Systolic blood pressure, mmHg.
    Systolic,
    /// Diastolic blood pressure, mmHg (recorded, not scored).
    Diastolic,
    /// Pulse, beats per minute.
    Pulse,
    /// Temperature, °C.
    Temperature,
}

/// What a [`Measure`] is called and coded as, and the values it can take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasureSpec {
    /// Its name in a sentence's start: "Respiration rate".
    pub label: &'static str,
    /// Its unit for people: "breaths/minute".
    pub unit: &'static str,
    /// Its UCUM unit code.
    pub ucum: &'static str,
    /// Its LOINC code and display.
    pub loinc: (&'static str, &'static str),
    /// Its SNOMED CT code.
    pub snomed: &'static str,
    /// The lowest and highest values a living patient can have, as a
    /// ward's devices measure them; anything outside is a slip.
    pub plausible: (f64, f64),
    /// Decimal places recorded: 0, or 1 for temperature.
    pub decimals: usize,
}

impl Measure {
    /// Every measure, in the order of the RCP chart (blood pressure's two
    /// parts together).
    pub const ALL: [Measure; 6] = [
        Self::RespirationRate,
        Self::SpO2,
        Self::Systolic,
        Self::Diastolic,
        Self::Pulse,
        Self::Temperature,
    ];

    /// Its names, codes and limits.
    pub fn spec(self) -> MeasureSpec {
        let spec = |label, unit, ucum, loinc, snomed, plausible, decimals| MeasureSpec {
            label,
            unit,
            ucum,
            loinc,
            snomed,
            plausible,
            decimals,
        };
        match self {
            Self::RespirationRate => spec(
                "Respiration rate",
                "breaths/minute",
                "/min",
                ("9279-1", "Respiratory rate"),
                "86290005",
                (1.0, 80.0),
                0,
            ),
            Self::SpO2 => spec(
                "Oxygen saturation (SpO2)",
                "%",
                "%",
                (
                    "59408-5",
                    "Oxygen saturation in Arterial blood by Pulse oximetry",
                ),
                "431314004",
                (40.0, 100.0),
                0,
            ),
            Self::Systolic => spec(
                "Systolic blood pressure",
                "mmHg",
                "mm[Hg]",
                ("8480-6", "Systolic blood pressure"),
                "271649006",
                (40.0, 300.0),
                0,
            ),
            Self::Diastolic => spec(
                "Diastolic blood pressure",
                "mmHg",
                "mm[Hg]",
                ("8462-4", "Diastolic blood pressure"),
                "271650006",
                (20.0, 200.0),
                0,
            ),
            Self::Pulse => spec(
                "Pulse",
                "beats/minute",
                "/min",
                ("8867-4", "Heart rate"),
                "364075005",
                (20.0, 300.0),
                0,
            ),
            Self::Temperature => spec(
                "Temperature",
                "°C",
                "Cel",
                ("8310-5", "Body temperature"),
                "276885007",
                (25.0, 45.0),
                1,
            ),
        }
    }

    /// The NEWS2 parameter it is scored as; diastolic pressure is not.
    pub fn news2(self) -> Option<Parameter> {
        match self {
            Self::RespirationRate => Some(Parameter::RespirationRate),
            Self::SpO2 => Some(Parameter::SpO2),
            Self::Systolic => Some(Parameter::SystolicBp),
            Self::Diastolic => None,
            Self::Pulse => Some(Parameter::Pulse),
            Self::Temperature => Some(Parameter::Temperature),
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|m| *m == self).unwrap_or(0)
    }

    /// What is wrong with `text` as a value of this measure, in the NHS
    /// service manual's error style, or the value.
    pub fn read(self, text: &str) -> Result<f64, String> {
        let spec = self.spec();
        let (low, high) = spec.plausible;
        let what = spec.label;
        let range = format!(
            "{what} must be between {} and {} {}",
            format_value(low, 0),
            format_value(high, 0),
            spec.unit
        );
        let value: f64 = match text.trim().parse() {
            Ok(v) if f64::is_finite(v) => v,
            _ => return Err(format!("{what} must be a number, like {}", example(self))),
        };
        if spec.decimals == 0 && value.fract() != 0.0 {
            return Err(format!("{what} must be a whole number"));
        }
        if spec.decimals == 1 && (value * 10.0).fract().abs() > 1e-9 {
            return Err(format!("{what} must have no more than 1 decimal place"));
        }
        if !(low..=high).contains(&value) {
            return Err(range);
        }
        Ok(value)
    }
}

fn example(measure: Measure) -> &'static str {
    match measure {
        Measure::RespirationRate => "16",
        Measure::SpO2 => "97",
        Measure::Systolic => "120",
        Measure::Diastolic => "80",
        Measure::Pulse => "72",
        Measure::Temperature => "36.8",
    }
}

/// `value` with `decimals` places (temperature's tenth kept: `37.0`).
pub fn format_value(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}")
}

/// ACVPU as recorded: its SNOMED CT finding, the words, and the letter.
pub fn acvpu_coding(level: Acvpu) -> (&'static str, &'static str, &'static str) {
    match level {
        Acvpu::Alert => ("248234008", "Alert", "A"),
        Acvpu::NewConfusion => ("1104441000000107", "New confusion", "C"),
        Acvpu::Voice => ("300202002", "Responds to voice", "V"),
        Acvpu::Pain => ("450847001", "Responds to pain", "P"),
        Acvpu::Unresponsive => ("422768004", "Unresponsive", "U"),
    }
}

/// One set of vital signs, taken at one time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VitalSet {
    /// When it was taken, as a FHIR `dateTime`.
    pub when: String,
    values: [Option<f64>; 6],
    /// The SpO2 scale the patient is scored on.
    pub scale: SpO2Scale,
    /// Whether the set's SpO2 reading records the scale (read back from
    /// the record): only such a reading says which scale is in force.
    pub scale_recorded: bool,
    /// Air or oxygen.
    pub inspired: Option<Inspired>,
    /// Level of consciousness.
    pub consciousness: Option<Acvpu>,
}

impl VitalSet {
    /// A set taken at `when`, with nothing recorded yet.
    pub fn new(when: impl Into<String>, scale: SpO2Scale) -> Self {
        Self {
            when: when.into(),
            scale,
            ..Self::default()
        }
    }

    /// One measure's value.
    pub fn get(&self, measure: Measure) -> Option<f64> {
        self.values[measure.index()]
    }

    /// Sets one measure's value.
    pub fn set(&mut self, measure: Measure, value: Option<f64>) {
        self.values[measure.index()] = value;
    }

    /// [`VitalSet::set`], for building.
    pub fn with(mut self, measure: Measure, value: f64) -> Self {
        self.set(measure, Some(value));
        self
    }

    /// How many of the seven NEWS2 parameters are recorded.
    pub fn scored_parameters(&self) -> usize {
        let measured = Measure::ALL
            .iter()
            .filter(|m| m.news2().is_some() && self.get(**m).is_some())
            .count();
        measured + usize::from(self.inspired.is_some()) + usize::from(self.consciousness.is_some())
    }

    /// The NEWS2 score, once all seven parameters are recorded. A partial
    /// score is never given: it would read as lower than the patient's.
    pub fn news2(&self) -> Option<News2> {
        // Plausible values only reach a set, so the conversions are exact.
        let whole = |m| self.get(m).map(|v: f64| v.round().max(0.0) as u32);
        Some(news2::score(&news2::Observations {
            respiration_rate: whole(Measure::RespirationRate)?,
            spo2: whole(Measure::SpO2)?,
            scale: self.scale,
            inspired: self.inspired?,
            systolic_bp: whole(Measure::Systolic)?,
            pulse: whole(Measure::Pulse)?,
            consciousness: self.consciousness?,
            temperature: self.get(Measure::Temperature)?,
        }))
    }

    /// The transaction that records this set for `patient`: one
    /// Observation per measure recorded (blood pressure as one, with its two
    /// parts), air or oxygen, consciousness, and, when complete, the NEWS2
    /// total derived from the others. A transaction, so the server keeps
    /// all or none: half a set would score wrong.
    pub fn transaction(&self, context: &Recording<'_>) -> Bundle {
        let mut parts: Vec<Observation> = Vec::new();
        let observation = |code: CodeableConcept| Observation {
            status: "final".into(),
            category: vec![concept(CATEGORY_SYSTEM, "vital-signs", "Vital Signs", None)],
            code,
            subject: Some(Reference::to("Patient", context.patient)),
            encounter: context.encounter.map(|e| Reference::to("Encounter", e)),
            effective_date_time: Some(self.when.clone()),
            issued: context.issued.map(str::to_string),
            extra: context
                .performer
                .map(|p| {
                    let performer = serde_json::json!([{ "reference": p }]);
                    [("performer".to_string(), performer)].into_iter().collect()
                })
                .unwrap_or_default(),
            ..Default::default()
        };
        for measure in Measure::ALL {
            let Some(value) = self.get(measure) else {
                continue;
            };
            match measure {
                Measure::Systolic | Measure::Diastolic => {}
                Measure::SpO2 => {
                    let mut o = observation(measure_code(measure));
                    o.value_quantity = Some(quantity(measure, value));
                    o.component.push(ObservationComponent {
                        code: concept(NEWS2_SYSTEM, "spo2-scale", "NEWS2 SpO2 scale", None),
                        value_integer: Some(Integer(match self.scale {
                            SpO2Scale::Scale1 => 1,
                            SpO2Scale::Scale2 => 2,
                        })),
                        ..Default::default()
                    });
                    parts.push(o);
                }
                _ => {
                    let mut o = observation(measure_code(measure));
                    o.value_quantity = Some(quantity(measure, value));
                    parts.push(o);
                }
            }
        }
        let pressures: Vec<ObservationComponent> = [Measure::Systolic, Measure::Diastolic]
            .into_iter()
            .filter_map(|m| {
                self.get(m).map(|v| ObservationComponent {
                    code: measure_code(m),
                    value_quantity: Some(quantity(m, v)),
                    ..Default::default()
                })
            })
            .collect();
        if !pressures.is_empty() {
            let mut o = observation(concept(
                LOINC,
                BP_PANEL,
                "Blood pressure panel with all children optional",
                Some("Blood pressure"),
            ));
            o.component = pressures;
            parts.push(o);
        }
        if let Some(inspired) = self.inspired {
            let mut o = observation(concept(
                LOINC,
                INSPIRED,
                "Inhaled oxygen concentration",
                Some("Air or oxygen"),
            ));
            o.value_codeable_concept = Some(match inspired {
                Inspired::Air => concept(SNOMED, ON_AIR, "Breathing room air", Some("Air")),
                Inspired::Oxygen => concept(SNOMED, ON_OXYGEN, "Patient on oxygen", Some("Oxygen")),
            });
            parts.push(o);
        }
        if let Some(level) = self.consciousness {
            let mut o = observation(concept(
                LOINC,
                CONSCIOUSNESS,
                "Level of responsiveness",
                Some("Consciousness (ACVPU)"),
            ));
            let (code, words, letter) = acvpu_coding(level);
            o.value_codeable_concept = Some(concept(SNOMED, code, words, Some(letter)));
            parts.push(o);
        }
        let full_url = |i: usize| format!("urn:uuid:{}", uuid_for(&self.when, i));
        if let Some(score) = self.news2() {
            let mut o = observation(concept(
                SNOMED,
                NEWS2_TOTAL,
                "Royal College of Physicians National Early Warning Score 2 (NEWS2) total score",
                Some("NEWS2 score"),
            ));
            o.value_integer = Some(Integer(i32::try_from(score.total).unwrap_or(i32::MAX)));
            let derived: Vec<serde_json::Value> = (0..parts.len())
                .map(|i| serde_json::json!({ "reference": full_url(i) }))
                .collect();
            o.extra.insert("derivedFrom".into(), derived.into());
            parts.push(o);
        }
        Bundle {
            type_: "transaction".into(),
            entry: parts
                .into_iter()
                .enumerate()
                .map(|(i, mut o)| {
                    let mut request = serde_json::json!({ "method": "POST", "url": "Observation" });
                    if let Some(draft) = context.draft {
                        let value = draft_identifier(draft, i);
                        request["ifNoneExist"] =
                            format!("identifier={DRAFT_SYSTEM}|{value}").into();
                        o.extra.insert(
                            "identifier".into(),
                            serde_json::json!([{ "system": DRAFT_SYSTEM, "value": value }]),
                        );
                    }
                    BundleEntry {
                        full_url: Some(full_url(i)),
                        resource: Some(Resource::Observation(Box::new(o))),
                        extra: [("request".to_string(), request)].into_iter().collect(),
                    }
                })
                .collect(),
            ..Default::default()
        }
    }

    /// The sets in `observations`, one per time taken, oldest first. Each
    /// Observation is placed by its code; those of other codes, without a
    /// time, or entered in error are left out, and a value that cannot be a
    /// measurement (outside [`MeasureSpec::plausible`]) is not charted.
    pub fn from_observations<'a>(
        observations: impl IntoIterator<Item = &'a Observation>,
    ) -> Vec<Self> {
        let mut sets: Vec<Self> = Vec::new();
        for o in observations {
            // Withdrawn (crate::clinical::withdrawn, rule 1): never charted or scored.
            if !o.is_current() {
                continue;
            }
            let Some(when) = o.effective_date_time.as_deref() else {
                continue;
            };
            let at = match sets.iter().position(|s| s.when == when) {
                Some(i) => i,
                None => {
                    sets.push(Self::new(when, SpO2Scale::Scale1));
                    sets.len() - 1
                }
            };
            sets[at].read(o);
        }
        sets.sort_by_cached_key(|s| {
            crate::clinical::cui::Instant::parse(&s.when).map_or(i64::MIN, |i| i.0)
        });
        sets
    }

    fn read(&mut self, o: &Observation) {
        let quantity = |q: &Option<Quantity>| {
            q.as_ref()
                .and_then(|q| q.value.as_ref())
                .map(Decimal::to_f64)
        };
        if let Some(measure) = measure_of(&o.code) {
            self.record(measure, quantity(&o.value_quantity));
            if measure == Measure::SpO2 {
                let recorded = o
                    .component
                    .iter()
                    .filter(|c| c.code.has(NEWS2_SYSTEM, "spo2-scale"))
                    .find_map(|c| match c.value_integer.map(|i| i.0) {
                        Some(1) => Some(SpO2Scale::Scale1),
                        Some(2) => Some(SpO2Scale::Scale2),
                        _ => None,
                    });
                self.scale = recorded.unwrap_or(SpO2Scale::Scale1);
                self.scale_recorded = recorded.is_some();
            }
        } else if o.code.has(LOINC, BP_PANEL) {
            for c in &o.component {
                if let Some(m @ (Measure::Systolic | Measure::Diastolic)) = measure_of(&c.code) {
                    self.record(m, quantity(&c.value_quantity));
                }
            }
        } else if o.code.has(LOINC, INSPIRED) {
            let value = o.value_codeable_concept.as_ref();
            self.inspired = value.and_then(|v| {
                if v.has(SNOMED, ON_OXYGEN) {
                    Some(Inspired::Oxygen)
                } else if v.has(SNOMED, ON_AIR) {
                    Some(Inspired::Air)
                } else {
                    None
                }
            });
        } else if o.code.has(LOINC, CONSCIOUSNESS) {
            let value = o.value_codeable_concept.as_ref();
            self.consciousness = value.and_then(|v| {
                Acvpu::ALL
                    .into_iter()
                    .find(|level| v.has(SNOMED, acvpu_coding(*level).0))
            });
        }
    }

    fn record(&mut self, measure: Measure, value: Option<f64>) {
        let (low, high) = measure.spec().plausible;
        self.set(measure, value.filter(|v| (low..=high).contains(v)));
    }
}

/// Who records a set, and where: the patient's id, the encounter's, and
/// the performer's reference (the session's `fhirUser`); when it was
/// recorded, and the draft it comes from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Recording<'a> {
    /// The Patient's id.
    pub patient: &'a str,
    /// The Encounter's id, if the set belongs to one.
    pub encounter: Option<&'a str>,
    /// The person recording it, as a reference (`Practitioner/123`).
    pub performer: Option<&'a str>,
    /// When it was first sent, as a FHIR `instant` (`Observation.issued`):
    /// the set's own time is when it was taken.
    pub issued: Option<&'a str>,
    /// The draft's identity, fixed at its first attempt (32 hex digits):
    /// each Observation gets an identifier from it and the transaction
    /// creates each only if none has it, so sending the same draft again
    /// after an answer that never came cannot record it twice.
    pub draft: Option<&'a str>,
}

/// The identifier system of a draft's Observations: a URI, here a
/// `urn:uuid` (FHIR R4 §2.24.0.1, "Identifier.system": `urn:ietf:rfc:3986`
/// when the value is itself a URI).
pub const DRAFT_SYSTEM: &str = "urn:ietf:rfc:3986";

/// The identifier value (`urn:uuid:…`) of the `entry`th Observation of
/// the draft `draft` (32 hex digits): a version 4 UUID's layout, the
/// entry's number mixed into its last byte.
pub fn draft_identifier(draft: &str, entry: usize) -> String {
    let hex: String = draft
        .chars()
        .filter(char::is_ascii_hexdigit)
        .chain(std::iter::repeat('0'))
        .take(32)
        .collect();
    let last = u8::from_str_radix(&hex[30..32], 16).unwrap_or(0) ^ (entry as u8);
    format!(
        "urn:uuid:{}-{}-4{}-{}{}-{}{last:02x}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        ['8', '9', 'a', 'b'][usize::from(u8::from_str_radix(&hex[16..17], 16).unwrap_or(0) & 3)],
        &hex[17..20],
        &hex[20..30],
    )
}

/// The identifier values an Observation carries (`identifier[].value`).
pub fn identifier_values(o: &Observation) -> impl Iterator<Item = &str> {
    o.extra
        .get("identifier")
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|i| i.get("value")?.as_str())
}

/// The identifier values a transaction's Observations carry, in order:
/// what to search for to learn whether it reached the record.
pub fn transaction_identifiers(bundle: &Bundle) -> Vec<String> {
    bundle
        .entry
        .iter()
        .filter_map(|e| match e.resource.as_ref()? {
            Resource::Observation(o) => identifier_values(o).next().map(str::to_string),
            _ => None,
        })
        .collect()
}

/// The SpO2 scale in force for a patient whose sets are `sets` (oldest
/// first): the one recorded on the newest SpO2 reading that records a
/// scale. A newer set without an SpO2 reading, or with one from a system
/// that does not record the scale, does not change it (RCP NEWS2 2017:
/// Scale 2 is a clinical decision, prescribed and recorded, never a side
/// effect of which readings were taken). `None` when no reading records
/// one: Scale 1 unless a clinician prescribes otherwise.
pub fn scale_in_force(sets: &[VitalSet]) -> Option<SpO2Scale> {
    sets.iter()
        .rev()
        .find(|s| s.scale_recorded)
        .map(|s| s.scale)
}

fn measure_of(code: &CodeableConcept) -> Option<Measure> {
    Measure::ALL.into_iter().find(|m| {
        let spec = m.spec();
        code.has(LOINC, spec.loinc.0)
            // Pulse oximetry's other common code, SpO2 without the method.
            || (*m == Measure::SpO2 && code.has(LOINC, "2708-6"))
    })
}

fn measure_code(measure: Measure) -> CodeableConcept {
    let spec = measure.spec();
    let mut code = concept(LOINC, spec.loinc.0, spec.loinc.1, Some(spec.loinc.1));
    code.coding.push(Coding {
        system: Some(SNOMED.into()),
        code: Some(spec.snomed.into()),
        ..Default::default()
    });
    code
}

fn quantity(measure: Measure, value: f64) -> Quantity {
    let spec = measure.spec();
    Quantity {
        value: format_value(value, spec.decimals).parse().ok(),
        unit: Some(spec.unit.into()),
        system: Some(UCUM.into()),
        code: Some(spec.ucum.into()),
        ..Default::default()
    }
}

fn concept(system: &str, code: &str, display: &str, text: Option<&str>) -> CodeableConcept {
    CodeableConcept {
        coding: vec![Coding {
            system: Some(system.into()),
            code: Some(code.into()),
            display: Some(display.into()),
            ..Default::default()
        }],
        text: text.map(Into::into),
        ..Default::default()
    }
}

/// A UUID for entry `i` of the set taken at `when`: unique within the
/// transaction, which is all a `urn:uuid` there must be (FHIR R4 §3.1.0.11.2);
/// the server gives each resource its own id.
fn uuid_for(when: &str, i: usize) -> String {
    // FNV-1a of the time, so two sets' transactions differ too.
    let hash = when.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!(
        "{:08x}-{:04x}-4{:03x}-8000-{:012x}",
        hash >> 32,
        (hash >> 16) & 0xffff,
        hash & 0xfff,
        i
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> VitalSet {
        let mut set = VitalSet::new("2026-11-21T14:05:00Z", SpO2Scale::Scale1)
            .with(Measure::RespirationRate, 22.0)
            .with(Measure::SpO2, 95.0)
            .with(Measure::Systolic, 105.0)
            .with(Measure::Diastolic, 70.0)
            .with(Measure::Pulse, 112.0)
            .with(Measure::Temperature, 38.4);
        set.inspired = Some(Inspired::Oxygen);
        set.consciousness = Some(Acvpu::Alert);
        set
    }

    /// Issue 32: the resend after an answer that never came had no
    /// identifier and no conditional create, so it could record the set
    /// twice.
    #[test]
    fn a_drafts_observations_carry_its_identifiers_and_are_created_only_once() {
        let set = VitalSet::new("2026-12-04T14:05:00Z", SpO2Scale::Scale1)
            .with(Measure::Pulse, 80.0)
            .with(Measure::Temperature, 37.0);
        let draft = "0123456789abcdef0123456789abcdef";
        let bundle = set.transaction(&Recording {
            patient: "p1",
            issued: Some("2026-12-04T14:30:00Z"),
            draft: Some(draft),
            ..Default::default()
        });
        let ids = transaction_identifiers(&bundle);
        assert_eq!(
            ids,
            [
                "urn:uuid:01234567-89ab-4def-8123-456789abcdef",
                "urn:uuid:01234567-89ab-4def-8123-456789abcdee",
            ]
        );
        let json = serde_json::to_value(&bundle).expect("json");
        for (entry, id) in json["entry"].as_array().expect("entries").iter().zip(&ids) {
            assert_eq!(
                entry["request"]["ifNoneExist"],
                format!("identifier=urn:ietf:rfc:3986|{id}")
            );
            assert_eq!(
                entry["resource"]["identifier"][0]["system"],
                "urn:ietf:rfc:3986"
            );
            assert_eq!(
                entry["resource"]["effectiveDateTime"], "2026-12-04T14:05:00Z",
                "when taken"
            );
            assert_eq!(
                entry["resource"]["issued"], "2026-12-04T14:30:00Z",
                "when sent first"
            );
        }
        // The same draft sent again is the same identifiers.
        let again = set.transaction(&Recording {
            patient: "p1",
            draft: Some(draft),
            ..Default::default()
        });
        assert_eq!(transaction_identifiers(&again), ids);
        // Without a draft, none (a caller that does not retry).
        assert!(
            transaction_identifiers(&set.transaction(&Recording {
                patient: "p1",
                ..Default::default()
            }))
            .is_empty()
        );
    }

    #[test]
    fn the_scale_in_force_is_on_the_newest_spo2_reading_that_records_one() {
        let recorded = |when: &str, scale| {
            let mut set = VitalSet::new(when, scale).with(Measure::SpO2, 90.0);
            set.scale_recorded = true;
            set
        };
        let no_spo2 =
            VitalSet::new("2026-12-04T12:00:00Z", SpO2Scale::Scale1).with(Measure::Pulse, 80.0);
        let sets = vec![recorded("2026-12-04T08:00:00Z", SpO2Scale::Scale2), no_spo2];
        assert_eq!(scale_in_force(&sets), Some(SpO2Scale::Scale2));
        assert_eq!(scale_in_force(&sets[1..]), None);
        let back = vec![
            recorded("2026-12-04T08:00:00Z", SpO2Scale::Scale2),
            recorded("2026-12-04T09:00:00Z", SpO2Scale::Scale1),
        ];
        assert_eq!(scale_in_force(&back), Some(SpO2Scale::Scale1));
    }

    #[test]
    fn impossible_values_are_refused_with_what_to_enter() {
        assert_eq!(Measure::Pulse.read(" 72 "), Ok(72.0));
        assert_eq!(
            Measure::Pulse.read("720"),
            Err("Pulse must be between 20 and 300 beats/minute".into())
        );
        assert_eq!(
            Measure::Pulse.read("19"),
            Err("Pulse must be between 20 and 300 beats/minute".into())
        );
        assert_eq!(Measure::Pulse.read("20"), Ok(20.0));
        assert_eq!(Measure::Pulse.read("300"), Ok(300.0));
        assert_eq!(
            Measure::Pulse.read("7 2"),
            Err("Pulse must be a number, like 72".into())
        );
        assert_eq!(
            Measure::Pulse.read("NaN"),
            Err("Pulse must be a number, like 72".into())
        );
        assert_eq!(
            Measure::Pulse.read("72.5"),
            Err("Pulse must be a whole number".into())
        );
        assert_eq!(
            Measure::SpO2.read("101"),
            Err("Oxygen saturation (SpO2) must be between 40 and 100 %".into())
        );
        assert_eq!(
            Measure::Temperature.read("36.85"),
            Err("Temperature must have no more than 1 decimal place".into())
        );
        assert_eq!(
            Measure::Temperature.read("45.1"),
            Err("Temperature must be between 25 and 45 °C".into())
        );
        assert_eq!(
            Measure::Temperature.read("24.9"),
            Err("Temperature must be between 25 and 45 °C".into())
        );
        assert_eq!(Measure::Temperature.read("36.8"), Ok(36.8));
        assert_eq!(Measure::Temperature.read("37"), Ok(37.0));
        for m in Measure::ALL {
            let (low, high) = m.spec().plausible;
            assert!(
                m.read(&format_value(low, 0)).is_ok() && m.read(&format_value(high, 0)).is_ok(),
                "{m:?}"
            );
            assert!(
                m.read(&format_value(low - 1.0, 0)).is_err()
                    && m.read(&format_value(high + 1.0, 0)).is_err(),
                "{m:?}"
            );
        }
    }

    #[test]
    fn the_score_waits_for_all_seven_parameters() {
        let mut set = complete();
        assert_eq!(set.scored_parameters(), 7);
        // 22/min 2, 95% 1, oxygen 2, 105 mmHg 1, 112/min 2, alert 0, 38.4 °C 1.
        let score = set.news2().expect("complete");
        assert_eq!((score.total, score.risk), (9, news2::ClinicalRisk::High));
        set.set(Measure::Diastolic, None);
        assert!(set.news2().is_some(), "diastolic is not scored");
        set.consciousness = None;
        assert_eq!((set.scored_parameters(), set.news2()), (6, None));
    }

    fn decode(bundle: &Bundle) -> serde_json::Value {
        serde_json::to_value(bundle).expect("encodes")
    }

    #[test]
    fn a_set_is_one_transaction_of_coded_observations() {
        let set = complete();
        let context = Recording {
            patient: "p1",
            encounter: Some("e1"),
            performer: Some("Practitioner/nurse"),
            ..Default::default()
        };
        let json = decode(&set.transaction(&context));
        assert_eq!(json["type"], "transaction");
        let entries = json["entry"].as_array().expect("entries");
        // RR, SpO2, pulse, temperature, BP, air/oxygen, ACVPU, NEWS2.
        assert_eq!(entries.len(), 8);
        let mut urls = std::collections::HashSet::new();
        for e in entries {
            assert_eq!(
                e["request"],
                serde_json::json!({"method": "POST", "url": "Observation"})
            );
            assert!(urls.insert(e["fullUrl"].as_str().expect("fullUrl").to_string()));
            let o = &e["resource"];
            assert_eq!(o["subject"]["reference"], "Patient/p1");
            assert_eq!(o["encounter"]["reference"], "Encounter/e1");
            assert_eq!(o["performer"][0]["reference"], "Practitioner/nurse");
            assert_eq!(o["effectiveDateTime"], "2026-11-21T14:05:00Z");
            assert_eq!(o["category"][0]["coding"][0]["code"], "vital-signs");
            assert_eq!(o["status"], "final");
        }
        let by_code = |code: &str| {
            entries
                .iter()
                .map(|e| &e["resource"])
                .find(|o| o["code"]["coding"][0]["code"] == code)
                .unwrap_or_else(|| panic!("{code}"))
        };
        assert_eq!(
            by_code("9279-1")["valueQuantity"],
            serde_json::json!({"value": 22, "unit": "breaths/minute", "system": UCUM, "code": "/min"})
        );
        assert_eq!(
            by_code("8310-5")["valueQuantity"]["value"].to_string(),
            "38.4"
        );
        assert_eq!(by_code("8310-5")["valueQuantity"]["code"], "Cel");
        assert_eq!(by_code("59408-5")["component"][0]["valueInteger"], 1);
        let bp = by_code("85354-9");
        assert_eq!(bp["component"][0]["code"]["coding"][0]["code"], "8480-6");
        assert_eq!(bp["component"][0]["valueQuantity"]["code"], "mm[Hg]");
        assert_eq!(bp["component"][1]["valueQuantity"]["value"], 70);
        assert_eq!(
            by_code("3150-0")["valueCodeableConcept"]["coding"][0]["code"],
            ON_OXYGEN
        );
        assert_eq!(
            by_code("67775-7")["valueCodeableConcept"]["coding"][0]["code"],
            "248234008"
        );
        let news = by_code(NEWS2_TOTAL);
        assert_eq!(news["valueInteger"], 9);
        assert_eq!(news["derivedFrom"].as_array().map(Vec::len), Some(7));
        assert!(
            urls.contains(
                news["derivedFrom"][0]["reference"]
                    .as_str()
                    .unwrap_or_default()
            )
        );
    }

    /// Every code a set is written with, against the published code written
    /// here (LOINC and SNOMED CT per vital sign as FHIR R4's vital signs
    /// profiles and UK Core give them; the five ACVPU findings; air and
    /// oxygen; the NEWS2 total; UCUM units), never read back through this
    /// module's tables: a wrong code in a table fails here. And a record
    /// written by another system with these codes reads back.
    #[test]
    fn codes_and_units_are_the_published_ones() {
        let published = [
            (Measure::RespirationRate, "9279-1", "86290005", "/min"),
            (Measure::SpO2, "59408-5", "431314004", "%"),
            (Measure::Pulse, "8867-4", "364075005", "/min"),
            (Measure::Temperature, "8310-5", "276885007", "Cel"),
        ];
        let acvpu = [
            (Acvpu::Alert, "248234008"),
            (Acvpu::NewConfusion, "1104441000000107"),
            (Acvpu::Voice, "300202002"),
            (Acvpu::Pain, "450847001"),
            (Acvpu::Unresponsive, "422768004"),
        ];
        for (level, snomed) in acvpu {
            let mut set = complete();
            set.consciousness = Some(level);
            for inspired in [Inspired::Air, Inspired::Oxygen] {
                set.inspired = Some(inspired);
                let json = decode(&set.transaction(&Recording {
                    patient: "p1",
                    ..Default::default()
                }));
                let entries: Vec<&serde_json::Value> = json["entry"]
                    .as_array()
                    .expect("entries")
                    .iter()
                    .map(|e| &e["resource"])
                    .collect();
                let coded = |system: &str, code: &str| {
                    entries.iter().copied().find(|o| {
                        o["code"]["coding"].as_array().is_some_and(|c| {
                            c.iter().any(|c| c["system"] == system && c["code"] == code)
                        })
                    })
                };
                for (measure, loinc, sct, ucum) in published {
                    let o = coded("http://loinc.org", loinc)
                        .unwrap_or_else(|| panic!("{measure:?} as LOINC {loinc}"));
                    assert!(
                        coded("http://snomed.info/sct", sct).is_some(),
                        "{measure:?} as SNOMED CT {sct}"
                    );
                    assert_eq!(o["valueQuantity"]["system"], "http://unitsofmeasure.org");
                    assert_eq!(o["valueQuantity"]["code"], ucum, "{measure:?}");
                }
                let bp = coded("http://loinc.org", "85354-9").expect("blood pressure panel");
                for (i, (loinc, sct)) in [("8480-6", "271649006"), ("8462-4", "271650006")]
                    .into_iter()
                    .enumerate()
                {
                    let codes = &bp["component"][i]["code"]["coding"];
                    assert_eq!(
                        (codes[0]["code"].as_str(), codes[1]["code"].as_str()),
                        (Some(loinc), Some(sct))
                    );
                    assert_eq!(bp["component"][i]["valueQuantity"]["code"], "mm[Hg]");
                }
                let air = coded("http://loinc.org", "3150-0").expect("air or oxygen");
                let expected = match inspired {
                    Inspired::Air => "722742002",
                    Inspired::Oxygen => "371825009",
                };
                assert_eq!(
                    air["valueCodeableConcept"]["coding"][0]["system"],
                    "http://snomed.info/sct"
                );
                assert_eq!(air["valueCodeableConcept"]["coding"][0]["code"], expected);
                let level_of = coded("http://loinc.org", "67775-7").expect("consciousness");
                assert_eq!(
                    level_of["valueCodeableConcept"]["coding"][0]["code"], snomed,
                    "{level:?}"
                );
                assert!(
                    coded("http://snomed.info/sct", "1104051000000101").is_some(),
                    "the NEWS2 total"
                );
                assert!(entries.iter().all(|o| o["category"][0]["coding"][0]
                    == serde_json::json!({"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs", "display": "Vital Signs"})));
            }
            // Read back from another system's record, coded as published.
            let theirs: Observation = serde_json::from_value(serde_json::json!({
                "resourceType": "Observation", "status": "final", "effectiveDateTime": "2026-11-21T14:05:00Z",
                "code": {"coding": [{"system": "http://loinc.org", "code": "67775-7"}]},
                "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": snomed}]}
            }))
            .expect("an Observation");
            assert_eq!(
                VitalSet::from_observations([&theirs])[0].consciousness,
                Some(level)
            );
        }
        for (measure, loinc, _, _) in published {
            let theirs: Observation = serde_json::from_value(serde_json::json!({
                "resourceType": "Observation", "status": "final", "effectiveDateTime": "2026-11-21T14:05:00Z",
                "code": {"coding": [{"system": "http://loinc.org", "code": loinc}]},
                "valueQuantity": {"value": 40}
            }))
            .expect("an Observation");
            assert_eq!(
                VitalSet::from_observations([&theirs])[0].get(measure),
                Some(40.0),
                "{loinc}"
            );
        }
    }

    #[test]
    fn an_incomplete_set_records_what_there_is_and_no_score() {
        let set =
            VitalSet::new("2026-11-21T14:05:00Z", SpO2Scale::Scale2).with(Measure::SpO2, 90.0);
        let json = decode(&set.transaction(&Recording {
            patient: "p1",
            encounter: None,
            performer: None,
            ..Default::default()
        }));
        let entries = json["entry"].as_array().expect("entries");
        assert_eq!(entries.len(), 1);
        let o = &entries[0]["resource"];
        assert_eq!(o["component"][0]["valueInteger"], 2);
        assert!(o.get("encounter").is_none() && o.get("performer").is_none());
    }

    #[test]
    fn sets_read_back_as_written_oldest_first() {
        let mut later = complete();
        let mut earlier = VitalSet::new("2026-11-21T10:00:00+00:00", SpO2Scale::Scale2)
            .with(Measure::RespirationRate, 18.0)
            .with(Measure::SpO2, 90.0);
        earlier.inspired = Some(Inspired::Air);
        earlier.consciousness = Some(Acvpu::NewConfusion);
        let context = Recording {
            patient: "p1",
            encounter: None,
            performer: None,
            ..Default::default()
        };
        let observations: Vec<Observation> = [&later, &earlier]
            .into_iter()
            .flat_map(|s| s.transaction(&context).entry)
            .filter_map(|e| match e.resource {
                Some(Resource::Observation(o)) => Some(*o),
                _ => None,
            })
            .collect();
        let sets = VitalSet::from_observations(&observations);
        // Read back, each SpO2 reading says which scale it was scored on.
        earlier.scale_recorded = true;
        later.scale_recorded = true;
        assert_eq!(sets, vec![earlier, later]);
    }

    #[test]
    fn other_codes_errors_and_impossible_values_are_left_out() {
        let mut set = complete();
        set.set(Measure::Diastolic, None);
        let context = Recording {
            patient: "p1",
            encounter: None,
            performer: None,
            ..Default::default()
        };
        let mut observations: Vec<Observation> = set
            .transaction(&context)
            .entry
            .into_iter()
            .filter_map(|e| match e.resource {
                Some(Resource::Observation(o)) => Some(*o),
                _ => None,
            })
            .collect();
        let mut wrong = observations[0].clone();
        wrong.status = "entered-in-error".into();
        wrong.effective_date_time = Some("2026-11-21T15:00:00Z".into());
        let mut impossible = observations[2].clone();
        impossible.effective_date_time = Some("2026-11-21T16:00:00Z".into());
        impossible.value_quantity = Some(quantity(Measure::Pulse, 720.0));
        let mut untimed = observations[0].clone();
        untimed.effective_date_time = None;
        observations.extend([wrong, impossible, untimed]);
        let sets = VitalSet::from_observations(&observations);
        assert_eq!(sets.len(), 2, "{sets:?}");
        set.scale_recorded = true;
        assert_eq!(sets[0], set);
        assert_eq!(sets[1].get(Measure::Pulse), None);
    }
}
