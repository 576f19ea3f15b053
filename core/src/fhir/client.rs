//! The FHIR REST client: every interaction Bedside needs, over a pluggable
//! transport (the browser's `fetch` in the app) and a pluggable token source
//! (the SMART sign-on broker).
//!
//! What it does beyond sending requests:
//!
//! - **Auth.** Each request carries the token source's bearer token. A 401
//!   asks the source to refresh once and sends the request again; a second
//!   401 is [`FhirError::Unauthorized`].
//! - **Retries** follow [`RetryPolicy`]: idempotent requests only, on 429,
//!   502–504, timeouts and network loss, with jittered back-off and
//!   `Retry-After`. A create is never resent blindly.
//! - **Timeouts and cancellation.** Every request has a deadline; dropping
//!   the future (a component unmounting) aborts it.
//! - **De-duplication.** Identical GETs in flight at once share one request,
//!   so ten components asking for the same patient make one call.
//! - **Versions.** `update` sends `If-Match` with the version read; a 412 is
//!   [`FhirError::VersionConflict`] carrying the record as it is now.
//! - **Decoding** goes from the response bytes straight into Rust types,
//!   never through a JavaScript string.
//! - **No HTTP caching** (`cache: "no-store"`): nothing clinical is left in
//!   the browser cache of a shared PC.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared, WeakShared};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::resources::{Bundle, BundleEntry};
use super::{FhirError, Method, Resource, RetryPolicy, Search, decode};

const FHIR_JSON: &str = "application/fhir+json";

/// A request as the transport sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The absolute URL.
    pub url: String,
    /// Headers, in order.
    pub headers: Vec<(&'static str, String)>,
    /// The body (JSON), if any.
    pub body: Option<Vec<u8>>,
}

impl HttpRequest {
    fn new(method: Method, url: String) -> Self {
        Self {
            method,
            url,
            headers: vec![("Accept", FHIR_JSON.to_string())],
            body: None,
        }
    }

    fn json(mut self, body: Vec<u8>) -> Self {
        self.headers
            .push(("Content-Type", format!("{FHIR_JSON}; charset=utf-8")));
        self.body = Some(body);
        self
    }

    fn header(mut self, name: &'static str, value: String) -> Self {
        self.headers.push((name, value));
        self
    }

    /// The value of a header set on this request.
    pub fn header_value(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A response as the transport received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// Headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A header's value (`name` in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends requests. [`FetchTransport`] in the browser.
pub trait Transport {
    /// Sends one request, giving up after `timeout_ms`. Dropping the future cancels it.
    fn send(
        &self,
        request: HttpRequest,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'static, Result<HttpResponse, FhirError>>;
    /// Waits (between retries).
    fn sleep(&self, ms: u32) -> LocalBoxFuture<'static, ()>;
    /// A uniform random number in `0.0..1.0` (retry jitter).
    fn random(&self) -> f64;
}

/// Supplies bearer tokens: the SMART sign-on broker implements this.
pub trait TokenSource {
    /// The current access token, if signed in.
    fn token(&self) -> LocalBoxFuture<'static, Option<String>>;
    /// A new access token after the server refused the current one.
    fn refresh(&self) -> LocalBoxFuture<'static, Option<String>>;
}

/// A token that does not change: one issued elsewhere (a test, a server
/// that hands the page its token), or one just issued whose session is not
/// yet published. Nothing to refresh.
pub struct StaticToken(pub String);

impl TokenSource for StaticToken {
    fn token(&self) -> LocalBoxFuture<'static, Option<String>> {
        let token = self.0.clone();
        async move { Some(token) }.boxed_local()
    }

    fn refresh(&self) -> LocalBoxFuture<'static, Option<String>> {
        async { None }.boxed_local()
    }
}

type ResponseFuture = LocalBoxFuture<'static, Result<Rc<HttpResponse>, FhirError>>;

struct Inner {
    base: String,
    transport: Rc<dyn Transport>,
    tokens: Option<Rc<dyn TokenSource>>,
    timeout_ms: u32,
    retry: RetryPolicy,
    /// Weak, so a request nobody waits for any more is dropped (and its
    /// `fetch` aborted) rather than kept alive by this table.
    in_flight: RefCell<HashMap<String, WeakShared<ResponseFuture>>>,
}

/// A client for one FHIR server. Cheap to clone; clones share in-flight requests.
///
/// In the browser, [`FhirClient::browser`] sends with `fetch`, and the
/// sign-on broker gives it its tokens ([`FhirClient::with_token_source`]);
/// elsewhere (a server, a command-line tool, a test) it takes any
/// [`Transport`]. Here, one that answers every request with a Patient:
///
/// ```
/// use std::rc::Rc;
/// use bedside_core::fhir::{FhirClient, FhirError, HttpRequest, HttpResponse, Transport};
/// use bedside_core::fhir::resources::Patient;
/// use futures::FutureExt;
/// use futures::future::LocalBoxFuture;
///
/// struct OnePatient;
/// impl Transport for OnePatient {
///     fn send(&self, request: HttpRequest, _timeout_ms: u32)
///         -> LocalBoxFuture<'static, Result<HttpResponse, FhirError>> {
///         assert_eq!(request.url, "https://fhir.example/R4/Patient/p-1");
///         let body = br#"{"resourceType": "Patient", "id": "p-1", "birthDate": "1945-07-14",
///             "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}]}"#;
///         let headers = vec![("content-type".into(), "application/fhir+json".into())];
///         async move { Ok(HttpResponse { status: 200, headers, body: body.to_vec() }) }.boxed_local()
///     }
///     fn sleep(&self, _ms: u32) -> LocalBoxFuture<'static, ()> { async {}.boxed_local() }
///     fn random(&self) -> f64 { 0.5 }
/// }
///
/// let client = FhirClient::new("https://fhir.example/R4/", Rc::new(OnePatient));
/// let patient: Patient = client
///     .read("Patient", "p-1")
///     .now_or_never()
///     .expect("answered at once")
///     .expect("a Patient");
/// assert_eq!(patient.nhs_number().map(|n| n.formatted()).as_deref(), Some("943 476 5919"));
/// ```
#[derive(Clone)]
pub struct FhirClient {
    inner: Rc<Inner>,
}

impl FhirClient {
    /// A client for the server at `base_url` (`https://fhir.example/R4`).
    pub fn new(base_url: &str, transport: Rc<dyn Transport>) -> Self {
        Self {
            inner: Rc::new(Inner {
                base: base_url.trim_end_matches('/').to_string(),
                transport,
                tokens: None,
                timeout_ms: 30_000,
                retry: RetryPolicy::default(),
                in_flight: RefCell::new(HashMap::new()),
            }),
        }
    }

    /// A client that uses the browser's `fetch`.
    #[cfg(target_arch = "wasm32")]
    pub fn browser(base_url: &str) -> Self {
        Self::new(base_url, Rc::new(FetchTransport))
    }

    fn with(self, change: impl FnOnce(&mut Inner)) -> Self {
        let mut inner = Rc::try_unwrap(self.inner).unwrap_or_else(|shared| Inner {
            base: shared.base.clone(),
            transport: shared.transport.clone(),
            tokens: shared.tokens.clone(),
            timeout_ms: shared.timeout_ms,
            retry: shared.retry,
            in_flight: RefCell::new(HashMap::new()),
        });
        change(&mut inner);
        Self {
            inner: Rc::new(inner),
        }
    }

    /// Sends a bearer token from `tokens` with every request.
    pub fn with_token_source(self, tokens: Rc<dyn TokenSource>) -> Self {
        self.with(|i| i.tokens = Some(tokens))
    }

    /// How long to wait for each answer (default 30 s).
    pub fn with_timeout_ms(self, timeout_ms: u32) -> Self {
        self.with(|i| i.timeout_ms = timeout_ms)
    }

    /// When to retry (default [`RetryPolicy::default`]).
    pub fn with_retry(self, retry: RetryPolicy) -> Self {
        self.with(|i| i.retry = retry)
    }

    /// The server's base URL.
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{}", self.inner.base, path.trim_start_matches('/'))
    }

    /// `Type/id`, refusing an id that is not a FHIR id ([`is_valid_id`]).
    fn record_url(&self, resource_type: &str, id: &str) -> Result<String, FhirError> {
        if !is_valid_id(id) {
            return Err(FhirError::InvalidId { id: id.to_string() });
        }
        Ok(self.url(&format!("{resource_type}/{id}")))
    }

    /// Reads a resource: `read::<Patient>("Patient", "123")`.
    pub async fn read<T: DeserializeOwned>(
        &self,
        resource_type: &str,
        id: &str,
    ) -> Result<T, FhirError> {
        let response = self.get(self.record_url(resource_type, id)?).await?;
        decode(&response.body)
    }

    /// Reads one version of a resource.
    pub async fn vread<T: DeserializeOwned>(
        &self,
        resource_type: &str,
        id: &str,
        version: &str,
    ) -> Result<T, FhirError> {
        let response = self
            .get(format!(
                "{}/_history/{version}",
                self.record_url(resource_type, id)?
            ))
            .await?;
        decode(&response.body)
    }

    /// Runs a search; one page of results.
    pub async fn search(&self, search: &Search) -> Result<Bundle, FhirError> {
        let response = self.get(search.url(&self.inner.base)).await?;
        decode(&response.body)
    }

    /// Runs a search, decoding the page as `T`: a [`super::summary::SearchPage`]
    /// of slim views, say, where the full [`Bundle`] is more than a page needs.
    pub async fn search_as<T: DeserializeOwned>(&self, search: &Search) -> Result<T, FhirError> {
        let response = self.get(search.url(&self.inner.base)).await?;
        decode(&response.body)
    }

    /// Another page of a search, from the server's own link for it
    /// ([`super::summary::SearchPage::link`]), decoded as `T`. A link
    /// outside this client's base is refused, as every request is: the
    /// token goes to its own server only.
    pub async fn page_as<T: DeserializeOwned>(&self, url: &str) -> Result<T, FhirError> {
        let response = self.get(url.to_string()).await?;
        decode(&response.body)
    }

    /// The page after `bundle`, if the server gave a `next` link.
    pub async fn next_page(&self, bundle: &Bundle) -> Result<Option<Bundle>, FhirError> {
        match bundle.link("next") {
            Some(next) => {
                let response = self.get(next.to_string()).await?;
                decode(&response.body).map(Some)
            }
            None => Ok(None),
        }
    }

    /// Runs a search and follows `next` links, collecting the matching
    /// resources (not `_include`d ones or outcomes) from at most `max_pages` pages.
    pub async fn search_all(
        &self,
        search: &Search,
        max_pages: usize,
    ) -> Result<Vec<Resource>, FhirError> {
        let mut out = Vec::new();
        let mut page = Some(self.search(search).await?);
        let mut pages = 0;
        while let Some(bundle) = page {
            pages += 1;
            let next = if pages < max_pages {
                self.next_page(&bundle).await?
            } else {
                None
            };
            out.extend(
                bundle
                    .entry
                    .into_iter()
                    .filter(is_match)
                    .filter_map(|e| e.resource),
            );
            page = next;
        }
        Ok(out)
    }

    /// The first page of each search, in order, from one `batch` request
    /// (FHIR R4 http.html §3.1.0.11.1), so reading many patients costs one
    /// round trip, not one a patient. A search the batch did not answer is
    /// sent on its own, and fails, if it does, with its own error; so is
    /// every search when the server refuses batches, which a server need not
    /// offer. Those go together, not one after another.
    pub async fn search_each(&self, searches: &[Search]) -> Result<Vec<Bundle>, FhirError> {
        let mut answers = Vec::new();
        if searches.len() > 1 {
            let batch = Bundle {
                type_: "batch".into(),
                entry: searches
                    .iter()
                    .map(|s| BundleEntry {
                        extra: [(
                            "request".to_string(),
                            // Relative to the base: `Patient?name=…`.
                            serde_json::json!({ "method": "GET", "url": &s.url("")[1..] }),
                        )]
                        .into_iter()
                        .collect(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            };
            match self.bundle(&batch).await {
                // Entries answer the requests in order (§3.1.0.11.1); a
                // count that differs leaves no way to pair them.
                Ok(answer) if answer.entry.len() == searches.len() => answers = answer.entry,
                Ok(_) | Err(FhirError::Decode { .. }) => {}
                Err(FhirError::Http { status, .. }) if refuses_batches(status) => {}
                Err(e) => return Err(e),
            }
        }
        let mut answers = answers.into_iter().map(searchset);
        let each = searches.iter().map(|search| {
            let answered = answers.next().flatten();
            async move {
                match answered {
                    Some(bundle) => Ok(bundle),
                    None => self.search(search).await,
                }
            }
        });
        futures::future::try_join_all(each).await
    }

    /// Creates a resource; returns it as the server stored it (with id and version).
    pub async fn create<T: Serialize + DeserializeOwned>(
        &self,
        resource_type: &str,
        resource: &T,
    ) -> Result<T, FhirError> {
        let request = HttpRequest::new(Method::Post, self.url(resource_type))
            .json(encode(resource)?)
            .header("Prefer", "return=representation".into());
        decode(&self.execute(request).await?.body)
    }

    /// Creates a resource unless one matching `condition` exists (`If-None-Exist`):
    /// safe to resend, so a create that may have happened before a network
    /// failure does not happen twice.
    pub async fn create_if_none_exist<T: Serialize + DeserializeOwned>(
        &self,
        resource_type: &str,
        resource: &T,
        condition: &Search,
    ) -> Result<T, FhirError> {
        let request = HttpRequest::new(Method::Post, self.url(resource_type))
            .json(encode(resource)?)
            .header("Prefer", "return=representation".into())
            .header("If-None-Exist", condition.query());
        decode(&self.execute(request).await?.body)
    }

    /// Updates a resource. With `version` (the `meta.versionId` read), the
    /// server refuses if someone changed it since: [`FhirError::VersionConflict`]
    /// then carries the record as it is now.
    pub async fn update<T: Serialize + DeserializeOwned>(
        &self,
        resource_type: &str,
        id: &str,
        resource: &T,
        version: Option<&str>,
    ) -> Result<T, FhirError> {
        let mut request = HttpRequest::new(Method::Put, self.record_url(resource_type, id)?)
            .json(encode(resource)?)
            .header("Prefer", "return=representation".into());
        if let Some(version) = version {
            request = request.header("If-Match", format!("W/\"{version}\""));
        }
        match self.execute(request).await {
            Ok(response) => decode(&response.body),
            Err(FhirError::VersionConflict { .. }) => {
                let current = self.fresh_read(resource_type, id).await.ok().map(Box::new);
                Err(FhirError::VersionConflict {
                    expected_version: version.map(str::to_string),
                    current,
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Reads without sharing an in-flight GET (after a conflict, the shared
    /// answer could be the stale one).
    async fn fresh_read(&self, resource_type: &str, id: &str) -> Result<Resource, FhirError> {
        let request = HttpRequest::new(Method::Get, self.record_url(resource_type, id)?);
        decode(&self.execute(request).await?.body)
    }

    /// Deletes a resource.
    pub async fn delete(&self, resource_type: &str, id: &str) -> Result<(), FhirError> {
        self.execute(HttpRequest::new(
            Method::Delete,
            self.record_url(resource_type, id)?,
        ))
        .await
        .map(|_| ())
    }

    /// A resource's history, newest first.
    pub async fn history(&self, resource_type: &str, id: &str) -> Result<Bundle, FhirError> {
        let response = self
            .get(format!("{}/_history", self.record_url(resource_type, id)?))
            .await?;
        decode(&response.body)
    }

    /// Sends a `batch` or `transaction` Bundle; returns the response Bundle.
    pub async fn bundle(&self, bundle: &Bundle) -> Result<Bundle, FhirError> {
        let request = HttpRequest::new(Method::Post, self.inner.base.clone()).json(encode(bundle)?);
        decode(&self.execute(request).await?.body)
    }

    /// A GET shared with identical GETs already in flight.
    async fn get(&self, url: String) -> Result<Rc<HttpResponse>, FhirError> {
        let existing = self
            .inner
            .in_flight
            .borrow()
            .get(&url)
            .and_then(WeakShared::upgrade);
        let shared: Shared<ResponseFuture> = match existing {
            Some(shared) => shared,
            None => {
                let client = self.clone();
                let key = url.clone();
                let future: ResponseFuture = async move {
                    let result = client
                        .execute(HttpRequest::new(Method::Get, key.clone()))
                        .await;
                    client.inner.in_flight.borrow_mut().remove(&key);
                    result
                }
                .boxed_local();
                let shared = future.shared();
                let mut table = self.inner.in_flight.borrow_mut();
                table.retain(|_, weak| weak.upgrade().is_some());
                if let Some(weak) = shared.downgrade() {
                    table.insert(url, weak);
                }
                shared
            }
        };
        shared.await
    }

    /// Whether `url` is at this client's FHIR base (the base itself, or a
    /// path or query under it).
    fn is_ours(&self, url: &str) -> bool {
        is_under(&self.inner.base, url)
    }

    /// Sends a request with auth, refresh-on-401 and retries.
    async fn execute(&self, request: HttpRequest) -> Result<Rc<HttpResponse>, FhirError> {
        let inner = &self.inner;
        // The bearer token goes only to this client's own server, whatever
        // addresses a server hands back (RFC 9700 §4.9: no token to a
        // resource server it was not meant for).
        if inner.tokens.is_some() && !self.is_ours(&request.url) {
            return Err(FhirError::ForeignAddress { url: request.url });
        }
        let mut token = match &inner.tokens {
            Some(source) => source.token().await,
            None => None,
        };
        let mut refreshed = false;
        let mut failures = 0;
        loop {
            let mut attempt = request.clone();
            if let Some(token) = &token {
                attempt
                    .headers
                    .push(("Authorization", format!("Bearer {token}")));
            }
            let error = match inner.transport.send(attempt, inner.timeout_ms).await {
                Ok(response) if (200..300).contains(&response.status) => {
                    return Ok(Rc::new(response));
                }
                Ok(response) => FhirError::from_response(
                    response.status,
                    &response.body,
                    response.header("retry-after"),
                ),
                Err(e) => e,
            };
            if let (FhirError::Unauthorized { .. }, Some(source), false) =
                (&error, &inner.tokens, refreshed)
            {
                refreshed = true;
                token = source.refresh().await;
                if token.is_some() {
                    continue;
                }
                return Err(error);
            }
            failures += 1;
            match inner
                .retry
                .delay_ms(request.method, failures, &error, inner.transport.random())
            {
                Some(ms) => inner.transport.sleep(ms).await,
                None => return Err(error),
            }
        }
    }
}

/// Whether an error status to a `batch` says the server does not take
/// batches (or not this one), rather than that it is busy or failing. A 403
/// too: some servers' SMART rules allow a user's searches but not the batch
/// interaction; a search the user may not make says so on its own.
fn refuses_batches(status: u16) -> bool {
    matches!(status, 400 | 403 | 404 | 405 | 415 | 422 | 501)
}

/// The search result in a batch answer's entry, if it succeeded (a `2xx`
/// status, given as `"200"` or `"200 OK"`).
fn searchset(entry: BundleEntry) -> Option<Bundle> {
    let status = entry.extra.get("response")?.get("status")?.as_str()?;
    match entry.resource {
        Some(Resource::Bundle(bundle)) if status.starts_with('2') => Some(*bundle),
        _ => None,
    }
}

/// A FHIR id (R4 §2.24.0.1, `id`: `[A-Za-z0-9\-\.]{1,64}`), and not `.`
/// or `..`, which the id pattern allows but a URL path resolves.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && id != "."
        && id != ".."
}

/// Whether `url` is `base` or below it on a segment boundary, once both
/// are normalised as a browser will before sending: dot segments (`..`,
/// `%2e%2E`) resolved, the scheme and host compared without case. A string
/// prefix is not enough: `base/Patient/../../admin` starts with the base and
/// is sent elsewhere on its host.
pub fn is_under(base: &str, url: &str) -> bool {
    let (Some(base), Some(url)) = (normalise(base), normalise(url)) else {
        return false;
    };
    let base = base.trim_end_matches('/');
    url.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
}

/// `scheme://host[:port]/path?query` with the scheme and host lower-cased
/// and the path's dot segments removed (RFC 3986 §5.2.4); `None` for what is
/// not an absolute http(s) URL.
fn normalise(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(split);
    if authority.is_empty() || authority.contains(['@', '\\']) {
        return None;
    }
    let split = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, tail) = rest.split_at(split);
    let mut segments: Vec<&str> = Vec::new();
    let dot = |s: &str| s == "." || s.eq_ignore_ascii_case("%2e");
    let dots = |s: &str| {
        let s = s.to_ascii_lowercase();
        s == ".." || s == ".%2e" || s == "%2e." || s == "%2e%2e"
    };
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        if dots(part) {
            segments.pop();
            if last {
                segments.push("");
            }
        } else if dot(part) {
            if last {
                segments.push("");
            }
        } else {
            segments.push(part);
        }
    }
    Some(format!(
        "{scheme}://{}/{}{tail}",
        authority.to_ascii_lowercase(),
        segments.join("/")
    ))
}

fn is_match(entry: &super::resources::BundleEntry) -> bool {
    entry
        .extra
        .get("search")
        .and_then(|s| s.get("mode"))
        .and_then(|m| m.as_str())
        .is_none_or(|mode| mode == "match")
}

fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, FhirError> {
    serde_json::to_vec(value).map_err(|e| FhirError::Decode {
        path: String::new(),
        detail: format!("could not write the request: {e}"),
    })
}

#[cfg(target_arch = "wasm32")]
pub use fetch::FetchTransport;

#[cfg(target_arch = "wasm32")]
pub mod fetch {
    //! The browser transport, and `fetch` with a deadline for requests that
    //! are not FHIR (the sign-on broker's discovery and token calls).

    use futures::FutureExt;
    use futures::future::LocalBoxFuture;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::{HttpRequest, HttpResponse, Transport};
    use crate::fhir::FhirError;

    /// `fetch`, with an `AbortController` for the deadline and for dropping.
    pub struct FetchTransport;

    /// Aborts the request if the future is dropped before it finishes.
    struct AbortOnDrop(Option<web_sys::AbortController>);

    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            if let Some(controller) = self.0.take() {
                controller.abort();
            }
        }
    }

    /// Why a request got no answer: the transport's own failures, apart from
    /// [`FhirError`], so code that needs no FHIR (the sign-on broker's first
    /// page) does not carry FHIR's error handling.
    pub enum NoAnswer {
        /// The network (or the browser) failed; the browser's words.
        Network(String),
        /// The deadline passed, after this many milliseconds.
        Timeout(u32),
        /// The answer was larger than [`MAX_ANSWER_BYTES`]: not read on.
        TooLarge,
    }

    /// The largest answer read, 64 MB: several times the largest page a
    /// tool asks for, far below what would stall a ward PC's tab. A server
    /// (or anyone between) that sends more is not read further.
    pub const MAX_ANSWER_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

    impl From<NoAnswer> for FhirError {
        fn from(failure: NoAnswer) -> Self {
            match failure {
                NoAnswer::Network(detail) => FhirError::Network { detail },
                NoAnswer::Timeout(after_ms) => FhirError::Timeout { after_ms },
                NoAnswer::TooLarge => FhirError::TooLarge,
            }
        }
    }

    impl NoAnswer {
        /// In words, for a message.
        pub fn detail(&self) -> String {
            match self {
                NoAnswer::Network(detail) => detail.clone(),
                NoAnswer::Timeout(after_ms) => format!("no answer within {after_ms} ms"),
                NoAnswer::TooLarge => "an answer too large to read".into(),
            }
        }
    }

    /// `fetch` with a deadline; dropping the future aborts the request.
    pub async fn send(request: HttpRequest, timeout_ms: u32) -> Result<HttpResponse, NoAnswer> {
        let network = |e: JsValue| NoAnswer::Network(crate::js::error_message(&e));
        let window = web_sys::window().ok_or_else(|| NoAnswer::Network("no window".into()))?;
        let controller = web_sys::AbortController::new().map_err(network)?;
        let mut guard = AbortOnDrop(Some(controller.clone()));
        let init = web_sys::RequestInit::new();
        init.set_method(request.method.as_str());
        init.set_signal(Some(&controller.signal()));
        // Clinical data must not sit in the HTTP cache of a shared ward PC,
        // and a cached answer must never stand in for a request made with
        // other credentials (or none).
        init.set_cache(web_sys::RequestCache::NoStore);
        let headers = web_sys::Headers::new().map_err(network)?;
        for (name, value) in &request.headers {
            headers.append(name, value).map_err(network)?;
        }
        init.set_headers(&headers);
        if let Some(body) = &request.body {
            let bytes = js_sys::Uint8Array::from(body.as_slice());
            init.set_body(&bytes);
        }
        // The deadline aborts the same controller; the timer is cleared on every exit.
        let on_timeout = wasm_bindgen::closure::Closure::once_into_js({
            let controller = controller.clone();
            move || controller.abort()
        });
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.unchecked_ref(),
                timeout_ms as i32,
            )
            .map_err(network)?;
        let started = js_sys::Date::now();
        let result = async {
            let response: web_sys::Response =
                JsFuture::from(window.fetch_with_str_and_init(&request.url, &init))
                    .await?
                    .dyn_into()?;
            // Declared too large: not read at all.
            let declared = response
                .headers()
                .get("content-length")
                .ok()
                .flatten()
                .map(|n| js_sys::Number::parse_float(&n));
            if declared.is_some_and(|n| n > MAX_ANSWER_BYTES) {
                return Ok(None);
            }
            let buffer: js_sys::ArrayBuffer =
                JsFuture::from(response.array_buffer()?).await?.dyn_into()?;
            // Undeclared (chunked): not copied, nor decoded.
            if f64::from(buffer.byte_length()) > MAX_ANSWER_BYTES {
                return Ok(None);
            }
            Ok::<_, JsValue>(Some((response, js_sys::Uint8Array::new(&buffer).to_vec())))
        }
        .await;
        window.clear_timeout_with_handle(timer);
        guard.0 = None;
        match result {
            Ok(None) => {
                controller.abort();
                Err(NoAnswer::TooLarge)
            }
            Ok(Some((response, body))) => {
                let mut headers = Vec::new();
                for name in [
                    "etag",
                    "location",
                    "retry-after",
                    "content-type",
                    "last-modified",
                ] {
                    if let Ok(Some(value)) = response.headers().get(name) {
                        headers.push((name.to_string(), value));
                    }
                }
                Ok(HttpResponse {
                    status: response.status(),
                    headers,
                    body,
                })
            }
            Err(_) if controller.signal().aborted() => {
                Err(NoAnswer::Timeout((js_sys::Date::now() - started) as u32))
            }
            Err(e) => Err(network(e)),
        }
    }

    impl Transport for FetchTransport {
        fn send(
            &self,
            request: HttpRequest,
            timeout_ms: u32,
        ) -> LocalBoxFuture<'static, Result<HttpResponse, FhirError>> {
            send(request, timeout_ms)
                .map(|answer| answer.map_err(FhirError::from))
                .boxed_local()
        }

        fn sleep(&self, ms: u32) -> LocalBoxFuture<'static, ()> {
            async move {
                let promise = js_sys::Promise::new(&mut |resolve, _| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                            &resolve, ms as i32,
                        );
                    }
                });
                let _ = JsFuture::from(promise).await;
            }
            .boxed_local()
        }

        fn random(&self) -> f64 {
            js_sys::Math::random()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 33: ids from the address went into request paths unchecked.
    #[test]
    fn only_fhir_ids_go_into_a_path() {
        for good in ["123", "a-b.c", "ward-12", "A", &"x".repeat(64)] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            ".",
            "..",
            "../admin",
            "..%2F..%2Fadmin",
            "a/b",
            "a b",
            "a?b",
            "a#b",
            "é",
            &"x".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    /// Issue 33: `is_ours` was a string prefix, so `base/Patient/../../x`
    /// counted as the base's while the browser sends it elsewhere.
    #[test]
    fn a_url_is_under_the_base_only_once_normalised_on_a_segment_boundary() {
        let base = "https://fhir.test/R4";
        for ours in [
            "https://fhir.test/R4",
            "https://fhir.test/R4/Patient/1",
            "https://fhir.test/R4?_count=1",
            "HTTPS://FHIR.TEST/R4/Patient?name=x",
            "https://fhir.test/R4/Patient/./1",
            "https://fhir.test/R4/Patient/../Observation?subject=x",
        ] {
            assert!(is_under(base, ours), "{ours}");
        }
        for theirs in [
            "https://fhir.test/R4/Patient/../../admin",
            "https://fhir.test/R4/%2e%2e/admin",
            "https://fhir.test/R4/Patient/%2E%2E/%2e./x",
            "https://fhir.test/R40/Patient",
            "https://fhir.test.evil.example/R4/Patient",
            "https://fhir.test@evil.example/R4/Patient",
            "http://fhir.test/R4/Patient",
            "https://other.test/R4",
            "/R4/Patient",
            "javascript:alert(1)",
        ] {
            assert!(!is_under(base, theirs), "{theirs}");
        }
        assert!(
            is_under("https://fhir.test/R4/", "https://fhir.test/R4/Patient"),
            "a trailing slash on the base"
        );
    }
}
