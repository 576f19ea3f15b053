// Synthetic UK patients for the sandbox FHIR server, deterministic from a seed.
//
// Every run with the same seed and size yields the same resources with the
// same ids, so tests can name them. Nothing here describes a real person:
// NHS numbers come from the 999 range, which the NHS reserves for testing
// and never issues, and names, addresses and practices are made up.
//
// Coding follows UK Core R4 (meta.profile, the NHS number identifier and
// its verification-status extension) with LOINC for vital signs and labs and
// SNOMED CT for conditions, allergies and value sets. The vital signs are
// generated per patient from an acuity track, so the sandbox holds the whole
// spread of NEWS2 scores (0 to high) that the NEWS2 components must show.

const UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";
const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
const LOINC = "http://loinc.org";
const SNOMED = "http://snomed.info/sct";
/** GP Connect's "Allergies and adverse reactions" list (SNOMED CT). */
export const ALLERGY_LIST = "886921000000105";
const UCUM = "http://unitsofmeasure.org";
const OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
const INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
const ODS_ORG = "https://fhir.nhs.uk/Id/ods-organization-code";
const GMC = "https://fhir.hl7.org.uk/Id/gmc-number";
/** A code system of our own for what no standard one names (NEWS2 SpO2 scale). */
export const BEDSIDE_CS = "https://bedside.example/fhir/CodeSystem/";

export const SIZES = {
  // 26 inpatients on each of the four wards: a ward's list as long as a real
  // one (20 to 30 beds). The generator is sequential, so patients added at
  // the end leave the first ones (which tests name) as they were.
  small: { patients: 104, vitalSetsPerPatient: 18, labSetsPerPatient: 2 },
  large: { patients: 10_000, vitalSetsPerPatient: 4, labSetsPerPatient: 1 },
};

/** mulberry32: small, fast, and the same on every platform. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    normal: (mean, sd) => {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/**
 * NHS number check digit (Modulus 11): weights 10..2 over the first nine
 * digits; 11 − (sum mod 11), where 11 becomes 0 and 10 means the nine digits
 * cannot form a valid number. Source: NHS Data Dictionary, "NHS Number".
 */
export function nhsCheckDigit(nineDigits) {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function isValidNhsNumber(s) {
  if (!/^\d{10}$/.test(s)) return false;
  return nhsCheckDigit(s.slice(0, 9)) === Number(s[9]);
}

function nhsNumber(rng, used) {
  for (;;) {
    const nine = `999${String(rng.int(0, 999_999)).padStart(6, "0")}`;
    const check = nhsCheckDigit(nine);
    if (check === null) continue;
    const full = nine + check;
    if (!used.has(full)) {
      used.add(full);
      return full;
    }
  }
}

const GIVEN_F = ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Freya", "Lily", "Sophie", "Evie", "Margaret", "Patricia", "Joan", "Aisha", "Priya", "Siobhan", "Bronwen", "Morag"];
const GIVEN_M = ["Oliver", "George", "Arthur", "Noah", "Leo", "Harry", "Jack", "Thomas", "William", "James", "Mohammed", "Ravi", "Kwame", "Callum", "Rhys", "Dafydd", "Eamon", "Stanley"];
const FAMILY = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "Khan", "Hughes", "Edwards", "Green", "O'Brien", "Macdonald", "Ahmed", "Okafor", "Nowak", "Chen"];
const STREETS = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane", "Park Avenue", "Queen Street", "Green Lane", "Manor Road", "The Crescent"];
const TOWNS = [
  ["Leeds", "West Yorkshire", "LS"],
  ["Bristol", "", "BS"],
  ["Norwich", "Norfolk", "NR"],
  ["Exeter", "Devon", "EX"],
  ["Preston", "Lancashire", "PR"],
  ["Coventry", "West Midlands", "CV"],
  ["Hull", "East Riding of Yorkshire", "HU"],
  ["Derby", "Derbyshire", "DE"],
];
const ETHNIC = [
  ["A", "British, Mixed British"],
  ["B", "Irish"],
  ["C", "Any other White background"],
  ["H", "Indian or British Indian"],
  ["J", "Pakistani or British Pakistani"],
  ["M", "Caribbean"],
  ["N", "African"],
  ["R", "Chinese"],
  ["Z", "Not stated"],
];

const CONDITIONS = [
  ["233604007", "Pneumonia"],
  ["44054006", "Type 2 diabetes mellitus"],
  ["38341003", "Hypertensive disorder"],
  ["13645005", "Chronic obstructive lung disease"],
  ["49436004", "Atrial fibrillation"],
  ["84114007", "Heart failure"],
  ["68566005", "Urinary tract infectious disease"],
  ["91302008", "Sepsis"],
  ["195967001", "Asthma"],
  ["709044004", "Chronic kidney disease"],
];

const ALLERGENS = [
  ["91936005", "Allergy to penicillin", "764146007", "Penicillin"],
  ["294505008", "Allergy to amoxicillin", "372687004", "Amoxicillin"],
  ["300916003", "Latex allergy", "111088007", "Latex"],
  ["91935009", "Allergy to peanut", "762952008", "Peanut"],
];

const ALLERGY_ACTIVE_CONFIRMED = {
  clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", code: "active" }] },
  verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", code: "confirmed" }] },
};

const REACTIONS = [
  ["271807003", "Eruption of skin", "Rash"],
  ["39579001", "Anaphylaxis", "Anaphylaxis"],
  ["247472004", "Weal", "Hives"],
];
const manifestation = ([code, display, text]) => ({ coding: [{ system: SNOMED, code, display }], text });

const MEDICATIONS = [
  { text: "Paracetamol 500mg tablets", code: "322236009", dose: "1 g", route: "Oral", freq: [4, "d"], prn: false, doseQty: [1, "g"] },
  { text: "Amoxicillin 500mg capsules", code: "323509004", dose: "500 mg", route: "Oral", freq: [3, "d"], prn: false, doseQty: [500, "mg"] },
  { text: "Ramipril 5mg capsules", code: null, dose: "5 mg", route: "Oral", freq: [1, "d"], prn: false, doseQty: [5, "mg"] },
  { text: "Metformin 500mg tablets", code: null, dose: "500 mg", route: "Oral", freq: [2, "d"], prn: false, doseQty: [500, "mg"] },
  { text: "Enoxaparin 40mg/0.4ml solution for injection pre-filled syringes", code: null, dose: "40 mg", route: "Subcutaneous", freq: [1, "d"], prn: false, doseQty: [40, "mg"] },
  { text: "Salbutamol 100micrograms/dose inhaler", code: null, dose: "2 puffs", route: "Inhalation", freq: [4, "d"], prn: true, doseQty: [200, "ug"] },
  { text: "Morphine sulfate 10mg/5ml oral solution", code: null, dose: "2.5 mg to 5 mg", route: "Oral", freq: [1, "h"], prn: true, doseRange: [[2.5, "mg"], [5, "mg"]], period: 4 },
];

const WARDS = [
  ["ward-7", "Ward 7 (Respiratory)"],
  ["ward-12", "Ward 12 (Acute Medical Unit)"],
  ["ward-21", "Ward 21 (Care of the Elderly)"],
  ["ward-3", "Ward 3 (Cardiology)"],
];

/** The LOINC-coded vital signs a NEWS2 score needs (RCP NEWS2, 2017). */
const VITALS = {
  respiratoryRate: { loinc: "9279-1", display: "Respiratory rate", snomed: "86290005", unit: "breaths/minute", ucum: "/min" },
  spo2: { loinc: "59408-5", display: "Oxygen saturation in Arterial blood by Pulse oximetry", snomed: "431314004", unit: "%", ucum: "%" },
  systolic: { loinc: "8480-6", display: "Systolic blood pressure", snomed: "271649006", unit: "mmHg", ucum: "mm[Hg]" },
  diastolic: { loinc: "8462-4", display: "Diastolic blood pressure", snomed: "271650006", unit: "mmHg", ucum: "mm[Hg]" },
  pulse: { loinc: "8867-4", display: "Heart rate", snomed: "364075005", unit: "beats/minute", ucum: "/min" },
  temperature: { loinc: "8310-5", display: "Body temperature", snomed: "276885007", unit: "°C", ucum: "Cel" },
};
const ACVPU = [
  ["248234008", "Mentally alert", "A"],
  ["1104441000000107", "New confusion", "C"],
  ["300202002", "Responds to voice", "V"],
  ["450847001", "Responds to pain", "P"],
  ["422768004", "Unresponsive", "U"],
];

/** Lab tests with adult reference ranges (illustrative, not a laboratory's). */
const LABS = [
  { loinc: "718-7", display: "Hemoglobin [Mass/volume] in Blood", text: "Haemoglobin", unit: "g/L", low: { M: 130, F: 120 }, high: { M: 170, F: 150 }, mean: 128, sd: 18, dp: 0 },
  { loinc: "6690-2", display: "Leukocytes [#/volume] in Blood by Automated count", text: "White cell count", unit: "10*9/L", low: 4.0, high: 11.0, mean: 9.5, sd: 3.5, dp: 1 },
  { loinc: "2951-2", display: "Sodium [Moles/volume] in Serum or Plasma", text: "Sodium", unit: "mmol/L", low: 133, high: 146, mean: 137, sd: 4, dp: 0 },
  { loinc: "2823-3", display: "Potassium [Moles/volume] in Serum or Plasma", text: "Potassium", unit: "mmol/L", low: 3.5, high: 5.3, mean: 4.3, sd: 0.6, dp: 1 },
  { loinc: "2160-0", display: "Creatinine [Moles/volume] in Serum or Plasma", text: "Creatinine", unit: "umol/L", low: { M: 59, F: 45 }, high: { M: 104, F: 84 }, mean: 95, sd: 35, dp: 0 },
  { loinc: "1988-5", display: "C reactive protein [Mass/volume] in Serum or Plasma", text: "C-reactive protein", unit: "mg/L", low: null, high: 5, mean: 40, sd: 45, dp: 0, min: 1 },
];

/** How the laboratory reports the tests: one report per panel. */
const PANELS = [
  { loinc: "58410-2", display: "CBC panel - Blood by Automated count", text: "Full blood count", tests: ["718-7", "6690-2"] },
  { loinc: "24362-6", display: "Renal function 2000 panel - Serum or Plasma", text: "Urea and electrolytes", tests: ["2951-2", "2823-3", "2160-0"] },
  { loinc: "1988-5", display: "C reactive protein [Mass/volume] in Serum or Plasma", text: "C-reactive protein", tests: ["1988-5"] },
];

/** "Bay 2, bed 8" for the ward's nth patient (from 0). */
function bedName(n) {
  return `Bay ${Math.floor(n / 6) + 1}, bed ${n + 1}`;
}

/** A made-up postcode in a real area: outward code from the town, random inward code. */
function postcode(rng, area) {
  const letters = "ABDEFGHJLNPQRSTUWXYZ"; // the letters inward codes use
  return `${area}${rng.int(1, 20)} ${rng.int(1, 9)}${letters[rng.int(0, 19)]}${letters[rng.int(0, 19)]}`;
}

const round = (x, dp) => Number(x.toFixed(dp));
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function quantity(value, unit, ucum) {
  return { value, unit, system: UCUM, code: ucum };
}

const vitalQuantity = (v, value) => quantity(value, v.unit, v.ucum);

function vitalCode(v) {
  return {
    coding: [
      { system: LOINC, code: v.loinc, display: v.display },
      { system: SNOMED, code: v.snomed },
    ],
    text: v.display,
  };
}

const vitalCategory = [{ coding: [{ system: OBS_CATEGORY, code: "vital-signs", display: "Vital Signs" }] }];
const labCategory = [{ coding: [{ system: OBS_CATEGORY, code: "laboratory", display: "Laboratory" }] }];

/**
 * One set of observations along an acuity track: 0 is well; 3 is very
 * unwell. Values drift with acuity so NEWS2 scores range from 0 to 15.
 */
function vitalSet(rng, acuity, scale2) {
  const a = acuity;
  return {
    respiratoryRate: Math.round(clamp(rng.normal(15 + 4 * a, 2), 6, 40)),
    spo2: Math.round(clamp(rng.normal(scale2 ? 90 - a : 97 - 2 * a, 1.5), 75, 100)),
    onOxygen: a >= 2 ? rng.chance(0.8) : rng.chance(0.1),
    systolic: Math.round(clamp(rng.normal(128 - 14 * a, 12), 70, 220)),
    diastolic: Math.round(clamp(rng.normal(76 - 6 * a, 8), 35, 120)),
    pulse: Math.round(clamp(rng.normal(78 + 13 * a, 9), 35, 170)),
    acvpu: a >= 3 ? rng.pick([0, 1, 2, 3]) : a >= 2 && rng.chance(0.25) ? 1 : 0,
    temperature: round(clamp(rng.normal(36.8 + 0.45 * a, 0.35), 34.5, 41), 1),
  };
}

/**
 * Builds the whole data set. Returns resources with fixed ids, ready to load
 * in dependency order (organisations and people before what refers to them).
 */
export function generate({ seed = 20261121, size = "small", now = Math.floor(Date.now() / 3_600_000) * 3_600_000 } = {}) {
  const spec = SIZES[size];
  if (!spec) throw new Error(`unknown data size ${size}; use one of ${Object.keys(SIZES).join(", ")}`);
  const rng = prng(seed);
  const out = [];
  const usedNhs = new Set();

  const trust = {
    resourceType: "Organization",
    id: "trust",
    meta: { profile: [`${UK_CORE}Organization`] },
    identifier: [{ system: ODS_ORG, value: "RZZ" }],
    active: true,
    name: "Bedside Sandbox NHS Foundation Trust",
    type: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/organization-type", code: "prov", display: "Healthcare Provider" }] }],
  };
  out.push(trust);
  for (const [id, name] of WARDS) {
    out.push({
      resourceType: "Location",
      id,
      meta: { profile: [`${UK_CORE}Location`] },
      status: "active",
      name,
      mode: "instance",
      physicalType: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/location-physical-type", code: "wa", display: "Ward" }] },
      managingOrganization: { reference: "Organization/trust" },
    });
  }

  const practices = [];
  for (let i = 0; i < 6; i++) {
    const [town, , pc] = TOWNS[i % TOWNS.length];
    const practice = {
      resourceType: "Organization",
      id: `gp-practice-${i + 1}`,
      meta: { profile: [`${UK_CORE}Organization`] },
      identifier: [{ system: ODS_ORG, value: `Y9${String(9000 + i)}` }],
      active: true,
      name: `${rng.pick(["Riverside", "Parkview", "Old Mill", "Castle", "Meadow", "Bridge"])} Medical Practice, ${town}`,
      address: [{ line: [`${rng.int(1, 90)} ${rng.pick(STREETS)}`], city: town, postalCode: postcode(rng, pc), country: "GB" }],
    };
    const gpFamily = rng.pick(FAMILY);
    const gpGiven = rng.pick([...GIVEN_F, ...GIVEN_M]);
    const gp = {
      resourceType: "Practitioner",
      id: `gp-${i + 1}`,
      meta: { profile: [`${UK_CORE}Practitioner`] },
      identifier: [{ system: GMC, value: String(7_000_000 + rng.int(0, 999_999)) }],
      active: true,
      name: [{ use: "official", family: gpFamily, given: [gpGiven], prefix: ["Dr"] }],
    };
    practices.push({ practice, gp });
    out.push(practice, gp);
  }

  const staff = [
    ["nurse", "Nightingale", "Florence", "Staff Nurse", "224535009", "Registered nurse"],
    ["doctor", "Lister", "Joseph", "Dr", "309343006", "Physician"],
  ];
  for (const [id, family, given, prefix, role, roleDisplay] of staff) {
    out.push({
      resourceType: "Practitioner",
      id,
      meta: { profile: [`${UK_CORE}Practitioner`] },
      active: true,
      name: [{ use: "official", family, given: [given], prefix: prefix === "Dr" ? ["Dr"] : undefined, text: `${prefix} ${given} ${family}` }],
    });
    out.push({
      resourceType: "PractitionerRole",
      id: `${id}-role`,
      meta: { profile: [`${UK_CORE}PractitionerRole`] },
      active: true,
      practitioner: { reference: `Practitioner/${id}` },
      organization: { reference: "Organization/trust" },
      code: [{ coding: [{ system: SNOMED, code: role, display: roleDisplay }] }],
    });
  }

  const dayMs = 86_400_000;
  for (let p = 0; p < spec.patients; p++) {
    const pid = `patient-${String(p + 1).padStart(5, "0")}`;
    const female = rng.chance(0.52);
    const given = rng.pick(female ? GIVEN_F : GIVEN_M);
    const family = rng.pick(FAMILY);
    const age = clamp(Math.round(rng.normal(68, 17)), 18, 101);
    const birth = new Date(now - age * 365.25 * dayMs - rng.int(0, 364) * dayMs);
    const [town, county, pc] = rng.pick(TOWNS);
    const { practice, gp } = rng.pick(practices);
    const [ethCode, ethDisplay] = rng.pick(ETHNIC);
    const nhs = nhsNumber(rng, usedNhs);
    out.push({
      resourceType: "Patient",
      id: pid,
      meta: { profile: [`${UK_CORE}Patient`] },
      extension: [
        {
          url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory",
          valueCodeableConcept: { coding: [{ system: "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland", code: ethCode, display: ethDisplay }] },
        },
      ],
      identifier: [
        {
          extension: [
            {
              url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus",
              valueCodeableConcept: { coding: [{ system: "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland", code: "01", display: "Number present and verified" }] },
            },
          ],
          system: NHS_NUMBER_SYSTEM,
          value: nhs,
        },
        { system: "https://bedside.example/Id/hospital-number", value: `RZZ${String(100_000 + p)}` },
      ],
      active: true,
      name: [{ use: "official", family, given: [given], prefix: [female ? rng.pick(["Mrs", "Ms", "Miss"]) : "Mr"] }],
      telecom: [{ system: "phone", value: `07700 9${String(rng.int(0, 99_999)).padStart(5, "0")}`, use: "mobile" }],
      gender: female ? "female" : "male",
      birthDate: birth.toISOString().slice(0, 10),
      address: [
        {
          use: "home",
          line: [`${rng.int(1, 220)} ${rng.pick(STREETS)}`],
          city: town,
          district: county || undefined,
          postalCode: postcode(rng, pc),
          country: "GB",
        },
      ],
      generalPractitioner: [{ reference: `Organization/${practice.id}` }, { reference: `Practitioner/${gp.id}` }],
    });

    // An inpatient stay on a ward, admitted one to six days ago.
    const [wardId, wardName] = WARDS[p % WARDS.length];
    const admitted = now - rng.int(1, 6) * dayMs - rng.int(0, 23) * 3_600_000;
    const encId = `${pid}-enc`;
    out.push({
      resourceType: "Encounter",
      id: encId,
      meta: { profile: [`${UK_CORE}Encounter`] },
      status: "in-progress",
      class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "IMP", display: "inpatient encounter" },
      subject: { reference: `Patient/${pid}` },
      period: { start: iso(admitted) },
      // The ward, then the bed: six beds to a bay, numbered along the ward.
      location: [
        { location: { reference: `Location/${wardId}`, display: wardName }, status: "active" },
        { location: { display: bedName(Math.floor(p / WARDS.length)) }, status: "active", physicalType: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/location-physical-type", code: "bd", display: "Bed" }] } },
      ],
      serviceProvider: { reference: "Organization/trust" },
    });

    // Conditions: one to three.
    const conditionCount = rng.int(1, 3);
    const chosen = new Set();
    while (chosen.size < conditionCount) chosen.add(rng.pick(CONDITIONS));
    let c = 0;
    for (const [code, display] of chosen) {
      out.push({
        resourceType: "Condition",
        id: `${pid}-cond-${++c}`,
        meta: { profile: [`${UK_CORE}Condition`] },
        clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
        verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }] },
        category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: c === 1 ? "encounter-diagnosis" : "problem-list-item" }] }],
        code: { coding: [{ system: SNOMED, code, display }], text: display },
        subject: { reference: `Patient/${pid}` },
        encounter: c === 1 ? { reference: `Encounter/${encId}` } : undefined,
        recordedDate: iso(admitted),
      });
    }

    // Allergies: a real one, "no known allergies", nothing recorded (unknown),
    // or, for every other patient with nothing recorded, "unable to assess".
    const allergyKind = rng.next();
    if (allergyKind < 0.3) {
      const [code, display, substance, substanceDisplay] = rng.pick(ALLERGENS);
      out.push({
        resourceType: "AllergyIntolerance",
        id: `${pid}-allergy-1`,
        meta: { profile: [`${UK_CORE}AllergyIntolerance`] },
        ...ALLERGY_ACTIVE_CONFIRMED,
        category: [substance === "111088007" ? "environment" : substance === "762952008" ? "food" : "medication"],
        criticality: rng.pick(["low", "high"]),
        code: { coding: [{ system: SNOMED, code, display }], text: display },
        patient: { reference: `Patient/${pid}` },
        recordedDate: iso(admitted),
        reaction: [
          {
            substance: { coding: [{ system: SNOMED, code: substance, display: substanceDisplay }] },
            manifestation: [manifestation(rng.pick(REACTIONS))],
          },
        ],
      });
    } else if (allergyKind < 0.75) {
      out.push({
        resourceType: "AllergyIntolerance",
        id: `${pid}-allergy-1`,
        meta: { profile: [`${UK_CORE}AllergyIntolerance`] },
        ...ALLERGY_ACTIVE_CONFIRMED,
        code: { coding: [{ system: SNOMED, code: "716186003", display: "No known allergy" }], text: "No known allergies" },
        patient: { reference: `Patient/${pid}` },
        recordedDate: iso(admitted),
      });
    } else if (p % 2 === 0) {
      // Unable to assess (the patient could not be asked): UK Core has no
      // AllergyIntolerance code for it, so it is the patient's allergy list
      // (GP Connect's "Allergies and adverse reactions" List, SNOMED CT
      // 886921000000105), empty for the reason FHIR's list-empty-reason
      // calls "unavailable": "cannot be obtained, e.g. the patient is
      // unconscious". Decided by the patient's number, not a random draw,
      // so the rest of the data stays as it was.
      out.push({
        resourceType: "List",
        id: `${pid}-allergies`,
        status: "current",
        mode: "snapshot",
        title: "Allergies and adverse reactions",
        code: { coding: [{ system: SNOMED, code: ALLERGY_LIST, display: "Allergies and adverse reactions" }] },
        subject: { reference: `Patient/${pid}` },
        date: iso(admitted),
        emptyReason: {
          coding: [{ system: "http://terminology.hl7.org/CodeSystem/list-empty-reason", code: "unavailable", display: "Unavailable" }],
          text: "Unable to assess: the patient could not be asked",
        },
      });
    } // else: nothing recorded, so allergy status is unknown.

    // Medication requests: two to four.
    const meds = new Set();
    const medCount = rng.int(2, 4);
    while (meds.size < medCount) meds.add(rng.pick(MEDICATIONS));
    let m = 0;
    for (const med of meds) {
      const [freq, unit] = med.freq;
      const timing = med.period
        ? { repeat: { frequency: 1, period: med.period, periodUnit: "h" } }
        : { repeat: { frequency: freq, period: 1, periodUnit: unit } };
      const text = med.prn
        ? `${med.dose} when required${med.period ? `, at least ${med.period} hours apart` : `, up to ${freq} times a day`}`
        : `${med.dose} ${freq === 1 ? "once" : freq === 2 ? "twice" : `${freq} times`} a day`;
      out.push({
        resourceType: "MedicationRequest",
        id: `${pid}-med-${++m}`,
        meta: { profile: [`${UK_CORE}MedicationRequest`] },
        status: "active",
        intent: "order",
        medicationCodeableConcept: {
          coding: med.code ? [{ system: SNOMED, code: med.code, display: med.text }] : undefined,
          text: med.text,
        },
        subject: { reference: `Patient/${pid}` },
        encounter: { reference: `Encounter/${encId}` },
        authoredOn: iso(admitted + 3_600_000),
        requester: { reference: "Practitioner/doctor" },
        dosageInstruction: [
          {
            text,
            asNeededBoolean: med.prn,
            timing,
            route: { text: med.route },
            doseAndRate: [
              med.doseRange
                ? { doseRange: { low: quantity(...med.doseRange[0], med.doseRange[0][1]), high: quantity(...med.doseRange[1], med.doseRange[1][1]) } }
                : { doseQuantity: quantity(med.doseQty[0], med.doseQty[1], med.doseQty[1]) },
            ],
          },
        ],
      });
    }

    // Vital signs along an acuity track. About a fifth deteriorate, some improve.
    const start = rng.int(0, 2);
    const trend = rng.next() < 0.2 ? 1 : rng.next() < 0.3 ? -1 : 0;
    const scale2 = rng.chance(0.08); // hypercapnic respiratory failure: SpO2 scale 2
    let o = 0;
    for (let s = 0; s < spec.vitalSetsPerPatient; s++) {
      const when = now - (spec.vitalSetsPerPatient - s) * 4 * 3_600_000 - rng.int(0, 40) * 60_000;
      if (when < admitted) continue;
      const progress = s / Math.max(1, spec.vitalSetsPerPatient - 1);
      const acuity = clamp(start + trend * 2 * progress + rng.normal(0, 0.35), 0, 3);
      const v = vitalSet(rng, acuity, scale2);
      const base = (code, extra) => ({
        resourceType: "Observation",
        id: `${pid}-obs-${++o}`,
        meta: { profile: [`${UK_CORE}Observation`] },
        status: "final",
        category: vitalCategory,
        code,
        subject: { reference: `Patient/${pid}` },
        encounter: { reference: `Encounter/${encId}` },
        effectiveDateTime: iso(when),
        performer: [{ reference: "Practitioner/nurse" }],
        ...extra,
      });
      out.push(base(vitalCode(VITALS.respiratoryRate), { valueQuantity: vitalQuantity(VITALS.respiratoryRate, v.respiratoryRate) }));
      out.push(
        base(vitalCode(VITALS.spo2), {
          valueQuantity: vitalQuantity(VITALS.spo2, v.spo2),
          component: [
            {
              code: { coding: [{ system: `${BEDSIDE_CS}news2`, code: "spo2-scale", display: "NEWS2 SpO2 scale" }] },
              valueInteger: scale2 ? 2 : 1,
            },
          ],
        }),
      );
      out.push(
        base(
          { coding: [{ system: LOINC, code: "3150-0", display: "Inhaled oxygen concentration" }], text: "Air or oxygen" },
          {
            valueCodeableConcept: v.onOxygen
              ? { coding: [{ system: SNOMED, code: "371825009", display: "Patient on oxygen" }], text: "Oxygen" }
              : { coding: [{ system: SNOMED, code: "722742002", display: "Breathing room air" }], text: "Air" },
          },
        ),
      );
      out.push(
        base(
          { coding: [{ system: LOINC, code: "85354-9", display: "Blood pressure panel with all children optional" }], text: "Blood pressure" },
          {
            component: [
              { code: vitalCode(VITALS.systolic), valueQuantity: vitalQuantity(VITALS.systolic, v.systolic) },
              { code: vitalCode(VITALS.diastolic), valueQuantity: vitalQuantity(VITALS.diastolic, v.diastolic) },
            ],
          },
        ),
      );
      out.push(base(vitalCode(VITALS.pulse), { valueQuantity: vitalQuantity(VITALS.pulse, v.pulse) }));
      const [acCode, acDisplay, acLetter] = ACVPU[v.acvpu];
      out.push(
        base(
          { coding: [{ system: LOINC, code: "67775-7", display: "Level of responsiveness" }], text: "Consciousness (ACVPU)" },
          { valueCodeableConcept: { coding: [{ system: SNOMED, code: acCode, display: acDisplay }], text: acLetter } },
        ),
      );
      out.push(base(vitalCode(VITALS.temperature), { valueQuantity: vitalQuantity(VITALS.temperature, v.temperature) }));
    }

    // Laboratory results with reference ranges and interpretation, each
    // set reported as the laboratory would: one DiagnosticReport per panel.
    let l = 0;
    let reportCount = 0;
    for (let s = 0; s < spec.labSetsPerPatient; s++) {
      const when = admitted + s * dayMs + 2 * 3_600_000;
      if (when > now) continue;
      const inSet = new Map();
      for (const lab of LABS) {
        const sexKey = female ? "F" : "M";
        const low = typeof lab.low === "object" && lab.low ? lab.low[sexKey] : lab.low;
        const high = typeof lab.high === "object" ? lab.high[sexKey] : lab.high;
        const value = round(Math.max(lab.min ?? 0, rng.normal(lab.mean, lab.sd)), lab.dp);
        const flag = low !== null && value < low ? ["L", "Low"] : value > high ? ["H", "High"] : ["N", "Normal"];
        out.push({
          resourceType: "Observation",
          id: `${pid}-lab-${++l}`,
          meta: { profile: [`${UK_CORE}Observation`] },
          status: "final",
          category: labCategory,
          code: { coding: [{ system: LOINC, code: lab.loinc, display: lab.display }], text: lab.text },
          subject: { reference: `Patient/${pid}` },
          encounter: { reference: `Encounter/${encId}` },
          effectiveDateTime: iso(when),
          issued: iso(when + 2 * 3_600_000),
          valueQuantity: quantity(value, lab.unit, lab.unit),
          interpretation: [{ coding: [{ system: INTERPRETATION, code: flag[0], display: flag[1] }] }],
          referenceRange: [
            {
              low: low === null ? undefined : quantity(low, lab.unit, lab.unit),
              high: quantity(high, lab.unit, lab.unit),
              text: low === null ? `< ${high} ${lab.unit}` : `${low} to ${high} ${lab.unit}`,
            },
          ],
        });
        inSet.set(lab.loinc, `${pid}-lab-${l}`);
      }
      // Reports take no random numbers: the data before them stays the same.
      for (const panel of PANELS) {
        const results = panel.tests.filter((t) => inSet.has(t)).map((t) => ({ reference: `Observation/${inSet.get(t)}` }));
        if (results.length === 0) continue;
        out.push({
          resourceType: "DiagnosticReport",
          id: `${pid}-report-${++reportCount}`,
          meta: { profile: [`${UK_CORE}DiagnosticReport`] },
          status: "final",
          category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0074", code: "LAB", display: "Laboratory" }] }],
          code: { coding: [{ system: LOINC, code: panel.loinc, display: panel.display }], text: panel.text },
          subject: { reference: `Patient/${pid}` },
          encounter: { reference: `Encounter/${encId}` },
          effectiveDateTime: iso(when),
          issued: iso(when + 2 * 3_600_000),
          result: results,
        });
      }
    }
  }
  return out.map(dropUndefined);
}

/** JSON has no `undefined`; FHIR validators reject empty objects and arrays. */
function dropUndefined(value) {
  if (Array.isArray(value)) {
    const items = value.map(dropUndefined).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, dropUndefined(v)])
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}
