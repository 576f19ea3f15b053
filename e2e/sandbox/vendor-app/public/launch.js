// SMART launch: an EHR launch (`iss` and `launch` from the EHR), or, when
// the app starts again with nothing to go on, a standalone launch at the
// server it last used, where the user picks the patient (and signs in if
// their sign-on session has ended).
(async () => {
  const status = document.getElementById("status");
  try {
    const { clientId } = await (await fetch("/settings.json")).json();
    const query = new URLSearchParams(location.search);
    const iss = query.get("iss");
    if (!iss) {
      status.textContent = "Open this app from your clinical system.";
      return;
    }
    sessionStorage.setItem("fluid-balance-iss", iss);
    const patientScopes = "patient/Patient.r patient/Observation.rs patient/Observation.c";
    await FHIR.oauth2.authorize({
      clientId,
      redirectUri: "/index.html",
      // online_access: a refresh token only while the user's sign-on lasts.
      scope: `${query.has("launch") ? "launch" : "launch/patient"} openid fhirUser online_access ${patientScopes}`,
    });
  } catch (e) {
    status.textContent = `The app could not start: ${e.message}`;
  }
})();
