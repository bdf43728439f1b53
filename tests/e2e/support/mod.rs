//! Test support: the real broker, the kop runner, unique names, a second Kafka client,
//! bounded waits, signals, and a fault-injecting TCP proxy.

pub mod broker;
pub mod client;
pub mod kop;
pub mod proxy;
pub mod python;
pub mod registry;
pub mod schemas;
pub mod signal;
mod spawned;
pub mod tls;
mod wait;

pub use wait::{poll, wait_for, wait_until};

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// A name no other test in this process, another test process, or an earlier run uses:
/// the broker is fresh per process, but a real Schema Registry (`KOP_TEST_REGISTRY_URL`)
/// outlives runs, and process ids repeat across boots.
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    static RUN: OnceLock<String> = OnceLock::new();
    let run = RUN.get_or_init(|| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos() ^ (d.as_secs() as u32))
            .unwrap_or_default();
        format!("{}{:x}", std::process::id(), nanos % 0xfffff)
    });
    format!("{prefix}.{run}-{}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// A free loopback port. The listener closes on return; the caller binds it right away.
/// Tests run in parallel threads of one process, and the kernel may hand a just-released
/// port to the next bind: a port given out once is never given out again by this process,
/// so two brokers (or a broker and a TLS front) never race for one.
pub fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free loopback port");
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// Parses NDJSON output, one value per line.
pub fn ndjson(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Every event of a topic, read with `kop tail --from beginning -o ndjson` plus `extra`.
pub fn tail_all(bootstrap: &str, topic: &str, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec![
        "tail",
        topic,
        "-b",
        bootstrap,
        "--from",
        "beginning",
        "-o",
        "ndjson",
    ];
    args.extend_from_slice(extra);
    ndjson(&kop::kop(args).run().expect_code(0).stdout)
}
