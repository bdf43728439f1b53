//! `kop tail` records: a coloured header line and the value for people; one JSON object
//! per record for programs.
//!
//! JSON shape (stable): `{"topic", "partition", "offset", "timestamp": ms|null, "key",
//! "key_encoding", "headers": [{"key", "value"}], "value", "schema_id": int|null,
//! "value_encoding"}`; each encoding is `"avro"|"json"|"text"|"base64"`, or `null` when
//! there is no key or (a tombstone) no value. `key` and `value` are JSON values: Avro and
//! JSON payloads as themselves, text as a string exactly as sent, anything else base64.

use serde::Serialize;
use serde_json::Value as Json;

use crate::core::codec::Decoded;
use crate::core::tail::TailRecord;
use crate::output::style::{paint, Tone};
use crate::output::table::{escape_controls, escape_controls_but_lines};
use crate::output::{Format, Output};
use crate::util::time::format_rfc3339;

#[derive(Serialize)]
struct RecordJson<'a> {
    topic: &'a str,
    partition: i32,
    offset: i64,
    timestamp: Option<i64>,
    key: Option<&'a Json>,
    key_encoding: Option<&'static str>,
    headers: Vec<HeaderJson<'a>>,
    value: Option<&'a Json>,
    schema_id: Option<u32>,
    value_encoding: Option<&'static str>,
}

#[derive(Serialize)]
struct HeaderJson<'a> {
    key: &'a str,
    value: Option<&'a str>,
}

fn to_json(r: &TailRecord) -> RecordJson<'_> {
    RecordJson {
        topic: &r.topic,
        partition: r.partition,
        offset: r.offset,
        timestamp: r.timestamp,
        key: r.key.as_ref().map(|k| &k.value),
        key_encoding: r.key.as_ref().map(|k| k.encoding),
        headers: r
            .headers
            .iter()
            .map(|(key, value)| HeaderJson {
                key,
                value: value.as_deref(),
            })
            .collect(),
        value: r.value.as_ref().map(|v| &v.value),
        schema_id: r.value.as_ref().and_then(|v| v.schema_id),
        value_encoding: r.value.as_ref().map(|v| v.encoding),
    }
}

pub(crate) fn render(out: &mut Output, record: &TailRecord) -> std::io::Result<()> {
    match out.format {
        Format::Ndjson => out.ndjson(&to_json(record)),
        Format::Json => out.json(&to_json(record)),
        _ => pretty(out, record),
    }
}

/// A decoded key or value as people read it; control characters that could steer the
/// terminal (a carriage return hiding a line, an escape sequence) are shown escaped.
fn text(decoded: &Decoded) -> String {
    match &decoded.value {
        Json::String(s) => escape_controls_but_lines(s),
        other => serde_json::to_string_pretty(other).unwrap_or_default(),
    }
}

fn pretty(out: &mut Output, r: &TailRecord) -> std::io::Result<()> {
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
            paint(out.color, Tone::Strong, &escape_controls(&text(key)))
        ));
    }
    for (k, v) in &r.headers {
        header.push_str(&paint(
            out.color,
            Tone::Dim,
            &escape_controls(&format!("  {k}={}", v.as_deref().unwrap_or("null"))),
        ));
    }
    out.line(&header)?;
    match &r.value {
        Some(v) => out.line(&text(v)),
        None => out.line(&paint(out.color, Tone::Dim, "(tombstone: no value)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> TailRecord {
        TailRecord {
            topic: "task.created".into(),
            partition: 2,
            offset: 41,
            timestamp: Some(1_736_845_923_250),
            key: Some(Decoded {
                value: Json::String("user-7".into()),
                schema_id: None,
                encoding: "text",
            }),
            headers: vec![("source".into(), Some("app".into())), ("flag".into(), None)],
            value: Some(Decoded {
                value: serde_json::json!({"taskId": "t-1"}),
                schema_id: Some(3),
                encoding: "avro",
            }),
        }
    }

    #[test]
    fn people_see_place_time_key_headers_and_value() {
        let (mut out, captured) = Output::buffered(Format::Table);
        render(&mut out, &record()).unwrap();
        let text = captured.stdout();
        assert!(text.starts_with(
            "task.created/2 @41  2025-01-14T09:12:03.250Z  key=user-7  source=app  flag=null\n"
        ));
        assert!(text.contains("\"taskId\": \"t-1\""));
    }

    #[test]
    fn programs_get_one_object_per_line() {
        let (mut out, captured) = Output::buffered(Format::Ndjson);
        render(&mut out, &record()).unwrap();
        let json: serde_json::Value = serde_json::from_str(captured.stdout().trim()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "topic": "task.created",
                "partition": 2,
                "offset": 41,
                "timestamp": 1_736_845_923_250_i64,
                "key": "user-7",
                "key_encoding": "text",
                "headers": [{"key": "source", "value": "app"}, {"key": "flag", "value": null}],
                "value": {"taskId": "t-1"},
                "schema_id": 3,
                "value_encoding": "avro"
            })
        );
    }
}
