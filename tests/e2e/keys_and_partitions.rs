//! Keys land where the teams' Java producers put them, letters go back to the partition
//! they came from, and keys come back byte for byte.

use serde_json::json;

use crate::support::client::{java_partition, murmur2};
use crate::support::kop::kop;
use crate::support::{broker, client, ndjson, tail_all, unique};

#[test]
fn keyed_events_land_on_the_partitions_the_java_client_would_choose() {
    let b = broker::shared();
    let topic = unique("keys.java");
    client::create_topic(&b.bootstrap(), &topic, 6, &[]);
    let users: Vec<String> = (0..60).map(|i| format!("user-{i}")).collect();
    let lines: String = users
        .iter()
        .map(|u| format!("{}\n", json!({"userId": u, "action": "login"})))
        .collect();
    kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--key-field",
        "userId",
    ])
    .stdin(&lines)
    .run()
    .expect_code(0);
    let records = client::consume_all(&b.bootstrap(), &topic);
    assert_eq!(records.len(), users.len());
    for r in &records {
        let key = r.key.as_deref().unwrap();
        assert_eq!(
            r.partition,
            java_partition(key, 6),
            "{} went to {} (murmur2 {})",
            String::from_utf8_lossy(key),
            r.partition,
            murmur2(key)
        );
    }
    let used: std::collections::BTreeSet<i32> = records.iter().map(|r| r.partition).collect();
    assert!(used.len() > 1, "60 keys spread over the partitions");
}

#[test]
fn a_letter_that_records_its_partition_goes_back_to_it() {
    let b = broker::shared();
    let prefix = unique("keys.replay");
    let (dlq, orders) = (format!("{prefix}.dlq"), format!("{prefix}.orders"));
    client::create_topic(&b.bootstrap(), &dlq, 1, &[]);
    client::create_topic(&b.bootstrap(), &orders, 3, &[]);
    // A key whose hash would send it elsewhere than where it came from.
    let key = (0..)
        .map(|i| format!("order-{i}"))
        .find(|k| java_partition(k.as_bytes(), 3) != 2)
        .unwrap();
    client::produce(
        &b.bootstrap(),
        &dlq,
        &[(
            Some(key.as_bytes()),
            b"{\"orderId\": 7}",
            vec![
                ("kafka_dlt-original-topic", orders.as_bytes()),
                ("kafka_dlt-original-partition", &2i32.to_be_bytes()),
                ("kafka_dlt-original-offset", &41i64.to_be_bytes()),
            ],
        )],
    );
    kop(["dlq", "replay", &dlq, "-b", &b.bootstrap(), "--yes"])
        .run()
        .expect_code(0);
    let back = client::consume_all(&b.bootstrap(), &orders);
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].partition, 2, "the partition the letter recorded");
    assert_eq!(back[0].key.as_deref(), Some(key.as_bytes()));
}

#[test]
fn keys_that_look_like_json_come_back_as_the_text_that_was_sent() {
    let b = broker::shared();
    let topic = unique("keys.text");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let keys = ["1e3", "true", "5", "null", "007", "{\"id\":1}", " spaced "];
    for key in keys {
        kop([
            "publish",
            &topic,
            "-b",
            &b.bootstrap(),
            "--key",
            key,
            "--value",
            "{}",
        ])
        .run()
        .expect_code(0);
    }
    client::produce(
        &b.bootstrap(),
        &topic,
        &[(Some(b"\xff\x00raw"), b"{}", vec![])],
    );
    let records = tail_all(&b.bootstrap(), &topic, &[]);
    let seen: Vec<(String, String)> = records
        .iter()
        .map(|r| {
            (
                r["key"].as_str().unwrap().to_string(),
                r["key_encoding"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut expected: Vec<(String, String)> = keys
        .iter()
        .map(|k| (k.to_string(), "text".to_string()))
        .collect();
    expected.push(("/wByYXc=".into(), "base64".into()));
    assert_eq!(seen, expected);
    // And the same through a pipe into a script, one line each.
    let run = kop([
        "tail",
        &topic,
        "-b",
        &b.bootstrap(),
        "-n",
        "1",
        "-o",
        "ndjson",
    ])
    .run()
    .expect_code(0);
    assert_eq!(ndjson(&run.stdout)[0]["key_encoding"], "base64");
}

/// A key taken from a field is what the parsed line holds there, whichever road found it:
/// a plain string by a scan of the line, anything else (escapes, repeats) by serde_json;
/// a number is its text as written (a 23-digit id stays itself, not a double).
#[test]
fn keys_from_fields_are_what_the_parsed_line_holds_and_numbers_as_written() {
    let b = broker::shared();
    let topic = unique("keys.field");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let lines = [
        (r#"{"user": {"id": "u-1"}, "n": 1}"#, "u-1"),
        (r#"{"user": {"id": "u\u002d2"}, "n": 2}"#, "u-2"),
        (r#"{"user": {"id": 3}, "n": 3}"#, "3"),
        (
            r#"{"user": {"id": "first"}, "user": {"id": "u-4"}, "n": 4}"#,
            "u-4",
        ),
        (r#"{"n": 5, "user": {"id": "é\"5"}}"#, "é\"5"),
        (
            r#"  {"user":{"id":"u-6"},"big":[1e400, "\ud800"]}  "#,
            "u-6",
        ),
        (
            r#"{"user": {"id": 12345678901234567890123}, "n": 7}"#,
            "12345678901234567890123",
        ),
        (r#"{"user": {"id": 1e2}, "n": 8}"#, "1e2"),
        (r#"{"user": {"id": -0}, "n": 9}"#, "-0"),
    ];
    let input: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
    let file = std::env::temp_dir().join(format!("{topic}.ndjson"));
    std::fs::write(&file, &input).unwrap();
    let bootstrap = b.bootstrap();
    let path = file.display().to_string();
    let args = [
        "publish",
        &topic,
        "-b",
        &bootstrap,
        "--key-field",
        "user.id",
    ];
    let from_file: Vec<&str> = args.iter().copied().chain(["--file", &path]).collect();
    kop(from_file).run().expect_code(0);
    kop(args).stdin(&input).run().expect_code(0);
    let _ = std::fs::remove_file(&file);
    let records = client::consume_all(&b.bootstrap(), &topic);
    let keys: Vec<String> = records
        .iter()
        .map(|r| String::from_utf8(r.key.clone().unwrap()).unwrap())
        .collect();
    let expected: Vec<String> = lines
        .iter()
        .chain(lines.iter())
        .map(|(_, k)| k.to_string())
        .collect();
    assert_eq!(keys, expected);
    let values: Vec<String> = records
        .iter()
        .map(|r| String::from_utf8(r.value.clone().unwrap()).unwrap())
        .collect();
    assert_eq!(values[5], lines[5].0.trim(), "sent as written");
    // A null field is said as such: there is no key to take.
    let run = kop(args)
        .stdin("{\"user\": {\"id\": null}}\n")
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("field `user.id` is null"),
        "{}",
        run.stderr
    );
}
