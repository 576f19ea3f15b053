// The UK Core Patient profile's rules that the sandbox data, and the Bedside
// components that read it, depend on: what `meta.profile` alone would only
// claim. From UK Core STU2 (https://simplifier.net/hl7fhirukcorer4):
// UKCore-Patient, Extension-UKCore-NHSNumberVerificationStatus,
// Extension-UKCore-EthnicCategory, and the NHS number's Modulus 11 check
// digit (NHS Data Dictionary, "NHS number").
import { isValidNhsNumber } from "./synthetic.mjs";

export const UK_CORE_PATIENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";
export const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
const VERIFICATION_STATUS = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
const VERIFICATION_CODES = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";
const ETHNIC_CATEGORY = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";
const ETHNIC_CODES = "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland";
/** UK Core's Patient extensions that the data uses; any other UK Core URL is a typo. */
const KNOWN_PATIENT_EXTENSIONS = [ETHNIC_CATEGORY];
const UK_CORE_DEFINITIONS = "https://fhir.hl7.org.uk/StructureDefinition/";

const codings = (extension) => extension.valueCodeableConcept?.coding ?? [];

/** What in `patient` breaks those rules, in words; empty when nothing does. */
export function ukCorePatientProblems(patient) {
  const problems = [];
  if (!(patient.meta?.profile ?? []).includes(UK_CORE_PATIENT)) problems.push(`meta.profile does not claim ${UK_CORE_PATIENT}`);

  const nhsNumbers = (patient.identifier ?? []).filter((i) => i.system === NHS_NUMBER_SYSTEM);
  if (nhsNumbers.length > 1) problems.push(`${nhsNumbers.length} NHS numbers (at most one)`);
  for (const id of nhsNumbers) {
    if (!isValidNhsNumber(id.value ?? "")) problems.push(`NHS number ${id.value} fails the Modulus 11 check`);
    const statuses = (id.extension ?? []).filter((e) => e.url === VERIFICATION_STATUS);
    if (statuses.length > 1) problems.push("more than one NHS number verification status");
    for (const e of id.extension ?? []) {
      if (e.url !== VERIFICATION_STATUS) problems.push(`unknown extension on the NHS number: ${e.url}`);
    }
    for (const status of statuses) {
      const coded = codings(status).filter((c) => c.system === VERIFICATION_CODES);
      if (coded.length !== 1 || !/^0[1-8]$/.test(coded[0].code ?? "")) {
        problems.push(`NHS number verification status is not one code 01–08 from ${VERIFICATION_CODES}`);
      }
    }
  }
  if ((patient.identifier ?? []).some((i) => /nhs-number/i.test(i.system ?? "") && i.system !== NHS_NUMBER_SYSTEM)) {
    problems.push("an NHS number under another system URL");
  }

  for (const e of patient.extension ?? []) {
    if (e.url?.startsWith(UK_CORE_DEFINITIONS) && !KNOWN_PATIENT_EXTENSIONS.includes(e.url)) {
      problems.push(`unknown UK Core extension: ${e.url}`);
    }
    if (e.url === ETHNIC_CATEGORY && !codings(e).some((c) => c.system === ETHNIC_CODES && c.code)) {
      problems.push(`ethnic category without a code from ${ETHNIC_CODES}`);
    }
  }
  return problems;
}
