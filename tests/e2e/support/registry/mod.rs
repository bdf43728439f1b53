//! The registry a test talks to: the double (double.rs), or a real Confluent-compatible
//! registry when `KOP_TEST_REGISTRY_URL` is set. The same tests pass against both, so they
//! treat the registry as shared and long-lived: every test works on subjects of its own
//! ([`TestRegistry::subject`]), never assumes the registry is empty, never changes the
//! global compatibility level, and sets the level it needs on its own subjects.
//!
//! `.ci/run` runs every test that touches a registry a second time against a real Karapace
//! (`scripts/test-registry.sh`): those tests are the ones whose path contains `registry` or
//! `schemas` ([`every_registry_test_is_found_by_the_ci_filter`]).

mod avro;
mod double;
mod proto;
mod routes;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::{json, Value};

pub use double::RegistryDouble;

/// Test names `scripts/test-registry.sh` selects; keep the two in step.
pub const CI_FILTERS: [&str; 2] = ["registry", "schemas"];

pub enum TestRegistry {
    Double(RegistryDouble),
    Real(String),
}

/// An answer from the registry: status and JSON body (`Null` when the body is not JSON).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
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

    pub fn is_real(&self) -> bool {
        matches!(self, TestRegistry::Real(_))
    }

    /// A subject no other test (in this or an earlier run against the same registry) uses.
    pub fn subject(&self, prefix: &str) -> String {
        format!("{}-value", super::unique(prefix))
    }

    /// One request over plain HTTP/1.1 (the test registries are all on loopback).
    pub fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Answer {
        http(self.url(), method, path, body)
    }

    /// Registers a schema (`schema_type` AVRO, JSON or PROTOBUF) and returns its id.
    pub fn register(&self, subject: &str, schema_type: &str, schema: &str) -> u64 {
        let answer = self.call(
            "POST",
            &format!("/subjects/{subject}/versions"),
            Some(&json!({"schema": schema, "schemaType": schema_type})),
        );
        assert_eq!(
            answer.status, 200,
            "registering under {subject}: {answer:?}"
        );
        answer.body["id"].as_u64().expect("an id")
    }

    /// Sets the subject's own compatibility level.
    pub fn set_level(&self, subject: &str, level: &str) {
        let answer = self.call(
            "PUT",
            &format!("/config/{subject}"),
            Some(&json!({ "compatibility": level })),
        );
        assert_eq!(
            answer.status, 200,
            "setting {level} on {subject}: {answer:?}"
        );
    }

    /// How many live versions the subject has.
    pub fn versions(&self, subject: &str) -> usize {
        let answer = self.call("GET", &format!("/subjects/{subject}/versions"), None);
        answer.body.as_array().map_or(0, Vec::len)
    }

    /// Whether the registry says why a schema is incompatible (`messages` in a
    /// compatibility answer): Karapace 6.2.0 and the double do, Karapace 3.16.0 does not.
    /// Asked once per process, on a subject of its own.
    pub fn explains_incompatibility(&self) -> bool {
        static EXPLAINS: OnceLock<bool> = OnceLock::new();
        if self.double().is_some() {
            return true;
        }
        *EXPLAINS.get_or_init(|| {
            let subject = self.subject("probe.explains");
            let old = r#"{"type":"record","name":"P","fields":[{"name":"a","type":"string"}]}"#;
            let new = r#"{"type":"record","name":"P","fields":[{"name":"a","type":"string"},{"name":"b","type":"string"}]}"#;
            self.register(&subject, "AVRO", old);
            self.set_level(&subject, "BACKWARD");
            let answer = self.call(
                "POST",
                &format!("/compatibility/subjects/{subject}/versions/latest?verbose=true"),
                Some(&json!({ "schema": new })),
            );
            assert_eq!(answer.body["is_compatible"], false, "{answer:?}");
            answer.body["messages"]
                .as_array()
                .is_some_and(|m| !m.is_empty())
        })
    }
}

fn http(base: &str, method: &str, path: &str, body: Option<&Value>) -> Answer {
    let authority = base
        .strip_prefix("http://")
        .unwrap_or_else(|| panic!("test registries speak plain http: {base}"));
    let mut stream = TcpStream::connect(authority).unwrap_or_else(|e| panic!("{base}: {e}"));
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let body = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {authority}\r\nAccept: application/vnd.schemaregistry.v1+json\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("request");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("response");
    let text = String::from_utf8_lossy(&response);
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let payload = if chunked {
        dechunk(rest)
    } else {
        rest.to_string()
    };
    Answer {
        status,
        body: serde_json::from_str(&payload).unwrap_or(Value::Null),
    }
}

fn dechunk(mut text: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = text.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        text = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// Every test that starts a registry must be one `.ci/run` runs again against a real one.
#[test]
fn every_registry_test_is_found_by_the_ci_filter() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e");
    let mut missed = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let module = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        // Each test function's body runs from its `fn` to the next `#[test]`.
        for chunk in text.split("#[test]").skip(1) {
            let Some(name) = chunk
                .split("fn ")
                .nth(1)
                .and_then(|rest| rest.split('(').next())
            else {
                continue;
            };
            let test = format!("{module}::{}", name.trim());
            let touches = chunk.contains("TestRegistry") || chunk.contains("registry()");
            if touches && !CI_FILTERS.iter().any(|f| test.contains(f)) {
                missed.push(test);
            }
        }
    }
    assert!(
        missed.is_empty(),
        "these tests use a registry but `.ci/run` would not run them against a real one (name them with `registry`): {missed:?}"
    );
}
