// The journey benchmark's peer: a React app of the kind a trust writes
// today, doing Bedside's first steps the usual way. SMART standalone
// sign-in with fhirclient (PKCE, against the same sandbox and client id),
// a signed-in start page, and a patient search listed in an NHS.UK table.
// Settings come from the same /config.json Bedside reads.
import FHIR from "fhirclient";
import { Button, Header, Table, TextInput } from "nhsuk-react-components";
import "nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css";
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";

const CALLBACK = "/auth/callback";

async function organisation() {
  const config = await (await fetch("/config.json")).json();
  return config.signOn.organisations[0];
}

async function signIn() {
  const org = await organisation();
  await FHIR.oauth2.authorize({
    iss: org.fhirBaseUrl,
    clientId: org.clientId,
    scope: "openid fhirUser user/Patient.rs",
    redirectUri: CALLBACK,
  });
}

function Page({ children }) {
  return (
    <>
      <Header service={{ href: "/", text: "Peer" }} />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          {children}
        </main>
      </div>
    </>
  );
}

function SignIn() {
  return (
    <Page>
      <h1>Sign in</h1>
      <Button onClick={signIn}>Sign in</Button>
    </Page>
  );
}

function Patients({ client }) {
  const [text, setText] = useState("");
  const [patients, setPatients] = useState(null);
  const search = async (event) => {
    event.preventDefault();
    const bundle = await client.request(`Patient?name=${encodeURIComponent(text)}&_count=20`);
    setPatients((bundle.entry ?? []).map((e) => e.resource));
  };
  const name = (p) => {
    const n = p.name?.[0] ?? {};
    return `${(n.family ?? "").toUpperCase()}, ${(n.given ?? []).join(" ")}`;
  };
  return (
    <Page>
      <h1 data-testid="peer-start">Find a patient</h1>
      <form onSubmit={search}>
        <TextInput label="Name or NHS number" value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit">Search</Button>
      </form>
      {patients && (
        <Table data-testid="patient-results" caption={`${patients.length} patients shown`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Name</Table.Cell>
              <Table.Cell>Born</Table.Cell>
              <Table.Cell>Gender</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {patients.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>{name(p)}</Table.Cell>
                <Table.Cell>{p.birthDate}</Table.Cell>
                <Table.Cell>{p.gender}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Page>
  );
}

function App() {
  const [client, setClient] = useState(null);
  const returning = window.location.pathname === CALLBACK;
  useEffect(() => {
    if (returning) FHIR.oauth2.ready().then(setClient);
  }, [returning]);
  if (client) return <Patients client={client} />;
  return returning ? <Page><p>Signing in…</p></Page> : <SignIn />;
}

createRoot(document.getElementById("root")).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
