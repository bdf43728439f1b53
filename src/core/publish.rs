//! Turning lines of input into events: validation, encoding in the wire format (Avro,
//! JSON Schema, Protobuf), keys from fields. Pure: schemas arrive already fetched.

use serde_json::Value as Json;

use crate::core::codec::{wire, Writer};
use crate::core::json_field::{self, PlainField};
use crate::core::record::{Headers, NewRecord};
use crate::util::units::humane_size;

/// What became of every event a publish took in, each counted once: `acknowledged +
/// not_sent + failed + in_doubt + rolled_back` is the total, and what is on the topic lies
/// between `acknowledged` and `acknowledged + in_doubt`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deliveries {
    /// Written and acknowledged by the broker.
    pub acknowledged: u64,
    /// Never handed to the broker (stopped, purged before sending): safe to send again.
    pub not_sent: u64,
    /// Sent and refused, certainly not written: safe to send again.
    pub failed: u64,
    /// Sent but unanswered (a link that paused or dropped): possibly written.
    pub in_doubt: u64,
    /// Sent in a transaction that was rolled back: invisible to read_committed readers,
    /// safe to send again.
    pub rolled_back: u64,
    pub bytes: u64,
    pub per_partition: std::collections::BTreeMap<i32, u64>,
    /// The first delivery error, in words.
    pub first_error: Option<String>,
}

impl Deliveries {
    /// `9000 of 10000 event(s) acknowledged (500 in doubt, ...)`, or `N event(s)
    /// published` when all were.
    pub fn accounting(&self) -> String {
        if self.complete() {
            return format!("{} event(s) published", self.acknowledged);
        }
        let mut parts = Vec::new();
        for (n, what) in [
            (self.in_doubt, "in doubt"),
            (self.failed, "failed"),
            (self.rolled_back, "rolled back"),
            (self.not_sent, "not sent"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        }
        format!(
            "{} of {} event(s) acknowledged ({})",
            self.acknowledged,
            self.total(),
            parts.join(", ")
        )
    }

    pub fn total(&self) -> u64 {
        self.acknowledged + self.not_sent + self.failed + self.in_doubt + self.rolled_back
    }

    /// Every event acknowledged.
    pub fn complete(&self) -> bool {
        self.not_sent + self.failed + self.in_doubt + self.rolled_back == 0
    }

    /// A transaction rolled back: nothing sent is visible, so nothing is in doubt, and
    /// what the broker had taken is rolled back (what it refused stays failed).
    pub fn rolled_back(mut self) -> Deliveries {
        self.rolled_back += self.acknowledged + self.in_doubt;
        self.acknowledged = 0;
        self.in_doubt = 0;
        self.per_partition.clear();
        self.bytes = 0;
        self
    }
}

/// What a publish did, for its summary.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishSummary {
    pub topic: String,
    pub deliveries: Deliveries,
    pub seconds: f64,
    pub transactional: bool,
    /// Stopped by Ctrl-C.
    pub interrupted: bool,
    /// Why the publish did not end well (the input, the cluster), in one line.
    pub error: Option<String>,
}

/// How a key or value is turned into bytes.
#[derive(Debug, Clone)]
pub enum Encoding {
    /// Validated JSON, sent as written.
    Json,
    /// Bytes as given.
    Raw,
    /// The Confluent wire format with this schema id.
    Wire { id: u32, writer: Writer },
}

impl Encoding {
    fn needs_parse(&self) -> bool {
        matches!(self, Encoding::Wire { writer, .. } if writer.needs_json())
    }

    /// Encodes text (a value or a key) that may already be parsed. With `check_only`, a
    /// schema's check runs but nothing is written (the result is empty).
    fn encode(
        &self,
        text: &str,
        parsed: Option<&Json>,
        check_only: bool,
    ) -> Result<Vec<u8>, String> {
        match self {
            Encoding::Raw => Ok(text.as_bytes().to_vec()),
            Encoding::Json => {
                if parsed.is_none() {
                    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|e| {
                        format!("not JSON: {}", crate::util::json_words::in_one_line(&e))
                    })?;
                }
                Ok(text.trim().as_bytes().to_vec())
            }
            Encoding::Wire { id, writer } if parsed.is_none() && !writer.needs_json() => {
                if check_only {
                    writer.write_text(text, None)?;
                    return Ok(Vec::new());
                }
                let mut framed = Vec::with_capacity(text.len() + 8);
                framed.extend_from_slice(&wire::header(*id));
                writer.write_text(text, Some(&mut framed))?;
                Ok(framed)
            }
            Encoding::Wire { id, writer } => {
                // `text` is the JSON text of `parsed` when both are given.
                let owned;
                let json = match parsed {
                    Some(j) => j,
                    None => {
                        owned = serde_json::from_str::<Json>(text).map_err(|e| {
                            format!("not JSON: {}", crate::util::json_words::in_one_line(&e))
                        })?;
                        &owned
                    }
                };
                if check_only {
                    writer.check(json)?;
                    return Ok(Vec::new());
                }
                let mut framed = Vec::with_capacity(text.len() + 8);
                framed.extend_from_slice(&wire::header(*id));
                writer.write(text, json, &mut framed)?;
                Ok(framed)
            }
        }
    }
}

/// Where each event's key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    None,
    /// The same key for every event.
    Fixed(String),
    /// A field of each (JSON) event, as a dotted path.
    Field(Vec<String>),
    /// Each line is KEY<SEP>VALUE.
    Separator(String),
}

impl KeySource {
    pub fn field(path: &str) -> KeySource {
        KeySource::Field(path.split('.').map(str::to_string).collect())
    }
}

/// Everything but the value, shared by every event of a run.
#[derive(Debug, Clone)]
pub struct Template {
    pub value: Encoding,
    pub key: KeySource,
    pub key_encoding: Encoding,
    pub headers: Headers,
    pub partition: Option<i32>,
    pub timestamp: Option<i64>,
    /// The largest record the producer and the topic take, when known.
    pub limit: Option<RecordLimit>,
}

/// The largest record that can be published, and whose limit it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordLimit {
    pub bytes: usize,
    /// `the producer's message.max.bytes`, `the topic's max.message.bytes`.
    pub whose: String,
}

/// librdkafka's default `message.max.bytes`.
const PRODUCER_DEFAULT_MAX: usize = 1_000_000;

/// The limit a record must fit: the producer's `message.max.bytes` (a `-X` value or
/// librdkafka's default), and the topic's `max.message.bytes` when the cluster reports
/// it, unless the producer compresses (the broker then measures compressed batches).
pub fn record_limit(
    producer_max: Option<&str>,
    compression: Option<&str>,
    topic_max: Option<&str>,
) -> RecordLimit {
    let producer = RecordLimit {
        bytes: producer_max
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(PRODUCER_DEFAULT_MAX),
        whose: "producer's message.max.bytes".into(),
    };
    let compressed = compression.is_some_and(|c| !matches!(c.trim(), "none" | ""));
    let topic = topic_max
        .and_then(|v| v.trim().parse().ok())
        .filter(|_| !compressed)
        .map(|bytes| RecordLimit {
            bytes,
            whose: "topic's max.message.bytes".into(),
        });
    match topic {
        Some(topic) if topic.bytes < producer.bytes => topic,
        _ => producer,
    }
}

impl Template {
    /// One event from one input (a line, or the --value). The error says what is wrong;
    /// the caller adds the line number.
    pub fn event(&self, text: &str) -> Result<NewRecord, String> {
        self.build(text, false)
    }

    /// Everything `event` checks, without encoding (for validating a whole file first).
    pub fn check(&self, text: &str) -> Result<(), String> {
        self.build(text, true).map(|_| ())
    }

    /// One event whose value is these bytes as they are (`--value-file` with raw).
    pub fn raw_event(&self, value: Vec<u8>) -> Result<NewRecord, String> {
        let key = match &self.key {
            KeySource::Fixed(k) => Some(self.key_encoding.encode(k, None, false)?),
            _ => None,
        };
        let len = value.len();
        self.finish(key, value, len)
    }

    /// A tombstone: the key, and no value.
    pub fn tombstone(&self) -> Result<NewRecord, String> {
        let mut record = self.raw_event(Vec::new())?;
        record.value = None;
        Ok(record)
    }

    fn build(&self, text: &str, check_only: bool) -> Result<NewRecord, String> {
        if let KeySource::Separator(sep) = &self.key {
            let (key, value) = text.split_once(sep.as_str()).ok_or_else(|| {
                format!("no `{}` between a key and a value", sep.escape_default())
            })?;
            let key = self
                .key_encoding
                .encode(key, None, check_only)
                .map_err(|e| format!("key: {e}"))?;
            return self.build_value(value, None, false, Some(key), check_only);
        }
        // A tree is built only when the value's encoding needs one; a key field alone is
        // taken out of the text otherwise (the whole text is checked on the way).
        let parsed: Option<Json> =
            if self.value.needs_parse() {
                Some(serde_json::from_str(text).map_err(|e| {
                    format!("not JSON: {}", crate::util::json_words::in_one_line(&e))
                })?)
            } else {
                None
            };
        let validated = parsed.is_some() || matches!(self.key, KeySource::Field(_));
        let key = match &self.key {
            KeySource::None | KeySource::Separator(_) => None,
            KeySource::Fixed(k) => Some(
                self.key_encoding
                    .encode(k, None, check_only)
                    .map_err(|e| format!("key: {e}"))?,
            ),
            KeySource::Field(path) => {
                let taken;
                // A number key found by the scan is its text as written.
                let mut written = None;
                let found = match &parsed {
                    Some(tree) => lookup(tree, path),
                    None => {
                        // A plain scan finds the usual key (a string without escapes, a
                        // number) and checks the text; serde_json decides everything else.
                        taken = match json_field::plain_field(text, path) {
                            Some(PlainField::Text(key)) => Some(Json::String(key.to_string())),
                            Some(PlainField::Number(raw)) => {
                                written = Some(raw);
                                // Wire-format keys encode the number; 1e400 has none.
                                Some(serde_json::from_str(raw).unwrap_or(Json::Null))
                            }
                            None => json_field::field(text, path).map_err(|e| {
                                format!("not JSON: {}", crate::util::json_words::in_one_line(&e))
                            })?,
                        };
                        taken.as_ref()
                    }
                };
                let json =
                    found.ok_or_else(|| format!("no field `{}` for the key", path.join(".")))?;
                if json.is_null() && written.is_none() {
                    return Err(format!(
                        "field `{}` is null: there is no key to take from it",
                        path.join(".")
                    ));
                }
                // In the wire format a key is its JSON; otherwise a string is its text, and
                // a number as it was written.
                let text = match (json, written, &self.key_encoding) {
                    (_, _, Encoding::Wire { .. }) => json.to_string(),
                    (_, Some(raw), _) => raw.to_string(),
                    (Json::String(s), None, _) => s.clone(),
                    (other, None, _) => other.to_string(),
                };
                Some(
                    self.key_encoding
                        .encode(&text, Some(json), check_only)
                        .map_err(|e| format!("key: {e}"))?,
                )
            }
        };
        self.build_value(text, parsed.as_ref(), validated, key, check_only)
    }

    /// `validated`: the text is already known to be JSON.
    fn build_value(
        &self,
        text: &str,
        parsed: Option<&Json>,
        validated: bool,
        key: Option<Vec<u8>>,
        check_only: bool,
    ) -> Result<NewRecord, String> {
        let mut value = match (&self.value, validated, check_only) {
            // JSON is sent as written: a check only needs to know it is JSON, and its size
            // is measured below from the text (encoded to be sure when near the limit).
            (Encoding::Json, true, true) => Vec::new(),
            (Encoding::Json, true, false) => text.trim().as_bytes().to_vec(),
            (Encoding::Json, false, true) => {
                serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|e| {
                    format!("not JSON: {}", crate::util::json_words::in_one_line(&e))
                })?;
                Vec::new()
            }
            _ => self.value.encode(text, parsed, check_only)?,
        };
        // A check that skipped encoding (Avro) measures the text, never smaller than its
        // encoding; only a record that might be too large is encoded to be sure.
        let skipped = check_only && value.is_empty() && !text.is_empty();
        if skipped && self.over_limit(key.as_deref(), text.len()).is_some() {
            value = self.value.encode(text, parsed, false)?;
        }
        let size = match check_only && value.is_empty() {
            true => text.len(),
            false => value.len(),
        };
        if check_only {
            // Nothing is sent: the size is all a check needs.
            return match self.over_limit(key.as_deref(), size) {
                Some(too_big) => Err(too_big),
                None => Ok(NewRecord::default()),
            };
        }
        self.finish(key, value, size)
    }

    /// Checks the record's size (`value_len` for its value) and assembles it.
    fn finish(
        &self,
        key: Option<Vec<u8>>,
        value: Vec<u8>,
        value_len: usize,
    ) -> Result<NewRecord, String> {
        if let Some(too_big) = self.over_limit(key.as_deref(), value_len) {
            return Err(too_big);
        }
        Ok(NewRecord {
            key,
            value: Some(value),
            headers: self.headers.clone(),
            partition: self.partition,
            timestamp: self.timestamp,
        })
    }

    /// Why a record with this key and a value of this length is too large, if it is.
    fn over_limit(&self, key: Option<&[u8]>, value_len: usize) -> Option<String> {
        let limit = self.limit.as_ref()?;
        let headers: usize = self
            .headers
            .iter()
            .map(|h| h.key.len() + h.value.as_ref().map_or(0, Vec::len))
            .sum();
        let size = key.map_or(0, <[u8]>::len) + value_len + headers;
        (size > limit.bytes).then(|| {
            format!(
                "the event is {} (key, value and headers), over the {} of {}",
                humane_size(size as u64),
                limit.whose,
                humane_size(limit.bytes as u64)
            )
        })
    }
}

fn lookup<'a>(json: &'a Json, path: &[String]) -> Option<&'a Json> {
    path.iter()
        .try_fold(json, |node, part| node.get(part.as_str()))
        .filter(|v| !v.is_null())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::core::codec::{AvroSchema, Schema};
    use crate::core::record::Header;
    use crate::core::schemas::SchemaType;

    fn wire(id: u32, schema: Schema, message: Option<&str>) -> Encoding {
        Encoding::Wire {
            id,
            writer: Writer::new(Arc::new(schema), message).unwrap(),
        }
    }

    fn template(value: Encoding, key: KeySource) -> Template {
        Template {
            value,
            key,
            key_encoding: Encoding::Raw,
            headers: [Header::text("source", "kop")].into_iter().collect(),
            partition: None,
            timestamp: None,
            limit: None,
        }
    }

    #[test]
    fn json_events_are_validated_and_sent_as_written() {
        let t = template(Encoding::Json, KeySource::None);
        let e = t.event(r#"{"a": 1}"#).unwrap();
        assert_eq!(e.value.as_deref(), Some(&br#"{"a": 1}"#[..]));
        assert_eq!(e.headers.last_text("source"), Some("kop"));
        assert!(t.event("{oops").unwrap_err().starts_with("not JSON"));
    }

    #[test]
    fn keys_from_fields_and_fixed() {
        let t = template(Encoding::Json, KeySource::field("user.id"));
        let e = t.event(r#"{"user": {"id": "u-7"}, "n": 1}"#).unwrap();
        assert_eq!(e.key.as_deref(), Some(&b"u-7"[..]));
        let e = template(Encoding::Json, KeySource::field("n"))
            .event(r#"{"n": 12}"#)
            .unwrap();
        assert_eq!(e.key.as_deref(), Some(&b"12"[..]));
        let err = t.event(r#"{"user": {}}"#).unwrap_err();
        assert_eq!(err, "no field `user.id` for the key");
        let e = template(Encoding::Raw, KeySource::Fixed("k".into()))
            .event("raw bytes")
            .unwrap();
        assert_eq!(
            (e.key.as_deref(), e.value.as_deref()),
            (Some(&b"k"[..]), Some(&b"raw bytes"[..]))
        );
    }

    #[test]
    fn avro_events_are_framed_with_the_schema_id() {
        let schema = AvroSchema::parse(r#"{"type":"record","name":"R","fields":[{"name":"p","type":{"type":"enum","name":"P","symbols":["LOW","HIGH"]}}]}"#).unwrap();
        let t = template(wire(42, Schema::Avro(schema), None), KeySource::None);
        let e = t.event(r#"{"p": "HIGH"}"#).unwrap();
        assert_eq!(e.value.as_deref(), Some(&[0, 0, 0, 0, 42, 2][..]));
        let err = t.event(r#"{"p": "URGENT"}"#).unwrap_err();
        assert_eq!(
            err,
            "field `p`: expected one of LOW, HIGH (enum P), found \"URGENT\""
        );
    }

    #[test]
    fn json_schema_events_are_checked_and_sent_as_written_after_the_header() {
        let schema = Schema::compile(
            SchemaType::Json,
            "",
            r#"{"type": "object", "properties": {"age": {"type": "integer"}}, "required": ["age"]}"#,
            &[],
        )
        .unwrap();
        let key = Schema::compile(SchemaType::Json, "", r#"{"type": "string"}"#, &[]).unwrap();
        let mut t = template(wire(7, schema, None), KeySource::field("child_id"));
        t.key_encoding = wire(8, key, None);
        let e = t.event(r#"{"age": 7, "child_id": "c1"}"#).unwrap();
        let mut expected = wire::header(7).to_vec();
        expected.extend_from_slice(br#"{"age": 7, "child_id": "c1"}"#);
        assert_eq!(e.value.as_deref(), Some(&expected[..]));
        let mut key = wire::header(8).to_vec();
        key.extend_from_slice(br#""c1""#);
        assert_eq!(
            e.key.as_deref(),
            Some(&key[..]),
            "a JSON Schema key is JSON"
        );
        let err = t.check(r#"{"age": 7, "child_id": 5}"#).unwrap_err();
        assert!(err.starts_with("key: field /: 5 is not of type"), "{err}");
        let err = t.check(r#"{"age": "7", "child_id": "c1"}"#).unwrap_err();
        assert_eq!(
            err,
            "field /age: \"7\" is not of type \"integer\" (rule `type`)"
        );
    }

    #[test]
    fn protobuf_events_carry_the_message_index_and_errors_name_the_field() {
        let schema = Schema::compile(
            SchemaType::Protobuf,
            "child.proto",
            "syntax = \"proto3\";\nmessage Child { string child_id = 1; int32 age = 2; }\nmessage Other { string x = 1; }",
            &[],
        )
        .unwrap();
        let t = template(wire(9, schema, Some("Other")), KeySource::None);
        let e = t.event(r#"{"x": "y"}"#).unwrap();
        assert_eq!(
            e.value.as_deref(),
            Some(&[0, 0, 0, 0, 9, 2, 2, 10, 1, b'y'][..])
        );
        assert_eq!(
            t.check(r#"{"x": "y", "z": 1}"#).unwrap_err(),
            "field `z`: not a field of message Other"
        );
    }

    #[test]
    fn a_record_over_the_limit_is_refused_before_sending_naming_whose_limit() {
        let mut t = template(Encoding::Json, KeySource::Fixed("user-1".into()));
        t.limit = Some(RecordLimit {
            bytes: 1_000,
            whose: "topic's max.message.bytes".into(),
        });
        let small = format!("{{\"pad\": \"{}\"}}", "x".repeat(900));
        assert!(t.check(&small).is_ok());
        assert!(t.event(&small).is_ok());
        let big = format!("{{\"pad\": \"{}\"}}", "x".repeat(2_000));
        let err = t.check(&big).unwrap_err();
        assert!(
            err.contains("over the topic's max.message.bytes of 1000 B"),
            "{err}"
        );
        assert!(t.event(&big).is_err());
    }

    #[test]
    fn avro_records_are_measured_encoded_when_the_text_is_over_the_limit() {
        let schema = AvroSchema::parse(
            r#"{"type":"record","name":"R","fields":[{"name":"n","type":"long"}]}"#,
        )
        .unwrap();
        let mut t = template(wire(1, Schema::Avro(schema), None), KeySource::None);
        // The JSON text is 30 bytes; its Avro encoding 6, plus the 10-byte header.
        t.limit = Some(RecordLimit {
            bytes: 25,
            whose: "producer's message.max.bytes".into(),
        });
        assert!(t.check(r#"{"n":          1              }"#).is_ok());
    }

    #[test]
    fn the_smaller_of_the_producers_and_the_topics_limit_applies() {
        let limit = record_limit(None, None, Some("500000"));
        assert_eq!(limit.bytes, 500_000);
        assert!(limit.whose.starts_with("topic"));
        assert_eq!(record_limit(None, None, Some("2000000")).bytes, 1_000_000);
        assert_eq!(record_limit(Some("200"), None, None).bytes, 200);
        let compressed = record_limit(None, Some("zstd"), Some("500000"));
        assert_eq!(
            compressed.bytes, 1_000_000,
            "the broker measures compressed batches"
        );
    }
}
