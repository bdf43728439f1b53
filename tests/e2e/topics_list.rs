//! `kop topics list` against the real broker, with topics made by another client.

use crate::support::kop::kop;
use crate::support::{broker, client, unique};

fn find<'a>(list: &'a serde_json::Value, name: &str) -> Option<&'a serde_json::Value> {
    list.as_array().unwrap().iter().find(|t| t["name"] == name)
}

/// Outside a repository (no topics.toml): nothing to compare with, so no MANAGED or DRIFT
/// column, and `null` for both in JSON.
#[test]
fn lists_a_topic_created_by_another_client() {
    let b = broker::shared();
    let name = unique("list.orders");
    client::create_topic(
        &b.bootstrap(),
        &name,
        3,
        &[("retention.ms", "604800000"), ("cleanup.policy", "compact")],
    );
    let run = kop(["topics", "list", "-b", &b.bootstrap(), "-o", "json"])
        .run()
        .expect_code(0);
    let json = run.json();
    let topic = find(&json, &name).unwrap_or_else(|| panic!("{name} not in {json}"));
    assert_eq!(topic["partitions"], 3);
    assert_eq!(topic["replication_factor"], 1);
    assert!(topic["managed"].is_null(), "{topic}");
    assert!(topic["drift"].is_null(), "{topic}");
    assert_eq!(topic["retention_ms"], "604800000");
    assert_eq!(topic["cleanup_policy"], "compact");
    assert!(topic["configs"].is_object());

    let table = kop(["topics", "list", "-b", &b.bootstrap()])
        .run()
        .expect_code(0);
    let header: Vec<&str> = table
        .stdout
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        header,
        vec!["TOPIC", "PARTITIONS", "RF", "RETENTION", "CLEANUP"]
    );
    let line = table.stdout.lines().find(|l| l.starts_with(&name)).unwrap();
    let columns: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(columns, vec![name.as_str(), "3", "1", "7d", "compact"]);

    // With a topics file that does not declare it, the topic is unmanaged.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("topics.toml"), "").unwrap();
    let table = kop(["topics", "list", "-b", &b.bootstrap()])
        .dir(dir.path())
        .run()
        .expect_code(0);
    let line = table.stdout.lines().find(|l| l.starts_with(&name)).unwrap();
    let columns: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        columns,
        vec![name.as_str(), "3", "1", "7d", "compact", "unmanaged", "-"]
    );
}

#[test]
fn internal_topics_only_with_all() {
    let b = broker::shared();
    let internal = format!("_{}", unique("kop-internal"));
    client::create_topic(&b.bootstrap(), &internal, 1, &[]);
    // A topics file, so that ownership is judged.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("topics.toml"), "").unwrap();
    let run = kop(["topics", "list", "-b", &b.bootstrap(), "-o", "json"])
        .dir(dir.path())
        .run()
        .expect_code(0);
    assert!(find(&run.json(), &internal).is_none());
    let run = kop([
        "topics",
        "list",
        "--all",
        "-b",
        &b.bootstrap(),
        "-o",
        "json",
    ])
    .dir(dir.path())
    .run()
    .expect_code(0);
    assert_eq!(find(&run.json(), &internal).unwrap()["managed"], "internal");
}

#[test]
fn the_file_decides_managed_and_missing() {
    let b = broker::shared();
    let present = unique("list.present");
    let missing = unique("list.missing");
    client::create_topic(&b.bootstrap(), &present, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("topics.toml"),
        format!("[topics.\"{present}\"]\npartitions = 1\n[topics.\"{missing}\"]\npartitions = 2\n"),
    )
    .unwrap();
    let run = kop(["topics", "list", "-b", &b.bootstrap(), "-o", "json"])
        .dir(dir.path())
        .run()
        .expect_code(0);
    let json = run.json();
    assert_eq!(find(&json, &present).unwrap()["managed"], "managed");
    let m = find(&json, &missing).unwrap();
    assert_eq!(m["managed"], "missing");
    assert!(m["partitions"].is_null());
}

#[test]
fn an_unreachable_cluster_is_an_error_with_a_hint() {
    let run = kop(["topics", "list", "-b", "127.0.0.1:1", "--timeout", "2s"])
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .starts_with("error: could not reach Kafka at 127.0.0.1:1: "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Connection refused"), "{}", run.stderr);
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}
