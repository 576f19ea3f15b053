//! What the banner shows of a patient, worked out from FHIR without any
//! markup, so native tests can check every rule.

use crate::clinical::fetched::Fetched;
use crate::clinical::withdrawn::Withdrawn;
use crate::clinical::cui::{Age, Born, FhirDate, FhirDateTime, Instant};
use crate::fhir::resources::{AllergyIntolerance, List, Patient};
use crate::fhir::{CodeableConcept, HumanName};

pub use crate::clinical::cui::NOT_KNOWN;

/// SNOMED CT codes that record the absence of allergies rather than an
/// allergy: no known allergy, no known drug allergy, no known environmental
/// allergy, no known food allergy (UK Core AllergyIntolerance guidance).
pub(crate) const NO_KNOWN_ALLERGY: [&str; 4] = ["716186003", "409137002", "428607008", "429625007"];
pub(crate) const SNOMED: &str = "http://snomed.info/sct";
pub(crate) const CLINICAL_STATUS: &str = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
pub(crate) use crate::clinical::withdrawn::ALLERGY_VERIFICATION as VERIFICATION;
pub(crate) const LIST_EMPTY_REASON: &str = "http://terminology.hl7.org/CodeSystem/list-empty-reason";

/// The SNOMED CT code of a patient's "Allergies and adverse reactions" list
/// (GP Connect's List code for the allergy record), to search for it by.
pub const ALLERGY_LIST: &str = "886921000000105";

/// The patient's allergy status, in the four states a clinician must tell
/// apart: "no known allergies" was asked and answered; "not recorded" was
/// never asked, and is not safe to read as none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AllergyStatus {
    /// Allergies and intolerances, by name.
    Listed(Vec<String>),
    /// Asked, and the patient has none known.
    NoKnownAllergies,
    /// Nothing recorded: not asked, or not here.
    #[default]
    NotRecorded,
    /// Could not be asked (unconscious, no one to ask).
    UnableToAssess,
    /// The records could not be read (the server failed): nothing is
    /// known either way, and the banner says so rather than guess.
    Unavailable,
}

impl AllergyStatus {
    /// The status from a patient's AllergyIntolerance records: the active
    /// allergies that are not refuted or entered in error; else "no known
    /// allergies" if one of its codes is recorded and active; else not
    /// recorded. "Unable to assess" has no code of its own in UK Core: see
    /// [`Self::from_records_and_list`].
    pub fn from_records(records: &[AllergyIntolerance]) -> Self {
        let current = |r: &&AllergyIntolerance| {
            let inactive = r.clinical_status.as_ref().is_some_and(|s| {
                s.has(CLINICAL_STATUS, "inactive") || s.has(CLINICAL_STATUS, "resolved")
            });
            // Withdrawn (crate::clinical::withdrawn, rule 1): never a
            // banner allergy.
            !inactive && r.is_current()
        };
        let is_none_known = |code: &CodeableConcept| {
            NO_KNOWN_ALLERGY.iter().any(|c| code.has(SNOMED, c))
        };
        let mut listed = Vec::new();
        let mut none_known = false;
        for record in records.iter().filter(current) {
            match &record.code {
                Some(code) if is_none_known(code) => none_known = true,
                Some(code) => listed.push(code.label().unwrap_or("Unnamed allergy").to_string()),
                None => listed.push("Unnamed allergy".to_string()),
            }
        }
        if !listed.is_empty() {
            Self::Listed(listed)
        } else if none_known {
            Self::NoKnownAllergies
        } else {
            Self::NotRecorded
        }
    }

    /// The status from the records and the patient's allergy list
    /// ([`ALLERGY_LIST`]), which carries the one state no record can: UK Core
    /// has no AllergyIntolerance code for "unable to assess", so a system
    /// says it with a current, empty list whose `emptyReason` is FHIR's
    /// list-empty-reason `unavailable` ("cannot be obtained, e.g. the patient
    /// is unconscious"); `nilknown` on the list means no known allergies.
    ///
    /// A recorded allergy always shows. Otherwise "unable to assess"
    /// outweighs a "no known allergies" record: it is the cautious reading,
    /// and it sends the clinician to ask. A list that is not current, or
    /// not empty, says nothing about why.
    pub fn from_records_and_list(records: &[AllergyIntolerance], list: Option<&List>) -> Self {
        let from_records = Self::from_records(records);
        if matches!(from_records, Self::Listed(_)) {
            return from_records;
        }
        let reason = list
            .filter(|l| l.status == "current" && l.entry.is_empty())
            .and_then(|l| l.empty_reason.as_ref());
        match reason {
            Some(r) if r.has(LIST_EMPTY_REASON, "unavailable") => Self::UnableToAssess,
            Some(r) if r.has(LIST_EMPTY_REASON, "nilknown") => Self::NoKnownAllergies,
            _ => from_records,
        }
    }

    /// The status from two reads that may still be under way or have
    /// failed: the records, and the allergy list ([`ALLERGY_LIST`]).
    /// `None` until both are read, since until then none of the states
    /// would be true. Records that could not be read are "could not be
    /// checked" ([`Self::Unavailable`]), never "no known allergies" nor "not
    /// recorded", whatever the list says; a list that could not be read (a
    /// server without Lists, a sign-in not allowed to read them) leaves the
    /// records to decide.
    pub fn from_reads(records: &Fetched<AllergyIntolerance>, list: &Fetched<List>) -> Option<Self> {
        let list = Self::list_once_read(list)?;
        match records {
            Fetched::Loading => None,
            Fetched::Failed(_) => Some(Self::Unavailable),
            Fetched::Ready(records) => Some(Self::from_records_and_list(records, list)),
        }
    }

    /// The allergy list as [`Self::from_reads`] takes it: `None` while it
    /// is being read; once read, the list, or `Some(None)` when there is
    /// none or it could not be read (then the records alone decide).
    pub fn list_once_read(list: &Fetched<List>) -> Option<Option<&List>> {
        match list {
            Fetched::Loading => None,
            Fetched::Failed(_) => Some(None),
            Fetched::Ready(lists) => Some(lists.first()),
        }
    }

    /// The banner's words for it.
    pub fn text(&self) -> String {
        match self {
            Self::Listed(names) => names.join(", "),
            Self::NoKnownAllergies => "No known allergies".into(),
            Self::NotRecorded => "Allergies not recorded".into(),
            Self::UnableToAssess => "Unable to assess allergies".into(),
            Self::Unavailable => "Allergies could not be checked: check the patient's record".into(),
        }
    }

    /// `bedside-patient-banner__allergies--<state>`, for the state's look.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Listed(_) => "listed",
            Self::NoKnownAllergies => "none-known",
            Self::NotRecorded => "not-recorded",
            Self::UnableToAssess => "unable-to-assess",
            Self::Unavailable => "unavailable",
        }
    }
}

/// The banner's values, each already in CUI form or [`NOT_KNOWN`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BannerFields {
    /// `CHANDRASEKHAR, Subramanyan (Mr)`.
    pub name: String,
    /// The name the patient uses, when it differs from the official one.
    pub preferred_name: Option<String>,
    /// `14-Jul-1945 (81y)`.
    pub born: String,
    /// `Male`, `Female`, `Other`, `Not known`.
    pub gender: String,
    /// `943 476 5919`, or the recorded value marked as failing the check.
    pub nhs_number: String,
    /// `Died 01-Nov-2026`, when the patient has died.
    pub died: Option<String>,
    /// The home address on one line.
    pub address: String,
    /// The first phone number.
    pub phone: String,
    /// The registered GP practice.
    pub gp_practice: String,
}

/// `FAMILY, Given Middle (Title)`: [`cui::patient_name`](crate::clinical::cui::patient_name)
/// for a FHIR `HumanName`.
pub fn display_name(name: &HumanName) -> String {
    let given: Vec<&str> = name.given_names().collect();
    let title = name.prefix.iter().flatten().next().map(String::as_str);
    crate::clinical::cui::patient_name(name.family.as_deref(), &given, title, name.text.as_deref())
}

fn pick<'a>(names: &'a [HumanName], use_: &str) -> Option<&'a HumanName> {
    names.iter().find(|n| n.use_.as_deref() == Some(use_))
}

impl BannerFields {
    /// The banner's values for `patient`, ages counted at `now`.
    pub fn new(patient: &Patient, now: Instant) -> Self {
        let official = pick(&patient.name, "official").or_else(|| patient.name.first());
        let name = official.map_or_else(|| NOT_KNOWN.to_string(), display_name);
        let preferred_name = pick(&patient.name, "usual")
            .filter(|usual| Some(*usual) != official)
            .map(|usual| usual.given_names().collect::<Vec<_>>().join(" "))
            .filter(|given| !given.is_empty());
        let born_on = patient.birth_date.as_deref().map(FhirDate::parse);
        let died_at = patient
            .extra
            .get("deceasedDateTime")
            .and_then(|v| v.as_str())
            .map(FhirDateTime::parse);
        let died_flag = patient.extra.get("deceasedBoolean").and_then(|v| v.as_bool());
        // A dead patient's age is the age they died at.
        let age_at = match died_at {
            Some(Ok(at)) => Some(at.instant()),
            _ if died_flag == Some(true) => None,
            _ => Some(now),
        };
        let born = match born_on {
            Some(Ok(date)) => {
                let age = date
                    .day()
                    .zip(age_at)
                    .and_then(|(day, at)| Age::at(Born::On(day), at).ok());
                match age {
                    Some(age) => format!("{date} ({age})"),
                    None => date.to_string(),
                }
            }
            Some(Err(_)) => format!("{} (not a valid date)", patient.birth_date.as_deref().unwrap_or_default()),
            None => NOT_KNOWN.to_string(),
        };
        let died = match (died_at, died_flag) {
            (Some(Ok(at)), _) => Some(format!("Died {at}")),
            (Some(Err(_)), _) | (None, Some(true)) => Some(format!("Died, date {}", NOT_KNOWN.to_lowercase())),
            _ => None,
        };
        let gender = match patient.gender.as_deref() {
            Some("male") => "Male",
            Some("female") => "Female",
            Some("other") => "Other",
            _ => NOT_KNOWN,
        }
        .to_string();
        let nhs_number = match patient.nhs_number_identifier().and_then(|i| i.value.as_deref()) {
            None => NOT_KNOWN.to_string(),
            Some(value) => match crate::clinical::NhsNumber::parse(value) {
                Ok(number) => number.to_string(),
                Err(_) => format!("{value} (not a valid NHS number)"),
            },
        };
        let home = patient
            .address
            .iter()
            .find(|a| a.use_.as_deref() == Some("home"))
            .or_else(|| patient.address.first());
        let address = home
            .map(|a| {
                a.line
                    .iter()
                    .flatten()
                    .map(String::as_str)
                    .chain(a.city.as_deref())
                    .chain(a.postal_code.as_deref())
                    .filter(|part| !part.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| NOT_KNOWN.to_string());
        let phone = patient
            .telecom
            .iter()
            .find(|t| t.system.as_deref() == Some("phone"))
            .and_then(|t| t.value.clone())
            .unwrap_or_else(|| NOT_KNOWN.to_string());
        let gp_practice = patient
            .general_practitioner
            .iter()
            .find(|r| r.reference.as_deref().is_some_and(|r| r.contains("Organization/")))
            .or_else(|| patient.general_practitioner.first())
            .and_then(|r| r.display.clone())
            .unwrap_or_else(|| NOT_KNOWN.to_string());
        Self {
            name,
            preferred_name,
            born,
            gender,
            nhs_number,
            died,
            address,
            phone,
            gp_practice,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patient(json: serde_json::Value) -> Patient {
        serde_json::from_value(json).expect("a Patient")
    }

    fn now() -> Instant {
        Instant::parse("2026-11-21T14:05:00Z").expect("instant")
    }

    #[test]
    fn a_full_record_shows_every_value_in_cui_form() {
        let p = patient(serde_json::json!({
            "resourceType": "Patient",
            "name": [
                {"use": "official", "family": "Chandrasekhar", "given": ["Subramanyan"], "prefix": ["Mr"]},
                {"use": "usual", "given": ["Rama"]}
            ],
            "gender": "male",
            "birthDate": "1945-07-14",
            "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}],
            "address": [{"use": "home", "line": ["1 Trevelyan Square", "Boar Lane"], "city": "Leeds", "postalCode": "LS1 6AE"}],
            "telecom": [{"system": "email", "value": "r@example.org"}, {"system": "phone", "value": "0113 496 0000"}],
            "generalPractitioner": [{"reference": "Organization/Y12345", "display": "Park Surgery"}]
        }));
        let f = BannerFields::new(&p, now());
        assert_eq!(f.name, "CHANDRASEKHAR, Subramanyan (Mr)");
        assert_eq!(f.preferred_name.as_deref(), Some("Rama"));
        assert_eq!(f.born, "14-Jul-1945 (81y)");
        assert_eq!(f.gender, "Male");
        assert_eq!(f.nhs_number, "943 476 5919");
        assert_eq!(f.died, None);
        assert_eq!(f.address, "1 Trevelyan Square, Boar Lane, Leeds, LS1 6AE");
        assert_eq!(f.phone, "0113 496 0000");
        assert_eq!(f.gp_practice, "Park Surgery");
    }

    #[test]
    fn missing_values_are_not_known_never_blank_or_a_question_mark() {
        let f = BannerFields::new(&patient(serde_json::json!({"resourceType": "Patient"})), now());
        for value in [&f.name, &f.born, &f.gender, &f.nhs_number, &f.address, &f.phone, &f.gp_practice] {
            assert_eq!(value, NOT_KNOWN);
        }
        let unknown = patient(serde_json::json!({"resourceType": "Patient", "gender": "unknown"}));
        assert_eq!(BannerFields::new(&unknown, now()).gender, NOT_KNOWN);
    }

    #[test]
    fn a_bad_nhs_number_or_date_is_shown_as_recorded_and_flagged() {
        let p = patient(serde_json::json!({
            "resourceType": "Patient",
            "birthDate": "1945-02-30",
            "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765918"}]
        }));
        let f = BannerFields::new(&p, now());
        assert_eq!(f.nhs_number, "9434765918 (not a valid NHS number)");
        assert_eq!(f.born, "1945-02-30 (not a valid date)");
    }

    #[test]
    fn a_deceased_patient_shows_the_date_and_their_age_at_death() {
        let p = patient(serde_json::json!({
            "resourceType": "Patient",
            "birthDate": "1940-03-01",
            "deceasedDateTime": "2026-11-01T09:30:00Z"
        }));
        let f = BannerFields::new(&p, now());
        assert_eq!(f.died.as_deref(), Some("Died 01-Nov-2026 09:30"));
        assert_eq!(f.born, "01-Mar-1940 (86y)");
        let flag = patient(serde_json::json!({
            "resourceType": "Patient", "birthDate": "1940-03-01", "deceasedBoolean": true
        }));
        let f = BannerFields::new(&flag, now());
        assert_eq!(f.died.as_deref(), Some("Died, date not known"));
        assert_eq!(f.born, "01-Mar-1940", "no age when the date of death is not known");
        let alive = patient(serde_json::json!({"resourceType": "Patient", "deceasedBoolean": false}));
        assert_eq!(BannerFields::new(&alive, now()).died, None);
    }

    #[test]
    fn names_without_parts_fall_back_in_order() {
        let name = |json| serde_json::from_value::<HumanName>(json).expect("name");
        assert_eq!(display_name(&name(serde_json::json!({"family": "Smith"}))), "SMITH");
        assert_eq!(display_name(&name(serde_json::json!({"given": ["Ann", "Marie"]}))), "Ann Marie");
        assert_eq!(display_name(&name(serde_json::json!({"text": "Baby of Smith"}))), "Baby of Smith");
        assert_eq!(display_name(&name(serde_json::json!({"prefix": ["Dr"]}))), "Not known (Dr)");
    }

    fn allergy(json: serde_json::Value) -> AllergyIntolerance {
        let mut record = serde_json::json!({"resourceType": "AllergyIntolerance", "patient": {"reference": "Patient/1"}});
        if let (Some(base), Some(more)) = (record.as_object_mut(), json.as_object()) {
            base.extend(more.clone());
        }
        serde_json::from_value(record).expect("an AllergyIntolerance")
    }

    #[test]
    fn allergy_status_tells_none_known_from_not_recorded() {
        assert_eq!(AllergyStatus::from_records(&[]), AllergyStatus::NotRecorded);
        let nka = allergy(serde_json::json!({"code": {"coding": [{"system": SNOMED, "code": "716186003"}]}}));
        assert_eq!(AllergyStatus::from_records(std::slice::from_ref(&nka)), AllergyStatus::NoKnownAllergies);
        let penicillin = allergy(serde_json::json!({"code": {"text": "Penicillin"}}));
        assert_eq!(
            AllergyStatus::from_records(&[nka, penicillin.clone()]),
            AllergyStatus::Listed(vec!["Penicillin".into()]),
            "a listed allergy outweighs an older 'none known'"
        );
        let refuted = allergy(serde_json::json!({
            "code": {"text": "Latex"},
            "verificationStatus": {"coding": [{"system": VERIFICATION, "code": "refuted"}]}
        }));
        let resolved = allergy(serde_json::json!({
            "code": {"text": "Egg"},
            "clinicalStatus": {"coding": [{"system": CLINICAL_STATUS, "code": "resolved"}]}
        }));
        assert_eq!(AllergyStatus::from_records(&[refuted, resolved]), AllergyStatus::NotRecorded);
        assert_eq!(
            AllergyStatus::from_records(&[penicillin]).text(),
            "Penicillin"
        );
        assert_eq!(AllergyStatus::UnableToAssess.text(), "Unable to assess allergies");
        // A failed read is neither "none known" nor "not recorded".
        assert!(AllergyStatus::Unavailable.text().starts_with("Allergies could not be checked"));
    }

    fn allergy_list(json: serde_json::Value) -> List {
        let mut list = serde_json::json!({
            "resourceType": "List", "status": "current", "mode": "snapshot",
            "code": {"coding": [{"system": SNOMED, "code": ALLERGY_LIST}]},
            "subject": {"reference": "Patient/1"}
        });
        if let (Some(base), Some(more)) = (list.as_object_mut(), json.as_object()) {
            base.extend(more.clone());
        }
        serde_json::from_value(list).expect("a List")
    }

    /// Two reads under way or failed: a failed read of the records is
    /// "could not be checked" whatever the list says; a failed read of the
    /// list leaves the records to decide; nothing until both are read.
    #[test]
    fn a_failed_allergy_read_is_never_none_known() {
        let nka = allergy(serde_json::json!({"code": {"coding": [{"system": SNOMED, "code": "716186003"}]}}));
        fn failed<T>() -> Fetched<T> {
            Fetched::Failed("The clinical record system took too long to answer.".to_string())
        }
        let unable = allergy_list(serde_json::json!({"emptyReason": {"coding": [{"system": LIST_EMPTY_REASON, "code": "unavailable"}]}}));
        let reads = AllergyStatus::from_reads;
        assert_eq!(reads(&failed(), &Fetched::Ready(vec![])), Some(AllergyStatus::Unavailable));
        assert_eq!(reads(&failed(), &failed()), Some(AllergyStatus::Unavailable));
        assert_eq!(reads(&failed(), &Fetched::Ready(vec![unable.clone()])), Some(AllergyStatus::Unavailable));
        assert_eq!(reads(&Fetched::Loading, &Fetched::Ready(vec![])), None, "nothing until read");
        assert_eq!(reads(&Fetched::Ready(vec![]), &Fetched::Loading), None, "nor until the list is");
        assert_eq!(
            reads(&Fetched::Ready(vec![nka.clone()]), &failed()),
            Some(AllergyStatus::NoKnownAllergies),
            "the records decide when the list cannot be read"
        );
        assert_eq!(reads(&Fetched::Ready(vec![]), &failed()), Some(AllergyStatus::NotRecorded));
        assert_eq!(reads(&Fetched::Ready(vec![nka]), &Fetched::Ready(vec![unable])), Some(AllergyStatus::UnableToAssess));
    }

    #[test]
    fn an_empty_allergy_list_says_unable_to_assess_or_none_known() {
        let because = |code: &str| {
            allergy_list(serde_json::json!({"emptyReason": {"coding": [{"system": LIST_EMPTY_REASON, "code": code}]}}))
        };
        let status = |records: &[AllergyIntolerance], list: &List| {
            AllergyStatus::from_records_and_list(records, Some(list))
        };
        assert_eq!(status(&[], &because("unavailable")), AllergyStatus::UnableToAssess);
        assert_eq!(status(&[], &because("nilknown")), AllergyStatus::NoKnownAllergies);
        // Not asked, withheld, or no reason: not recorded.
        for reason in ["notasked", "withheld", "closed"] {
            assert_eq!(status(&[], &because(reason)), AllergyStatus::NotRecorded, "{reason}");
        }
        assert_eq!(status(&[], &allergy_list(serde_json::json!({}))), AllergyStatus::NotRecorded);
        assert_eq!(AllergyStatus::from_records_and_list(&[], None), AllergyStatus::NotRecorded);
        // A reason in another code system is not FHIR's.
        let other = allergy_list(serde_json::json!({"emptyReason": {"coding": [{"system": SNOMED, "code": "unavailable"}]}}));
        assert_eq!(status(&[], &other), AllergyStatus::NotRecorded);
        // A list no longer current, or with entries, says nothing about why.
        let mut retired = because("unavailable");
        retired.status = "retired".into();
        assert_eq!(status(&[], &retired), AllergyStatus::NotRecorded);
        let mut listing = because("unavailable");
        listing.entry.push(serde_json::json!({"item": {"reference": "AllergyIntolerance/1"}}));
        assert_eq!(status(&[], &listing), AllergyStatus::NotRecorded);
        // A recorded allergy always shows; "unable to assess" outweighs a
        // "no known allergies" record.
        let penicillin = allergy(serde_json::json!({"code": {"text": "Penicillin"}}));
        assert_eq!(
            status(&[penicillin], &because("unavailable")),
            AllergyStatus::Listed(vec!["Penicillin".into()])
        );
        let nka = allergy(serde_json::json!({"code": {"coding": [{"system": SNOMED, "code": "716186003"}]}}));
        assert_eq!(status(std::slice::from_ref(&nka), &because("unavailable")), AllergyStatus::UnableToAssess);
        assert_eq!(status(&[nka], &because("notasked")), AllergyStatus::NoKnownAllergies);
    }
}
