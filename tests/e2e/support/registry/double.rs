//! A Schema Registry test double on loopback that answers as Karapace does.
//!
//! Every status code, error code and body below was recorded from a real Karapace (6.2.0,
//! and 3.16.0 where they differ: 3.16.0 gives no `messages` in a compatibility answer and
//! says `Version latest not found.` where 6.2.0 says `Version -1 not found.`); the tests in
//! tests/e2e/schemas.rs run against both the double and a real registry. Media type
//! `application/vnd.schemaregistry.v1+json`. Stateful: subjects hold versions (soft-deleted
//! or live), ids are global and shared by equal schemas, Avro and JSON Schema are stored as
//! Karapace stores them (compact JSON with sorted keys), Protobuf as given. Routes:
//!
//! - `GET /mode` → `{"mode": "READWRITE"}` (or what the test set)
//! - `GET /config` → `{"compatibilityLevel": "BACKWARD"}`; `PUT /config`
//!   `{"compatibility"}` → `{"compatibility"}`, 422 / 42203 for an unknown level
//! - `GET /config/{s}[?defaultToGlobal=true]` → `{"compatibilityLevel"}`; 404 / 40408 when
//!   the subject has no level of its own, 404 / 40401 when the subject is unknown;
//!   `PUT /config/{s}` → `{"compatibility"}` (422 / 42203); `DELETE /config/{s}` → the
//!   global level as `{"compatibility"}`
//! - `GET /subjects[?deleted=true]` → `["a-value", ...]`
//! - `GET /subjects/{s}/versions[?deleted=true]` → `[1, 2]`; 404 / 40401
//! - `GET /subjects/{s}/versions/{n|latest}[?deleted=true]` → `{"subject", "version", "id",
//!   "schema"}` plus `"schemaType"` (not for Avro) and `"references"` (when there are any);
//!   404 / 40401, 404 / 40402, 422 / 42202 for a version that is not a number
//! - `POST /subjects/{s}[?deleted=true]` `{"schema", "schemaType"?}` → the registered
//!   version; 404 / 40401, 404 / 40403, 422 / 42201
//! - `POST /subjects/{s}/versions` → `{"id"}`; 409 / 409 when incompatible under the
//!   subject's level, 422 / 42201 when invalid
//! - `POST /compatibility/subjects/{s}/versions/{n|latest}[?verbose=true]` →
//!   `{"is_compatible": true}` or `{"is_compatible": false, "messages": [...]}` (all live
//!   versions under a transitive level); 404 / 40402 when there is no such version. The
//!   double judges Avro only (JSON Schema and Protobuf verdicts need a real registry) and
//!   answers 500 for the others.
//! - `DELETE /subjects/{s}[?permanent=true]` → `[1, 2]`; 40401, 40404 (already soft
//!   deleted), 40405 (permanent before soft)
//! - `DELETE /subjects/{s}/versions/{n|latest}[?permanent=true]` → `1`; 40401, 40402, 40406,
//!   40407
//! - `GET /schemas/ids/{id}` → `{"schema", "schemaType"?}`; 404 / 40403
//! - with credentials required: 401 `{"message": "Unauthorized"}` (Karapace's basic-auth
//!   answer)
//! - anything else → 404 `"Not Found"`
//!
//! Every request is counted, so a test can assert that kop really asked.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

use super::avro;

const LEVELS: [&str; 7] = [
    "BACKWARD",
    "BACKWARD_TRANSITIVE",
    "FORWARD",
    "FORWARD_TRANSITIVE",
    "FULL",
    "FULL_TRANSITIVE",
    "NONE",
];

struct Stored {
    text: String,
    schema_type: String,
    references: Value,
}

#[derive(Clone, Copy)]
struct Version {
    number: u32,
    id: u32,
    deleted: bool,
}

#[derive(Default)]
struct SubjectState {
    versions: Vec<Version>,
    level: Option<String>,
}

impl SubjectState {
    fn live(&self) -> impl Iterator<Item = &Version> {
        self.versions.iter().filter(|v| !v.deleted)
    }
}

#[derive(Default)]
struct Registry {
    global: String,
    subjects: BTreeMap<String, SubjectState>,
    /// id → schema, id n at index n-1.
    schemas: Vec<Stored>,
}

#[derive(Default)]
struct State {
    mode: Mutex<String>,
    registry: Mutex<Registry>,
    hits: AtomicUsize,
    /// `Authorization` headers seen, to check basic auth and bearer tokens.
    authorizations: Mutex<Vec<String>>,
    /// When set, requests without exactly this `Authorization` header get a 401.
    required_authorization: Mutex<Option<String>>,
}

pub struct RegistryDouble {
    pub url: String,
    state: Arc<State>,
}

impl RegistryDouble {
    pub fn start() -> RegistryDouble {
        let listener = TcpListener::bind("127.0.0.1:0").expect("registry double port");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let state = Arc::new(State {
            mode: Mutex::new("READWRITE".into()),
            registry: Mutex::new(Registry {
                global: "BACKWARD".into(),
                ..Registry::default()
            }),
            ..State::default()
        });
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = shared.clone();
                std::thread::spawn(move || serve(stream, &state));
            }
        });
        RegistryDouble { url, state }
    }

    pub fn set_mode(&self, mode: &str) {
        *self.state.mode.lock().expect("mode") = mode.into();
    }

    /// From now on, only requests with exactly this `Authorization` header are served;
    /// the others get Karapace's 401.
    pub fn require_authorization(&self, header: &str) {
        *self.state.required_authorization.lock().expect("auth") = Some(header.into());
    }

    pub fn hits(&self) -> usize {
        self.state.hits.load(Ordering::SeqCst)
    }

    pub fn authorizations(&self) -> Vec<String> {
        self.state.authorizations.lock().expect("auth").clone()
    }
}

struct Request {
    method: String,
    path: String,
    query: String,
    authorization: Option<String>,
    /// `Connection: close`: the client reads the answer to the end of the stream.
    close: bool,
    body: Vec<u8>,
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return None;
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let mut content_length = 0usize;
    let mut authorization = None;
    let mut close = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "content-length" => content_length = value.trim().parse().unwrap_or(0),
                "authorization" => authorization = Some(value.trim().to_string()),
                "connection" => close = value.trim().eq_ignore_ascii_case("close"),
                _ => {}
            }
        }
    }
    let mut body = vec![0; content_length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        path: path.to_string(),
        query: query.to_string(),
        authorization,
        close,
        body,
    })
}

fn serve(stream: TcpStream, state: &State) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut writer = stream;
    while let Some(request) = read_request(&mut reader) {
        state.hits.fetch_add(1, Ordering::SeqCst);
        if let Some(auth) = &request.authorization {
            state
                .authorizations
                .lock()
                .expect("auth")
                .push(auth.clone());
        }
        let required = state.required_authorization.lock().expect("auth").clone();
        let (status, json) = match required {
            Some(needed) if request.authorization.as_deref() != Some(needed.as_str()) => {
                (401, json!({"message": "Unauthorized"}))
            }
            _ => route(state, &request),
        };
        let text = json.to_string();
        let response = format!(
            "HTTP/1.1 {status} {}\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: {}\r\n\r\n{text}",
            if status < 400 { "OK" } else { "Error" },
            text.len()
        );
        if writer.write_all(response.as_bytes()).is_err() || request.close {
            return;
        }
    }
}

fn error(status: u16, code: u32, message: &str) -> (u16, Value) {
    (status, json!({"error_code": code, "message": message}))
}

fn subject_not_found(subject: &str) -> (u16, Value) {
    error(404, 40401, &format!("Subject '{subject}' not found."))
}

fn version_not_found(version: &str) -> (u16, Value) {
    error(404, 40402, &format!("Version {version} not found."))
}

fn invalid_version(version: &str) -> (u16, Value) {
    error(
        422,
        42202,
        &format!("The specified version '{version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\""),
    )
}

fn flag(query: &str, name: &str) -> bool {
    query
        .split('&')
        .any(|p| p.eq_ignore_ascii_case(&format!("{name}=true")))
}

/// Percent-decoding of a path segment (kop encodes every byte but unreserved ones).
fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&segment[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A schema as posted: text, type and references.
struct Posted {
    text: String,
    schema_type: String,
    references: Value,
}

fn posted(body: &[u8]) -> Option<Posted> {
    let v: Value = serde_json::from_slice(body).ok()?;
    Some(Posted {
        text: v["schema"].as_str()?.to_string(),
        schema_type: v["schemaType"].as_str().unwrap_or("AVRO").to_string(),
        references: match &v["references"] {
            Value::Array(a) if !a.is_empty() => Value::Array(a.clone()),
            _ => Value::Null,
        },
    })
}

/// The stored spelling, or why the schema is invalid (Karapace's 42201 message).
fn validate(p: &Posted) -> Result<String, String> {
    match p.schema_type.as_str() {
        "AVRO" => avro::parse(&p.text)
            .map(|_| avro::normalise(&p.text).unwrap_or_else(|| p.text.clone()))
            .map_err(|e| format!("Invalid AVRO schema. Error: {e}")),
        "JSON" => avro::normalise(&p.text)
            .ok_or_else(|| "Invalid JSON schema. Error: not JSON".to_string()),
        "PROTOBUF" if p.text.contains("syntax") || p.text.contains("message") => Ok(p.text.clone()),
        other => Err(format!("Invalid {other} schema")),
    }
}

/// Two spellings of one schema: equal JSON (Avro, JSON Schema) or equal words (Protobuf).
fn same_schema(stored: &Stored, text: &str, schema_type: &str) -> bool {
    if stored.schema_type != schema_type {
        return false;
    }
    match schema_type {
        "PROTOBUF" => {
            let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            words(&stored.text) == words(text)
        }
        _ => avro::normalise(&stored.text) == avro::normalise(text),
    }
}

impl Registry {
    fn level_of(&self, subject: &str) -> String {
        self.subjects
            .get(subject)
            .and_then(|s| s.level.clone())
            .unwrap_or_else(|| self.global.clone())
    }

    fn id_for(&mut self, text: String, schema_type: &str, references: Value) -> u32 {
        if let Some(i) = self.schemas.iter().position(|s| {
            s.text == text && s.schema_type == schema_type && s.references == references
        }) {
            return i as u32 + 1;
        }
        self.schemas.push(Stored {
            text,
            schema_type: schema_type.to_string(),
            references,
        });
        self.schemas.len() as u32
    }

    fn record(&self, subject: &str, v: &Version) -> Value {
        let stored = &self.schemas[v.id as usize - 1];
        let mut record =
            json!({"subject": subject, "version": v.number, "id": v.id, "schema": stored.text});
        if stored.schema_type != "AVRO" {
            record["schemaType"] = json!(stored.schema_type);
        }
        if !stored.references.is_null() {
            record["references"] = stored.references.clone();
        }
        record
    }

    /// Karapace's verdict for `new` against the versions the level compares it with.
    fn verdict(
        &self,
        subject: &str,
        new: &Posted,
        against: &[Version],
    ) -> Result<Vec<String>, (u16, Value)> {
        let level = self.level_of(subject);
        if level == "NONE" {
            return Ok(Vec::new());
        }
        let versions: Vec<Version> = if level.ends_with("_TRANSITIVE") {
            self.subjects[subject].live().copied().collect()
        } else {
            against.to_vec()
        };
        for v in versions {
            let old = &self.schemas[v.id as usize - 1];
            if old.schema_type != new.schema_type {
                return Ok(vec![format!(
                    "Comparing different schema types: {} with {}",
                    old.schema_type, new.schema_type
                )]);
            }
            if old.schema_type != "AVRO" {
                return Err(error(500, 500, "the test double judges Avro compatibility only; use a real registry (KOP_TEST_REGISTRY_URL)"));
            }
            let (Ok(old), Ok(new)) = (avro::parse(&old.text), avro::parse(&new.text)) else {
                return Err(error(422, 42201, "Invalid AVRO schema"));
            };
            let backward = || avro::incompatibilities(&new, &old);
            let forward = || avro::incompatibilities(&old, &new);
            let messages = match level.trim_end_matches("_TRANSITIVE") {
                "BACKWARD" => backward(),
                "FORWARD" => forward(),
                _ => {
                    let mut m = backward();
                    m.extend(
                        forward()
                            .into_iter()
                            .filter(|f| !m.contains(f))
                            .collect::<Vec<_>>(),
                    );
                    m
                }
            };
            if !messages.is_empty() {
                return Ok(messages);
            }
        }
        Ok(Vec::new())
    }
}

fn route(state: &State, request: &Request) -> (u16, Value) {
    let parts: Vec<String> = request
        .path
        .trim_start_matches('/')
        .split('/')
        .map(decode)
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let query = request.query.as_str();
    let mut r = state.registry.lock().expect("registry");
    let level_body = || -> Option<String> {
        let v: Value = serde_json::from_slice(&request.body).ok()?;
        v["compatibility"].as_str().map(str::to_string)
    };
    match (request.method.as_str(), parts.as_slice()) {
        ("GET", ["mode"]) => (200, json!({"mode": *state.mode.lock().expect("mode")})),
        ("GET", ["config"]) => (200, json!({"compatibilityLevel": r.global})),
        ("PUT", ["config"]) => match level_body() {
            Some(l) if LEVELS.contains(&l.as_str()) => {
                r.global = l.clone();
                (200, json!({"compatibility": l}))
            }
            _ => error(422, 42203, "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive"),
        },
        ("GET", ["config", s]) => {
            let Some(subject) = r.subjects.get(*s) else {
                return subject_not_found(s);
            };
            match (&subject.level, flag(query, "defaultToGlobal")) {
                (Some(l), _) => (200, json!({"compatibilityLevel": l})),
                (None, true) => (200, json!({"compatibilityLevel": r.global})),
                (None, false) => error(404, 40408, &format!("Subject '{s}' does not have subject-level compatibility configured")),
            }
        }
        ("PUT", ["config", s]) => match level_body() {
            Some(l) if LEVELS.contains(&l.as_str()) => {
                r.subjects.entry(s.to_string()).or_default().level = Some(l.clone());
                (200, json!({"compatibility": l}))
            }
            _ => error(422, 42203, "Invalid compatibility level"),
        },
        ("DELETE", ["config", s]) => {
            if let Some(subject) = r.subjects.get_mut(*s) {
                subject.level = None;
            }
            (200, json!({"compatibility": r.global}))
        }
        ("GET", ["subjects"]) => {
            let deleted = flag(query, "deleted");
            let names: Vec<&String> = r
                .subjects
                .iter()
                .filter(|(_, s)| {
                    if deleted {
                        !s.versions.is_empty()
                    } else {
                        s.live().next().is_some()
                    }
                })
                .map(|(name, _)| name)
                .collect();
            (200, json!(names))
        }
        ("GET", ["subjects", s, "versions"]) => {
            let deleted = flag(query, "deleted");
            let versions: Vec<u32> = r
                .subjects
                .get(*s)
                .map(|subject| {
                    subject
                        .versions
                        .iter()
                        .filter(|v| deleted || !v.deleted)
                        .map(|v| v.number)
                        .collect()
                })
                .unwrap_or_default();
            if versions.is_empty() {
                return subject_not_found(s);
            }
            (200, json!(versions))
        }
        ("GET", ["subjects", s, "versions", v]) => {
            let deleted = flag(query, "deleted");
            let Some(subject) = r.subjects.get(*s) else {
                return subject_not_found(s);
            };
            let visible: Vec<Version> = subject
                .versions
                .iter()
                .filter(|x| deleted || !x.deleted)
                .copied()
                .collect();
            if visible.is_empty() {
                return subject_not_found(s);
            }
            let found = if *v == "latest" {
                visible.last().copied()
            } else {
                let Ok(n) = v.parse::<u32>() else {
                    return invalid_version(v);
                };
                visible.iter().find(|x| x.number == n).copied()
            };
            match found {
                Some(version) => (200, r.record(s, &version)),
                None => version_not_found(v),
            }
        }
        ("POST", ["subjects", s]) => {
            let deleted = flag(query, "deleted");
            let Some(subject) = r.subjects.get(*s) else {
                return subject_not_found(s);
            };
            let visible: Vec<Version> = subject
                .versions
                .iter()
                .filter(|x| deleted || !x.deleted)
                .copied()
                .collect();
            if visible.is_empty() {
                return subject_not_found(s);
            }
            let Some(p) = posted(&request.body).filter(|p| validate(p).is_ok()) else {
                return error(422, 42201, &format!("Error while looking up schema under subject {s}"));
            };
            let found = visible
                .iter()
                .rev()
                .find(|v| same_schema(&r.schemas[v.id as usize - 1], &p.text, &p.schema_type));
            match found {
                Some(v) => {
                    let mut record = r.record(s, v);
                    if let Some(map) = record.as_object_mut() {
                        map.remove("references");
                    }
                    (200, record)
                }
                None => error(404, 40403, "Schema not found"),
            }
        }
        ("POST", ["subjects", s, "versions"]) => {
            let Some(p) = posted(&request.body) else {
                return error(422, 422, "Field required: schema");
            };
            let text = match validate(&p) {
                Ok(text) => text,
                Err(message) => return error(422, 42201, &message),
            };
            let live: Vec<Version> = r
                .subjects
                .get(*s)
                .map(|x| x.live().copied().collect())
                .unwrap_or_default();
            if let Some(v) = live
                .iter()
                .find(|v| same_schema(&r.schemas[v.id as usize - 1], &p.text, &p.schema_type))
            {
                return (200, json!({"id": v.id}));
            }
            if let Some(latest) = live.last().copied() {
                match r.verdict(s, &p, &[latest]) {
                    Err(answer) => return answer,
                    Ok(messages) if !messages.is_empty() => {
                        let level = r.level_of(s);
                        return error(409, 409, &format!("Incompatible schema, compatibility_mode={level}. Incompatibilities: {}", messages.join(", ")));
                    }
                    Ok(_) => {}
                }
            }
            let id = r.id_for(text, &p.schema_type, p.references.clone());
            let subject = r.subjects.entry(s.to_string()).or_default();
            let number = subject.versions.iter().map(|v| v.number).max().unwrap_or(0) + 1;
            subject.versions.push(Version {
                number,
                id,
                deleted: false,
            });
            (200, json!({"id": id}))
        }
        ("POST", ["compatibility", "subjects", s, "versions", v]) => {
            // Karapace parses the new schema before it looks for the old one.
            let Some(p) = posted(&request.body) else {
                return error(422, 422, "Field required: schema");
            };
            if validate(&p).is_err() {
                // Python's name for the enum member, as Karapace prints it.
                let member = match p.schema_type.as_str() {
                    "JSON" => "JSONSCHEMA",
                    other => other,
                };
                return error(422, 42201, &format!("Invalid SchemaType.{member} schema"));
            }
            let live: Vec<Version> = r
                .subjects
                .get(*s)
                .map(|x| x.live().copied().collect())
                .unwrap_or_default();
            let against = if *v == "latest" {
                match live.last() {
                    Some(latest) => *latest,
                    None => return version_not_found("-1"),
                }
            } else {
                match v.parse::<u32>().ok().and_then(|n| live.iter().find(|x| x.number == n)) {
                    Some(found) => *found,
                    None => return version_not_found(v),
                }
            };
            match r.verdict(s, &p, &[against]) {
                Err(answer) => answer,
                Ok(messages) if messages.is_empty() => (200, json!({"is_compatible": true})),
                Ok(messages) => (200, json!({"is_compatible": false, "messages": messages})),
            }
        }
        ("DELETE", ["subjects", s]) => {
            let permanent = flag(query, "permanent");
            let Some(subject) = r.subjects.get_mut(*s).filter(|x| !x.versions.is_empty()) else {
                return subject_not_found(s);
            };
            let live = subject.live().count();
            if permanent {
                if live > 0 {
                    return error(404, 40405, &format!("Subject '{s}' was not deleted first before being permanently deleted"));
                }
                let numbers: Vec<u32> = subject.versions.drain(..).map(|v| v.number).collect();
                return (200, json!(numbers));
            }
            if live == 0 {
                return error(404, 40404, &format!("Subject '{s}' was soft deleted.Set permanent=true to delete permanently"));
            }
            let mut numbers = Vec::new();
            for v in subject.versions.iter_mut().filter(|v| !v.deleted) {
                v.deleted = true;
                numbers.push(v.number);
            }
            (200, json!(numbers))
        }
        ("DELETE", ["subjects", s, "versions", v]) => {
            let permanent = flag(query, "permanent");
            let Some(subject) = r.subjects.get_mut(*s).filter(|x| !x.versions.is_empty()) else {
                return subject_not_found(s);
            };
            let number = if *v == "latest" {
                subject.live().last().map(|x| x.number)
            } else {
                match v.parse::<u32>() {
                    Ok(n) => Some(n),
                    Err(_) => return invalid_version(v),
                }
            };
            let Some(index) = number.and_then(|n| subject.versions.iter().position(|x| x.number == n)) else {
                return version_not_found(v);
            };
            let version = subject.versions[index];
            match (permanent, version.deleted) {
                (false, true) => error(404, 40406, &format!("Subject '{s}' Version {v} was soft deleted. Set permanent=true to delete permanently")),
                (true, false) => error(404, 40407, &format!("Subject '{s}' Version {v} was not deleted first before being permanently deleted")),
                (false, false) => {
                    subject.versions[index].deleted = true;
                    (200, json!(version.number))
                }
                (true, true) => {
                    subject.versions.remove(index);
                    (200, json!(version.number))
                }
            }
        }
        ("GET", ["schemas", "ids", id]) => {
            let index = id.parse::<usize>().unwrap_or(0);
            match index.checked_sub(1).and_then(|i| r.schemas.get(i)) {
                Some(stored) => {
                    let mut answer = json!({"schema": stored.text});
                    if stored.schema_type != "AVRO" {
                        answer["schemaType"] = json!(stored.schema_type);
                    }
                    if !stored.references.is_null() {
                        answer["references"] = stored.references.clone();
                    }
                    (200, answer)
                }
                None => error(404, 40403, "Schema not found"),
            }
        }
        _ => (404, json!("Not Found")),
    }
}
