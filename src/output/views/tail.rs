//! `kop tail` records: a coloured header line and the value for people; one JSON object
//! per record for programs.
//!
//! JSON shape (stable): `{"topic", "partition", "offset", "timestamp": ms|null, "key",
//! "headers": [{"key", "value"}], "value", "schema_id": int|null, "value_encoding":
//! "avro"|"json"|"text"|"base64"|null}`. `key` and `value` are JSON values (Avro and JSON
//! payloads as themselves, text as a string, anything else base64); `value` is `null` for a
//! tombstone.

use serde_json::{json, Value as Json};

use crate::codec::logical::format_rfc3339;
use crate::codec::Decoded;
use crate::output::style::{paint, Tone};
use crate::output::{Format, Output};

pub struct RecordView {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: Option<i64>,
    pub key: Option<Decoded>,
    /// Header values as text when UTF-8, else base64.
    pub headers: Vec<(String, Option<String>)>,
    pub value: Option<Decoded>,
}

impl RecordView {
    pub fn to_json(&self) -> Json {
        json!({
            "topic": self.topic,
            "partition": self.partition,
            "offset": self.offset,
            "timestamp": self.timestamp,
            "key": self.key.as_ref().map(|k| &k.value),
            "headers": self.headers.iter().map(|(k, v)| json!({"key": k, "value": v})).collect::<Vec<_>>(),
            "value": self.value.as_ref().map(|v| &v.value),
            "schema_id": self.value.as_ref().and_then(|v| v.schema_id),
            "value_encoding": self.value.as_ref().map(|v| v.encoding),
        })
    }
}

pub fn render(out: &mut Output, record: &RecordView) -> std::io::Result<()> {
    match out.format {
        Format::Ndjson => out.ndjson(&record.to_json()),
        Format::Json => out.json(&record.to_json()),
        _ => pretty(out, record),
    }
}

fn text(decoded: &Decoded) -> String {
    match &decoded.value {
        Json::String(s) => s.clone(),
        other => serde_json::to_string_pretty(other).unwrap_or_default(),
    }
}

fn pretty(out: &mut Output, r: &RecordView) -> std::io::Result<()> {
    let time = r
        .timestamp
        .map(|t| format_rfc3339(t, 1_000))
        .unwrap_or_else(|| "-".into());
    let place = paint(
        out.color,
        Tone::Hint,
        &format!("{}/{} @{}", r.topic, r.partition, r.offset),
    );
    let mut header = format!("{place}  {}", paint(out.color, Tone::Dim, &time));
    if let Some(key) = &r.key {
        header.push_str(&format!(
            "  key={}",
            paint(out.color, Tone::Strong, &text(key))
        ));
    }
    for (k, v) in &r.headers {
        header.push_str(&paint(
            out.color,
            Tone::Dim,
            &format!("  {k}={}", v.as_deref().unwrap_or("null")),
        ));
    }
    out.line(&header)?;
    match &r.value {
        Some(v) => out.line(&text(v)),
        None => out.line(&paint(out.color, Tone::Dim, "(tombstone: no value)")),
    }
}
