//! Dead letters: recognising them in any of the shapes teams and frameworks write, and
//! deciding where each goes on replay. Pure: messages in, decisions out.

mod headers;
pub mod ledger;
pub mod replay;
pub mod stats;

use base64::Engine as _;
use serde_json::Value as Json;

use crate::core::record::{Headers, Record};

/// Where a letter came from, as far as it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub topic: String,
    pub partition: Option<i32>,
    pub offset: Option<i64>,
}

/// Which shape the letter had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The teams' JSON envelope.
    Envelope,
    /// Spring Kafka's `kafka_dlt-*` headers.
    Spring,
    /// Kafka Connect's `__connect.errors.*` headers.
    Connect,
    /// Kafka Streams' `__streams.errors.*` headers (KIP-1034).
    Streams,
    /// Only the topic's name (`<topic>.dead-letter`, `<topic>.DLT`, a declared mapping).
    TopicName,
}

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::Envelope => "envelope",
            Shape::Spring => "spring",
            Shape::Connect => "connect",
            Shape::Streams => "streams",
            Shape::TopicName => "topic-name",
        }
    }
}

/// Everything replay and stats need from one dead letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub shape: Shape,
    /// `None`: unroutable.
    pub origin: Option<Origin>,
    /// The original payload (`None` for a tombstone).
    pub payload: Option<Vec<u8>>,
    pub key: Option<Vec<u8>>,
    /// The original headers, without dead-letter headers.
    pub headers: Headers,
    pub error: Option<String>,
    /// Milliseconds since the epoch; the message's own timestamp when the letter says none.
    pub failed_at: Option<i64>,
    pub retry_count: u32,
}

/// The JSON envelope's field names (configurable in `topics.toml`, `[dead_letters]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvelopeFields {
    pub original_event: String,
    /// The payload as base64 bytes, for non-JSON originals.
    pub original_event_base64: String,
    pub original_key: String,
    pub error_message: String,
    pub failed_at: String,
    pub retry_count: String,
    pub original_topic: String,
    pub original_partition: String,
    pub original_offset: String,
}

impl Default for EnvelopeFields {
    fn default() -> Self {
        EnvelopeFields {
            original_event: "original_event".into(),
            original_event_base64: "original_event_base64".into(),
            original_key: "original_key".into(),
            error_message: "error_message".into(),
            failed_at: "failed_at".into(),
            retry_count: "retry_count".into(),
            original_topic: "original_topic".into(),
            original_partition: "original_partition".into(),
            original_offset: "original_offset".into(),
        }
    }
}

/// How to read the letters of one dead-letter topic.
#[derive(Debug, Clone, Default)]
pub struct Recogniser {
    pub fields: EnvelopeFields,
    /// Dead-letter topic → original topic, from `dead_letter` mappings in the file.
    pub mappings: Vec<(String, String)>,
}

impl Recogniser {
    /// Reads one message as a letter: framework headers first (they are explicit), then the
    /// JSON envelope, then the topic's name. A letter with no origin is unroutable.
    pub fn recognise(&self, msg: &Record) -> Letter {
        let retry_from_headers = headers::retry_count(&msg.headers);
        if let Some(mut letter) = headers::framework_letter(msg) {
            letter.retry_count = letter.retry_count.max(retry_from_headers);
            return letter;
        }
        if let Some(mut letter) = self.envelope(msg) {
            letter.retry_count = letter.retry_count.max(retry_from_headers);
            return letter;
        }
        Letter {
            shape: Shape::TopicName,
            origin: self.origin_from_name(&msg.topic).map(|topic| Origin {
                topic,
                partition: None,
                offset: None,
            }),
            payload: msg.value.clone(),
            key: msg.key.clone(),
            headers: headers::carried_over(&msg.headers),
            error: None,
            failed_at: msg.timestamp,
            retry_count: retry_from_headers,
        }
    }

    fn origin_from_name(&self, dlq: &str) -> Option<String> {
        if let Some((_, original)) = self.mappings.iter().find(|(d, _)| d == dlq) {
            return Some(original.clone());
        }
        [".dead-letter", ".DLT", "-dlt", ".dlq"]
            .iter()
            .find_map(|suffix| dlq.strip_suffix(suffix))
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    }

    fn envelope(&self, msg: &Record) -> Option<Letter> {
        let f = &self.fields;
        let json: Json = serde_json::from_slice(msg.value.as_deref()?).ok()?;
        let object = json.as_object()?;
        let has_payload =
            object.contains_key(&f.original_event) || object.contains_key(&f.original_event_base64);
        if !has_payload {
            return None;
        }
        let payload = match (
            object.get(&f.original_event),
            object.get(&f.original_event_base64),
        ) {
            (_, Some(Json::String(b64))) => {
                base64::engine::general_purpose::STANDARD.decode(b64).ok()
            }
            (Some(Json::String(text)), _) => Some(text.as_bytes().to_vec()),
            (Some(Json::Null), _) | (None, _) => None,
            (Some(value), _) => Some(value.to_string().into_bytes()),
        };
        let text = |name: &str| object.get(name).and_then(Json::as_str).map(str::to_string);
        let number = |name: &str| {
            object.get(name).and_then(|v| {
                v.as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            })
        };
        let origin = text(&f.original_topic)
            .filter(|t| !t.is_empty())
            .or_else(|| self.origin_from_name(&msg.topic))
            .map(|topic| Origin {
                topic,
                partition: number(&f.original_partition).and_then(|p| i32::try_from(p).ok()),
                offset: number(&f.original_offset),
            });
        let key = match object.get(&f.original_key) {
            Some(Json::String(k)) => Some(k.as_bytes().to_vec()),
            Some(Json::Null) | None => msg.key.clone(),
            Some(other) => Some(other.to_string().into_bytes()),
        };
        let failed_at = object
            .get(&f.failed_at)
            .and_then(|v| match v {
                Json::String(s) => crate::util::time::parse_rfc3339(s, 1_000),
                Json::Number(n) => n.as_i64(),
                _ => None,
            })
            .or(msg.timestamp);
        Some(Letter {
            shape: Shape::Envelope,
            origin,
            payload,
            key,
            headers: headers::carried_over(&msg.headers),
            error: text(&f.error_message),
            failed_at,
            retry_count: number(&f.retry_count)
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0),
        })
    }
}

/// Letters for unit tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::{Letter, Origin, Shape};
    use crate::core::record::Header;

    /// An envelope letter from `topic` (unroutable without one), with a trace header.
    pub fn letter(topic: Option<&str>, error: &str, failed_at: i64, retries: u32) -> Letter {
        Letter {
            shape: Shape::Envelope,
            origin: topic.map(|t| Origin {
                topic: t.into(),
                partition: None,
                offset: None,
            }),
            payload: Some(b"{}".to_vec()),
            key: None,
            headers: [Header::text("trace", "t1")].into_iter().collect(),
            error: Some(error.into()),
            failed_at: Some(failed_at),
            retry_count: retries,
        }
    }
}

#[cfg(test)]
mod tests;
