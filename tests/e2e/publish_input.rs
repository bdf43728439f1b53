//! Bad input is refused before anything is sent, naming the line and the field; from
//! stdin, what came before a bad line is sent.

use std::io::Write as _;

use crate::support::kop::kop;
use crate::support::registry::TestRegistry;
use crate::support::{broker, client, unique};

#[test]
fn a_file_whose_second_line_is_over_the_limit_publishes_nothing_and_names_the_line() {
    let b = broker::shared();
    let topic = unique("input.size");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("events.ndjson");
    let big = format!("{{\"pad\": \"{}\"}}", "x".repeat(2 << 20));
    std::fs::write(&file, format!("{{\"n\": 1}}\n{big}\n{{\"n\": 3}}\n")).unwrap();
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
        run.stderr.contains("events.ndjson:2: the event is 2.0 MiB"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("message.max.bytes"), "{}", run.stderr);
    assert!(
        run.stderr.contains("nothing was published"),
        "{}",
        run.stderr
    );
    assert!(
        client::consume_all(&b.bootstrap(), &topic).is_empty(),
        "line 1 was not sent either"
    );
}

#[test]
fn the_topics_own_smaller_limit_is_checked_for_uncompressed_records_only() {
    let b = broker::shared();
    let topic = unique("input.topiclimit");
    client::create_topic(&b.bootstrap(), &topic, 1, &[("max.message.bytes", "1000")]);
    let big = format!("{{\"pad\": \"{}\"}}", "x".repeat(2_000));
    // Uncompressed, each record must fit the topic's limit.
    let run = kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--value",
        &big,
        "-X",
        "compression.type=none",
    ])
    .run()
    .expect_code(1);
    assert!(
        run.stderr.contains("topic's max.message.bytes"),
        "{}",
        run.stderr
    );
    // kop's producer compresses (lz4) by default: the broker judges the compressed batch,
    // so kop does not refuse a record the broker would take.
    let run = kop(["publish", &topic, "-b", &b.bootstrap(), "--value", &big])
        .run()
        .expect_code(0);
    assert!(
        run.stdout.contains("Published 1 event(s)"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_avro_float_out_of_range_of_a_registry_schema_is_an_error_naming_the_field_and_nothing_is_sent(
) {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let topic = unique("input.float");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("reading.avsc");
    std::fs::write(
        &schema,
        r#"{"type":"record","name":"Reading","fields":[{"name":"celsius","type":"float"}]}"#,
    )
    .unwrap();
    let file = dir.path().join("readings.ndjson");
    std::fs::write(&file, "{\"celsius\": 21.5}\n{\"celsius\": 1e300}\n").unwrap();
    let run = kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--registry",
        registry.url(),
        "--format",
        "avro",
        "--schema-file",
        schema.to_str().unwrap(),
        "--file",
        file.to_str().unwrap(),
    ])
    .run()
    .expect_code(1);
    assert!(run.stderr.contains("readings.ndjson:2"), "{}", run.stderr);
    assert!(run.stderr.contains("field `celsius`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("does not fit a float"),
        "{}",
        run.stderr
    );
    assert!(client::consume_all(&b.bootstrap(), &topic).is_empty());
}

#[test]
fn stdin_sends_the_lines_before_one_that_is_not_utf8_then_names_it_and_exits_1() {
    let b = broker::shared();
    let topic = unique("input.utf8");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let mut publish = kop(["publish", &topic, "-b", &b.bootstrap()])
        .piped_stdin()
        .spawn();
    publish
        .stdin()
        .write_all(b"{\"n\": 1}\n{\"n\": 2}\n{\"bad\": \"\xff\xfe\"}\n{\"n\": 4}\n")
        .unwrap();
    publish.close_stdin();
    let run = publish.finish();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("line 3: not UTF-8 text"),
        "{}",
        run.stderr
    );
    let values: Vec<Vec<u8>> = client::consume_all(&b.bootstrap(), &topic)
        .into_iter()
        .filter_map(|r| r.value)
        .collect();
    assert_eq!(values, [b"{\"n\": 1}".to_vec(), b"{\"n\": 2}".to_vec()]);
}

/// Editors on Windows start a UTF-8 file with a byte-order mark: the first event is still
/// JSON, sent without the mark; a raw file keeps its bytes as they are.
#[test]
fn a_byte_order_mark_before_the_first_json_event_is_dropped_and_raw_lines_keep_it() {
    let b = broker::shared();
    let topic = unique("input.bom");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("events.ndjson");
    std::fs::write(&file, "\u{feff}{\"n\": 1}\n{\"n\": 2}\n").unwrap();
    let path = file.to_str().unwrap();
    kop(["publish", &topic, "-b", &b.bootstrap(), "--file", path])
        .run()
        .expect_code(0);
    kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--format",
        "raw",
        "--file",
        path,
    ])
    .run()
    .expect_code(0);
    let values: Vec<Vec<u8>> = client::consume_all(&b.bootstrap(), &topic)
        .into_iter()
        .map(|r| r.value.unwrap())
        .collect();
    assert_eq!(values[0], b"{\"n\": 1}");
    assert_eq!(values[1], b"{\"n\": 2}");
    assert_eq!(values[2], "\u{feff}{\"n\": 1}".as_bytes());
}
