//! Recognising dead letters in every shape, with the teams' real envelopes.

use super::*;
use crate::core::record::{Header, Headers};

fn msg(topic: &str, value: &[u8], headers: &[(&str, &[u8])]) -> Record {
    Record {
        topic: topic.into(),
        partition: 0,
        offset: 7,
        timestamp: Some(1_000),
        key: Some(b"k1".to_vec()),
        value: Some(value.to_vec()),
        headers: headers
            .iter()
            .map(|(k, v)| Header::new(*k, Some(v.to_vec())))
            .collect(),
        ..Record::default()
    }
}

#[test]
fn the_teams_envelopes() {
    let r = Recogniser::default();
    let examples = include_str!("../../../fixtures/dead-letters.ndjson");
    let letters: Vec<Letter> = examples
        .lines()
        .map(|l| r.recognise(&msg("dlq.failed-events", l.as_bytes(), &[])))
        .collect();
    assert_eq!(letters.len(), 3);
    let first = &letters[0];
    assert_eq!(first.shape, Shape::Envelope);
    assert_eq!(first.origin.as_ref().unwrap().topic, "child.registered");
    assert_eq!(first.error.as_deref(), Some("Handler timeout"));
    assert_eq!(first.failed_at, Some(1_736_845_953_000));
    assert_eq!(
        first.key.as_deref(),
        Some(&b"k1"[..]),
        "the letter's own key"
    );
    let payload: serde_json::Value =
        serde_json::from_slice(first.payload.as_deref().unwrap()).unwrap();
    assert_eq!(payload["child_id"], "7f0c2a1e-0b7d-4c55-9d2c-3f4b1a2e9c10");
    assert_eq!(letters[1].retry_count, 2);
    assert_eq!(
        letters[2].origin.as_ref().unwrap().topic,
        "conversation.started"
    );
}

#[test]
fn envelope_payloads_as_value_string_or_base64() {
    let r = Recogniser::default();
    let string = r.recognise(&msg(
        "dlq",
        br#"{"original_event": "plain text", "original_topic": "t"}"#,
        &[],
    ));
    assert_eq!(string.payload.as_deref(), Some(&b"plain text"[..]));
    let b64 = r.recognise(&msg(
        "dlq",
        br#"{"original_event_base64": "AAEC", "original_topic": "t", "original_key": "u-1"}"#,
        &[],
    ));
    assert_eq!(b64.payload.as_deref(), Some(&[0u8, 1, 2][..]));
    assert_eq!(b64.key.as_deref(), Some(&b"u-1"[..]));
}

#[test]
fn envelope_field_names_are_configurable() {
    let r = Recogniser {
        fields: EnvelopeFields {
            original_event: "payload".into(),
            original_topic: "source".into(),
            error_message: "reason".into(),
            ..EnvelopeFields::default()
        },
        mappings: vec![],
    };
    let letter = r.recognise(&msg(
        "dlq",
        br#"{"payload": {"a": 1}, "source": "orders", "reason": "boom"}"#,
        &[],
    ));
    assert_eq!(letter.origin.unwrap().topic, "orders");
    assert_eq!(letter.error.as_deref(), Some("boom"));
    assert_eq!(letter.payload.as_deref(), Some(&br#"{"a":1}"#[..]));
}

#[test]
fn spring_headers() {
    let letter = Recogniser::default().recognise(&msg(
        "orders.DLT",
        b"original bytes",
        &[
            ("kafka_dlt-original-topic", b"orders"),
            ("kafka_dlt-original-partition", &3i32.to_be_bytes()),
            ("kafka_dlt-original-offset", &1234i64.to_be_bytes()),
            ("kafka_dlt-exception-message", b"Listener failed"),
            ("traceparent", b"00-abc"),
        ],
    ));
    assert_eq!(letter.shape, Shape::Spring);
    assert_eq!(
        letter.origin,
        Some(Origin {
            topic: "orders".into(),
            partition: Some(3),
            offset: Some(1234)
        })
    );
    assert_eq!(letter.payload.as_deref(), Some(&b"original bytes"[..]));
    assert_eq!(letter.error.as_deref(), Some("Listener failed"));
    assert_eq!(
        letter.headers,
        [Header::text("traceparent", "00-abc")]
            .into_iter()
            .collect::<Headers>(),
        "dead-letter headers dropped"
    );
}

#[test]
fn connect_and_streams_headers() {
    let connect = Recogniser::default().recognise(&msg(
        "dlq-connect",
        b"{}",
        &[
            ("__connect.errors.topic", b"payments"),
            ("__connect.errors.partition", b"1"),
            ("__connect.errors.offset", b"99"),
            ("__connect.errors.exception.message", b"Converter failed"),
        ],
    ));
    assert_eq!(connect.shape, Shape::Connect);
    assert_eq!(
        connect
            .origin
            .as_ref()
            .map(|o| (o.topic.as_str(), o.partition, o.offset)),
        Some(("payments", Some(1), Some(99)))
    );
    let streams = Recogniser::default().recognise(&msg(
        "app-dlq",
        b"{}",
        &[
            ("__streams.errors.topic", b"clicks"),
            ("__streams.errors.message", b"Deserialization failed"),
        ],
    ));
    assert_eq!(streams.shape, Shape::Streams);
    assert_eq!(streams.origin.unwrap().topic, "clicks");
    assert_eq!(streams.error.as_deref(), Some("Deserialization failed"));
}

#[test]
fn topic_names_and_mappings() {
    let r = Recogniser {
        mappings: vec![("task-failures".into(), "task.created".into())],
        ..Recogniser::default()
    };
    for (dlq, origin) in [
        (
            "zamaz-debate.debate-events.dead-letter",
            Some("zamaz-debate.debate-events"),
        ),
        ("orders.DLT", Some("orders")),
        ("task-failures", Some("task.created")),
        ("dlq.failed-events", None),
    ] {
        let letter = r.recognise(&msg(dlq, b"not an envelope", &[]));
        assert_eq!(letter.shape, Shape::TopicName);
        assert_eq!(letter.origin.map(|o| o.topic).as_deref(), origin, "{dlq}");
    }
}

#[test]
fn retry_counts_come_from_the_envelope_or_kops_own_header() {
    let letter = Recogniser::default().recognise(&msg(
        "orders.dead-letter",
        b"payload",
        &[
            ("kop.replay.count", b"2"),
            ("kop.replay.source.topic", b"orders.dead-letter"),
        ],
    ));
    assert_eq!(letter.retry_count, 2);
    assert!(
        letter.headers.is_empty(),
        "provenance is rewritten, not carried"
    );
}
