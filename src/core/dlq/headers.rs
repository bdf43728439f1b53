//! Dead-letter headers written by Spring Kafka, Kafka Connect and Kafka Streams, and the
//! provenance headers kop adds on replay.

use super::{Letter, Origin, Shape};
use crate::core::record::{Headers, Record};

/// Where a replayed letter came from (topic, partition, offset in the dead-letter queue),
/// and how many times it has been replayed.
pub const PROVENANCE_TOPIC: &str = "kop.replay.source.topic";
pub const PROVENANCE_PARTITION: &str = "kop.replay.source.partition";
pub const PROVENANCE_OFFSET: &str = "kop.replay.source.offset";
pub const PROVENANCE_COUNT: &str = "kop.replay.count";

const SPRING: &str = "kafka_dlt-";
const CONNECT: &str = "__connect.errors.";
const STREAMS: &str = "__streams.errors.";

/// Headers that describe the failure, not the original event: dropped on replay.
pub fn is_dead_letter_header(name: &str) -> bool {
    name.starts_with(SPRING)
        || name.starts_with(CONNECT)
        || name.starts_with(STREAMS)
        || name.starts_with("kop.replay.source.")
}

/// The original headers to carry over (kop's replay count is rewritten on replay).
pub fn carried_over(headers: &Headers) -> Headers {
    headers
        .iter()
        .filter(|h| !is_dead_letter_header(&h.key) && h.key != PROVENANCE_COUNT)
        .cloned()
        .collect()
}

fn header<'a>(headers: &'a Headers, name: &str) -> Option<&'a [u8]> {
    headers.last(name).flatten()
}

fn text(bytes: &[u8]) -> Option<String> {
    std::str::from_utf8(bytes)
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// An integer header: Spring writes big-endian binary, Connect and Streams write text.
fn integer(bytes: &[u8]) -> Option<i64> {
    if let Some(n) = text(bytes).and_then(|t| t.parse().ok()) {
        return Some(n);
    }
    match bytes.len() {
        4 => Some(i64::from(i32::from_be_bytes(bytes.try_into().ok()?))),
        8 => Some(i64::from_be_bytes(bytes.try_into().ok()?)),
        _ => None,
    }
}

/// The highest retry count any header states: kop's own replay count, Spring's retry
/// topic attempts.
pub fn retry_count(headers: &Headers) -> u32 {
    [
        "kop.replay.count",
        "retry_topic-attempts",
        "kafka_dlt-retry-count",
    ]
    .iter()
    .filter_map(|name| header(headers, name).and_then(integer))
    .filter_map(|n| u32::try_from(n).ok())
    .max()
    .unwrap_or(0)
}

struct Names {
    shape: Shape,
    topic: &'static str,
    partition: &'static str,
    offset: &'static str,
    errors: &'static [&'static str],
    timestamp: Option<&'static str>,
}

const FRAMEWORKS: [Names; 3] = [
    Names {
        shape: Shape::Spring,
        topic: "kafka_dlt-original-topic",
        partition: "kafka_dlt-original-partition",
        offset: "kafka_dlt-original-offset",
        errors: &["kafka_dlt-exception-message", "kafka_dlt-exception-fqcn"],
        timestamp: Some("kafka_dlt-original-timestamp"),
    },
    Names {
        shape: Shape::Connect,
        topic: "__connect.errors.topic",
        partition: "__connect.errors.partition",
        offset: "__connect.errors.offset",
        errors: &[
            "__connect.errors.exception.message",
            "__connect.errors.exception.class.name",
        ],
        timestamp: None,
    },
    Names {
        shape: Shape::Streams,
        topic: "__streams.errors.topic",
        partition: "__streams.errors.partition",
        offset: "__streams.errors.offset",
        errors: &["__streams.errors.message", "__streams.errors.exception"],
        timestamp: None,
    },
];

/// A letter described by framework headers; the value is the original payload.
pub fn framework_letter(msg: &Record) -> Option<Letter> {
    let names = FRAMEWORKS
        .iter()
        .find(|n| header(&msg.headers, n.topic).is_some())?;
    let topic = header(&msg.headers, names.topic).and_then(text)?;
    let error = names
        .errors
        .iter()
        .find_map(|e| header(&msg.headers, e).and_then(text));
    Some(Letter {
        shape: names.shape,
        origin: Some(Origin {
            topic,
            partition: header(&msg.headers, names.partition)
                .and_then(integer)
                .and_then(|p| i32::try_from(p).ok()),
            offset: header(&msg.headers, names.offset).and_then(integer),
        }),
        payload: msg.value.clone(),
        key: msg.key.clone(),
        headers: carried_over(&msg.headers),
        error,
        // The failure happened when the letter was written; Spring also records when the
        // original was.
        failed_at: msg.timestamp.or_else(|| {
            names
                .timestamp
                .and_then(|t| header(&msg.headers, t))
                .and_then(integer)
        }),
        retry_count: 0,
    })
}
