// The chart: the launched patient's fluid intake and urine output, and a
// form to record either. Tokens stay in this tab (fhirclient keeps them in
// sessionStorage); on every load that did not just finish a sign-in, the app
// refreshes its token first, so it stops working once the user's sign-on
// session has ended (SMART `online_access`), and starts again from the
// sign-in service, which then asks who is there.
const LOINC = "http://loinc.org";
// LOINC 9108-2 Fluid intake total 24 hour; 9192-6 Urine output 24 hour.
const CODES = { intake: ["9108-2", "Fluid intake total 24 hour"], output: ["9192-6", "Urine output 24 hour"] };

const $ = (id) => document.getElementById(id);

function startAgain() {
  const iss = sessionStorage.getItem("fluid-balance-iss");
  sessionStorage.clear();
  if (!iss) {
    $("status").textContent = "Open this app from your clinical system.";
    return;
  }
  sessionStorage.setItem("fluid-balance-iss", iss);
  location.replace(`/launch.html?iss=${encodeURIComponent(iss)}`);
}

function row(observation) {
  const tr = document.createElement("tr");
  const code = observation.code?.coding?.find((c) => c.system === LOINC)?.code;
  const what = code === CODES.output[0] ? "Urine output" : "Intake";
  for (const text of [observation.effectiveDateTime ?? "", what, String(observation.valueQuantity?.value ?? "")]) {
    const td = document.createElement("td");
    td.textContent = text;
    tr.append(td);
  }
  return { tr, what, value: Number(observation.valueQuantity?.value ?? 0) };
}

async function show(client) {
  const patient = await client.patient.read();
  const official = patient.name?.find((n) => n.use === "official") ?? patient.name?.[0];
  $("patient-name").textContent = `${(official?.family ?? "").toUpperCase()}, ${(official?.given ?? []).join(" ")}`;
  const nhs = patient.identifier?.find((i) => i.system === "https://fhir.nhs.uk/Id/nhs-number")?.value ?? "Not recorded";
  $("patient-nhs-number").textContent = nhs.replace(/^(\d{3})(\d{3})(\d{4})$/, "$1 $2 $3");
  $("patient-birth-date").textContent = patient.birthDate ?? "Not recorded";
  const codes = Object.values(CODES).map(([code]) => `${LOINC}|${code}`).join(",");
  const bundle = await client.request(`Observation?patient=${encodeURIComponent(client.patient.id)}&code=${encodeURIComponent(codes)}&_sort=-date&_count=50`);
  const rows = (bundle.entry ?? []).map((e) => row(e.resource));
  $("entries").replaceChildren(...rows.map((r) => r.tr));
  const total = (what) => rows.filter((r) => r.what === what).reduce((sum, r) => sum + r.value, 0);
  $("balance").textContent = `Balance: ${total("Intake") - total("Urine output")} mL`;
}

(async () => {
  const justSignedIn = new URLSearchParams(location.search).has("code");
  let client;
  try {
    client = await FHIR.oauth2.ready();
    if (!justSignedIn) await client.refresh();
  } catch {
    return startAgain();
  }
  try {
    await show(client);
    $("status").textContent = "";
    $("chart").hidden = false;
  } catch (e) {
    $("status").textContent = `The chart could not be read: ${e.message}`;
    return;
  }
  $("record").addEventListener("submit", async (event) => {
    event.preventDefault();
    const [code, display] = CODES[$("kind").value];
    const value = Number($("volume").value);
    try {
      await client.create({
        resourceType: "Observation",
        status: "final",
        code: { coding: [{ system: LOINC, code, display }] },
        subject: { reference: `Patient/${client.patient.id}` },
        effectiveDateTime: new Date().toISOString(),
        valueQuantity: { value, unit: "mL", system: "http://unitsofmeasure.org", code: "mL" },
      });
      $("volume").value = "";
      await show(client);
      $("status").textContent = `Recorded ${value} mL.`;
    } catch (e) {
      $("status").textContent = `Not recorded: ${e.message}`;
    }
  });
})();
