//! Restores: a dump of `kop tail --dump` goes back with `kop publish --records`, record
//! for record and byte for byte, with publish's checks and accounting.

use std::collections::BTreeMap;

use crate::support::client::{self, Consumed, Exact};
use crate::support::kop::kop;
use crate::support::{broker, unique};

/// Milliseconds since the epoch of the seeded records: fixed, and long past.
const T0: i64 = 1_736_845_923_000;

/// Record `i` of the seeded topic: every shape a dump must keep. Binary values (every
/// byte value, a NUL first), text values, an empty value, tombstones; null and binary
/// keys; headers with null values, repeated names and binary values; explicit
/// timestamps, not in order.
fn seeded(i: usize, partitions: i32) -> Exact {
    let n = i as u64;
    let key = match i % 4 {
        0 => None,
        1 => Some(format!("user-{}", i % 97).into_bytes()),
        2 => Some(vec![0, 0xff, (i % 251) as u8]),
        _ => Some(Vec::new()),
    };
    let value = match i % 10 {
        0 => None,
        1 => Some(Vec::new()),
        2 | 3 => Some(format!("{{\"n\": {i}, \"x\": 1.0}}").into_bytes()),
        _ => Some(
            (0..(8 + i % 40))
                .map(|b| (n.wrapping_mul(31).wrapping_add(b as u64) % 256) as u8)
                .collect(),
        ),
    };
    let mut headers = vec![("trace".to_string(), Some(format!("t-{i}").into_bytes()))];
    if i % 3 == 0 {
        headers.push(("flag".into(), None));
        headers.push(("trace".into(), Some(vec![0, 1, 2])));
    }
    if i % 7 == 0 {
        headers.push(("".into(), Some(Vec::new())));
    }
    Exact {
        partition: Some((i % partitions as usize) as i32),
        key,
        value,
        headers,
        // Out of order within a partition, as producers' clocks may be.
        timestamp: Some(T0 + (i as i64 % 1_000) * 1_000 - (i as i64 % 3) * 7),
    }
}

/// Every record of the topic, by partition, without offsets' absolute values mattering.
fn by_partition(records: Vec<Consumed>) -> BTreeMap<i32, Vec<Consumed>> {
    let mut out: BTreeMap<i32, Vec<Consumed>> = BTreeMap::new();
    for r in records {
        out.entry(r.partition).or_default().push(r);
    }
    out
}

#[test]
fn a_dump_of_a_hundred_thousand_records_restores_byte_for_byte_in_partition_order() {
    let b = broker::shared();
    let source = unique("dump.source");
    let restored = unique("dump.restored");
    client::create_topic(&b.bootstrap(), &source, 3, &[]);
    client::create_topic(&b.bootstrap(), &restored, 3, &[]);
    let records: Vec<Exact> = (0..100_000).map(|i| seeded(i, 3)).collect();
    client::produce_exact(&b.bootstrap(), &source, &records);

    let dump = kop(["tail", &source, "-b", &b.bootstrap(), "--dump"])
        .run()
        .expect_code(0);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dump.ndjson");
    std::fs::write(&file, &dump.stdout).unwrap();
    assert_eq!(dump.stdout.lines().count(), 100_000);

    let run = kop([
        "publish",
        &restored,
        "-b",
        &b.bootstrap(),
        "--records",
        file.to_str().unwrap(),
        "--keep-partition",
        "-o",
        "json",
    ])
    .run()
    .expect_code(0);
    let summary = run.json();
    assert_eq!(summary["total"], 100_000, "{summary}");
    assert_eq!(summary["published"], 100_000, "{summary}");
    assert_eq!(summary["failed"], 0);

    // A second client reads both topics: the same records, field by field, in the same
    // order in each partition (and, the topics being fresh, at the same offsets).
    let before = by_partition(client::consume_all(&b.bootstrap(), &source));
    let after = by_partition(client::consume_all(&b.bootstrap(), &restored));
    assert_eq!(before.len(), 3);
    for (partition, want) in &before {
        let got = &after[partition];
        assert_eq!(got.len(), want.len(), "partition {partition}");
        for (w, g) in want.iter().zip(got) {
            assert_eq!(w, g, "partition {partition}");
        }
    }
    let tombstones = after
        .values()
        .flatten()
        .filter(|r| r.value.is_none())
        .count();
    assert_eq!(tombstones, 10_000, "tombstones stay tombstones");
}

fn dump_line(partition: i32, fields: &str) -> String {
    format!(
        r#"{{"topic":"x","partition":{partition},"offset":0,"timestamp":{T0},"timestamp_type":"create",{fields}}}"#
    )
}

#[test]
fn a_restore_refuses_what_it_cannot_send_exactly_before_sending_anything() {
    let b = broker::shared();
    let topic = unique("restore.refused");
    client::create_topic(&b.bootstrap(), &topic, 2, &[]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dump.ndjson");
    let good = dump_line(
        0,
        r#""key":"k","key_encoding":"text","headers":[],"value":"eA==","schema_id":null,"value_encoding":"base64""#,
    );
    // What `kop tail -o ndjson` prints by default: the value decoded as JSON.
    let decoded = dump_line(
        0,
        r#""key":null,"key_encoding":null,"headers":[],"value":{"a":1},"schema_id":null,"value_encoding":"json""#,
    );
    std::fs::write(&file, format!("{good}\n\n{decoded}\n")).unwrap();
    let bootstrap = b.bootstrap();
    let restore = |extra: &[&str]| {
        let mut args = vec![
            "publish",
            topic.as_str(),
            "-b",
            &bootstrap,
            "--records",
            file.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        kop(args).run().expect_code(1)
    };
    let run = restore(&[]);
    let place = format!(
        "{}:3: field `value` is json decoded for reading",
        file.display()
    );
    assert!(run.stderr.contains(&place), "{}", run.stderr);
    assert!(
        run.stderr.contains("kop tail TOPIC --dump"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("nothing was published"),
        "{}",
        run.stderr
    );

    // A record from a partition the topic lacks, with --keep-partition.
    let far = dump_line(
        5,
        r#""key":null,"key_encoding":null,"headers":[],"value":"x","schema_id":null,"value_encoding":"text""#,
    );
    std::fs::write(&file, format!("{good}\n{far}\n")).unwrap();
    let run = restore(&["--keep-partition"]);
    assert!(
        run.stderr.contains(&format!(
            "{}:2: the record is from partition 5, but {topic} has 2 partition(s)",
            file.display()
        )),
        "{}",
        run.stderr
    );
    assert!(client::consume_all(&b.bootstrap(), &topic).is_empty());

    // From stdin, records go out as they are read, until the first that cannot.
    let run = kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--records",
        "-",
        "-o",
        "json",
    ])
    .stdin(&format!("{good}\n{good}\n{decoded}\n{good}\n"))
    .run()
    .expect_code(1);
    assert_eq!(run.json()["published"], 2, "{}", run.stderr);
    // The JSON says why it exit 1, and so does the error's headline.
    assert!(
        run.json()["error"]
            .as_str()
            .is_some_and(|e| e.contains("line 3 of stdin: field `value` is json decoded")),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .starts_with("error: line 3 of stdin: field `value` is json decoded"),
        "{}",
        run.stderr
    );
    assert_eq!(client::consume_all(&b.bootstrap(), &topic).len(), 2);
}

#[test]
fn restored_records_without_keep_partition_go_where_their_keys_hash() {
    let b = broker::shared();
    let topic = unique("restore.by-key");
    client::create_topic(&b.bootstrap(), &topic, 6, &[]);
    let lines: Vec<String> = (0..30)
        .map(|i| {
            dump_line(
                0,
                &format!(
                    r#""key":"user-{i}","key_encoding":"text","headers":[],"value":"v","schema_id":null,"value_encoding":"text""#
                ),
            )
        })
        .collect();
    kop(["publish", &topic, "-b", &b.bootstrap(), "--records", "-"])
        .stdin(&lines.join("\n"))
        .run()
        .expect_code(0);
    let records = client::consume_all(&b.bootstrap(), &topic);
    assert_eq!(records.len(), 30);
    for r in records {
        let key = r.key.unwrap();
        assert_eq!(r.partition, client::java_partition(&key, 6));
        assert_eq!(r.timestamp, Some(T0), "the dumped timestamp is sent");
    }
}

#[test]
fn records_conflict_with_the_flags_that_would_change_them() {
    for extra in [
        ["--key", "k"],
        ["--format", "raw"],
        ["-H", "a=b"],
        ["--timestamp", "@1"],
        ["--partition", "1"],
    ] {
        let mut args = vec!["publish", "t", "--records", "dump.ndjson"];
        args.extend_from_slice(&extra);
        let run = kop(args).run().expect_code(2);
        assert!(
            run.stderr.contains("cannot be used with"),
            "{extra:?}: {}",
            run.stderr
        );
    }
    let run = kop(["publish", "t", "--keep-partition", "--value", "{}"])
        .run()
        .expect_code(2);
    assert!(run.stderr.contains("--records"), "{}", run.stderr);
}

#[test]
fn a_dump_given_to_file_instead_of_records_is_sent_as_asked_with_a_warning_naming_records() {
    let b = broker::shared();
    let topic = unique("restore.mixup");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dump.ndjson");
    let line = dump_line(
        0,
        r#""key":null,"key_encoding":null,"headers":[],"value":"eA==","schema_id":null,"value_encoding":"base64""#,
    );
    std::fs::write(&file, format!("{line}\n")).unwrap();
    let run = kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--file",
        file.to_str().unwrap(),
    ])
    .run()
    .expect_code(0);
    assert!(
        run.stderr
            .contains("holds records as `kop tail` prints them")
            && run.stderr.contains("use --records"),
        "{}",
        run.stderr
    );
    let sent = client::consume_all(&b.bootstrap(), &topic);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].value.as_deref(), Some(line.as_bytes()));
}
