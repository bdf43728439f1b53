//! A Schema Registry test double on loopback that speaks the Confluent REST API.
//!
//! Routes (Confluent's response shapes, media type `application/vnd.schemaregistry.v1+json`):
//! - `GET /mode` → `{"mode": "READWRITE"}` (or the mode the test set)
//! - anything else → 404 `{"error_code": 404, "message": "HTTP 404 Not Found"}`
//!
//! Every request is counted, so a test can assert that kop really asked.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct State {
    mode: Mutex<String>,
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
        let (status, json) = route(state, &method, &path);
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

fn route(state: &State, method: &str, path: &str) -> (u16, serde_json::Value) {
    match (method, path) {
        ("GET", "/mode") => (
            200,
            serde_json::json!({"mode": *state.mode.lock().expect("mode")}),
        ),
        _ => (
            404,
            serde_json::json!({"error_code": 404, "message": "HTTP 404 Not Found"}),
        ),
    }
}
