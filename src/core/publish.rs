//! Turning lines of input into events: validation, Avro encoding, keys from fields. Pure:
//! schemas arrive already fetched.

use std::sync::Arc;

use serde_json::Value as Json;

use crate::core::codec::{wire, AvroSchema};
use crate::core::record::{Headers, NewRecord};

/// What the broker acknowledged so far, counted by the producer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deliveries {
    pub acknowledged: u64,
    pub failed: u64,
    pub bytes: u64,
    pub per_partition: std::collections::BTreeMap<i32, u64>,
    /// The first delivery error, in words.
    pub first_error: Option<String>,
}

/// What a publish did, for its summary.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishSummary {
    pub topic: String,
    pub deliveries: Deliveries,
    pub seconds: f64,
    pub transactional: bool,
}

/// How a key or value is turned into bytes.
#[derive(Debug, Clone)]
pub enum Encoding {
    /// Validated JSON, sent as written.
    Json,
    /// Bytes as given.
    Raw,
    /// Avro in the Confluent wire format.
    Avro { id: u32, schema: Arc<AvroSchema> },
}

impl Encoding {
    fn needs_parse(&self) -> bool {
        matches!(self, Encoding::Avro { .. })
    }

    /// Encodes text (a value or a key) that may already be parsed. With `check_only`,
    /// Avro is checked against the schema but not written (the result is empty).
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
                    serde_json::from_str::<serde::de::IgnoredAny>(text)
                        .map_err(|e| format!("not JSON: {e}"))?;
                }
                Ok(text.trim().as_bytes().to_vec())
            }
            Encoding::Avro { id, schema } => {
                let owned;
                let json = match parsed {
                    Some(j) => j,
                    None => {
                        owned = serde_json::from_str::<Json>(text)
                            .map_err(|e| format!("not JSON: {e}"))?;
                        &owned
                    }
                };
                if check_only {
                    schema.check(json).map_err(|e| e.to_string())?;
                    return Ok(Vec::new());
                }
                let mut framed = Vec::with_capacity(text.len());
                framed.extend_from_slice(&wire::header(*id));
                schema
                    .encode_into(json, &mut framed)
                    .map_err(|e| e.to_string())?;
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

    fn build(&self, text: &str, check_only: bool) -> Result<NewRecord, String> {
        let needs_json = self.value.needs_parse() || matches!(self.key, KeySource::Field(_));
        let parsed: Option<Json> = if needs_json {
            Some(serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?)
        } else {
            None
        };
        let key = match &self.key {
            KeySource::None => None,
            KeySource::Fixed(k) => Some(
                self.key_encoding
                    .encode(k, None, check_only)
                    .map_err(|e| format!("key: {e}"))?,
            ),
            KeySource::Field(path) => {
                let json = parsed
                    .as_ref()
                    .and_then(|j| lookup(j, path))
                    .ok_or_else(|| format!("no field `{}` for the key", path.join(".")))?;
                let text = match json {
                    Json::String(s) => s.clone(),
                    other => other.to_string(),
                };
                Some(
                    self.key_encoding
                        .encode(&text, Some(json), check_only)
                        .map_err(|e| format!("key: {e}"))?,
                )
            }
        };
        let value = self.value.encode(text, parsed.as_ref(), check_only)?;
        Ok(NewRecord {
            key,
            value: Some(value),
            headers: self.headers.clone(),
            partition: self.partition,
            timestamp: self.timestamp,
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
    use super::*;
    use crate::core::record::Header;

    fn template(value: Encoding, key: KeySource) -> Template {
        Template {
            value,
            key,
            key_encoding: Encoding::Raw,
            headers: [Header::text("source", "kop")].into_iter().collect(),
            partition: None,
            timestamp: None,
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
        let t = template(
            Encoding::Avro {
                id: 42,
                schema: Arc::new(schema),
            },
            KeySource::None,
        );
        let e = t.event(r#"{"p": "HIGH"}"#).unwrap();
        assert_eq!(e.value.as_deref(), Some(&[0, 0, 0, 0, 42, 2][..]));
        let err = t.event(r#"{"p": "URGENT"}"#).unwrap_err();
        assert_eq!(
            err,
            "field `p`: expected one of LOW, HIGH (enum P), found \"URGENT\""
        );
    }
}
