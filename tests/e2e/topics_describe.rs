//! `kop topics describe` and `kop topics export` against the real broker.
//!
//! The test broker lists only the configs set on a topic, each as a default
//! (test-broker.md): kop shows and exports those as set on the topic, with a note; recorded
//! Apache Kafka answers cover the other sources in the unit tests
//! (`core/topic_describe.rs`, `core/topics_export.rs`).

use std::path::Path;

use serde_json::Value;

use crate::support::kop::kop;
use crate::support::registry::TestRegistry;
use crate::support::{broker, client, unique};

#[test]
fn describe_json_has_every_partition_with_leader_replicas_isr_and_offsets() {
    let b = broker::shared().bootstrap();
    let topic = unique("describe.orders");
    client::create_topic(&b, &topic, 3, &[("retention.ms", "86400000")]);
    client::produce_count_to(&b, &topic, 0, 4);
    client::produce_count_to(&b, &topic, 2, 2);
    let json = kop(["topics", "describe", &topic, "-b", &b, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    let t = &json[0];
    assert_eq!(t["topic"], topic.as_str());
    let partitions = t["partitions"].as_array().unwrap();
    assert_eq!(partitions.len(), 3);
    for (p, records) in partitions.iter().zip([4, 0, 2]) {
        let leader = p["leader"].as_i64().expect("a leader");
        assert_eq!(p["replicas"], serde_json::json!([leader]));
        assert_eq!(p["isr"], serde_json::json!([leader]));
        assert_eq!(p["earliest"], 0);
        assert_eq!(p["latest"], records);
        assert_eq!(p["records"], records);
        assert_eq!(
            (p["offline"].as_bool(), p["under_replicated"].as_bool()),
            (Some(false), Some(false))
        );
    }
    let retention = t["configs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "retention.ms")
        .unwrap_or_else(|| panic!("no retention.ms in {t}"));
    assert_eq!(retention["value"], "86400000");
    // The test broker calls every listed config a default; kop vouches for them as set
    // on the topic, and says why.
    assert_eq!(retention["source"], "topic");
    assert_eq!(t["configs_listed_partially"], true);
    assert_eq!(t["declared"], Value::Null);
    assert_eq!(t["subjects"], Value::Null);

    let table = kop(["topics", "describe", &topic, "-b", &b])
        .run()
        .expect_code(0);
    let line = table
        .stdout
        .lines()
        .find(|l| l.starts_with("retention.ms"))
        .unwrap_or_else(|| panic!("{}", table.stdout));
    assert_eq!(
        line.split_whitespace().collect::<Vec<_>>(),
        ["retention.ms", "1d", "topic"]
    );
    assert!(
        table
            .stdout
            .contains("note: the broker listed only the configs set"),
        "{}",
        table.stdout
    );

    let missing = kop(["topics", "describe", &unique("describe.none"), "-b", &b])
        .run()
        .expect_code(1);
    assert!(
        missing.stderr.contains("does not exist"),
        "{}",
        missing.stderr
    );
}

#[test]
fn describe_shows_the_declaration_and_drift_the_groups_the_dead_letters_and_the_registry_subjects()
{
    let b = broker::shared().bootstrap();
    let registry = TestRegistry::start();
    let url = registry.url().to_string();
    let topic = unique("describe.task");
    let dlq = format!("{topic}.dead-letter");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("schemas")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/task_created.avsc"),
        dir.path().join("schemas/task.avsc"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("topics.toml"),
        format!(
            "[topics.\"{topic}\"]\npartitions = 2\nretention = \"7d\"\nvalue_schema = \"schemas/task.avsc\"\ndead_letter = \"{dlq}\"\n\n[topics.\"{dlq}\"]\npartitions = 1\n"
        ),
    )
    .unwrap();
    kop([
        "topics",
        "apply",
        "-b",
        &b,
        "--registry",
        &url,
        "--only",
        &format!("{topic}*"),
    ])
    .dir(dir.path())
    .run()
    .expect_code(0);
    client::produce_count_to(&b, &topic, 0, 6);
    client::produce_count_to(&b, &dlq, 0, 3);
    client::commit(&b, &format!("kop-replay.{dlq}"), &dlq, 0, 1);
    let group = unique("describe.readers");
    client::commit(&b, &group, &topic, 0, 2);
    // Drift: someone shortened the retention.
    alter_retention(&b, &topic, "3600000");

    let json = kop([
        "topics",
        "describe",
        &topic,
        "-b",
        &b,
        "--registry",
        &url,
        "-o",
        "json",
    ])
    .dir(dir.path())
    .run()
    .expect_code(0)
    .json();
    let t = &json[0];
    assert_eq!(t["declared"]["partitions"], 2);
    assert_eq!(t["declared"]["configs"]["retention.ms"], "604800000");
    assert_eq!(
        t["declared"]["drift"],
        serde_json::json!(["retention.ms: 1h → 7d"])
    );
    let readers: Vec<(&str, i64)> = t["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["group"].as_str().unwrap(), g["lag"].as_i64().unwrap()))
        .collect();
    assert_eq!(readers, [(group.as_str(), 4)]);
    assert_eq!(t["dead_letter"]["topic"], dlq.as_str());
    assert_eq!(t["dead_letter"]["declared"], true);
    assert_eq!(
        (
            t["dead_letter"]["records"].as_i64(),
            t["dead_letter"]["pending"].as_i64()
        ),
        (Some(3), Some(2))
    );
    let subjects = t["subjects"].as_array().unwrap();
    assert_eq!(subjects.len(), 1, "{t}");
    assert_eq!(subjects[0]["subject"], format!("{topic}-value").as_str());
    assert_eq!(subjects[0]["version"], 1);

    let table = kop(["topics", "describe", &topic, "-b", &b, "--registry", &url])
        .dir(dir.path())
        .run()
        .expect_code(0);
    for expected in [
        "topics.toml: 1 difference with the declaration",
        "~ retention.ms: 1h → 7d",
        &format!("Dead letters: {dlq} (declared): 3 records, 2 pending replay"),
        &format!("{topic}-value"),
    ] {
        assert!(
            table.stdout.contains(expected),
            "{expected} in\n{}",
            table.stdout
        );
    }
}

/// Changes a topic's retention behind the file's back, with another topics file (the
/// plain rdkafka client has no IncrementalAlterConfigs, and the test broker lacks the
/// legacy AlterConfigs).
fn alter_retention(bootstrap: &str, topic: &str, ms: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("topics.toml"),
        format!("[topics.\"{topic}\"]\nconfig = {{ \"retention.ms\" = \"{ms}\" }}\n"),
    )
    .unwrap();
    kop(["topics", "apply", "-b", bootstrap, "--only", topic, "--yes"])
        .dir(dir.path())
        .run()
        .expect_code(0);
}

#[test]
fn an_exported_file_applied_to_the_same_cluster_plans_no_change() {
    let b = broker::dedicated();
    let bootstrap = b.bootstrap();
    client::create_topic(
        &bootstrap,
        "child.registered",
        3,
        &[("retention.ms", "2592000000")],
    );
    client::create_topic(
        &bootstrap,
        "conversation.events",
        3,
        &[("cleanup.policy", "compact"), ("retention.ms", "604800000")],
    );
    client::create_topic(
        &bootstrap,
        "task.created",
        3,
        &[
            ("compression.type", "snappy"),
            ("max.message.bytes", "2097152"),
            ("min.insync.replicas", "1"),
        ],
    );
    client::create_topic(&bootstrap, "dlq.failed-events", 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let run = kop(["topics", "export", "-b", &bootstrap])
        .dir(dir.path())
        .run()
        .expect_code(0);
    let text = run.stdout.clone();
    for expected in [
        "[topics.\"child.registered\"]\npartitions = 3\nreplication_factor = 1\nretention = \"30d\"\n",
        "cleanup_policy = \"compact\"",
        "compression = \"snappy\"",
        "min_insync_replicas = 1",
        "\"max.message.bytes\" = \"2MiB\"",
        "[topics.\"dlq.failed-events\"]\npartitions = 1\nreplication_factor = 1\n",
    ] {
        assert!(text.contains(expected), "{expected} in\n{text}");
    }
    assert!(
        !text.contains("__"),
        "internal topics are never exported:\n{text}"
    );
    assert!(
        run.stderr.contains("listed only the configs set on"),
        "{}",
        run.stderr
    );
    std::fs::write(dir.path().join("f.toml"), &text).unwrap();
    let check = kop([
        "-F", "f.toml", "topics", "apply", "--check", "-b", &bootstrap,
    ])
    .dir(dir.path())
    .run()
    .expect_code(0);
    assert!(check.stdout.contains("No changes"), "{}", check.stdout);

    let only = kop([
        "topics", "export", "-b", &bootstrap, "--only", "task.*", "-o", "json",
    ])
    .run()
    .expect_code(0)
    .json();
    let topics = only["topics"].as_object().unwrap();
    assert_eq!(topics.keys().collect::<Vec<_>>(), ["task.created"]);
    assert_eq!(
        only["topics"]["task.created"]["configs"]["compression.type"],
        "snappy"
    );
}
