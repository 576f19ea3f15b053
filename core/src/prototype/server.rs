//! A FHIR R4 server in memory: what Bedside's tools ask of a server, done
//! to the letter of the specification (<https://hl7.org/fhir/R4/http.html>),
//! over a scenario's records.
//!
//! read and vread (the current version), search by GET or POST (`_count`,
//! `_offset` paging with `next` links, `_sort`, `_include`, `_revinclude`,
//! `_total`, `_summary=count`, and the parameters in [`super::search`]),
//! create (with `If-None-Exist`), update (with `If-Match`), delete, and
//! `batch` and `transaction` Bundles (all or nothing, `urn:uuid` references
//! resolved, `ifNoneExist`). Answers carry `ETag`, `Location` and
//! OperationOutcomes as a server's would, so the client's error handling is
//! the one a ward sees.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::search::{self, Criterion, Kind, SortKey};
use crate::clinical::Instant;
use crate::fhir::{HttpRequest, HttpResponse, Method};
use crate::url;

/// A page holds this many matches unless `_count` says otherwise…
const DEFAULT_COUNT: usize = 20;
/// …and never more than this.
const MAX_COUNT: usize = 1_000;

#[derive(Clone)]
struct Stored {
    resource: Value,
    version: u64,
    /// The order records were added in: a search's order without `_sort`.
    seq: u64,
    deleted: bool,
}

/// A FHIR server over records in memory. [`Self::handle`] answers one
/// request as a server at `base` would.
#[derive(Clone)]
pub struct MemoryServer {
    base: String,
    records: BTreeMap<String, BTreeMap<String, Stored>>,
    seq: u64,
    failing: BTreeMap<String, (u16, Option<String>)>,
}

/// One interaction's answer, before it becomes an HTTP response or a
/// Bundle entry.
struct Answer {
    status: u16,
    resource: Option<Value>,
    location: Option<String>,
    version: Option<u64>,
}

impl Answer {
    fn ok(status: u16, resource: Value) -> Self {
        let version = resource
            .pointer("/meta/versionId")
            .and_then(Value::as_str)
            .and_then(|v| v.parse().ok());
        Self {
            status,
            resource: Some(resource),
            location: None,
            version,
        }
    }

    fn problem(status: u16, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            resource: Some(outcome(code, &message.into())),
            location: None,
            version: None,
        }
    }
}

fn outcome(code: &str, message: &str) -> Value {
    json!({
        "resourceType": "OperationOutcome",
        "issue": [{ "severity": "error", "code": code, "diagnostics": message }],
    })
}

/// The resource types a request is for: its own, or its entries' (a
/// batch or transaction), for a transport that slows some types down.
pub fn request_types(base: &str, request: &HttpRequest) -> Vec<String> {
    let Some(rest) = under(base, &request.url) else {
        return Vec::new();
    };
    let (path, _) = rest.split_once('?').unwrap_or((rest, ""));
    match path.split('/').find(|s| !s.is_empty()) {
        Some(kind) => vec![kind.to_string()],
        None => request
            .body
            .as_deref()
            .and_then(|b| serde_json::from_slice::<Value>(b).ok())
            .and_then(|b| b.get("entry").and_then(Value::as_array).cloned())
            .into_iter()
            .flatten()
            .filter_map(|e| {
                let url = e.pointer("/request/url")?.as_str()?;
                Some(url.split(['/', '?']).next()?.to_string())
            })
            .collect(),
    }
}

/// What follows `base` in `url` (`/Patient/1`, `?…`, or nothing), if `url`
/// is at `base`.
fn under<'a>(base: &str, url: &'a str) -> Option<&'a str> {
    let rest = url.strip_prefix(base)?;
    (rest.is_empty() || rest.starts_with('/') || rest.starts_with('?')).then_some(rest)
}

impl MemoryServer {
    /// A server at `base` (`https://example/fhir`) holding `records`, each
    /// as version 1 updated at `now`; a record without an id is given one.
    pub fn new(base: &str, records: Vec<Value>, now: Instant) -> Self {
        let mut server = Self {
            base: base.trim_end_matches('/').to_string(),
            records: BTreeMap::new(),
            seq: 0,
            failing: BTreeMap::new(),
        };
        for record in records {
            let Some(kind) = record.get("resourceType").and_then(Value::as_str) else {
                continue;
            };
            let kind = kind.to_string();
            let id = match record.get("id").and_then(Value::as_str) {
                Some(id) => id.to_string(),
                None => server.new_id(),
            };
            server.put(&kind, &id, record, 1, now);
        }
        server
    }

    /// Every request for `resource_type` (`"*"`: any) fails with `status`
    /// and an OperationOutcome saying `message`: a scenario's failing server.
    pub fn fail(&mut self, resource_type: &str, status: u16, message: Option<String>) {
        self.failing
            .insert(resource_type.to_string(), (status, message));
    }

    /// The current version of a record, if it exists and is not deleted.
    pub fn get(&self, resource_type: &str, id: &str) -> Option<&Value> {
        self.stored(resource_type, id)
            .filter(|s| !s.deleted)
            .map(|s| &s.resource)
    }

    /// A record as kept, deleted or not.
    fn stored(&self, kind: &str, id: &str) -> Option<&Stored> {
        self.records.get(kind)?.get(id)
    }

    fn new_id(&mut self) -> String {
        self.seq += 1;
        format!("proto-{}", self.seq)
    }

    fn put(&mut self, kind: &str, id: &str, mut resource: Value, version: u64, now: Instant) {
        self.seq += 1;
        if let Some(map) = resource.as_object_mut() {
            map.insert("id".into(), id.into());
            let meta = map
                .entry("meta")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Some(meta) = meta.as_object_mut() {
                meta.insert("versionId".into(), version.to_string().into());
                meta.insert("lastUpdated".into(), now.to_fhir().into());
            }
        }
        let seq = self.stored(kind, id).map_or(self.seq, |s| s.seq);
        self.records.entry(kind.to_string()).or_default().insert(
            id.to_string(),
            Stored {
                resource,
                version,
                seq,
                deleted: false,
            },
        );
    }

    /// Answers `request` as the server at this base would, at `now`.
    pub fn handle(&mut self, request: &HttpRequest, now: Instant) -> HttpResponse {
        let Some(rest) = under(&self.base, &request.url) else {
            return response(Answer::problem(
                404,
                "not-found",
                format!("{} is not on this server ({})", request.url, self.base),
            ));
        };
        let body = match request.body.as_deref() {
            None | Some([]) => None,
            Some(bytes) if is_form(request) => {
                Some(Value::String(String::from_utf8_lossy(bytes).into_owned()))
            }
            Some(bytes) => match serde_json::from_slice::<Value>(bytes) {
                Ok(v) => Some(v),
                Err(e) => {
                    return response(Answer::problem(
                        400,
                        "structure",
                        format!("The body is not JSON: {e}"),
                    ));
                }
            },
        };
        let conditions = Conditions {
            if_match: request.header_value("If-Match"),
            if_none_exist: request.header_value("If-None-Exist"),
        };
        let answer = self.dispatch(request.method, rest, body.as_ref(), &conditions, now);
        response(answer)
    }

    /// One interaction: `rest` is the address after the base.
    fn dispatch(
        &mut self,
        method: Method,
        rest: &str,
        body: Option<&Value>,
        conditions: &Conditions,
        now: Instant,
    ) -> Answer {
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(url::decode)
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        if let Some(failure) = segments.first().and_then(|kind| self.failure(kind)) {
            return failure;
        }
        match (method, segments.as_slice()) {
            (Method::Post, []) => match body {
                Some(bundle) => self.bundle(bundle, now),
                None => Answer::problem(400, "required", "A batch or transaction needs a Bundle"),
            },
            (Method::Get, ["metadata"]) => Answer::ok(200, self.capabilities()),
            (_, [kind, ..]) if !is_type(kind) => Answer::problem(
                404,
                "not-supported",
                format!("{kind} is not a resource type"),
            ),
            (Method::Get, [kind]) => self.search(kind, query),
            (Method::Post, [kind, "_search"]) => {
                let form = body.and_then(Value::as_str).unwrap_or("");
                let joined = [query, form]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("&");
                self.search(kind, &joined)
            }
            (Method::Post, [kind]) => self.create(kind, body, conditions.if_none_exist, None, now),
            (Method::Get, [kind, id]) => self.read(kind, id),
            (Method::Get, [kind, id, "_history", version]) => match self.read(kind, id) {
                answer if answer.status != 200 => answer,
                answer if answer.version.map(|v| v.to_string()).as_deref() == Some(*version) => {
                    answer
                }
                _ => Answer::problem(
                    404,
                    "not-found",
                    format!(
                        "{kind}/{id} has no version {version} here (only its current one is kept)"
                    ),
                ),
            },
            (Method::Put, [kind, id]) => self.update(kind, id, body, conditions.if_match, now),
            (Method::Delete, [kind, id]) => self.delete(kind, id),
            _ => Answer::problem(
                405,
                "not-supported",
                format!("The prototype's server does not support {method:?} {path}"),
            ),
        }
    }

    /// The failure a scenario set for `kind`, if any.
    fn failure(&self, kind: &str) -> Option<Answer> {
        let (status, message) = self
            .failing
            .get(kind)
            .or_else(|| self.failing.get("*"))
            .cloned()?;
        let message = message.unwrap_or_else(|| format!("The server failed ({status})"));
        Some(Answer::problem(status, "transient", message))
    }

    fn capabilities(&self) -> Value {
        let types: Vec<Value> = self
            .records
            .keys()
            .map(|kind| {
                json!({ "type": kind, "interaction": [
                    { "code": "read" }, { "code": "search-type" }, { "code": "create" },
                    { "code": "update" }, { "code": "delete" } ] })
            })
            .collect();
        json!({
            "resourceType": "CapabilityStatement",
            "status": "active",
            "kind": "instance",
            "fhirVersion": "4.0.1",
            "format": ["json"],
            "implementation": { "description": "Bedside prototype (in the browser)", "url": self.base },
            "rest": [{ "mode": "server", "resource": types,
                       "interaction": [{ "code": "batch" }, { "code": "transaction" }] }],
        })
    }

    fn read(&self, kind: &str, id: &str) -> Answer {
        match self.stored(kind, id) {
            Some(stored) if stored.deleted => {
                Answer::problem(410, "deleted", format!("{kind}/{id} has been deleted"))
            }
            Some(stored) => Answer::ok(200, stored.resource.clone()),
            None => Answer::problem(404, "not-found", format!("{kind}/{id} is not known")),
        }
    }

    /// Creates a record (`id`: one a transaction gave it); `If-None-Exist`
    /// makes it conditional.
    fn create(
        &mut self,
        kind: &str,
        body: Option<&Value>,
        if_none_exist: Option<&str>,
        id: Option<String>,
        now: Instant,
    ) -> Answer {
        let resource = match checked_body(kind, body) {
            Ok(r) => r,
            Err(problem) => return problem,
        };
        if let Some(condition) = if_none_exist {
            match self.matching(kind, condition) {
                Err(problem) => return problem,
                Ok(found) if found.len() > 1 => {
                    return Answer::problem(
                        412,
                        "duplicate",
                        format!("{} records match If-None-Exist {condition}", found.len()),
                    );
                }
                Ok(found) => {
                    if let Some(existing) = found.into_iter().next() {
                        return Answer::ok(200, existing);
                    }
                }
            }
        }
        let id = id.unwrap_or_else(|| self.new_id());
        self.put(kind, &id, resource, 1, now);
        let mut answer = self.read(kind, &id);
        answer.status = 201;
        answer.location = Some(format!("{}/{kind}/{id}/_history/1", self.base));
        answer
    }

    fn update(
        &mut self,
        kind: &str,
        id: &str,
        body: Option<&Value>,
        if_match: Option<&str>,
        now: Instant,
    ) -> Answer {
        let resource = match checked_body(kind, body) {
            Ok(r) => r,
            Err(problem) => return problem,
        };
        if resource.get("id").and_then(Value::as_str) != Some(id) {
            return Answer::problem(
                400,
                "invalid",
                format!("The record's id is not {id}, the id in the address"),
            );
        }
        let kept = self.stored(kind, id).map(|s| (s.version, s.deleted));
        let current = kept.filter(|(_, deleted)| !deleted).map(|(v, _)| v);
        if let Some(wanted) = if_match {
            let wanted = wanted.trim_start_matches("W/").trim_matches('"');
            if current.map(|v| v.to_string()).as_deref() != Some(wanted) {
                return Answer::problem(
                    412,
                    "conflict",
                    format!("{kind}/{id} has changed since version {wanted} was read"),
                );
            }
        }
        let version = kept.map_or(1, |(v, _)| v + 1);
        self.put(kind, id, resource, version, now);
        let mut answer = self.read(kind, id);
        answer.status = if current.is_some() { 200 } else { 201 };
        answer.location = Some(format!("{}/{kind}/{id}/_history/{version}", self.base));
        answer
    }

    fn delete(&mut self, kind: &str, id: &str) -> Answer {
        if let Some(stored) = self.records.get_mut(kind).and_then(|r| r.get_mut(id)) {
            stored.deleted = true;
            stored.version += 1;
        }
        Answer {
            status: 204,
            resource: None,
            location: None,
            version: None,
        }
    }

    /// The current records of `kind` that meet `query`'s criteria (no
    /// paging), for conditional interactions.
    fn matching(&self, kind: &str, query: &str) -> Result<Vec<Value>, Answer> {
        let parsed = Query::parse(kind, query).map_err(|m| Answer::problem(400, "invalid", m))?;
        Ok(self
            .filtered(kind, &parsed)?
            .into_iter()
            .map(|s| s.resource.clone())
            .collect())
    }

    fn filtered(&self, kind: &str, query: &Query) -> Result<Vec<&Stored>, Answer> {
        let mut found = Vec::new();
        for stored in self.records.get(kind).into_iter().flat_map(|r| r.values()) {
            if stored.deleted {
                continue;
            }
            let mut all = true;
            for (param, criterion) in &query.criteria {
                let ok = search::matches(&stored.resource, param, criterion)
                    .map_err(|m| Answer::problem(400, "not-supported", m))?;
                if !ok {
                    all = false;
                    break;
                }
            }
            if all {
                found.push(stored);
            }
        }
        found.sort_by_key(|s| s.seq);
        Ok(found)
    }

    fn search(&self, kind: &str, query: &str) -> Answer {
        let parsed = match Query::parse(kind, query) {
            Ok(q) => q,
            Err(message) => return Answer::problem(400, "not-supported", message),
        };
        let mut found = match self.filtered(kind, &parsed) {
            Ok(found) => found,
            Err(problem) => return problem,
        };
        // Last key first, each sort stable: the first key decides.
        for (param, descending) in parsed.sort.iter().rev() {
            found.sort_by(|a, b| {
                let (ka, kb) = (
                    search::sort_key(&a.resource, param),
                    search::sort_key(&b.resource, param),
                );
                order(ka, kb, *descending)
            });
        }
        let total = found.len();
        let mut bundle = json!({
            "resourceType": "Bundle",
            "type": "searchset",
            "link": [{ "relation": "self", "url": format!("{}/{kind}?{query}", self.base) }],
        });
        if parsed.total || parsed.summary_count {
            bundle["total"] = total.into();
        }
        if parsed.summary_count {
            return Answer::ok(200, bundle);
        }
        let page: Vec<&Stored> = found
            .iter()
            .skip(parsed.offset)
            .take(parsed.count)
            .copied()
            .collect();
        if parsed.offset + parsed.count < total
            && let Some(links) = bundle["link"].as_array_mut()
        {
            links.push(json!({ "relation": "next", "url": self.page_url(kind, query, parsed.offset + parsed.count) }));
        }
        let mut entries: Vec<Value> = page
            .iter()
            .map(|s| self.entry(kind, &s.resource, "match"))
            .collect();
        let mut included: Vec<(String, String)> = page
            .iter()
            .filter_map(|s| {
                Some((
                    kind.to_string(),
                    s.resource.get("id")?.as_str()?.to_string(),
                ))
            })
            .collect();
        let mut add = |entries: &mut Vec<Value>, kind: &str, resource: &Value| {
            let Some(id) = resource.get("id").and_then(Value::as_str) else {
                return;
            };
            let key = (kind.to_string(), id.to_string());
            if !included.contains(&key) {
                included.push(key);
                entries.push(self.entry(kind, resource, "include"));
            }
        };
        for include in &parsed.include {
            for stored in &page {
                for reference in search::values(&stored.resource, &include.param) {
                    let Some((target_kind, id)) = reference
                        .get("reference")
                        .and_then(Value::as_str)
                        .and_then(|r| r.rsplit_once('/'))
                    else {
                        continue;
                    };
                    let target_kind = target_kind.rsplit('/').next().unwrap_or(target_kind);
                    if include.target.as_deref().is_some_and(|t| t != target_kind) {
                        continue;
                    }
                    if let Some(target) = self.get(target_kind, id) {
                        add(&mut entries, target_kind, target);
                    }
                }
            }
        }
        for revinclude in &parsed.revinclude {
            let page_refs: Vec<String> = page
                .iter()
                .filter_map(|s| Some(format!("{kind}/{}", s.resource.get("id")?.as_str()?)))
                .collect();
            for stored in self
                .records
                .get(&revinclude.source)
                .into_iter()
                .flat_map(|r| r.values())
                .filter(|s| !s.deleted)
            {
                let refers = search::values(&stored.resource, &revinclude.param)
                    .iter()
                    .filter_map(|r| r.get("reference").and_then(Value::as_str))
                    .any(|r| {
                        page_refs
                            .iter()
                            .any(|p| r == p || r.ends_with(&format!("/{p}")))
                    });
                if refers {
                    add(&mut entries, &revinclude.source, &stored.resource);
                }
            }
        }
        bundle["entry"] = entries.into();
        Answer::ok(200, bundle)
    }

    fn page_url(&self, kind: &str, query: &str, offset: usize) -> String {
        let mut parts: Vec<&str> = query
            .split('&')
            .filter(|p| !p.is_empty() && !p.starts_with("_offset="))
            .collect();
        let offset = format!("_offset={offset}");
        parts.push(&offset);
        format!("{}/{kind}?{}", self.base, parts.join("&"))
    }

    fn entry(&self, kind: &str, resource: &Value, mode: &str) -> Value {
        let id = resource.get("id").and_then(Value::as_str).unwrap_or("");
        json!({
            "fullUrl": format!("{}/{kind}/{id}", self.base),
            "resource": resource,
            "search": { "mode": mode },
        })
    }

    /// A `batch` (each entry on its own) or a `transaction` (all or none).
    fn bundle(&mut self, bundle: &Value, now: Instant) -> Answer {
        if bundle.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
            return Answer::problem(400, "invalid", "The body is not a Bundle");
        }
        let entries = bundle
            .get("entry")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        match bundle.get("type").and_then(Value::as_str) {
            Some("batch") => {
                let answers: Vec<Value> = entries
                    .iter()
                    .map(|entry| {
                        let answer = self.entry_interaction(entry, None, now);
                        response_entry(&self.base, answer)
                    })
                    .collect();
                Answer::ok(
                    200,
                    json!({ "resourceType": "Bundle", "type": "batch-response", "entry": answers }),
                )
            }
            Some("transaction") => {
                let mut trial = self.clone();
                match trial.transaction(&entries, now) {
                    Ok(answers) => {
                        *self = trial;
                        Answer::ok(
                            200,
                            json!({ "resourceType": "Bundle", "type": "transaction-response", "entry": answers }),
                        )
                    }
                    Err(problem) => problem,
                }
            }
            _ => Answer::problem(
                400,
                "invalid",
                "Only batch and transaction Bundles can be sent to the base",
            ),
        }
    }

    fn transaction(&mut self, entries: &[Value], now: Instant) -> Result<Vec<Value>, Answer> {
        // Every `urn:uuid` is given its record's address before any entry
        // runs, so entries may refer to each other in any order
        // (R4 http §3.1.0.11.2).
        let mut names: Vec<(String, String)> = Vec::new();
        let mut assigned: Vec<Option<String>> = Vec::new();
        for entry in entries {
            let method = entry.pointer("/request/method").and_then(Value::as_str);
            let kind = entry
                .pointer("/request/url")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let full_url = entry.get("fullUrl").and_then(Value::as_str);
            let mut id = None;
            if method == Some("POST") && is_type(&kind) {
                let existing = match entry
                    .pointer("/request/ifNoneExist")
                    .and_then(Value::as_str)
                {
                    Some(condition) => {
                        let found = self.matching(&kind, condition)?;
                        if found.len() > 1 {
                            return Err(Answer::problem(
                                412,
                                "duplicate",
                                format!("{} records match ifNoneExist {condition}", found.len()),
                            ));
                        }
                        found
                            .first()
                            .and_then(|r| r.get("id"))
                            .and_then(Value::as_str)
                            .map(str::to_string)
                    }
                    None => None,
                };
                let new = existing.is_none();
                let chosen = existing.unwrap_or_else(|| self.new_id());
                if let Some(full_url) = full_url {
                    names.push((full_url.to_string(), format!("{kind}/{chosen}")));
                }
                id = new.then_some(chosen);
            }
            assigned.push(id);
        }
        let mut answers = Vec::new();
        for (entry, id) in entries.iter().zip(assigned) {
            let mut entry = entry.clone();
            if let Some(resource) = entry.get_mut("resource") {
                rename_references(resource, &names);
            }
            let answer = self.entry_interaction(&entry, id, now);
            if answer.status >= 400 {
                return Err(answer);
            }
            answers.push(response_entry(&self.base, answer));
        }
        Ok(answers)
    }

    /// A Bundle entry's `request`, done. `id`: a transaction's new record's.
    fn entry_interaction(&mut self, entry: &Value, id: Option<String>, now: Instant) -> Answer {
        let method = match entry.pointer("/request/method").and_then(Value::as_str) {
            Some("GET") => Method::Get,
            Some("POST") => Method::Post,
            Some("PUT") => Method::Put,
            Some("DELETE") => Method::Delete,
            other => {
                return Answer::problem(
                    400,
                    "invalid",
                    format!("An entry's request.method is {other:?}, not GET, POST, PUT or DELETE"),
                );
            }
        };
        let Some(address) = entry.pointer("/request/url").and_then(Value::as_str) else {
            return Answer::problem(400, "required", "An entry has no request.url");
        };
        let rest = match under(&self.base, address) {
            Some(rest) => rest.to_string(),
            None => format!("/{}", address.trim_start_matches('/')),
        };
        let conditions = Conditions {
            if_match: entry.pointer("/request/ifMatch").and_then(Value::as_str),
            if_none_exist: entry
                .pointer("/request/ifNoneExist")
                .and_then(Value::as_str),
        };
        let resource = entry.get("resource");
        let kind = rest.trim_start_matches('/');
        if let Some(failure) = kind.split(['/', '?']).next().and_then(|k| self.failure(k)) {
            return failure;
        }
        match (method, id) {
            // A transaction's create already decided (its id, or the
            // record its ifNoneExist found).
            (Method::Post, Some(id)) => {
                let kind = kind.to_string();
                self.create(&kind, resource, None, Some(id), now)
            }
            _ => self.dispatch(method, &rest, resource, &conditions, now),
        }
    }
}

struct Conditions<'a> {
    if_match: Option<&'a str>,
    if_none_exist: Option<&'a str>,
}

fn is_form(request: &HttpRequest) -> bool {
    request
        .header_value("Content-Type")
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"))
}

fn is_type(segment: &str) -> bool {
    segment.starts_with(|c: char| c.is_ascii_uppercase())
        && segment.chars().all(|c| c.is_ascii_alphanumeric())
}

fn checked_body(kind: &str, body: Option<&Value>) -> Result<Value, Answer> {
    match body {
        Some(resource) if resource.get("resourceType").and_then(Value::as_str) == Some(kind) => {
            Ok(resource.clone())
        }
        Some(resource) => Err(Answer::problem(
            400,
            "invalid",
            format!(
                "The body is a {}, not a {kind}",
                resource
                    .get("resourceType")
                    .and_then(Value::as_str)
                    .unwrap_or("record of no type")
            ),
        )),
        None => Err(Answer::problem(
            400,
            "required",
            format!("A {kind} is needed in the body"),
        )),
    }
}

fn rename_references(value: &mut Value, names: &[(String, String)]) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match child {
                    Value::String(s) if key == "reference" => {
                        if let Some((_, to)) = names.iter().find(|(from, _)| from == s) {
                            *s = to.clone();
                        }
                    }
                    child => rename_references(child, names),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename_references(v, names)),
        _ => {}
    }
}

/// Ascending or descending, records without a value last either way.
fn order(a: Option<SortKey>, b: Option<SortKey>, descending: bool) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Less,
        (None, Some(_)) => Greater,
        (None, None) => Equal,
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        410 => "Gone",
        412 => "Precondition Failed",
        429 => "Too Many Requests",
        _ => "",
    }
}

fn response_entry(base: &str, answer: Answer) -> Value {
    let mut response = json!({ "status": format!("{} {}", answer.status, reason(answer.status)).trim_end().to_string() });
    if let Some(location) = &answer.location {
        response["location"] = location
            .trim_start_matches(base)
            .trim_start_matches('/')
            .into();
    }
    if let Some(version) = answer.version {
        response["etag"] = format!("W/\"{version}\"").into();
    }
    let mut entry = json!({ "response": response });
    match answer.resource {
        Some(resource) if answer.status >= 400 => entry["response"]["outcome"] = resource,
        Some(resource) => entry["resource"] = resource,
        None => {}
    }
    entry
}

fn response(answer: Answer) -> HttpResponse {
    let mut headers = vec![(
        "content-type".to_string(),
        "application/fhir+json; charset=utf-8".to_string(),
    )];
    if let Some(version) = answer.version {
        headers.push(("etag".into(), format!("W/\"{version}\"")));
    }
    if let Some(location) = answer.location {
        headers.push(("location".into(), location));
    }
    HttpResponse {
        status: answer.status,
        headers,
        body: answer
            .resource
            .map(|r| r.to_string().into_bytes())
            .unwrap_or_default(),
    }
}

/// An `_include` or `_revinclude`: `Source:param[:Target]`.
struct Include {
    source: String,
    param: search::Param,
    target: Option<String>,
}

/// A search's query, read.
struct Query {
    criteria: Vec<(search::Param, Criterion)>,
    sort: Vec<(search::Param, bool)>,
    include: Vec<Include>,
    revinclude: Vec<Include>,
    count: usize,
    offset: usize,
    total: bool,
    summary_count: bool,
}

impl Query {
    fn parse(kind: &str, query: &str) -> Result<Self, String> {
        let mut parsed = Self {
            criteria: Vec::new(),
            sort: Vec::new(),
            include: Vec::new(),
            revinclude: Vec::new(),
            count: DEFAULT_COUNT,
            offset: 0,
            total: false,
            summary_count: false,
        };
        let unknown = |kind: &str, name: &str| {
            format!(
                "The prototype's server does not know the search parameter \"{name}\" for {kind}"
            )
        };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (name, value) = (
                url::decode(&name.replace('+', " ")),
                url::decode(&value.replace('+', " ")),
            );
            let number = || {
                value
                    .parse::<usize>()
                    .map_err(|_| format!("{name} must be a whole number, not \"{value}\""))
            };
            match name.as_str() {
                "_count" => parsed.count = number()?.min(MAX_COUNT),
                "_offset" => parsed.offset = number()?,
                "_total" => parsed.total = matches!(value.as_str(), "accurate" | "estimate"),
                "_summary" if value == "count" => parsed.summary_count = true,
                "_summary" if value == "false" => {}
                "_format" | "_pretty" => {}
                "_sort" => {
                    for field in value.split(',').filter(|f| !f.is_empty()) {
                        let (field, descending) = match field.strip_prefix('-') {
                            Some(f) => (f, true),
                            None => (field, false),
                        };
                        let param =
                            search::definition(kind, field).ok_or_else(|| unknown(kind, field))?;
                        parsed.sort.push((param, descending));
                    }
                }
                "_include" | "_revinclude" => {
                    let mut parts = value.split(':');
                    let (Some(source), Some(param)) = (parts.next(), parts.next()) else {
                        return Err(format!("{name}={value} is not Source:parameter[:Target]"));
                    };
                    let definition = search::definition(source, param)
                        .filter(|p| p.kind == Kind::Reference)
                        .ok_or_else(|| unknown(source, param))?;
                    let include = Include {
                        source: source.to_string(),
                        param: definition,
                        target: parts.next().map(str::to_string),
                    };
                    if name == "_include" {
                        if source != kind {
                            return Err(format!("_include={value} does not start from {kind}"));
                        }
                        parsed.include.push(include);
                    } else {
                        parsed.revinclude.push(include);
                    }
                }
                _ => {
                    let (param_name, modifier) = match name.split_once(':') {
                        Some((n, m)) => (n.to_string(), Some(m.to_string())),
                        None => (name.clone(), None),
                    };
                    if param_name.contains('.') {
                        return Err(format!(
                            "Chained parameters ({name}) are not supported by the prototype's server"
                        ));
                    }
                    let param = search::definition(kind, &param_name)
                        .ok_or_else(|| unknown(kind, &param_name))?;
                    parsed.criteria.push((
                        param,
                        Criterion {
                            name: param_name,
                            modifier,
                            values: search::alternatives(&value),
                        },
                    ));
                }
            }
        }
        Ok(parsed)
    }
}

#[cfg(test)]
mod tests;
