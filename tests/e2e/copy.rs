//! `kop copy`: records copied exactly, within one cluster (transactions) and to another
//! (at least once), resumed through the cursor after Ctrl-C and after a crash, and Avro
//! re-keyed to another registry so that Confluent's deserializer reads it there.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};

use crate::support::client::{self, Consumed, Exact};
use crate::support::kop::{kop, Run, Spawned};
use crate::support::python::interop;
use crate::support::registry::TestRegistry;
use crate::support::{broker, ndjson, signal, unique, wait_until};

const T0: i64 = 1_736_845_923_000;

/// Records of every shape a copy must keep: null and binary keys, binary values,
/// tombstones, headers with null values and repeated names, explicit timestamps.
fn records(from: usize, count: usize, partitions: i32) -> Vec<Exact> {
    (from..from + count)
        .map(|i| Exact {
            partition: Some((i % partitions as usize) as i32),
            key: match i % 3 {
                0 => None,
                1 => Some(format!("user-{i}").into_bytes()),
                _ => Some(vec![0, 1, (i % 256) as u8]),
            },
            value: match i % 5 {
                0 => None,
                1 => Some(vec![0xff, 0xfe, (i % 256) as u8]),
                _ => Some(format!("{{\"seq\": {i}}}").into_bytes()),
            },
            headers: vec![
                ("h".into(), Some(format!("{i}").into_bytes())),
                ("h".into(), None),
            ],
            timestamp: Some(T0 + i as i64),
        })
        .collect()
}

/// What a copy keeps of a record: everything but where it sits.
type Kept = (
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Vec<(String, Option<Vec<u8>>)>,
    Option<i64>,
);

fn kept(records: Vec<Consumed>) -> BTreeMap<i32, Vec<Kept>> {
    let mut out: BTreeMap<i32, Vec<Kept>> = BTreeMap::new();
    for r in records {
        out.entry(r.partition)
            .or_default()
            .push((r.key, r.value, r.headers, r.timestamp));
    }
    out
}

fn copy(args: &[&str]) -> Run {
    let mut all = vec!["copy"];
    all.extend_from_slice(args);
    kop(all).run()
}

/// A topics file declaring a profile for the target cluster.
fn target_profile(dir: &Path, bootstrap: &str, registry: Option<&str>) -> PathBuf {
    let path = dir.join("topics.toml");
    let registry = registry
        .map(|r| format!("schema_registry = \"{r}\"\n"))
        .unwrap_or_default();
    std::fs::write(
        &path,
        format!("[clusters.target]\nbootstrap = \"{bootstrap}\"\n{registry}"),
    )
    .unwrap();
    path
}

/// The id the registry holds for the subject's latest version.
fn latest_id(registry: &TestRegistry, subject: &str) -> u64 {
    let answer = registry.call("GET", &format!("/subjects/{subject}/versions/latest"), None);
    assert_eq!(answer.status, 200, "{subject}: {answer:?}");
    answer.body["id"].as_u64().unwrap()
}

#[test]
fn a_copy_within_a_cluster_keeps_every_byte_and_a_second_run_copies_only_what_is_new() {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let (source, target) = (unique("copy.src"), unique("copy.dst"));
    client::create_topic(&bootstrap, &source, 3, &[]);
    client::create_topic(&bootstrap, &target, 3, &[]);
    client::produce_exact(&bootstrap, &source, &records(0, 300, 3));

    let run = copy(&[
        &source,
        &target,
        "-b",
        &bootstrap,
        "--keep-partition",
        "-o",
        "json",
    ])
    .expect_code(0);
    let report = run.json();
    assert_eq!(report["copied"], 300, "{report}");
    assert_eq!(report["mode"], "transactional");
    assert_eq!(report["resumed"], false);
    assert_eq!(report["cursor"], format!("kop-copy.{source}.{target}"));
    assert_eq!(report["target_cluster"], Value::Null);
    assert_eq!(
        kept(client::consume_all(&bootstrap, &target)),
        kept(client::consume_all(&bootstrap, &source)),
        "the same records, in the same order in each partition"
    );

    client::produce_exact(&bootstrap, &source, &records(300, 30, 3));
    let again = copy(&[
        &source,
        &target,
        "-b",
        &bootstrap,
        "--keep-partition",
        "-o",
        "json",
    ])
    .expect_code(0)
    .json();
    assert_eq!(again["copied"], 30, "{again}");
    assert_eq!(again["resumed"], true);
    assert_eq!(
        kept(client::consume_all(&bootstrap, &target)),
        kept(client::consume_all(&bootstrap, &source))
    );
    let nothing = copy(&[&source, &target, "-b", &bootstrap, "-o", "json"])
        .expect_code(0)
        .json();
    assert_eq!(nothing["copied"], 0, "{nothing}");
    let cursor = client::committed(&bootstrap, &format!("kop-copy.{source}.{target}"), &source);
    assert_eq!(cursor.values().sum::<i64>(), 330, "{cursor:?}");
}

#[test]
fn a_copy_refuses_itself_missing_topics_and_too_few_partitions_and_asks_before_mixing_records() {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let (source, target) = (unique("copy.checks.src"), unique("copy.checks.dst"));
    client::create_topic(&bootstrap, &source, 3, &[]);
    client::create_topic(&bootstrap, &target, 1, &[]);
    client::produce_exact(&bootstrap, &source, &records(0, 6, 3));

    let run = copy(&[&source, &source, "-b", &bootstrap]).expect_code(2);
    assert!(run.stderr.contains("refusing to copy"), "{}", run.stderr);
    assert!(run.stderr.contains("onto itself"), "{}", run.stderr);
    let missing = unique("copy.missing");
    let run = copy(&[&source, &missing, "-b", &bootstrap]).expect_code(1);
    assert!(
        run.stderr
            .contains(&format!("the target topic {missing} does not exist")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("kop topics apply"), "{}", run.stderr);
    let run = copy(&[&missing, &target, "-b", &bootstrap]).expect_code(1);
    assert!(run.stderr.contains("the source topic"), "{}", run.stderr);
    let run = copy(&[&source, &target, "-b", &bootstrap, "--keep-partition"]).expect_code(1);
    assert!(
        run.stderr.contains(&format!(
            "{source} has partition 2, but {target} has 1 partition(s)"
        )),
        "{}",
        run.stderr
    );
    let run = copy(&[
        &source,
        &target,
        "-b",
        &bootstrap,
        "--to-cluster",
        "nowhere",
    ])
    .expect_code(1);
    assert!(
        run.stderr.contains("--to-cluster nowhere: no such profile"),
        "{}",
        run.stderr
    );

    // A target that already holds records: asked first, refused without a terminal.
    client::produce_exact(&bootstrap, &target, &records(100, 1, 1));
    let run = copy(&[&source, &target, "-b", &bootstrap]).expect_code(1);
    assert!(
        run.stderr.contains("already holds records"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    assert_eq!(client::consume_all(&bootstrap, &target).len(), 1);
    let run = copy(&[&source, &target, "-b", &bootstrap, "--yes", "-o", "json"]).expect_code(0);
    assert_eq!(run.json()["copied"], 6);
    assert_eq!(client::consume_all(&bootstrap, &target).len(), 7);
}

#[test]
fn a_dry_run_counts_and_filters_and_until_choose_what_is_copied() {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let (source, target) = (unique("copy.filters.src"), unique("copy.filters.dst"));
    client::create_topic(&bootstrap, &source, 2, &[]);
    client::create_topic(&bootstrap, &target, 2, &[]);
    let seeded: Vec<Exact> = (0..20)
        .map(|i| Exact {
            partition: Some(i % 2),
            key: Some(format!("k{i}").into_bytes()),
            value: Some(
                format!(
                    "{{\"n\": {i}, \"colour\": \"{}\"}}",
                    if i % 4 < 2 { "red" } else { "blue" }
                )
                .into_bytes(),
            ),
            headers: if i % 3 == 0 {
                vec![("source".into(), Some(b"app".to_vec()))]
            } else {
                vec![]
            },
            timestamp: Some(T0 + i64::from(i)),
        })
        .collect();
    client::produce_exact(&bootstrap, &source, &seeded);

    let dry = copy(&[
        &source,
        &target,
        "-b",
        &bootstrap,
        "--dry-run",
        "-o",
        "json",
    ])
    .expect_code(0)
    .json();
    assert_eq!(dry["mode"], "dry-run");
    assert_eq!(dry["copied"], 20, "{dry}");
    assert!(client::consume_all(&bootstrap, &target).is_empty());
    assert!(client::committed(&bootstrap, dry["cursor"].as_str().unwrap(), &source).is_empty());

    // Offsets 0..4 of each partition: i = 0..8; of those, red ones (i % 4 < 2).
    let run = copy(&[
        &source, &target, "-b", &bootstrap, "--grep", "red", "--until", "4", "-o", "json",
    ])
    .expect_code(0)
    .json();
    assert_eq!(run["copied"], 4, "{run}");
    assert_eq!(run["skipped"], 4, "{run}");
    let cursor = run["cursor"].as_str().unwrap().to_string();
    assert!(
        cursor.starts_with(&format!("kop-copy.{source}.{target}.")),
        "{cursor}"
    );
    // The cursor stops at the bound, so a later run without it takes up from there.
    let committed = client::committed(&bootstrap, &cursor, &source);
    assert_eq!(committed, BTreeMap::from([(0, 4), (1, 4)]));
    let values: BTreeSet<String> = client::consume_all(&bootstrap, &target)
        .into_iter()
        .map(|r| String::from_utf8(r.value.unwrap()).unwrap())
        .collect();
    assert!(values.iter().all(|v| v.contains("red")), "{values:?}");

    let headers = copy(&[
        &source,
        &target,
        "-b",
        &bootstrap,
        "--header",
        "source=app",
        "--yes",
        "-o",
        "json",
    ])
    .expect_code(0)
    .json();
    assert_eq!(headers["copied"], 7, "{headers}");
    assert_eq!(headers["skipped"], 13, "{headers}");
}

/// Starts a rate-limited copy and stops it with `stop` once the cursor has a first
/// commit: mid-way, since the copy takes several seconds and a batch closes after one.
fn stop_mid_copy(
    args: &[&str],
    bootstrap: &str,
    cursor: &str,
    source: &str,
    stop: fn(&Spawned),
) -> Run {
    let mut all = vec!["copy"];
    all.extend_from_slice(args);
    let running = kop(all).spawn();
    wait_until(
        Duration::from_secs(30),
        "the copy to commit its first batch",
        || !client::committed(bootstrap, cursor, source).is_empty(),
    );
    stop(&running);
    running.finish()
}

/// Records numbered by their value, `{"seq": i}`, for counting copies.
fn numbered(count: usize, partitions: i32) -> Vec<Exact> {
    (0..count)
        .map(|i| Exact {
            partition: Some((i % partitions as usize) as i32),
            key: Some(format!("k{i}").into_bytes()),
            value: Some(format!("{{\"seq\": {i}}}").into_bytes()),
            timestamp: Some(T0 + i as i64),
            ..Exact::default()
        })
        .collect()
}

fn seq(value: &[u8]) -> u64 {
    serde_json::from_slice::<Value>(value).unwrap()["seq"]
        .as_u64()
        .unwrap()
}

/// How many times each source record arrived, by its place in the source.
fn arrivals(bootstrap: &str, source: &str, target: &str) -> BTreeMap<(i32, i64), usize> {
    let place: BTreeMap<u64, (i32, i64)> = client::consume_all(bootstrap, source)
        .into_iter()
        .map(|r| (seq(r.value.as_deref().unwrap()), (r.partition, r.offset)))
        .collect();
    let mut seen = BTreeMap::new();
    for r in client::consume_all(bootstrap, target) {
        *seen
            .entry(place[&seq(r.value.as_deref().unwrap())])
            .or_insert(0) += 1;
    }
    seen
}

#[test]
fn ctrl_c_rolls_back_the_open_batch_and_the_next_run_copies_the_rest_once() {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let (source, target) = (unique("copy.ctrlc.src"), unique("copy.ctrlc.dst"));
    client::create_topic(&bootstrap, &source, 2, &[]);
    client::create_topic(&bootstrap, &target, 2, &[]);
    client::produce_exact(&bootstrap, &source, &numbered(1_800, 2));
    let cursor = format!("kop-copy.{source}.{target}");
    let args = [
        source.as_str(),
        &target,
        "-b",
        &bootstrap,
        "--rate",
        "300",
        "-o",
        "json",
    ];
    let stopped =
        stop_mid_copy(&args, &bootstrap, &cursor, &source, signal::interrupt).expect_code(130);
    let first = stopped.json();
    let committed = client::committed(&bootstrap, &cursor, &source);
    let passed: i64 = committed.values().sum();
    assert!(passed > 0 && passed < 1_800, "mid-way: {committed:?}");
    assert_eq!(first["copied"].as_i64(), Some(passed), "{first}");
    assert_eq!(first["mode"], "transactional");
    let seen = arrivals(&bootstrap, &source, &target);
    let skipped: Vec<(i32, i64)> = committed
        .iter()
        .flat_map(|(p, end)| (0..*end).map(move |o| (*p, o)))
        .filter(|at| !seen.contains_key(at))
        .collect();
    assert!(
        skipped.is_empty(),
        "the cursor passed records that were not copied: {skipped:?}"
    );

    let second = copy(&[&source, &target, "-b", &bootstrap, "-o", "json"])
        .expect_code(0)
        .json();
    assert_eq!(second["resumed"], true);
    assert_eq!(
        second["copied"].as_i64().unwrap(),
        1_800 - passed,
        "the second run takes up exactly where the cursor stopped: {second}"
    );
    let seen = arrivals(&bootstrap, &source, &target);
    assert_eq!(seen.len(), 1_800, "every record arrives");
    for (&(p, o), &n) in &seen {
        let before = committed.get(&p).is_some_and(|&next| o < next);
        // The test broker shows the rolled-back batch to every reader (test-broker.md);
        // Kafka would hide it. What it cannot hide: nothing committed arrives twice.
        if before {
            assert_eq!(
                n, 1,
                "{p}@{o} was committed by the first run, then copied again"
            );
        } else {
            assert!(n <= 2, "{p}@{o} arrived {n} times");
        }
    }
}

fn avro_events(dir: &Path, count: usize) -> (PathBuf, PathBuf) {
    let schema = dir.join("event.avsc");
    std::fs::write(
        &schema,
        r#"{"type":"record","name":"ChildRegistered","namespace":"kop.copy","fields":[{"name":"seq","type":"long"},{"name":"child_id","type":"string"},{"name":"age","type":["null","int"],"default":null}]}"#,
    )
    .unwrap();
    let events = dir.join("events.ndjson");
    let lines: Vec<String> = (0..count)
        .map(|i| json!({"seq": i, "child_id": format!("c-{i}"), "age": if i % 2 == 0 { json!(7) } else { Value::Null }}).to_string())
        .collect();
    std::fs::write(&events, lines.join("\n") + "\n").unwrap();
    (schema, events)
}

fn publish_avro(bootstrap: &str, registry: &str, topic: &str, schema: &Path, events: &Path) {
    kop([
        "publish",
        topic,
        "-b",
        bootstrap,
        "--registry",
        registry,
        "--format",
        "avro",
        "--schema-file",
        schema.to_str().unwrap(),
        "--file",
        events.to_str().unwrap(),
        "--key-field",
        "child_id",
        "-q",
    ])
    .run()
    .expect_code(0);
}

#[test]
fn registry_a_killed_copy_to_another_cluster_resumes_and_confluent_decodes_every_event_there() {
    let source_broker = broker::shared();
    let target_broker = broker::dedicated();
    let (sb, tb) = (source_broker.bootstrap(), target_broker.bootstrap());
    let source_registry = TestRegistry::start();
    let target_registry = TestRegistry::start();
    if target_registry.double().is_some() {
        // Another registry's ids: a few schemas of its own first, so none lines up.
        for i in 0..3 {
            let other = target_registry.subject("copy.other");
            target_registry.register(
                &other,
                "AVRO",
                &format!(r#"{{"type":"record","name":"Other{i}","fields":[]}}"#),
            );
        }
    }
    let (source, target) = (unique("copy.avro.src"), unique("copy.avro.dst"));
    client::create_topic(&sb, &source, 3, &[]);
    client::create_topic(&tb, &target, 3, &[]);
    let dir = tempfile::tempdir().unwrap();
    let (schema, events) = avro_events(dir.path(), 50_000);
    publish_avro(&sb, source_registry.url(), &source, &schema, &events);
    let file = target_profile(dir.path(), &tb, Some(target_registry.url()));
    let cursor = unique("copy.cursor");
    let args = [
        source.as_str(),
        &target,
        "-b",
        &sb,
        "--registry",
        source_registry.url(),
        "-F",
        file.to_str().unwrap(),
        "--to-cluster",
        "target",
        "--cursor",
        &cursor,
        "-o",
        "json",
    ];
    let mut limited = args.to_vec();
    limited.extend(["--rate", "10000"]);
    let killed = stop_mid_copy(&limited, &sb, &cursor, &source, signal::kill_hard);
    assert_eq!(killed.signal, Some(libc::SIGKILL), "{killed:#?}");
    let at_kill: i64 = client::committed(&sb, &cursor, &source).values().sum();
    assert!(
        at_kill > 0 && at_kill < 50_000,
        "the kill lands mid-way ({at_kill})"
    );

    let run = copy(&args).expect_code(0);
    let report = run.json();
    assert_eq!(report["mode"], "at-least-once", "{report}");
    assert_eq!(report["target_cluster"], "target");
    assert_eq!(report["resumed"], true);
    assert_eq!(
        report["copied"].as_i64().unwrap(),
        50_000 - at_kill,
        "{report}"
    );
    // The writer schema is registered under the target's subject; every value carries
    // the target's id, and its Avro bytes as they were.
    let subject = format!("{target}-value");
    let target_id = latest_id(&target_registry, &subject);
    let source_id = latest_id(&source_registry, &format!("{source}-value"));
    assert_eq!(
        report["schemas"],
        json!([{"part": "value", "source_id": source_id, "target_id": target_id, "subject": subject}])
    );
    if target_registry.double().is_some() {
        assert_ne!(source_id, target_id, "two registries, two ids");
    }
    let payloads = |records: Vec<Consumed>, id: u64| -> BTreeSet<Vec<u8>> {
        let header = [&[0][..], &(id as u32).to_be_bytes()].concat();
        records
            .into_iter()
            .map(|r| {
                let value = r.value.unwrap();
                assert_eq!(value[..5], header[..], "the id, rewritten");
                value[5..].to_vec()
            })
            .collect()
    };
    let copied = client::consume_all(&tb, &target);
    assert!(copied.len() >= 50_000, "{}", copied.len());
    assert_eq!(
        payloads(copied, target_id),
        payloads(client::consume_all(&sb, &source), source_id),
        "every event arrives at least once, its Avro untouched"
    );
    // Confluent's AvroDeserializer, on the target, with the target's registry.
    let decoded = ndjson(&interop(
        &["drain", &tb, target_registry.url(), &target, "-"],
        "",
    ));
    let seqs: BTreeSet<u64> = decoded.iter().map(|e| e["seq"].as_u64().unwrap()).collect();
    assert_eq!(seqs.len(), 50_000);
    assert_eq!(decoded[0]["child_id"], format!("c-{}", decoded[0]["seq"]));
}

#[test]
fn registry_a_killed_transactional_copy_resumes_at_its_last_commit_and_never_repeats_a_committed_event(
) {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let registry = TestRegistry::start();
    let (source, target) = (unique("copy.tx.src"), unique("copy.tx.dst"));
    client::create_topic(&bootstrap, &source, 2, &[]);
    client::create_topic(&bootstrap, &target, 2, &[]);
    let dir = tempfile::tempdir().unwrap();
    let (schema, events) = avro_events(dir.path(), 1_800);
    publish_avro(&bootstrap, registry.url(), &source, &schema, &events);
    let cursor = format!("kop-copy.{source}.{target}");
    let args = [
        source.as_str(),
        &target,
        "-b",
        &bootstrap,
        "--registry",
        registry.url(),
        "-o",
        "json",
    ];
    let mut limited = args.to_vec();
    limited.extend(["--rate", "300"]);
    let killed = stop_mid_copy(&limited, &bootstrap, &cursor, &source, signal::kill_hard);
    assert_eq!(killed.signal, Some(libc::SIGKILL), "{killed:#?}");
    let at_kill = client::committed(&bootstrap, &cursor, &source);
    let committed: i64 = at_kill.values().sum();
    assert!(committed > 0 && committed < 1_800, "mid-way: {at_kill:?}");

    let second = copy(&args).expect_code(0).json();
    assert_eq!(second["mode"], "transactional");
    assert_eq!(
        second["copied"].as_i64().unwrap(),
        1_800 - committed,
        "exactly what the first run did not commit: {second}"
    );
    // One registry: the schema is registered under the target's subject, with the id
    // it already has there.
    let id = latest_id(&registry, &format!("{source}-value"));
    assert_eq!(latest_id(&registry, &format!("{target}-value")), id);
    // Events by their Avro bytes (each holds its own seq): how often each arrived.
    let place: BTreeMap<Vec<u8>, (i32, i64)> = client::consume_all(&bootstrap, &source)
        .into_iter()
        .map(|r| (r.value.unwrap(), (r.partition, r.offset)))
        .collect();
    let mut seen: BTreeMap<(i32, i64), usize> = BTreeMap::new();
    for r in client::consume_all(&bootstrap, &target) {
        *seen.entry(place[&r.value.unwrap()]).or_insert(0) += 1;
    }
    assert_eq!(seen.len(), 1_800, "every event arrives");
    for (&(p, o), &n) in &seen {
        // The killed run's open transaction is aborted when the next run fences it; the
        // test broker still shows its records (test-broker.md), Kafka would not.
        if at_kill.get(&p).is_some_and(|&next| o < next) {
            assert_eq!(
                n, 1,
                "{p}@{o} was committed before the kill, then copied again"
            );
        } else {
            assert!(
                n <= 2,
                "{p}@{o} arrived {n} times: once aborted, once copied at most"
            );
        }
    }
}

#[test]
fn registry_wire_format_values_are_not_copied_to_a_cluster_without_a_registry() {
    let source_broker = broker::shared();
    let target_broker = broker::dedicated();
    let (sb, tb) = (source_broker.bootstrap(), target_broker.bootstrap());
    let registry = TestRegistry::start();
    let (source, target) = (unique("copy.noreg.src"), unique("copy.noreg.dst"));
    client::create_topic(&sb, &source, 1, &[]);
    client::create_topic(&tb, &target, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let (schema, events) = avro_events(dir.path(), 5);
    publish_avro(&sb, registry.url(), &source, &schema, &events);
    let file = target_profile(dir.path(), &tb, None);
    let base = [
        source.as_str(),
        &target,
        "-b",
        &sb,
        "--registry",
        registry.url(),
        "-F",
        file.to_str().unwrap(),
        "--to-cluster",
        "target",
        "-o",
        "json",
    ];
    let run = copy(&base).expect_code(1);
    assert!(
        run.stderr.contains("the target has no Schema Registry"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--keep-schema-ids"), "{}", run.stderr);
    assert_eq!(run.json()["copied"], 0);
    assert!(client::consume_all(&tb, &target).is_empty());
    // Both clusters share the registry: the ids are kept as they are.
    let mut keep = base.to_vec();
    keep.push("--keep-schema-ids");
    let run = copy(&keep).expect_code(0);
    assert_eq!(run.json()["copied"], 5);
    let id = latest_id(&registry, &format!("{source}-value"));
    assert_eq!(
        run.json()["schemas"],
        json!([{"part": "value", "source_id": id, "target_id": id, "subject": null}])
    );
    assert_eq!(client::consume_all(&tb, &target).len(), 5);
}

#[test]
fn a_following_copy_copies_what_arrives_until_ctrl_c_or_sigterm() {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let (source, target) = (unique("copy.follow.src"), unique("copy.follow.dst"));
    client::create_topic(&bootstrap, &source, 2, &[]);
    client::create_topic(&bootstrap, &target, 2, &[]);
    client::produce_exact(&bootstrap, &source, &numbered(10, 2));
    let running = kop([
        "copy", &source, &target, "-b", &bootstrap, "-f", "-o", "json",
    ])
    .spawn();
    wait_until(Duration::from_secs(20), "the backlog to be copied", || {
        client::consume_all(&bootstrap, &target).len() == 10
    });
    let later: Vec<Exact> = numbered(25, 2).into_iter().skip(10).collect();
    client::produce_exact(&bootstrap, &source, &later);
    wait_until(
        Duration::from_secs(20),
        "the new records to be copied",
        || client::consume_all(&bootstrap, &target).len() == 25,
    );
    let cursor = format!("kop-copy.{source}.{target}");
    wait_until(Duration::from_secs(20), "the cursor to pass them", || {
        client::committed(&bootstrap, &cursor, &source)
            .values()
            .sum::<i64>()
            == 25
    });
    signal::interrupt(&running);
    let run = running.finish().expect_code(130);
    assert_eq!(run.json()["copied"], 25, "{}", run.stdout);
    // A service manager's stop (SIGTERM) ends a follower as cleanly: its report, its
    // cursor committed, exit 143; the next run resumes with what came since.
    let running = kop([
        "copy", &source, &target, "-b", &bootstrap, "-f", "-o", "json",
    ])
    .spawn();
    let more: Vec<Exact> = numbered(30, 2).into_iter().skip(25).collect();
    client::produce_exact(&bootstrap, &source, &more);
    wait_until(Duration::from_secs(20), "the cursor to pass them", || {
        client::committed(&bootstrap, &cursor, &source)
            .values()
            .sum::<i64>()
            == 30
    });
    signal::terminate(&running);
    let run = running.finish().expect_code(143);
    assert_eq!(run.json()["copied"], 5, "{}", run.stdout);
    assert_eq!(client::consume_all(&bootstrap, &target).len(), 30);
    // Following up to a time the clock has passed ends once the backlog is copied.
    let other = unique("copy.follow.until");
    client::create_topic(&bootstrap, &other, 2, &[]);
    let run = copy(&[
        &source, &other, "-b", &bootstrap, "-f", "--until", "-1s", "-o", "json",
    ])
    .expect_code(0);
    assert_eq!(run.json()["copied"], 30, "{}", run.stdout);
}

#[test]
fn registry_protobuf_values_and_the_schemas_they_reference_move_to_the_target_registry() {
    let source_broker = broker::shared();
    let target_broker = broker::dedicated();
    let (sb, tb) = (source_broker.bootstrap(), target_broker.bootstrap());
    let source_registry = TestRegistry::start();
    let target_registry = TestRegistry::start();
    let (source, target) = (unique("copy.proto.src"), unique("copy.proto.dst"));
    client::create_topic(&sb, &source, 1, &[]);
    client::create_topic(&tb, &target, 1, &[]);
    let common = source_registry.subject("copy.proto.common");
    let common_proto =
        "syntax = \"proto3\";\npackage kop.copy;\n\nmessage Money {\n  int64 cents = 1;\n}\n";
    let order_proto = "syntax = \"proto3\";\npackage kop.copy;\nimport \"money.proto\";\n\nmessage Order {\n  string id = 1;\n  kop.copy.Money total = 2;\n}\n";
    source_registry.register(&common, "PROTOBUF", common_proto);
    let answer = source_registry.call(
        "POST",
        &format!("/subjects/{source}-value/versions"),
        Some(&json!({
            "schema": order_proto,
            "schemaType": "PROTOBUF",
            "references": [{"name": "money.proto", "subject": common, "version": 1}],
        })),
    );
    assert_eq!(answer.status, 200, "{answer:?}");
    let source_id = answer.body["id"].as_u64().unwrap() as u32;
    // Order{id: "o-<i>", total: Money{cents: i}}, after the header and message index [0].
    let values: Vec<Vec<u8>> = (0..5u8)
        .map(|i| {
            let mut v = vec![0];
            v.extend(source_id.to_be_bytes());
            v.push(0);
            v.extend([0x0a, 3, b'o', b'-', b'0' + i, 0x12, 2, 0x08, i]);
            v
        })
        .collect();
    let records: Vec<Exact> = values
        .iter()
        .map(|v| Exact {
            value: Some(v.clone()),
            timestamp: Some(T0),
            ..Exact::default()
        })
        .collect();
    client::produce_exact(&sb, &source, &records);
    let dir = tempfile::tempdir().unwrap();
    let file = target_profile(dir.path(), &tb, Some(target_registry.url()));
    let run = copy(&[
        &source,
        &target,
        "-b",
        &sb,
        "--registry",
        source_registry.url(),
        "-F",
        file.to_str().unwrap(),
        "--to-cluster",
        "target",
        "-o",
        "json",
    ])
    .expect_code(0);
    assert_eq!(run.json()["copied"], 5, "{}", run.stderr);
    // The referenced schema is on the target under its own subject, and the copied schema
    // references it at the version it has there.
    let latest = target_registry.call(
        "GET",
        &format!("/subjects/{target}-value/versions/latest"),
        None,
    );
    assert_eq!(latest.status, 200, "{latest:?}");
    let common_there =
        target_registry.call("GET", &format!("/subjects/{common}/versions/latest"), None);
    assert_eq!(common_there.status, 200, "{common_there:?}");
    assert_eq!(
        latest.body["references"],
        json!([{"name": "money.proto", "subject": common, "version": common_there.body["version"]}])
    );
    assert_eq!(latest.body["schemaType"], "PROTOBUF");
    let target_id = latest.body["id"].as_u64().unwrap() as u32;
    let copied: Vec<Vec<u8>> = client::consume_all(&tb, &target)
        .into_iter()
        .map(|r| r.value.unwrap())
        .collect();
    let expected: Vec<Vec<u8>> = values
        .iter()
        .map(|v| {
            let mut v = v.clone();
            v[1..5].copy_from_slice(&target_id.to_be_bytes());
            v
        })
        .collect();
    assert_eq!(
        copied, expected,
        "only the id changed; the message index and payload did not"
    );
}

#[test]
fn binary_values_starting_with_a_zero_byte_cross_clusters_when_neither_side_has_a_registry() {
    let source_broker = broker::shared();
    let target_broker = broker::dedicated();
    let (sb, tb) = (source_broker.bootstrap(), target_broker.bootstrap());
    let (source, target) = (unique("copy.bin.src"), unique("copy.bin.dst"));
    client::create_topic(&sb, &source, 1, &[]);
    client::create_topic(&tb, &target, 1, &[]);
    // Binary data that happens to look like the wire format: a zero byte, then 4 bytes.
    let values: Vec<Vec<u8>> = (0u8..4).map(|i| vec![0, 0, 0, 0, 7 + i, 0xff, i]).collect();
    let records: Vec<client::Record> = values
        .iter()
        .map(|v| (None, v.as_slice(), vec![]))
        .collect();
    client::produce_to(&sb, &source, 0, &records);
    let dir = tempfile::tempdir().unwrap();
    let file = target_profile(dir.path(), &tb, None);
    let base = [
        source.as_str(),
        &target,
        "-b",
        &sb,
        "-F",
        file.to_str().unwrap(),
        "--to-cluster",
        "target",
        "-o",
        "json",
    ];
    // A dry run says what the copy will do, in the conditional.
    let mut dry = base.to_vec();
    dry.push("--dry-run");
    let run = copy(&dry).expect_code(0);
    assert!(
        run.stderr.contains("would be copied as they are"),
        "{}",
        run.stderr
    );
    assert!(client::consume_all(&tb, &target).is_empty());
    let run = copy(&base).expect_code(0);
    assert_eq!(run.json()["copied"], 4, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("were copied as they are: no Schema Registry is configured"),
        "{}",
        run.stderr
    );
    let copied: Vec<Vec<u8>> = client::consume_all(&tb, &target)
        .into_iter()
        .map(|r| r.value.unwrap())
        .collect();
    assert_eq!(copied, values, "the bytes arrive as they were");
    // A fresh cursor's dry run into the now non-empty target warns what the real run asks.
    let mut again = dry.clone();
    again.extend(["--cursor", "another"]);
    let run = copy(&again).expect_code(0);
    assert!(
        run.stderr
            .contains("already holds records: the copy will ask"),
        "{}",
        run.stderr
    );
}
