//! A Schema Registry test double on loopback that speaks the Confluent REST API.
//!
//! Stateful: subjects hold versions of schemas, ids are global and shared by equal schemas
//! (compared by their JSON, as the registry compares canonical forms). Routes, with
//! Confluent's response shapes, error codes and media type
//! `application/vnd.schemaregistry.v1+json`:
//! - `GET /mode` → `{"mode": "READWRITE"}` (or the mode the test set)
//! - `GET /subjects` → `["a-value", ...]`
//! - `GET /subjects/{s}/versions` → `[1, 2]`; unknown subject 404 / 40401
//! - `GET /subjects/{s}/versions/{n|latest}` → `{"subject", "version", "id", "schema"}`;
//!   40401 / 40402
//! - `POST /subjects/{s}` `{"schema"}` → the registered version, or 40401 / 40403
//! - `POST /subjects/{s}/versions` `{"schema"}` → `{"id"}`; 409 / 409 when the test marked
//!   the subject incompatible
//! - `POST /compatibility/subjects/{s}/versions/latest` → `{"is_compatible", "messages"}`;
//!   40401 for an unknown subject
//! - `GET /schemas/ids/{id}` → `{"schema"}`; 40403
//! - anything else → 404 `{"error_code": 404, "message": "HTTP 404 Not Found"}`
//!
//! Every request is counted, so a test can assert that kop really asked.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

#[derive(Default)]
struct Subjects {
    /// subject → schema ids, version n at index n-1.
    versions: BTreeMap<String, Vec<u32>>,
    /// id → schema text, as first registered.
    schemas: Vec<String>,
    /// subject → reasons the next schema is incompatible.
    incompatible: BTreeMap<String, Vec<String>>,
}

#[derive(Default)]
struct State {
    mode: Mutex<String>,
    subjects: Mutex<Subjects>,
    hits: AtomicUsize,
    /// `Authorization` headers seen, to check basic auth.
    authorizations: Mutex<Vec<String>>,
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

    /// Makes the registry find any new schema for the subject incompatible.
    pub fn mark_incompatible(&self, subject: &str, reason: &str) {
        let mut subjects = self.state.subjects.lock().expect("subjects");
        subjects
            .incompatible
            .insert(subject.into(), vec![reason.into()]);
    }

    pub fn hits(&self) -> usize {
        self.state.hits.load(Ordering::SeqCst)
    }

    pub fn authorizations(&self) -> Vec<String> {
        self.state.authorizations.lock().expect("auth").clone()
    }
}

fn serve(stream: TcpStream, state: &State) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut writer = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let path = parts.next().unwrap_or("").to_string();
        let mut content_length = 0usize;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                match name.trim().to_ascii_lowercase().as_str() {
                    "content-length" => content_length = value.trim().parse().unwrap_or(0),
                    "authorization" => state
                        .authorizations
                        .lock()
                        .expect("auth")
                        .push(value.trim().into()),
                    _ => {}
                }
            }
        }
        let mut body = vec![0; content_length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        state.hits.fetch_add(1, Ordering::SeqCst);
        let (status, json) = route(state, &method, &path, &body);
        let text = json.to_string();
        let response = format!(
            "HTTP/1.1 {status} {}\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: {}\r\n\r\n{text}",
            if status < 400 { "OK" } else { "Error" },
            text.len()
        );
        if writer.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

fn error(status: u16, code: u32, message: &str) -> (u16, Value) {
    (status, json!({"error_code": code, "message": message}))
}

/// Schemas compare by their JSON value, not their spelling.
fn same_schema(a: &str, b: &str) -> bool {
    match (
        serde_json::from_str::<Value>(a),
        serde_json::from_str::<Value>(b),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn not_found(subject: &str) -> (u16, Value) {
    error(404, 40401, &format!("Subject '{subject}' not found."))
}

fn route(state: &State, method: &str, path: &str, body: &[u8]) -> (u16, Value) {
    let path = path.split('?').next().unwrap_or("");
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let schema = || -> Option<String> {
        let v: Value = serde_json::from_slice(body).ok()?;
        v["schema"].as_str().map(str::to_string)
    };
    let mut subjects = state.subjects.lock().expect("subjects");
    match (method, parts.as_slice()) {
        ("GET", ["mode"]) => (200, json!({"mode": *state.mode.lock().expect("mode")})),
        ("GET", ["subjects"]) => (200, json!(subjects.versions.keys().collect::<Vec<_>>())),
        ("GET", ["subjects", s, "versions"]) => match subjects.versions.get(*s) {
            Some(ids) => (200, json!((1..=ids.len()).collect::<Vec<_>>())),
            None => not_found(s),
        },
        ("GET", ["subjects", s, "versions", v]) => {
            let Some(ids) = subjects.versions.get(*s) else {
                return not_found(s);
            };
            let index = if *v == "latest" {
                ids.len()
            } else {
                v.parse().unwrap_or(0)
            };
            match index.checked_sub(1).and_then(|i| ids.get(i)) {
                Some(id) => {
                    let text = &subjects.schemas[*id as usize - 1];
                    (
                        200,
                        json!({"subject": s, "version": index, "id": id, "schema": text}),
                    )
                }
                None => error(404, 40402, &format!("Version {v} not found.")),
            }
        }
        ("POST", ["subjects", s]) => {
            let Some(text) = schema() else {
                return error(422, 42201, "Invalid schema");
            };
            let Some(ids) = subjects.versions.get(*s) else {
                return not_found(s);
            };
            let found = ids
                .iter()
                .enumerate()
                .find(|(_, id)| same_schema(&subjects.schemas[**id as usize - 1], &text));
            match found {
                Some((i, id)) => (
                    200,
                    json!({"subject": s, "version": i + 1, "id": id, "schema": text}),
                ),
                None => error(404, 40403, "Schema not found"),
            }
        }
        ("POST", ["subjects", s, "versions"]) => {
            let Some(text) = schema() else {
                return error(422, 42201, "Invalid schema");
            };
            if let Some(reasons) = subjects.incompatible.get(*s) {
                if subjects.versions.contains_key(*s) {
                    let message = format!(
                        "Schema being registered is incompatible with an earlier schema; {}",
                        reasons.join("; ")
                    );
                    return error(409, 409, &message);
                }
            }
            let id = match subjects
                .schemas
                .iter()
                .position(|known| same_schema(known, &text))
            {
                Some(i) => i as u32 + 1,
                None => {
                    subjects.schemas.push(text);
                    subjects.schemas.len() as u32
                }
            };
            let ids = subjects.versions.entry(s.to_string()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
            (200, json!({"id": id}))
        }
        ("POST", ["compatibility", "subjects", s, "versions", "latest"]) => {
            if !subjects.versions.contains_key(*s) {
                return not_found(s);
            }
            match subjects.incompatible.get(*s) {
                Some(reasons) => (200, json!({"is_compatible": false, "messages": reasons})),
                None => (200, json!({"is_compatible": true})),
            }
        }
        ("GET", ["schemas", "ids", id]) => {
            let index = id.parse::<usize>().unwrap_or(0);
            match index.checked_sub(1).and_then(|i| subjects.schemas.get(i)) {
                Some(text) => (200, json!({"schema": text})),
                None => error(404, 40403, "Schema not found"),
            }
        }
        _ => error(404, 404, "HTTP 404 Not Found"),
    }
}

/// The registry a test talks to: the double, or a real Confluent-compatible registry when
/// `KOP_TEST_REGISTRY_URL` is set (the same tests must pass against both).
pub enum TestRegistry {
    Double(RegistryDouble),
    Real(String),
}

impl TestRegistry {
    pub fn start() -> TestRegistry {
        match std::env::var("KOP_TEST_REGISTRY_URL") {
            Ok(url) if !url.is_empty() => TestRegistry::Real(url.trim_end_matches('/').to_string()),
            _ => TestRegistry::Double(RegistryDouble::start()),
        }
    }

    pub fn url(&self) -> &str {
        match self {
            TestRegistry::Double(d) => &d.url,
            TestRegistry::Real(url) => url,
        }
    }

    /// The double, for assertions only it can make (requests it saw).
    pub fn double(&self) -> Option<&RegistryDouble> {
        match self {
            TestRegistry::Double(d) => Some(d),
            TestRegistry::Real(_) => None,
        }
    }

    /// How many versions the subject has, asked over the REST API.
    pub fn versions(&self, subject: &str) -> usize {
        let url = format!("{}/subjects/{subject}/versions", self.url());
        let output = std::process::Command::new("python3")
            .args([
                "-c",
                "import json,sys,urllib.request,urllib.error\ntry:\n  print(len(json.load(urllib.request.urlopen(sys.argv[1]))))\nexcept urllib.error.HTTPError:\n  print(0)",
                &url,
            ])
            .output()
            .expect("python3");
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .unwrap_or(0)
    }

    /// Makes the double refuse new versions of the subject; a real registry judges on its
    /// own (the tests use genuinely incompatible schemas).
    pub fn expect_incompatible(&self, subject: &str, reason: &str) {
        if let Some(d) = self.double() {
            d.mark_incompatible(subject, reason);
        }
    }
}
