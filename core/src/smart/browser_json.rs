//! The sign-on broker's own documents (settings, the stored session, tab
//! messages, a token endpoint's answer) to and from JSON with the browser's own
//! `JSON.parse` and `JSON.stringify`, read and written field by field.
//!
//! Why not serde here: these are the documents of the first page, before
//! anyone acts. serde's generated visitors, a deserializer for them, and the
//! float formatting that serde's error messages reach were a fifth of the
//! first-load wasm; field-by-field reads through `Reflect` are calls into
//! the browser and cost almost nothing. The wire format is serde's, exactly
//! (same field names, the same externally tagged messages), and a browser
//! test (`tests/browser_json_web.rs`) round-trips each document through both, so the
//! natively tested serde models and this code cannot drift apart. Everything
//! else (discovery, JWKS, the id_token, FHIR) keeps serde: it arrives with
//! the sign-in step or the tools.

use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::smart::config::{
    default_ehr_scope, default_idle, default_lock_sign_out, default_scope, default_shared_device,
    default_warning,
};
use crate::smart::session::{ContextIdentifier, FhirContextItem, LaunchContext, Message, User};
use crate::smart::{
    ConfigError, Organisation, Session, SignOnConfig, SmartConfiguration, TokenError, TokenResponse,
};

/// A JSON object as JavaScript parsed it.
struct Reader(JsValue);

impl Reader {
    /// `text` parsed, if it is a JSON object.
    pub fn parse(text: &[u8]) -> Result<Self, String> {
        let text = std::str::from_utf8(text).map_err(|_| "not UTF-8 text".to_string())?;
        let value = JSON::parse(text).map_err(|e| crate::js::error_message(&e))?;
        Self::of(value).ok_or_else(|| "not a JSON object".to_string())
    }

    fn of(value: JsValue) -> Option<Self> {
        (value.is_object() && !Array::is_array(&value)).then_some(Self(value))
    }

    fn get(&self, key: &str) -> JsValue {
        Reflect::get(&self.0, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn present(&self, key: &str) -> Option<JsValue> {
        let value = self.get(key);
        (!value.is_undefined() && !value.is_null()).then_some(value)
    }

    /// A string member; absent or null is `Ok(None)`, anything else an error.
    fn opt_str(&self, key: &str) -> Result<Option<String>, String> {
        match self.present(key) {
            None => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| wrong(key, "a string")),
        }
    }

    fn str(&self, key: &str) -> Result<String, String> {
        self.opt_str(key)?.ok_or_else(|| format!("missing `{key}`"))
    }

    fn opt_f64(&self, key: &str) -> Result<Option<f64>, String> {
        match self.present(key) {
            None => Ok(None),
            Some(v) => v.as_f64().map(Some).ok_or_else(|| wrong(key, "a number")),
        }
    }

    /// A whole number from 0 to `u32::MAX`.
    fn opt_u32(&self, key: &str) -> Result<Option<u32>, String> {
        match self.opt_f64(key)? {
            None => Ok(None),
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => {
                Ok(Some(n as u32))
            }
            Some(_) => Err(wrong(key, "a whole number")),
        }
    }

    fn opt_bool(&self, key: &str) -> Result<Option<bool>, String> {
        match self.present(key) {
            None => Ok(None),
            Some(v) => v
                .as_bool()
                .map(Some)
                .ok_or_else(|| wrong(key, "true or false")),
        }
    }

    fn opt_obj(&self, key: &str) -> Result<Option<Reader>, String> {
        match self.present(key) {
            None => Ok(None),
            Some(v) => Self::of(v).map(Some).ok_or_else(|| wrong(key, "an object")),
        }
    }

    fn obj(&self, key: &str) -> Result<Reader, String> {
        self.opt_obj(key)?.ok_or_else(|| format!("missing `{key}`"))
    }

    /// An array member's items; absent or null is empty.
    fn items(&self, key: &str) -> Result<Vec<JsValue>, String> {
        match self.present(key) {
            None => Ok(Vec::new()),
            Some(v) if Array::is_array(&v) => Ok(v.unchecked_into::<Array>().iter().collect()),
            Some(_) => Err(wrong(key, "a list")),
        }
    }

    fn strs(&self, key: &str) -> Result<Vec<String>, String> {
        self.items(key)?
            .into_iter()
            .map(|v| v.as_string().ok_or_else(|| wrong(key, "a list of strings")))
            .collect()
    }
}

fn wrong(key: &str, expected: &str) -> String {
    format!("`{key}` is not {expected}")
}

/// A JSON object being written.
struct Writer(Object);

impl Writer {
    fn new() -> Self {
        Self(Object::new())
    }

    fn set(self, key: &str, value: &JsValue) -> Self {
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), value);
        self
    }

    fn str(self, key: &str, value: &str) -> Self {
        self.set(key, &JsValue::from_str(value))
    }

    /// `None` is left out, as serde does with `skip_serializing_if`; where
    /// serde writes `null`, readers take either.
    fn opt_str(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.str(key, v),
            None => self.set(key, &JsValue::NULL),
        }
    }

    fn f64(self, key: &str, value: f64) -> Self {
        self.set(key, &JsValue::from_f64(value))
    }

    fn bool(self, key: &str, value: bool) -> Self {
        self.set(key, &JsValue::from_bool(value))
    }

    fn strs(self, key: &str, values: &[String]) -> Self {
        let array: Array = values.iter().map(|v| JsValue::from_str(v)).collect();
        self.set(key, &array)
    }

    fn obj(self, key: &str, value: Writer) -> Self {
        self.set(key, &value.0)
    }

    fn text(&self) -> String {
        JSON::stringify(&self.0)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
}

// ---------------------------------------------------------------- settings

/// The deployment's `config.json`; its `signOn` part, as the first page
/// needs it: the organisations' sign-in settings that only signing in uses
/// (`sharedDevice`, `acrValues`, `extraScopes`, the minimum assurance levels)
/// are left at their defaults, for the sign-in code to read with
/// [`read_sign_in_settings`].
pub fn read_config(text: &[u8]) -> Result<SignOnConfig, ConfigError> {
    let read = || -> Result<SignOnConfig, String> {
        let sign_on = Reader::parse(text)?.obj("signOn")?;
        let organisations = sign_on
            .items("organisations")?
            .into_iter()
            .map(|o| {
                let o = Reader::of(o).ok_or_else(|| wrong("organisations", "a list of objects"))?;
                Ok(Organisation {
                    id: o.str("id")?,
                    name: o.str("name")?,
                    fhir_base_url: o.str("fhirBaseUrl")?,
                    client_id: o.str("clientId")?,
                    issuer: o.str("issuer")?,
                    scope: o.opt_str("scope")?.unwrap_or_else(default_scope),
                    ehr_scope: o.opt_str("ehrScope")?.unwrap_or_else(default_ehr_scope),
                    // Read by the sign-in code, with serde, from the same
                    // text: not here, where every first page would carry it.
                    shared_device: default_shared_device(),
                    acr_values: None,
                    extra_scopes: None,
                    minimum_id_assurance_level: None,
                    minimum_authentication_assurance_level: None,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(SignOnConfig {
            organisations,
            idle_lock_minutes: sign_on
                .opt_u32("idleLockMinutes")?
                .unwrap_or_else(default_idle),
            lock_warning_seconds: sign_on
                .opt_u32("lockWarningSeconds")?
                .unwrap_or_else(default_warning),
            lock_sign_out_minutes: sign_on
                .opt_u32("lockSignOutMinutes")?
                .unwrap_or_else(default_lock_sign_out),
        })
    };
    let config = read().map_err(ConfigError::Malformed)?;
    if config.organisations.is_empty() {
        return Err(ConfigError::Empty);
    }
    Ok(config)
}

/// The organisations' settings that only signing in uses (`sharedDevice`,
/// `acrValues`, `extraScopes`, the minimum assurance levels), read from the
/// same `config.json` into `config` (as [`read_config`] read it) by the
/// sign-in code, which alone needs them.
pub fn read_sign_in_settings(text: &[u8], config: &mut SignOnConfig) -> Result<(), ConfigError> {
    let read = |config: &mut SignOnConfig| -> Result<(), String> {
        for o in Reader::parse(text)?.obj("signOn")?.items("organisations")? {
            let o = Reader::of(o).ok_or_else(|| wrong("organisations", "a list of objects"))?;
            let id = o.str("id")?;
            let Some(org) = config.organisations.iter_mut().find(|org| org.id == id) else {
                continue;
            };
            org.shared_device = o
                .opt_bool("sharedDevice")?
                .unwrap_or_else(default_shared_device);
            org.acr_values = o.opt_str("acrValues")?;
            org.extra_scopes = o.opt_str("extraScopes")?;
            org.minimum_id_assurance_level = o.opt_u32("minimumIdAssuranceLevel")?;
            org.minimum_authentication_assurance_level =
                o.opt_u32("minimumAuthenticationAssuranceLevel")?;
        }
        Ok(())
    };
    read(config).map_err(ConfigError::Malformed)
}

// ---------------------------------------------------------------- tokens

/// A token endpoint's answer (RFC 6749 §5.1, with SMART's launch context).
pub fn read_token(text: &[u8]) -> Result<TokenResponse, TokenError> {
    let read = || -> Result<TokenResponse, String> {
        let t = Reader::parse(text)?;
        Ok(TokenResponse {
            access_token: t.str("access_token")?,
            token_type: t.str("token_type")?,
            expires_in: t
                .opt_f64("expires_in")?
                .filter(|n| *n >= 0.0)
                .map(|n| n as u64),
            scope: t.opt_str("scope")?.unwrap_or_default(),
            refresh_token: t.opt_str("refresh_token")?,
            id_token: t.opt_str("id_token")?,
            patient: t.opt_str("patient")?,
            encounter: t.opt_str("encounter")?,
            fhir_context: read_fhir_context(&t, "fhirContext")?,
            need_patient_banner: t.opt_bool("need_patient_banner")?,
            intent: t.opt_str("intent")?,
            tenant: t.opt_str("tenant")?,
        })
    };
    read().map_err(TokenError::Malformed)?.checked()
}

fn read_fhir_context(r: &Reader, key: &str) -> Result<Vec<FhirContextItem>, String> {
    r.items(key)?
        .into_iter()
        .map(|item| {
            if let Some(reference) = item.as_string() {
                return Ok(FhirContextItem {
                    reference: Some(reference),
                    ..FhirContextItem::default()
                });
            }
            let i = Reader::of(item).ok_or_else(|| wrong(key, "a list of objects"))?;
            Ok(FhirContextItem {
                reference: i.opt_str("reference")?,
                canonical: i.opt_str("canonical")?,
                identifier: match i.opt_obj("identifier")? {
                    Some(id) => Some(ContextIdentifier {
                        system: id.opt_str("system")?,
                        value: id.opt_str("value")?,
                    }),
                    None => None,
                },
                resource_type: i.opt_str("type")?,
                role: i.opt_str("role")?,
            })
        })
        .collect()
}

fn write_fhir_context(items: &[FhirContextItem]) -> Array {
    items
        .iter()
        .map(|i| {
            let mut w = Writer::new();
            for (key, value) in [
                ("reference", &i.reference),
                ("canonical", &i.canonical),
                ("type", &i.resource_type),
                ("role", &i.role),
            ] {
                if let Some(v) = value {
                    w = w.str(key, v);
                }
            }
            if let Some(id) = &i.identifier {
                w = w.obj(
                    "identifier",
                    Writer::new()
                        .opt_str("system", id.system.as_deref())
                        .opt_str("value", id.value.as_deref()),
                );
            }
            JsValue::from(w.0)
        })
        .collect()
}

// ---------------------------------------------------------------- the session

fn write_server(s: &SmartConfiguration) -> Writer {
    Writer::new()
        .opt_str("issuer", s.issuer.as_deref())
        .opt_str("jwks_uri", s.jwks_uri.as_deref())
        .str("authorization_endpoint", &s.authorization_endpoint)
        .str("token_endpoint", &s.token_endpoint)
        .opt_str("revocation_endpoint", s.revocation_endpoint.as_deref())
        .opt_str("end_session_endpoint", s.end_session_endpoint.as_deref())
        .opt_str("userinfo_endpoint", s.userinfo_endpoint.as_deref())
        .bool(
            "authorization_response_iss_parameter_supported",
            s.authorization_response_iss_parameter_supported,
        )
        .strs(
            "code_challenge_methods_supported",
            &s.code_challenge_methods_supported,
        )
        .strs("capabilities", &s.capabilities)
        .strs("scopes_supported", &s.scopes_supported)
}

fn read_server(r: &Reader) -> Result<SmartConfiguration, String> {
    Ok(SmartConfiguration {
        issuer: r.opt_str("issuer")?,
        jwks_uri: r.opt_str("jwks_uri")?,
        authorization_endpoint: r.str("authorization_endpoint")?,
        token_endpoint: r.str("token_endpoint")?,
        revocation_endpoint: r.opt_str("revocation_endpoint")?,
        end_session_endpoint: r.opt_str("end_session_endpoint")?,
        userinfo_endpoint: r.opt_str("userinfo_endpoint")?,
        authorization_response_iss_parameter_supported: r
            .opt_bool("authorization_response_iss_parameter_supported")?
            .unwrap_or_default(),
        code_challenge_methods_supported: r.strs("code_challenge_methods_supported")?,
        capabilities: r.strs("capabilities")?,
        scopes_supported: r.strs("scopes_supported")?,
    })
}

fn write_session(s: &Session) -> Writer {
    let user = Writer::new()
        .str("sub", &s.user.sub)
        .opt_str("name", s.user.name.as_deref())
        .opt_str("fhir_user", s.user.fhir_user.as_deref());
    let user = match &s.user.display_name {
        Some(name) => user.str("display_name", name),
        None => user,
    };
    let user = match &s.user.role {
        Some(role) => user.str("role", role),
        None => user,
    };
    let c = &s.context;
    let context = Writer::new()
        .opt_str("patient", c.patient.as_deref())
        .opt_str("encounter", c.encounter.as_deref())
        .set("fhir_context", &write_fhir_context(&c.fhir_context))
        .bool("need_patient_banner", c.need_patient_banner)
        .opt_str("intent", c.intent.as_deref())
        .opt_str("tenant", c.tenant.as_deref());
    Writer::new()
        .str("organisation", &s.organisation)
        .str("fhir_base_url", &s.fhir_base_url)
        .str("client_id", &s.client_id)
        .obj("server", write_server(&s.server))
        .str("access_token", &s.access_token)
        .f64("issued_at_ms", s.issued_at_ms)
        .f64("expires_at_ms", s.expires_at_ms)
        .opt_str("refresh_token", s.refresh_token.as_deref())
        .opt_str("id_token", s.id_token.as_deref())
        .f64("id_token_received_ms", s.id_token_received_ms)
        .str("scope", &s.scope)
        .obj("user", user)
        .obj("context", context)
}

fn read_session(r: &Reader) -> Result<Session, String> {
    let user = r.obj("user")?;
    let context = r.obj("context")?;
    Ok(Session {
        organisation: r.str("organisation")?,
        fhir_base_url: r.str("fhir_base_url")?,
        client_id: r.str("client_id")?,
        server: read_server(&r.obj("server")?)?,
        access_token: r.str("access_token")?,
        issued_at_ms: r.opt_f64("issued_at_ms")?.ok_or("missing `issued_at_ms`")?,
        expires_at_ms: r
            .opt_f64("expires_at_ms")?
            .ok_or("missing `expires_at_ms`")?,
        refresh_token: r.opt_str("refresh_token")?,
        id_token: r.opt_str("id_token")?,
        id_token_received_ms: r.opt_f64("id_token_received_ms")?.unwrap_or(0.0),
        scope: r.str("scope")?,
        user: User {
            sub: user.str("sub")?,
            name: user.opt_str("name")?,
            fhir_user: user.opt_str("fhir_user")?,
            display_name: user.opt_str("display_name")?,
            role: user.opt_str("role")?,
        },
        context: LaunchContext {
            patient: context.opt_str("patient")?,
            encounter: context.opt_str("encounter")?,
            fhir_context: read_fhir_context(&context, "fhir_context")?,
            need_patient_banner: context
                .opt_bool("need_patient_banner")?
                .ok_or("missing `need_patient_banner`")?,
            intent: context.opt_str("intent")?,
            tenant: context.opt_str("tenant")?,
        },
    })
}

/// The session as JSON text (for `sessionStorage`).
pub fn session_to_json(session: &Session) -> String {
    write_session(session).text()
}

/// A session from JSON text; `None` for anything else.
pub fn session_from_json(text: &[u8]) -> Option<Session> {
    read_session(&Reader::parse(text).ok()?).ok()
}

// ---------------------------------------------------------------- tab messages

/// The message as sent: serde's externally tagged form, `"Activity"` or
/// `{"Session":{…}}`.
pub fn message_to_json(message: &Message) -> String {
    let tagged = |tag: &str, body: Writer| Writer::new().obj(tag, body).text();
    let unit = |tag: &str| {
        JSON::stringify(&JsValue::from_str(tag))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    };
    let context = |tag: &str, context: &str| tagged(tag, Writer::new().str("context", context));
    match message {
        Message::Hello { want } => tagged("Hello", Writer::new().str("want", want)),
        Message::RefreshRequest { context: c } => context("RefreshRequest", c),
        Message::RefreshFailed { context: c } => context("RefreshFailed", c),
        Message::SignedOut { context: c } => context("SignedOut", c),
        Message::Activity => unit("Activity"),
        Message::Locked => unit("Locked"),
        Message::Session {
            session,
            locked,
            news,
        } => tagged(
            "Session",
            Writer::new()
                .obj("session", write_session(session))
                .bool("locked", *locked)
                .bool("news", *news),
        ),
        Message::Callback {
            query,
            state,
            redirect,
        } => tagged(
            "Callback",
            Writer::new()
                .str("query", query)
                .str("state", state)
                .str("redirect", redirect),
        ),
        Message::CallbackTaken { state } => {
            tagged("CallbackTaken", Writer::new().str("state", state))
        }
    }
}

/// A received message; `None` for anything else (another app's message on
/// the channel, an older Bedside's).
pub fn message_from_json(text: &str) -> Option<Message> {
    let value = JSON::parse(text).ok()?;
    if let Some(tag) = value.as_string() {
        return match tag.as_str() {
            "Activity" => Some(Message::Activity),
            "Locked" => Some(Message::Locked),
            _ => None,
        };
    }
    let r = Reader::of(value)?;
    let body = |tag: &str| r.opt_obj(tag).ok().flatten();
    if let Some(body) = body("Session") {
        return Some(Message::Session {
            session: Box::new(read_session(&body.obj("session").ok()?).ok()?),
            locked: body.opt_bool("locked").ok()??,
            news: body.opt_bool("news").ok()?.unwrap_or(false),
        });
    }
    if let Some(body) = body("Hello") {
        return Some(Message::Hello {
            want: body.str("want").ok()?,
        });
    }
    // The messages that name a context and nothing else.
    type Make = fn(String) -> Message;
    let named: [(&str, Make); 3] = [
        ("RefreshRequest", |context| Message::RefreshRequest {
            context,
        }),
        ("RefreshFailed", |context| Message::RefreshFailed {
            context,
        }),
        ("SignedOut", |context| Message::SignedOut { context }),
    ];
    for (tag, make) in named {
        if let Some(body) = body(tag) {
            return Some(make(body.str("context").ok()?));
        }
    }
    if let Some(body) = body("Callback") {
        return Some(Message::Callback {
            query: body.str("query").ok()?,
            state: body.str("state").ok()?,
            redirect: body.str("redirect").ok()?,
        });
    }
    if let Some(body) = body("CallbackTaken") {
        return Some(Message::CallbackTaken {
            state: body.str("state").ok()?,
        });
    }
    None
}
