#!/usr/bin/env node
// Writes the starting scenarios in prototypes/scenarios/ from the sandbox's
// synthetic data generator (e2e/sandbox/data/synthetic.mjs), so their
// records are shaped as the sandbox's are (UK Core profiles, SNOMED CT and
// LOINC codes the tools read). Run once; the files are then the designers'
// to edit by hand (docs/prototypes.md), and running this again overwrites
// them.
//
//   node prototypes/generate.mjs
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "../e2e/sandbox/data/synthetic.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
// "Today" in every scenario: the records are written for this moment, and
// move with it to the day a scenario is opened (bedside_core::prototype).
const TODAY = "2026-03-14T09:00:00Z";
const NOW = Date.parse(TODAY);
const HOUR = 3_600_000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const WARD = "ward-7";

const all = generate({ size: "small", now: NOW });
const byType = (type) => all.filter((r) => r.resourceType === type);
const refersTo = (r, pid) => [r.subject, r.patient].some((ref) => ref?.reference === `Patient/${pid}`);

const PERSONAS = [
  { id: "nurse", name: "Staff Nurse Florence Nightingale", role: "Registered Nurse", practitioner: "Practitioner/nurse" },
  { id: "doctor", name: "Dr Joseph Lister", role: "Doctor", practitioner: "Practitioner/doctor" },
];

/** The staff, the trust and the ward every scenario has. */
const common = () => [
  ...byType("Organization").filter((o) => o.id === "trust"),
  ...byType("Location").filter((l) => l.id === WARD),
  ...byType("Practitioner").filter((p) => p.id === "nurse" || p.id === "doctor"),
  ...byType("PractitionerRole"),
];

/** A patient's records, with their stay moved to the ward and only the last `sets` vital sign sets. */
function patientRecords(pid, { sets = 6 } = {}) {
  const patient = all.find((r) => r.resourceType === "Patient" && r.id === pid);
  const mine = all.filter((r) => refersTo(r, pid)).map((r) => structuredClone(r));
  for (const stay of mine.filter((r) => r.resourceType === "Encounter")) {
    stay.location[0].location = { reference: `Location/${WARD}`, display: "Ward 7 (Respiratory)" };
  }
  const vitals = mine.filter((r) => r.resourceType === "Observation" && r.category?.[0]?.coding?.[0]?.code === "vital-signs");
  const times = [...new Set(vitals.map((o) => o.effectiveDateTime))].sort().slice(-sets);
  const practices = new Set((patient.generalPractitioner ?? []).map((g) => g.reference));
  const gps = all.filter((r) => practices.has(`${r.resourceType}/${r.id}`));
  return [
    structuredClone(patient),
    ...gps,
    ...mine.filter((r) => !vitals.includes(r) || times.includes(r.effectiveDateTime)),
  ];
}

const wardPatients = byType("Encounter")
  .filter((e) => e.location?.[0]?.location?.reference === `Location/${WARD}` && e.status === "in-progress")
  .map((e) => e.subject.reference.split("/")[1]);

function bundle(records) {
  const seen = new Set();
  const entry = [];
  for (const resource of records) {
    const key = `${resource.resourceType}/${resource.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entry.push({ resource });
  }
  return { resourceType: "Bundle", type: "collection", entry };
}

function write(name, scenario) {
  const file = join(here, "scenarios", `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ today: TODAY, personas: PERSONAS, ...scenario }, null, 1)}\n`);
  console.log(`wrote ${file} (${scenario.bundle.entry.length} records)`);
}

const nameOf = (pid) => {
  const p = all.find((r) => r.resourceType === "Patient" && r.id === pid);
  return `${p.name[0].given[0]} ${p.name[0].family}`;
};

// 1. A ward of 26.
const ward = [...common(), ...wardPatients.flatMap((pid) => patientRecords(pid))];
write("ward", {
  title: "A ward of 26",
  description: "Ward 7 (Respiratory) with 26 inpatients and a spread of NEWS2 scores over the last day.",
  start: `/ward-list?ward=${WARD}`,
  bundle: bundle(ward),
});

// 2. A deteriorating patient: a set every two hours for a day, NEWS2
// rising from 0 to 8 (RCP NEWS2 2017, Chart 1): breathing faster, needing
// oxygen, pulse up, blood pressure and then consciousness down.
const TRACK = [
  // rate, SpO2, oxygen, systolic, pulse, ACVPU (0 alert, 1 new confusion), temperature
  [16, 97, false, 128, 78, 0, 37.0],
  [17, 97, false, 126, 80, 0, 37.1],
  [18, 96, false, 124, 84, 0, 37.3],
  [18, 95, false, 122, 88, 0, 37.6],
  [19, 95, false, 120, 92, 0, 37.9],
  [20, 95, false, 118, 94, 0, 38.1],
  [21, 94, false, 116, 96, 0, 38.2],
  [21, 95, true, 114, 98, 0, 38.3],
  [22, 94, true, 112, 100, 0, 38.4],
  [22, 94, true, 110, 104, 0, 38.5],
  [23, 94, true, 108, 106, 0, 38.6],
  [24, 93, true, 106, 108, 0, 38.6],
  [24, 94, true, 104, 112, 0, 38.7],
];
const [deteriorating] = wardPatients;
const base = patientRecords(deteriorating, { sets: 1 });
const template = base.filter((r) => r.resourceType === "Observation" && r.category?.[0]?.coding?.[0]?.code === "vital-signs");
const track = TRACK.flatMap(([rate, spo2, oxygen, systolic, pulse, acvpu, temperature], i) => {
  const when = iso(NOW - (TRACK.length - 1 - i) * 2 * HOUR - 15 * 60_000);
  return template.map((t, n) => {
    const o = structuredClone(t);
    o.id = `${deteriorating}-track-${i + 1}-${n + 1}`;
    o.effectiveDateTime = when;
    const loinc = o.code.coding[0].code;
    if (loinc === "9279-1") o.valueQuantity.value = rate;
    if (loinc === "59408-5") o.valueQuantity.value = spo2;
    if (loinc === "8867-4") o.valueQuantity.value = pulse;
    if (loinc === "8310-5") o.valueQuantity.value = temperature;
    if (loinc === "85354-9") o.component[0].valueQuantity.value = systolic;
    if (loinc === "3150-0") {
      o.valueCodeableConcept = oxygen
        ? { coding: [{ system: "http://snomed.info/sct", code: "371825009", display: "Patient on oxygen" }], text: "Oxygen" }
        : { coding: [{ system: "http://snomed.info/sct", code: "722742002", display: "Breathing room air" }], text: "Air" };
    }
    if (loinc === "67775-7") {
      o.valueCodeableConcept = acvpu
        ? { coding: [{ system: "http://snomed.info/sct", code: "1104441000000107", display: "New confusion" }], text: "C" }
        : { coding: [{ system: "http://snomed.info/sct", code: "248234008", display: "Mentally alert" }], text: "A" };
    }
    return o;
  });
});
write("deteriorating", {
  title: "A deteriorating patient",
  description: `${nameOf(deteriorating)} on Ward 7: observations every two hours for a day, NEWS2 rising from 0 to 8.`,
  start: `/observations?patient=${deteriorating}`,
  bundle: bundle([...common(), ...base.filter((r) => !template.includes(r)), ...track]),
});

// 3. A deceased patient: died yesterday evening, their stay finished.
const [, deceased] = wardPatients;
const died = iso(NOW - 14 * HOUR);
const deceasedRecords = patientRecords(deceased).map((r) => {
  if (r.resourceType === "Patient") return { ...r, deceasedDateTime: died };
  if (r.resourceType === "Encounter") return { ...r, status: "finished", period: { ...r.period, end: died } };
  if (r.resourceType === "MedicationRequest") return { ...r, status: "stopped" };
  return r;
});
write("deceased", {
  title: "A deceased patient",
  description: `${nameOf(deceased)}, who died yesterday evening on Ward 7: how each tool shows a deceased patient.`,
  start: `/summary?patient=${deceased}`,
  bundle: bundle([...common(), ...deceasedRecords]),
});

// 4. The four allergy states, one patient each: an allergy, "no known
// allergies", unable to assess (an empty allergy list, reason
// "unavailable"), and nothing recorded.
const allergyState = (pid) => {
  const records = all.filter((r) => refersTo(r, pid));
  if (records.some((r) => r.resourceType === "List")) return "unable to assess";
  const allergy = records.find((r) => r.resourceType === "AllergyIntolerance");
  if (!allergy) return "nothing recorded";
  return allergy.code.coding[0].code === "716186003" ? "no known allergies" : "an allergy";
};
const patients = byType("Patient").map((p) => p.id);
const fourStates = ["an allergy", "no known allergies", "unable to assess", "nothing recorded"].map((state) =>
  patients.find((pid) => allergyState(pid) === state),
);
write("allergies", {
  title: "The four allergy states",
  description: `Four patients on Ward 7: ${fourStates.map((pid) => `${nameOf(pid)} (${allergyState(pid)})`).join(", ")}.`,
  start: `/ward-list?ward=${WARD}`,
  bundle: bundle([...common(), ...fourStates.flatMap((pid) => patientRecords(pid))]),
});

// 5. Medicines: dose ranges, when required, and a reducing regimen as the
// prescriber wrote it (each step a dosage of its own, in sequence).
const [, , medicated] = wardPatients;
const quantity = (value, unit) => ({ value, unit, system: "http://unitsofmeasure.org", code: unit });
const snomedMedicine = (code, text) => ({ coding: [{ system: "http://snomed.info/sct", code, display: text }], text });
const order = (n, medication, dosageInstruction, extra = {}) => ({
  resourceType: "MedicationRequest",
  id: `${medicated}-rx-${n}`,
  meta: { profile: ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationRequest"] },
  status: "active",
  intent: "order",
  medicationCodeableConcept: medication,
  subject: { reference: `Patient/${medicated}` },
  encounter: { reference: `Encounter/${medicated}-enc` },
  authoredOn: iso(NOW - 20 * HOUR),
  requester: { reference: "Practitioner/doctor" },
  dosageInstruction,
  ...extra,
});
const daily = (mg, days, sequence, startDay) => ({
  sequence,
  text: `${mg} mg once a day for ${days} days`,
  timing: {
    repeat: {
      frequency: 1,
      period: 1,
      periodUnit: "d",
      boundsPeriod: { start: iso(NOW + startDay * 24 * HOUR).slice(0, 10), end: iso(NOW + (startDay + days - 1) * 24 * HOUR).slice(0, 10) },
    },
  },
  route: { text: "Oral" },
  doseAndRate: [{ doseQuantity: quantity(mg, "mg") }],
});
const medicines = [
  order(1, snomedMedicine("325424006", "Prednisolone 5mg tablets"), [daily(40, 5, 1, -1), daily(30, 3, 2, 4), daily(20, 3, 3, 7), daily(10, 3, 4, 10)], {
    note: [{ text: "Reducing course for the COPD exacerbation: stop after the 10 mg days. Take with or after food." }],
  }),
  order(2, snomedMedicine("36031000001108", "Morphine sulfate 10mg/5ml oral solution"), [
    {
      text: "2.5 mg to 5 mg every 4 hours when required for breathlessness, no more than 30 mg in 24 hours",
      asNeededCodeableConcept: { text: "breathlessness" },
      timing: { repeat: { frequency: 1, period: 4, periodUnit: "h" } },
      maxDosePerPeriod: { numerator: quantity(30, "mg"), denominator: quantity(24, "h") },
      route: { text: "Oral" },
      doseAndRate: [{ doseRange: { low: quantity(2.5, "mg"), high: quantity(5, "mg") } }],
    },
  ]),
  order(3, snomedMedicine("39695211000001102", "Salbutamol 2.5mg/2.5ml nebuliser liquid unit dose vials"), [
    {
      text: "2.5 mg to 5 mg nebulised up to 4 times a day, and when required",
      asNeededBoolean: true,
      timing: { repeat: { frequencyMax: 4, frequency: 1, period: 1, periodUnit: "d" } },
      route: { text: "Inhalation" },
      doseAndRate: [{ doseRange: { low: quantity(2.5, "mg"), high: quantity(5, "mg") } }],
    },
  ]),
  order(4, snomedMedicine("323509004", "Amoxicillin 500mg capsules"), [
    {
      text: "500 mg three times a day for 5 days",
      timing: { repeat: { frequency: 3, period: 1, periodUnit: "d", boundsDuration: { value: 5, unit: "days", system: "http://unitsofmeasure.org", code: "d" } } },
      route: { text: "Oral" },
      doseAndRate: [{ doseQuantity: quantity(500, "mg") }],
      additionalInstruction: [{ text: "Space the doses evenly through the day" }],
    },
  ]),
];
write("medicines", {
  title: "Medicines with ranges and a reducing course",
  description: `${nameOf(medicated)} on Ward 7: dose ranges, when-required doses and a reducing prednisolone course.`,
  start: `/summary?patient=${medicated}`,
  bundle: bundle([...common(), ...patientRecords(medicated).filter((r) => r.resourceType !== "MedicationRequest"), ...medicines]),
});

// 6. A server in trouble: slow for vital signs, failing for medicines.
write("server-trouble", {
  title: "A slow and failing server",
  description: "Eight patients on Ward 7, with vital signs taking 4 seconds to arrive and every medicines request failing (503).",
  start: `/ward-list?ward=${WARD}`,
  behaviour: {
    "*": { latencyMs: 300 },
    Observation: { latencyMs: 4000 },
    MedicationRequest: { status: 503, message: "The prescribing system is not responding" },
  },
  bundle: bundle([...common(), ...wardPatients.slice(0, 8).flatMap((pid) => patientRecords(pid))]),
});
