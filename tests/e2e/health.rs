//! `kop health` against the real broker, an unreachable address, and a registry double.

use std::time::Duration;

use crate::support::broker;
use crate::support::kop::kop;
use crate::support::registry::TestRegistry;
use crate::support::unique;

fn check<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {json}"))
}

#[test]
fn a_running_broker_is_healthy() {
    let b = broker::shared();
    let run = kop(["health", "-b", &b.bootstrap(), "-o", "json"])
        .run()
        .expect_code(0);
    let json = run.json();
    assert_eq!(json["status"], "healthy");
    let brokers = json["brokers"].as_array().unwrap();
    assert_eq!(brokers.len(), 1);
    assert_eq!(brokers[0]["address"], b.bootstrap());
    assert_eq!(brokers[0]["controller"], true);
    assert!(brokers[0]["rtt_ms"].as_f64().unwrap() > 0.0);
    for c in json["checks"].as_array().unwrap() {
        assert_eq!(c["status"], "ok", "{c}");
    }
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    let table = kop(["health", "-b", &b.bootstrap()]).run().expect_code(0);
    assert!(table.stdout.contains("controller"), "{}", table.stdout);
    assert!(table.stdout.contains("is healthy"), "{}", table.stdout);
}

#[test]
fn an_unreachable_cluster_fails_within_the_timeout_and_says_why() {
    let run = kop([
        "health",
        "-b",
        "127.0.0.1:1",
        "--timeout",
        "3s",
        "-o",
        "json",
    ])
    .run()
    .expect_code(3);
    assert!(
        run.elapsed < Duration::from_secs(6),
        "took {:?}",
        run.elapsed
    );
    let json = run.json();
    assert_eq!(json["status"], "unhealthy");
    let detail = check(&json, "brokers")["detail"].as_str().unwrap();
    assert!(detail.contains("127.0.0.1:1"), "{detail}");
    assert!(detail.contains("Connection refused"), "{detail}");
    assert!(
        run.stderr.is_empty(),
        "librdkafka noise on stderr: {}",
        run.stderr
    );
}

#[test]
fn declared_topics_missing_on_the_cluster_warn() {
    let b = broker::shared();
    let dir = tempfile::tempdir().unwrap();
    let missing = unique("health.missing");
    std::fs::write(
        dir.path().join("topics.toml"),
        format!("[topics.\"{missing}\"]\npartitions = 1\n"),
    )
    .unwrap();
    let run = kop(["health", "-b", &b.bootstrap(), "-o", "json"])
        .dir(dir.path())
        .run()
        .expect_code(0);
    let json = run.json();
    let declared = check(&json, "declared topics");
    assert_eq!(declared["status"], "warn");
    assert!(declared["detail"].as_str().unwrap().contains(&missing));
    assert_eq!(json["status"], "healthy");
}

#[test]
fn the_schema_registry_is_checked_when_configured() {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let run = kop(["health", "-b", &b.bootstrap(), "-o", "json"])
        .env("SCHEMA_REGISTRY_URL", registry.url())
        .env("SCHEMA_REGISTRY_USERNAME", "ops")
        .env("SCHEMA_REGISTRY_PASSWORD", "registry-secret")
        .run()
        .expect_code(0);
    let sr = check(&run.json(), "schema registry").clone();
    assert_eq!(sr["status"], "ok");
    assert!(sr["detail"].as_str().unwrap().contains("READWRITE"), "{sr}");
    if let Some(double) = registry.double() {
        assert!(double.hits() >= 1);
        // Basic auth: base64("ops:registry-secret").
        assert_eq!(
            double.authorizations(),
            vec!["Basic b3BzOnJlZ2lzdHJ5LXNlY3JldA=="]
        );
        double.set_mode("READONLY");
        let run = kop([
            "health",
            "-b",
            &b.bootstrap(),
            "-o",
            "json",
            "--registry",
            registry.url(),
        ])
        .run()
        .expect_code(0);
        assert_eq!(check(&run.json(), "schema registry")["status"], "warn");
    }

    let closed = format!("http://127.0.0.1:{}", crate::support::free_port());
    let run = kop([
        "health",
        "-b",
        &b.bootstrap(),
        "-o",
        "json",
        "--registry",
        &closed,
    ])
    .run()
    .expect_code(3);
    let sr = check(&run.json(), "schema registry").clone();
    assert_eq!(sr["status"], "fail");
    assert!(sr["detail"].as_str().unwrap().contains(&closed), "{sr}");
}

#[test]
fn prometheus_output_has_a_gauge_per_check_and_the_broker_count() {
    let b = broker::shared();
    let run = kop(["health", "-b", &b.bootstrap(), "-o", "prometheus"])
        .run()
        .expect_code(0);
    let samples = crate::support::python::parse_prometheus(&run.stdout);
    let value = |name: &str, check: Option<&str>| -> f64 {
        samples
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s[0] == name && check.is_none_or(|c| s[1]["check"] == c))
            .and_then(|s| s[2].as_f64())
            .unwrap_or_else(|| panic!("no {name} {check:?} in {}", run.stdout))
    };
    assert_eq!(value("kop_health_healthy", None), 1.0);
    assert_eq!(value("kop_health_brokers", None), 1.0);
    assert_eq!(value("kop_health_brokers_answering", None), 1.0);
    assert_eq!(value("kop_health_check", Some("brokers")), 1.0);
    assert_eq!(value("kop_health_check", Some("controller")), 1.0);

    let down = kop([
        "health",
        "-b",
        "127.0.0.1:1",
        "-o",
        "prometheus",
        "--timeout",
        "2s",
    ])
    .run()
    .expect_code(3);
    assert!(
        down.stdout.contains("kop_health_healthy 0"),
        "{}",
        down.stdout
    );
    assert!(
        down.stdout
            .contains("kop_health_check{check=\"brokers\"} 0"),
        "{}",
        down.stdout
    );
}
