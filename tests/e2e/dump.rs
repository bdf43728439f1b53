//! Dumps: `kop tail --dump` writes every record exactly, in a documented shape, and
//! `--until` stops each partition at a bound.

use std::collections::BTreeMap;

use serde_json::json;

use crate::support::client::{self, Exact};
use crate::support::kop::kop;
use crate::support::{broker, ndjson, unique};

/// Milliseconds since the epoch of the seeded records: fixed, and long past.
const T0: i64 = 1_736_845_923_000;

#[test]
fn every_field_of_a_dump_says_how_to_get_its_bytes_back() {
    let b = broker::shared();
    let topic = unique("dump.fields");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let records = [
        Exact {
            key: Some(b"1e3".to_vec()),
            value: Some(br#"{"a": 1.0}"#.to_vec()),
            headers: vec![
                ("h".into(), Some(b"x".to_vec())),
                ("h".into(), None),
                ("bin".into(), Some(vec![0, 255])),
            ],
            timestamp: Some(T0),
            ..Exact::default()
        },
        // The Confluent wire format: schema id 7, then the payload.
        Exact {
            value: Some(vec![0, 0, 0, 0, 7, 2, 4]),
            timestamp: Some(T0 + 1),
            ..Exact::default()
        },
        Exact {
            key: Some(b"gone".to_vec()),
            value: None,
            timestamp: Some(T0 + 2),
            ..Exact::default()
        },
    ];
    client::produce_exact(&b.bootstrap(), &topic, &records);
    let run = kop(["tail", &topic, "-b", &b.bootstrap(), "--dump"])
        .run()
        .expect_code(0);
    let lines = ndjson(&run.stdout);
    assert_eq!(
        lines,
        [
            json!({
                "topic": topic, "partition": 0, "offset": 0, "timestamp": T0,
                "timestamp_type": "create", "key": "1e3", "key_encoding": "text",
                "headers": [
                    {"key": "h", "value": "x", "encoding": "text"},
                    {"key": "h", "value": null, "encoding": null},
                    {"key": "bin", "value": "AP8=", "encoding": "base64"}
                ],
                "value": "{\"a\": 1.0}", "schema_id": null, "value_encoding": "text"
            }),
            json!({
                "topic": topic, "partition": 0, "offset": 1, "timestamp": T0 + 1,
                "timestamp_type": "create", "key": null, "key_encoding": null,
                "headers": [], "value": "AAAAAAcCBA==", "schema_id": 7,
                "value_encoding": "base64"
            }),
            json!({
                "topic": topic, "partition": 0, "offset": 2, "timestamp": T0 + 2,
                "timestamp_type": "create", "key": "gone", "key_encoding": "text",
                "headers": [], "value": null, "schema_id": null, "value_encoding": null
            }),
        ]
    );
    // The field order is part of the format.
    let first = run.stdout.lines().next().unwrap();
    assert!(
        first.starts_with(&format!(
            r#"{{"topic":"{topic}","partition":0,"offset":0,"timestamp":{T0},"timestamp_type":"create","key":"1e3""#
        )),
        "{first}"
    );
}

/// Ten records in each of two partitions, one a second from T0 (the same times in both).
fn twenty(bootstrap: &str) -> String {
    let topic = unique("dump.until");
    client::create_topic(bootstrap, &topic, 2, &[]);
    let records: Vec<Exact> = (0..20)
        .map(|i| Exact {
            partition: Some(i % 2),
            value: Some(format!("v{i}").into_bytes()),
            timestamp: Some(T0 + i64::from(i / 2) * 1_000),
            ..Exact::default()
        })
        .collect();
    client::produce_exact(bootstrap, &topic, &records);
    topic
}

fn offsets(stdout: &str) -> BTreeMap<i64, Vec<i64>> {
    let mut seen: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for e in ndjson(stdout) {
        seen.entry(e["partition"].as_i64().unwrap())
            .or_default()
            .push(e["offset"].as_i64().unwrap());
    }
    seen
}

#[test]
fn until_stops_each_partition_before_an_offset_or_a_time_and_windows_meet_exactly() {
    let b = broker::shared();
    let topic = twenty(&b.bootstrap());
    let bootstrap = b.bootstrap();
    let tail = |extra: &[&str]| {
        let mut args = vec!["tail", topic.as_str(), "-b", &bootstrap, "-o", "ndjson"];
        args.extend_from_slice(extra);
        kop(args).run().expect_code(0).stdout
    };
    let first = tail(&["--from", "beginning", "--until", "4"]);
    assert_eq!(
        offsets(&first),
        BTreeMap::from([(0, vec![0, 1, 2, 3]), (1, vec![0, 1, 2, 3])])
    );
    // The next window starts where the last stopped: nothing twice, nothing missed.
    let next = tail(&["--from", "4", "--until", "7"]);
    assert_eq!(
        offsets(&next),
        BTreeMap::from([(0, vec![4, 5, 6]), (1, vec![4, 5, 6])])
    );
    // A time: each record's own timestamp decides, on the client.
    let until = format!("@{}", T0 + 3_000);
    let by_time = tail(&["--from", "beginning", "--until", &until]);
    assert_eq!(
        offsets(&by_time),
        BTreeMap::from([(0, vec![0, 1, 2]), (1, vec![0, 1, 2])])
    );
    // A dump takes --until too; a bound before the start reads nothing.
    let dumped = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "--dump",
        "--until",
        "2",
    ])
    .run()
    .expect_code(0);
    assert_eq!(dumped.stdout.lines().count(), 4);
    assert_eq!(tail(&["--from", "5", "--until", "5"]), "");
}

#[test]
fn following_with_until_ends_once_every_partition_reached_its_bound() {
    let b = broker::shared();
    let topic = twenty(&b.bootstrap());
    let run = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "--from",
        "beginning",
        "--until",
        "9",
        "-f",
        "-o",
        "ndjson",
    ])
    .run()
    .expect_code(0);
    assert_eq!(ndjson(&run.stdout).len(), 18, "{}", run.stderr);
    // A time bound the clock has passed ends a follow once the backlog is read.
    let run = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "--from",
        "beginning",
        "--until",
        "-1s",
        "-f",
        "-o",
        "ndjson",
    ])
    .run()
    .expect_code(0);
    assert_eq!(ndjson(&run.stdout).len(), 20, "{}", run.stderr);
}

#[test]
fn until_without_a_start_and_a_dump_with_decoding_flags_are_usage_errors() {
    let b = broker::shared();
    let run = kop(["tail", "t", "-b", &b.bootstrap(), "--until", "5"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("--until stops a stream"),
        "{}",
        run.stderr
    );
    let run = kop([
        "tail",
        "t",
        "-b",
        &b.bootstrap(),
        "--dump",
        "--format",
        "json",
    ])
    .run()
    .expect_code(2);
    assert!(run.stderr.contains("--format"), "{}", run.stderr);
    let run = kop([
        "tail",
        "t",
        "-b",
        &b.bootstrap(),
        "--from",
        "0",
        "--until",
        "end",
    ])
    .run()
    .expect_code(2);
    assert!(run.stderr.contains("is not an offset or"), "{}", run.stderr);
}
