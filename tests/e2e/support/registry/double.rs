//! A Schema Registry test double on loopback that answers as Karapace does.
//!
//! Every status code, error code and body below was recorded from a real Karapace (6.2.0,
//! and 3.16.0 where they differ: 3.16.0 gives no `messages` in a compatibility answer and
//! says `Version latest not found.` where 6.2.0 says `Version -1 not found.`); the tests in
//! tests/e2e/schemas.rs and schemas_check.rs run against both the double and a real
//! registry. The routes and the state are in routes.rs. Media type
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
//!   subject's level, 422 / 42201 when invalid (a Protobuf schema is invalid when it does
//!   not compile with the schemas its references name; a base64 `FileDescriptorProto` is
//!   taken, as Karapace takes it, but stored as given), 422 / 44302 for a JSON Schema with
//!   references (unless the test asked for Confluent's answer)
//! - `POST /compatibility/subjects/{s}/versions/{n|latest}[?verbose=true]` →
//!   `{"is_compatible": true}` or `{"is_compatible": false, "messages": [...]}` (all live
//!   versions under a transitive level); 422 / 42201 `Invalid SchemaType.AVRO schema` for an
//!   invalid schema (checked first, so also for a subject without versions), then 404 /
//!   40402 when there is no such version. The double judges Avro only (JSON Schema and
//!   Protobuf verdicts need a real registry) and answers 500 for the others.
//! - `DELETE /subjects/{s}[?permanent=true]` → `[1, 2]`; 40401, 40404 (already soft
//!   deleted), 40405 (permanent before soft)
//! - `DELETE /subjects/{s}/versions/{n|latest}[?permanent=true]` → `1`; 40401, 40402, 40406,
//!   40407
//! - `GET /schemas/ids/{id}` → `{"schema", "schemaType"?}`; 404 / 40403
//! - with credentials required: 401 `{"message": "Unauthorized"}` (Karapace's basic-auth
//!   answer)
//! - anything else → 404 `"Not Found"`, Karapace 6's answer for a route it lacks (such as
//!   Confluent's `POST /compatibility/subjects/{s}/versions`, which checks every version)
//!
//! Every request is counted, so a test can assert that kop really asked.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::json;

use super::routes::{route, Registry};

#[derive(Default)]
pub(super) struct State {
    pub mode: Mutex<String>,
    /// Take references on JSON Schemas, as Confluent's registry does (Karapace refuses).
    pub json_references: std::sync::atomic::AtomicBool,
    pub registry: Mutex<Registry>,
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
            registry: Mutex::new(Registry::new()),
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

    /// From now on, take references on JSON Schemas as Confluent's registry does; by
    /// default the double refuses them as Karapace does (422 / 44302).
    pub fn take_json_references(&self) {
        self.state.json_references.store(true, Ordering::SeqCst);
    }

    pub fn hits(&self) -> usize {
        self.state.hits.load(Ordering::SeqCst)
    }

    pub fn authorizations(&self) -> Vec<String> {
        self.state.authorizations.lock().expect("auth").clone()
    }
}

pub(super) struct Request {
    pub method: String,
    pub path: String,
    pub query: String,
    pub authorization: Option<String>,
    /// `Connection: close`: the client reads the answer to the end of the stream.
    pub close: bool,
    pub body: Vec<u8>,
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
