//! A real Tansu broker per test process, started on first use on a free loopback port.
//!
//! The broker must not outlive the tests, even when they abort: a watchdog shell holds the
//! read end of a pipe whose write end only this process holds. When this process ends in
//! any way, the pipe closes, `read` returns, and the watchdog kills the broker.

use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use rdkafka::producer::{BaseProducer, Producer};
use rdkafka::ClientConfig;

use super::{free_port, poll};

pub struct Broker {
    pub port: u16,
    _process: Mutex<Child>,
    _watchdog: Mutex<(Child, ChildStdin)>,
    pub log: PathBuf,
}

impl Broker {
    pub fn bootstrap(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        if let Ok(mut process) = self._process.lock() {
            let _ = process.kill();
            let _ = process.wait();
        }
    }
}

/// A broker of the test's own, for tests that change the whole cluster (deletions).
pub fn dedicated() -> Broker {
    let port = free_port();
    let broker = start(port, port);
    wait_until_ready(&broker, &broker.bootstrap());
    broker
}

/// The broker shared by every test in this process.
pub fn shared() -> &'static Broker {
    static BROKER: OnceLock<Broker> = OnceLock::new();
    BROKER.get_or_init(|| {
        let port = free_port();
        let broker = start(port, port);
        wait_until_ready(&broker, &broker.bootstrap());
        broker
    })
}

pub fn tansu_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("KOP_TEST_TANSU") {
        return PathBuf::from(path);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".tools/tansu/tansu")
}

/// Starts a broker listening on `port` and advertising `advertised_port` (the same port,
/// or a TLS front's). Does not wait for it; see [`wait_until_ready`].
pub fn start(port: u16, advertised_port: u16) -> Broker {
    let binary = tansu_binary();
    assert!(
        binary.is_file(),
        "the test broker is not installed at {}: run `scripts/install-test-broker.sh` (or `scripts/setup.sh`), \
         or point KOP_TEST_TANSU at a tansu binary",
        binary.display()
    );
    let log = std::env::temp_dir().join(format!("kop-tansu-{}-{port}.log", std::process::id()));
    let log_file = std::fs::File::create(&log).expect("broker log file");
    let process = Command::new(&binary)
        .args([
            "broker",
            "--listener-url",
            &format!("tcp://127.0.0.1:{port}"),
            "--advertised-listener-url",
            &format!("tcp://127.0.0.1:{advertised_port}"),
            "--storage-engine",
            "memory://tansu/",
            "--silent",
        ])
        .env_remove("CLUSTER_ID")
        .env_remove("LISTENER_URL")
        .env_remove("ADVERTISED_LISTENER_URL")
        .env_remove("STORAGE_ENGINE")
        .stdin(Stdio::null())
        .stdout(log_file.try_clone().expect("log file"))
        .stderr(log_file)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
    let watchdog = watchdog(process.id());
    Broker {
        port,
        _process: Mutex::new(process),
        _watchdog: Mutex::new(watchdog),
        log,
    }
}

/// Kills `pid` when this process's end of the watchdog's stdin closes.
pub fn watchdog(pid: u32) -> (Child, ChildStdin) {
    let mut child = Command::new("sh")
        .args(["-c", &format!("read _; kill -9 {pid} 2>/dev/null")])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("watchdog shell");
    let stdin = child.stdin.take().expect("watchdog stdin");
    (child, stdin)
}

/// Waits until a Kafka client gets metadata from `bootstrap`, for at most 30 s; on failure
/// the panic carries the last error and the broker's log.
pub fn wait_until_ready(broker: &Broker, bootstrap: &str) {
    let producer: BaseProducer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("security.protocol", "plaintext")
        .create()
        .expect("probe client");
    let ready = poll(Duration::from_secs(30), || {
        // A broker that could not start (its port taken) is said at once, not after 30 s.
        if let Ok(Some(status)) = broker
            ._process
            .lock()
            .map(|mut p| p.try_wait().ok().flatten())
        {
            return Ok(Err(format!("the broker process exited ({status})")));
        }
        match producer
            .client()
            .fetch_metadata(None, Duration::from_millis(500))
        {
            Ok(md) if !md.brokers().is_empty() => Ok(Ok(())),
            Ok(_) => Err("metadata without brokers".to_string()),
            Err(e) => Err(e.to_string()),
        }
    })
    .and_then(|answer| answer);
    if let Err(last_error) = ready {
        let log = std::fs::read_to_string(&broker.log).unwrap_or_default();
        panic!("the test broker at {bootstrap} did not answer within 30 s: {last_error}\nbroker log:\n{log}");
    }
}
