//! `kop publish` and `kop tail` against the real broker and a registry.

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::{json, Value};

use crate::support::kop::kop;
use crate::support::python::interop;
use crate::support::registry::TestRegistry;
use crate::support::{broker, client, ndjson, signal, tail_all, unique, wait_for, wait_until};

fn read_all(bootstrap: &str, topic: &str) -> Vec<Value> {
    tail_all(bootstrap, topic, &[])
}

#[test]
fn ten_thousand_events_from_a_file_arrive_exactly_once_with_keys_and_headers() {
    let b = broker::shared();
    let topic = unique("pub.file");
    client::create_topic(&b.bootstrap(), &topic, 3, &[]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("events.ndjson");
    let lines: Vec<String> = (0..10_000)
        .map(|i| format!(r#"{{"n": {i}, "user": "u{}"}}"#, i % 7))
        .collect();
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let run = kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--file",
        file.to_str().unwrap(),
        "--key-field",
        "user",
        "-H",
        "source=fixtures",
        "-o",
        "json",
    ])
    .run()
    .expect_code(0);
    let summary = run.json();
    assert_eq!(summary["published"], 10_000);
    assert_eq!(summary["failed"], 0);

    let events = read_all(&b.bootstrap(), &topic);
    assert_eq!(events.len(), 10_000);
    let seen: BTreeSet<i64> = events
        .iter()
        .map(|e| e["value"]["n"].as_i64().unwrap())
        .collect();
    assert_eq!(seen.len(), 10_000, "every event exactly once");
    for e in &events {
        assert_eq!(
            e["key"],
            format!("u{}", e["value"]["n"].as_i64().unwrap() % 7)
        );
        assert_eq!(
            e["headers"],
            json!([{"key": "source", "value": "fixtures", "encoding": "text"}])
        );
    }
}

#[test]
fn a_bad_line_in_a_file_publishes_nothing_and_names_the_line() {
    let b = broker::shared();
    let topic = unique("pub.bad");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("events.ndjson");
    let mut lines: Vec<String> = (1..=10).map(|i| format!(r#"{{"n": {i}}}"#)).collect();
    lines[6] = r#"{"n": 7,"#.into();
    std::fs::write(&file, lines.join("\n")).unwrap();
    let run = kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--file",
        file.to_str().unwrap(),
    ])
    .run()
    .expect_code(1);
    assert!(
        run.stderr.contains("events.ndjson:7: not JSON"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("nothing was published"),
        "{}",
        run.stderr
    );
    assert!(read_all(&b.bootstrap(), &topic).is_empty());
}

#[test]
fn stdin_stops_at_the_first_bad_line_and_says_how_many_were_sent() {
    let b = broker::shared();
    let topic = unique("pub.stdin");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let input = "{\"n\": 1}\n{\"n\": 2}\nnot json\n{\"n\": 4}\n";
    let run = kop(["publish", &topic, "-b", &b.bootstrap()])
        .stdin(input)
        .run()
        .expect_code(1);
    // The error's headline is the line that stopped it, not the count of what went out.
    let headline = run.stderr.lines().find(|l| l.starts_with("error:"));
    assert!(
        headline.is_some_and(|l| l.starts_with("error: line 3: not JSON")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("after sending 2 event(s)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("Published 2 event(s)"),
        "{}",
        run.stdout
    );
    assert_eq!(read_all(&b.bootstrap(), &topic).len(), 2);
}

#[test]
fn tail_from_beginning_prints_exactly_n_objects_with_every_field() {
    let b = broker::shared();
    let topic = unique("tail.n");
    client::create_topic(&b.bootstrap(), &topic, 2, &[]);
    let input: String = (0..20).map(|i| format!("{{\"n\": {i}}}\n")).collect();
    kop(["publish", &topic, "-b", &b.bootstrap(), "--key", "k"])
        .stdin(&input)
        .run()
        .expect_code(0);
    let run = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "--from",
        "beginning",
        "-n",
        "5",
        "-o",
        "ndjson",
    ])
    .run()
    .expect_code(0);
    let events = ndjson(&run.stdout);
    assert_eq!(events.len(), 5);
    for e in &events {
        for field in [
            "topic",
            "partition",
            "offset",
            "timestamp",
            "key",
            "headers",
            "value",
        ] {
            assert!(e.get(field).is_some(), "{field} missing in {e}");
        }
        assert_eq!(e["topic"], topic.as_str());
        assert_eq!(e["key"], "k");
        assert!(e["timestamp"].as_i64().unwrap() > 1_600_000_000_000);
    }
}

#[test]
fn tail_without_options_prints_the_last_ten_oldest_first() {
    let b = broker::shared();
    let topic = unique("tail.last");
    client::create_topic(&b.bootstrap(), &topic, 3, &[]);
    // One record per batch, so that the broker's end offsets are exact (see test-broker.md).
    let input: String = (0..30).map(|i| format!("{{\"n\": {i}}}\n")).collect();
    kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "-X",
        "batch.num.messages=1",
        "-X",
        "linger.ms=0",
    ])
    .stdin(&input)
    .run()
    .expect_code(0);
    let run = kop(["tail", &topic, "-b", &b.bootstrap(), "-o", "ndjson"])
        .run()
        .expect_code(0);
    let events = ndjson(&run.stdout);
    assert_eq!(events.len(), 10);
    let times: Vec<i64> = events
        .iter()
        .map(|e| e["timestamp"].as_i64().unwrap())
        .collect();
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "oldest first: {times:?}"
    );
    // Piped, tail prints NDJSON; -o table asks for the human form.
    let table = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "-n",
        "2",
        "-o",
        "table",
    ])
    .run()
    .expect_code(0);
    assert_eq!(
        table
            .stdout
            .lines()
            .filter(|l| l.starts_with(&format!("{topic}/")))
            .count(),
        2,
        "{}",
        table.stdout
    );
    let piped = kop(["tail", &topic, "-b", &b.bootstrap(), "-n", "2"])
        .run()
        .expect_code(0);
    assert_eq!(ndjson(&piped.stdout).len(), 2, "NDJSON when piped");
}

#[test]
fn follow_prints_events_published_after_it_started_and_ctrl_c_exits_130() {
    let b = broker::shared();
    let topic = unique("tail.follow");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let tail = kop(["tail", &topic, "-b", &b.bootstrap(), "-f", "-o", "ndjson"]).spawn();
    // Publish until tail shows it: tail may still be starting when the first goes out.
    let mut attempt = 0;
    wait_until(
        Duration::from_secs(20),
        "tail -f to print an event published after it started",
        || {
            attempt += 1;
            kop([
                "publish",
                &topic,
                "-b",
                &b.bootstrap(),
                "--value",
                &format!("{{\"attempt\": {attempt}}}"),
            ])
            .run()
            .expect_code(0);
            !tail.stdout().is_empty()
        },
    );
    let stdout = tail.stdout();
    let line = stdout.lines().next().unwrap();
    assert!(line.contains("\"attempt\""), "{line}");
    // Ctrl-C: a clean stop with exit 130.
    signal::interrupt(&tail);
    tail.finish().expect_code(130);
}

#[test]
fn filters_select_by_header_and_regex() {
    let b = broker::shared();
    let topic = unique("tail.filter");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    kop(["publish", &topic, "-b", &b.bootstrap(), "-H", "team=a"])
        .stdin("{\"e\": \"x.created\"}\n{\"e\": \"x.deleted\"}\n")
        .run()
        .expect_code(0);
    kop(["publish", &topic, "-b", &b.bootstrap(), "-H", "team=b"])
        .stdin("{\"e\": \"x.created\"}\n")
        .run()
        .expect_code(0);
    let run = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "--from",
        "beginning",
        "--header",
        "team=a",
        "--grep",
        "created",
        "-o",
        "ndjson",
    ])
    .run()
    .expect_code(0);
    let events = ndjson(&run.stdout);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["value"]["e"], "x.created");
}

#[test]
fn undecodable_values_are_printed_as_base64_with_a_warning() {
    let b = broker::shared();
    let topic = unique("tail.base64");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--format",
        "raw",
        "--value",
        "plain text",
    ])
    .run()
    .expect_code(0);
    kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--value",
        "{\"ok\": true}",
    ])
    .run()
    .expect_code(0);
    let run = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "--from",
        "beginning",
        "--format",
        "json",
        "-o",
        "ndjson",
    ])
    .run()
    .expect_code(0);
    let events = ndjson(&run.stdout);
    assert_eq!(events.len(), 2, "tail goes on after the bad one");
    assert_eq!(events[0]["value"], "cGxhaW4gdGV4dA==");
    assert_eq!(events[0]["value_encoding"], "base64");
    assert_eq!(events[1]["value"], json!({"ok": true}));
    assert!(
        run.stderr.contains("warning:") && run.stderr.contains("not JSON"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_transactional_publish_lands_every_event() {
    let b = broker::shared();
    let topic = unique("pub.tx");
    client::create_topic(&b.bootstrap(), &topic, 2, &[]);
    let input: String = (0..50).map(|i| format!("{{\"n\": {i}}}\n")).collect();
    let run = kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--transactional",
        "-o",
        "json",
    ])
    .stdin(&input)
    .run()
    .expect_code(0);
    assert_eq!(run.json()["published"], 50);
    assert_eq!(run.json()["transactional"], true);
    assert_eq!(read_all(&b.bootstrap(), &topic).len(), 50);
}

#[test]
fn tailing_a_missing_topic_is_an_error() {
    let b = broker::shared();
    let run = kop(["tail", "no.such.topic.anywhere", "-b", &b.bootstrap()])
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("no.such.topic.anywhere"),
        "{}",
        run.stderr
    );
}

const TASK_SCHEMA: &str = r#"{
  "type": "record", "name": "TaskEvent", "namespace": "com.todoapp.events",
  "fields": [
    {"name": "taskId", "type": "string"},
    {"name": "priority", "type": {"type": "enum", "name": "Priority", "symbols": ["CRITICAL", "HIGH", "MEDIUM", "LOW"]}},
    {"name": "description", "type": ["null", "string"], "default": null},
    {"name": "dueAt", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null}
  ]
}"#;

#[test]
fn avro_round_trips_through_the_registry_with_confluents_own_serializers() {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let topic = unique("avro.tasks");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let schema_file = dir.path().join("task.avsc");
    std::fs::write(&schema_file, TASK_SCHEMA).unwrap();
    let schema_path = schema_file.to_str().unwrap();

    // kop writes plain JSON (bare union values, an enum, a timestamp as RFC 3339)...
    let events = "{\"taskId\": \"t1\", \"priority\": \"HIGH\", \"description\": \"buy milk\", \"dueAt\": \"2025-01-14T09:12:03.250Z\"}\n\
                  {\"taskId\": \"t2\", \"priority\": \"LOW\"}\n";
    kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--registry",
        registry.url(),
        "--format",
        "avro",
        "--schema-file",
        schema_path,
    ])
    .stdin(events)
    .run()
    .expect_code(0);
    // ...kop reads it back as plain JSON...
    let run = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "--registry",
        registry.url(),
        "--from",
        "beginning",
        "-o",
        "ndjson",
    ])
    .run()
    .expect_code(0);
    let read = ndjson(&run.stdout);
    assert_eq!(
        read[0]["value"],
        json!({"taskId": "t1", "priority": "HIGH", "description": "buy milk", "dueAt": "2025-01-14T09:12:03.250Z"})
    );
    assert_eq!(
        read[1]["value"],
        json!({"taskId": "t2", "priority": "LOW", "description": null, "dueAt": null})
    );
    assert!(read[0]["schema_id"].as_u64().is_some());
    // ...and so does Confluent's AvroDeserializer.
    let python = interop(
        &["consume", &b.bootstrap(), registry.url(), &topic, "2"],
        "",
    );
    let python = ndjson(&python);
    assert_eq!(python[0]["priority"], "HIGH");
    assert_eq!(python[0]["description"], "buy milk");
    assert_eq!(python[0]["dueAt"], "2025-01-14T09:12:03.250000+00:00");
    assert_eq!(python[1]["description"], Value::Null);

    // Confluent's AvroSerializer writes; kop reads.
    let from_python = unique("avro.from-python");
    client::create_topic(&b.bootstrap(), &from_python, 1, &[]);
    interop(
        &["produce", &b.bootstrap(), registry.url(), &from_python, schema_path],
        "{\"taskId\": \"p1\", \"priority\": \"CRITICAL\", \"description\": null, \"dueAt\": 1736845923250}\n",
    );
    let run = kop([
        "tail",
        &from_python,
        "-b",
        &b.bootstrap(),
        "--registry",
        registry.url(),
        "--from",
        "beginning",
        "-o",
        "ndjson",
    ])
    .run()
    .expect_code(0);
    let read = ndjson(&run.stdout);
    assert_eq!(
        read[0]["value"],
        json!({"taskId": "p1", "priority": "CRITICAL", "description": null, "dueAt": "2025-01-14T09:12:03.250Z"})
    );
    assert_eq!(read[0]["value_encoding"], "avro");

    // A wrong enum symbol names the field, and nothing is sent.
    let run = kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--registry",
        registry.url(),
        "--format",
        "avro",
        "--value",
        "{\"taskId\": \"t3\", \"priority\": \"URGENT\"}",
    ])
    .run()
    .expect_code(1);
    assert!(
        run.stderr
            .contains("field `priority`: expected one of CRITICAL, HIGH, MEDIUM, LOW"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_line_deep_in_a_large_file_is_named_exactly() {
    // Large enough to be validated in parallel chunks; the line number must still be exact.
    let b = broker::shared();
    let topic = unique("pub.large");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("events.ndjson");
    let padding = "x".repeat(100);
    let mut text = String::new();
    for i in 1..=50_000 {
        if i == 43_210 {
            text.push_str("{\"n\": oops}\n");
        } else if i % 1000 == 0 {
            text.push('\n');
        } else {
            text.push_str(&format!("{{\"n\": {i}, \"pad\": \"{padding}\"}}\n"));
        }
    }
    std::fs::write(&file, text).unwrap();
    let run = kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--file",
        file.to_str().unwrap(),
    ])
    .run()
    .expect_code(1);
    assert!(
        run.stderr.contains("events.ndjson:43210: not JSON"),
        "{}",
        run.stderr
    );
}

#[test]
fn tail_as_a_group_commits_and_resumes() {
    let b = broker::shared();
    let topic = unique("tail.group");
    let group = unique("tail-group");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let input: String = (0..8).map(|i| format!("{{\"n\": {i}}}\n")).collect();
    kop(["publish", &topic, "-b", &b.bootstrap()])
        .stdin(&input)
        .run()
        .expect_code(0);
    // The test broker completes a first join after half the session timeout.
    let bootstrap = b.bootstrap();
    let fast = [
        "-X",
        "session.timeout.ms=2000",
        "-X",
        "heartbeat.interval.ms=500",
    ];
    let read = |n: &str| -> Vec<i64> {
        let mut args = vec![
            "tail",
            topic.as_str(),
            "-b",
            &bootstrap,
            "--group",
            group.as_str(),
            "-n",
            n,
            "-o",
            "ndjson",
        ];
        args.extend_from_slice(&fast);
        ndjson(&kop(args).run().expect_code(0).stdout)
            .iter()
            .map(|e| e["value"]["n"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(read("5"), vec![0, 1, 2, 3, 4]);
    assert_eq!(
        read("5"),
        vec![5, 6, 7],
        "the group resumes after what it committed"
    );
}

#[test]
fn publish_from_a_live_pipe_sends_as_it_reads_and_ctrl_c_exits_130() {
    use std::io::Write;
    let b = broker::shared();
    let topic = unique("pub.live");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let mut publish = kop(["publish", &topic, "-b", &b.bootstrap(), "-o", "json"])
        .piped_stdin()
        .spawn();
    writeln!(publish.stdin(), "{{\"n\": 1}}\n{{\"n\": 2}}").unwrap();
    publish.stdin().flush().unwrap();
    // The pipe stays open: the two events must arrive without more input.
    let seen = wait_for(
        Duration::from_secs(10),
        "the events from a live pipe to arrive",
        || match read_all(&b.bootstrap(), &topic).len() {
            n if n >= 2 => Ok(n),
            n => Err(format!("{n} of 2 arrived")),
        },
    );
    assert_eq!(seen, 2, "events from a live pipe");
    // Ctrl-C with the pipe still open: kop must not wait for the end of its input.
    signal::interrupt(&publish);
    let run = publish.finish().expect_code(130);
    assert_eq!(run.json()["published"], 2);
}

#[test]
fn tail_as_a_group_that_gets_no_partitions_in_time_says_so_and_why() {
    let b = broker::shared();
    let topic = unique("tail.join");
    let group = unique("tail-join");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    // The test broker completes a first join only after half the session timeout (as
    // Kafka waits group.initial.rebalance.delay.ms): 15 s here, past kop's 2 s.
    let run = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "--group",
        &group,
        "--timeout",
        "2s",
        "-X",
        "session.timeout.ms=30000",
    ])
    .run()
    .expect_code(1);
    assert!(
        run.stderr.contains(&format!(
            "joining consumer group {group}: no partitions were assigned within 2s"
        )),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("session.timeout.ms"), "{}", run.stderr);
    assert!(!run.stderr.contains("did not answer"), "{}", run.stderr);
}

#[test]
fn a_key_separator_splits_each_line_into_key_and_value_both_ways() {
    let b = broker::shared();
    let topic = unique("pub.keysep");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--key-separator",
        ":",
    ])
    .stdin("user-1:{\"a\":1}\n")
    .run()
    .expect_code(0);
    let consumed = client::consume_all(&b.bootstrap(), &topic);
    assert_eq!(consumed.len(), 1);
    assert_eq!(consumed[0].key.as_deref(), Some(&b"user-1"[..]));
    assert_eq!(consumed[0].value.as_deref(), Some(&b"{\"a\":1}"[..]));
    // Piped, tail prints NDJSON: `kop tail T -n 1 | jq -r .key` prints user-1.
    let tailed = kop(["tail", &topic, "-b", &b.bootstrap(), "-n", "1"])
        .run()
        .expect_code(0);
    let events = ndjson(&tailed.stdout);
    assert_eq!(events[0]["key"], "user-1");
    assert_eq!(events[0]["value"], serde_json::json!({"a": 1}));
    // And back: -K prints key, separator, value, as kcat -K does; `\t` typed at a shell
    // is a tab, both ways.
    kop(["publish", &topic, "-b", &b.bootstrap(), "-K", r"\t"])
        .stdin("user-2\t{\"b\":2}\n")
        .run()
        .expect_code(0);
    let plain = kop(["tail", &topic, "-b", &b.bootstrap(), "-n", "2", "-K", r"\t"])
        .run()
        .expect_code(0);
    assert_eq!(plain.stdout, "user-1\t{\"a\":1}\nuser-2\t{\"b\":2}\n");
}

#[test]
fn tail_as_a_group_reads_every_partition_to_its_end_and_an_empty_topic_ends_empty() {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let topic = unique("tail.group.parts");
    let empty = unique("tail.group.empty");
    client::create_topic(&bootstrap, &topic, 3, &[]);
    client::create_topic(&bootstrap, &empty, 3, &[]);
    for (partition, count) in [(0, 4), (1, 3), (2, 2)] {
        client::produce_count_to(&bootstrap, &topic, partition, count);
    }
    let read = |topic: &str, group: &str| -> Vec<(i64, i64)> {
        let run = kop([
            "tail",
            topic,
            "-b",
            &bootstrap,
            "--group",
            group,
            "-n",
            "100",
            "-X",
            "session.timeout.ms=2000",
            "-X",
            "heartbeat.interval.ms=500",
        ])
        .run()
        .expect_code(0);
        let mut seen: Vec<(i64, i64)> = ndjson(&run.stdout)
            .iter()
            .map(|e| {
                (
                    e["partition"].as_i64().unwrap(),
                    e["offset"].as_i64().unwrap(),
                )
            })
            .collect();
        seen.sort();
        seen
    };
    let group = unique("tail-group-parts");
    let expected: Vec<(i64, i64)> = [(0, 4), (1, 3), (2, 2)]
        .iter()
        .flat_map(|(p, n)| (0..*n).map(move |o| (*p, o)))
        .collect();
    assert_eq!(
        read(&topic, &group),
        expected,
        "every partition, to its end"
    );
    assert!(
        read(&topic, &group).is_empty(),
        "the group resumes after its commits"
    );
    assert!(read(&empty, &unique("tail-group-empty")).is_empty());
}
