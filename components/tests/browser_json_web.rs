//! Browser tests for `bedside::smart::browser_json`: the first page's JSON
//! (settings, the stored session, tab messages, token responses) is read
//! and written field by field with the browser's JSON, not serde. These
//! tests hold it to serde's format, both ways, so that the natively tested
//! serde models and the browser codec cannot drift apart.
#![cfg(target_arch = "wasm32")]

use bedside::smart::browser_json::{
    message_from_json, message_to_json, read_config, read_token, session_from_json, session_to_json,
};
use bedside::smart::session::{ContextIdentifier, FhirContextItem, Message, User};
use bedside::smart::{
    ConfigError, Session, SignOnConfig, SmartConfiguration, TokenError, TokenResponse,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A session with every optional part present.
fn full_session() -> Session {
    let token = TokenResponse::parse(
        br#"{"access_token":"a.b.c","token_type":"Bearer","expires_in":300,"refresh_token":"r1",
            "id_token":"i.d.t","scope":"openid fhirUser launch patient/*.rs","patient":"patient-00007",
            "encounter":"enc-1","need_patient_banner":true,"intent":"reconcile-medications","tenant":"t1",
            "fhirContext":["Encounter/enc-1",{"canonical":"https://q.example/Q/1","type":"Questionnaire","role":"https://r.example"},
                           {"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}}]}"#,
    )
    .expect("token");
    let mut server = SmartConfiguration::from_oauth_uris(
        "https://as.example/auth".into(),
        "https://as.example/token".into(),
    );
    server.issuer = Some("https://as.example".into());
    server.jwks_uri = Some("https://as.example/jwks".into());
    server.revocation_endpoint = Some("https://as.example/revoke".into());
    server.end_session_endpoint = Some("https://as.example/logout".into());
    server.userinfo_endpoint = Some("https://as.example/me".into());
    server.code_challenge_methods_supported = vec!["S256".into()];
    server.capabilities = vec!["launch-ehr".into(), "client-public".into()];
    server.scopes_supported = vec!["openid".into(), "fhirUser".into()];
    Session::from_token(
        token,
        User {
            sub: "nurse-1".into(),
            name: Some("Florence \"Flo\" Nightingale".into()),
            fhir_user: Some("https://fhir.example/R4/Practitioner/p1".into()),
            display_name: Some("Miss Florence Nightingale".into()),
            role: Some("Nurse Access Role (R8000)".into()),
        },
        "sandbox",
        "bedside",
        "https://fhir.example/R4",
        server,
        1_763_700_000_123.5,
    )
}

/// The same with every optional part absent.
fn bare_session() -> Session {
    let token =
        TokenResponse::parse(br#"{"access_token":"x","token_type":"bearer"}"#).expect("token");
    Session::from_token(
        token,
        User {
            sub: "s".into(),
            name: None,
            fhir_user: None,
            display_name: None,
            role: None,
        },
        "o",
        "c",
        "https://f/R4",
        SmartConfiguration::from_oauth_uris("https://a/auth".into(), "https://a/token".into()),
        0.0,
    )
}

#[wasm_bindgen_test]
fn sessions_are_written_and_read_as_serde_does() {
    for session in [full_session(), bare_session()] {
        let ours = session_to_json(&session);
        let read_by_serde: Session = serde_json::from_str(&ours).expect("serde reads ours");
        assert_eq!(read_by_serde, session, "{ours}");
        let theirs = serde_json::to_string(&session).expect("serde writes");
        assert_eq!(
            session_from_json(theirs.as_bytes()),
            Some(session.clone()),
            "{theirs}"
        );
    }
    // Stored for a reload: no access token, and it reads back so.
    let stored = full_session().for_storage();
    let text = session_to_json(&stored);
    assert!(!text.contains("a.b.c"), "{text}");
    assert_eq!(session_from_json(text.as_bytes()), Some(stored));
}

#[wasm_bindgen_test]
fn something_else_in_storage_is_no_session() {
    for text in [
        "",
        "null",
        "[]",
        "{}",
        r#"{"organisation":"o"}"#,
        "not json",
    ] {
        assert_eq!(session_from_json(text.as_bytes()), None, "{text}");
    }
    // A wrong type in a required place is refused, not defaulted.
    let mut value: serde_json::Value = serde_json::to_value(full_session()).expect("value");
    value["context"]["need_patient_banner"] = serde_json::json!("yes");
    assert_eq!(session_from_json(value.to_string().as_bytes()), None);
}

#[wasm_bindgen_test]
fn tab_messages_are_written_and_read_as_serde_does() {
    let messages = [
        Message::Hello { want: "".into() },
        Message::Hello {
            want: full_session().context_key(),
        },
        Message::Session {
            session: Box::new(full_session()),
            locked: true,
            news: false,
        },
        Message::Session {
            session: Box::new(bare_session()),
            locked: false,
            news: true,
        },
        Message::RefreshRequest {
            context: "o\n\n".into(),
        },
        Message::RefreshFailed {
            context: "o\np\ne".into(),
        },
        Message::Activity,
        Message::Locked,
        Message::SignedOut {
            context: "o\n\n".into(),
        },
        Message::Callback {
            query: "code=c&state=s".into(),
            state: "s".into(),
            redirect: "https://bedside.example/auth/callback/o".into(),
        },
        Message::CallbackTaken { state: "s".into() },
    ];
    for message in messages {
        let ours = message_to_json(&message);
        assert_eq!(
            Message::from_json(&ours),
            Some(message.clone()),
            "serde reads {ours}"
        );
        let theirs = message.to_json();
        assert_eq!(
            message_from_json(&theirs),
            Some(message),
            "we read {theirs}"
        );
    }
}

#[wasm_bindgen_test]
fn other_messages_on_the_channel_are_ignored() {
    for text in [
        "{}",
        "42",
        "\"Nope\"",
        r#"{"Session":{}}"#,
        r#"{"Callback":{"query":1}}"#,
        r#"{"RefreshRequest":{}}"#,
        r#"{"SignedOut":{"context":7}}"#,
        "\"Hello\"",
        "[\"Hello\"]",
        "<html>",
    ] {
        assert_eq!(message_from_json(text), None, "{text}");
    }
}

#[wasm_bindgen_test]
fn settings_are_read_as_serde_reads_them() {
    let documents = [
        r#"{"signOn":{"organisations":[{"id":"a","name":"Trust A","fhirBaseUrl":"https://a/R4","clientId":"c","issuer":"https://login.a"}]}}"#,
        r#"{"other":1,"signOn":{"organisations":[
            {"id":"a","name":"Trust A","fhirBaseUrl":"https://a/R4","clientId":"c","issuer":"https://login.a","scope":"openid user/*.rs","ehrScope":"launch openid"},
            {"id":"b","name":"Trust B","fhirBaseUrl":"https://b/R4/","clientId":"d","issuer":"https://login.b","sharedDevice":false,
             "acrValues":"AAL3_ANY","extraScopes":"nationalrbacaccess selectedrole","minimumIdAssuranceLevel":3,"minimumAuthenticationAssuranceLevel":3}],
            "idleLockMinutes":0,"lockWarningSeconds":30}}"#,
    ];
    for text in documents {
        let ours = read_config(text.as_bytes()).expect("ours");
        // What only signing in uses is left for the sign-in code to read
        // with serde: the first page's reading has the defaults.
        let mut serde = SignOnConfig::parse(text.as_bytes()).expect("serde");
        for o in &mut serde.organisations {
            o.shared_device = true;
            o.acr_values = None;
            o.extra_scopes = None;
            o.minimum_id_assurance_level = None;
            o.minimum_authentication_assurance_level = None;
        }
        assert_eq!(ours, serde, "{text}");
    }
    // The sign-in code's reading has them.
    let cis2 = SignOnConfig::parse(documents[1].as_bytes()).expect("serde");
    let b = cis2.organisation("b").expect("b");
    assert!(!b.shared_device);
    assert_eq!(b.acr_values.as_deref(), Some("AAL3_ANY"));
    let broken = [
        r#"{}"#,
        r#"{"signOn":{"organisations":[{"id":"a","name":"A","fhirBaseUrl":"https://a/R4"}]}}"#,
        r#"{"signOn":{"organisations":[{"id":"a","name":"A","fhirBaseUrl":"https://a/R4","clientId":"c","issuer":"https://login.a"}],"idleLockMinutes":"10"}}"#,
        r#"{"signOn":{"organisations":[{"id":"a","name":"A","fhirBaseUrl":"https://a/R4","clientId":"c","issuer":"https://login.a"}],"idleLockMinutes":-1}}"#,
        r#"{"signOn":{"organisations":[{"id":"a","name":"A","fhirBaseUrl":"https://a/R4","clientId":"c","issuer":"https://login.a"}],"idleLockMinutes":1.5}}"#,
        r#"{"signOn":{"organisations":{"id":"a"}}}"#,
        "not json",
    ];
    for text in broken {
        assert!(
            matches!(read_config(text.as_bytes()), Err(ConfigError::Malformed(_))),
            "{text}"
        );
        assert!(
            matches!(
                SignOnConfig::parse(text.as_bytes()),
                Err(ConfigError::Malformed(_))
            ),
            "serde: {text}"
        );
    }
    let empty = r#"{"signOn":{"organisations":[]}}"#;
    assert_eq!(read_config(empty.as_bytes()), Err(ConfigError::Empty));
    assert_eq!(
        SignOnConfig::parse(empty.as_bytes()),
        Err(ConfigError::Empty)
    );
}

#[wasm_bindgen_test]
fn token_responses_are_read_as_serde_reads_them() {
    let documents = [
        r#"{"access_token":"a","token_type":"Bearer","expires_in":3600,"scope":"openid","refresh_token":"r","id_token":"i",
            "patient":"p","encounter":"e","need_patient_banner":false,"intent":"x","tenant":"t",
            "fhirContext":[{"reference":"Encounter/e"},"Observation/o"]}"#,
        r#"{"access_token":"a","token_type":"bearer"}"#,
    ];
    for text in documents {
        assert_eq!(
            read_token(text.as_bytes()).expect("ours"),
            TokenResponse::parse(text.as_bytes()).expect("serde"),
            "{text}"
        );
    }
    let context = read_token(documents[0].as_bytes())
        .expect("ours")
        .fhir_context;
    assert_eq!(
        context,
        [
            FhirContextItem {
                reference: Some("Encounter/e".into()),
                ..FhirContextItem::default()
            },
            FhirContextItem {
                reference: Some("Observation/o".into()),
                ..FhirContextItem::default()
            },
        ]
    );
    assert!(matches!(
        read_token(br#"{"token_type":"Bearer"}"#),
        Err(TokenError::Malformed(_))
    ));
    assert!(matches!(
        read_token(br#"{"access_token":"a","token_type":"mac"}"#),
        Err(TokenError::Unusable(_))
    ));
    assert!(matches!(
        read_token(br#"{"access_token":"","token_type":"Bearer"}"#),
        Err(TokenError::Unusable(_))
    ));
    assert!(matches!(
        read_token(br#"{"access_token":"a","token_type":"Bearer","expires_in":"soon"}"#),
        Err(TokenError::Malformed(_))
    ));
    let identifier = ContextIdentifier {
        system: Some("s".into()),
        value: Some("v".into()),
    };
    assert_eq!(
        read_token(br#"{"access_token":"a","token_type":"Bearer","fhirContext":[{"identifier":{"system":"s","value":"v"}}]}"#)
            .expect("ours")
            .fhir_context[0]
            .identifier,
        Some(identifier)
    );
}
