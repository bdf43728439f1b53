//! `kop tail` records: a coloured header line and the value for people; one JSON object
//! per record for programs.
//!
//! JSON shape (stable): `{"topic", "partition", "offset", "timestamp": ms|null,
//! "timestamp_type": "create"|"log_append"|null, "key", "key_encoding", "headers": [{"key",
//! "value", "encoding": "text"|"base64"|null}], "value", "schema_id": int|null,
//! "value_encoding"}`; each payload encoding is `"avro"|"json"|"text"|"base64"`, or `null`
//! when there is no key or (a tombstone) no value. `key` and `value` are JSON values: Avro
//! and JSON payloads as themselves, text as a string exactly as sent, anything else
//! base64. `schema_id` is the id in the payload's Confluent wire-format header (Avro
//! decoded, or the raw bytes of `--format raw`). With `--dump` (keys and values read raw)
//! every field is exact: docs/events.md describes the dump format field by field.

use std::borrow::Cow;
use std::io::Write as _;

use serde::Serialize;
use serde_json::Value as Json;

use crate::core::record::TimestampType;
use crate::core::tail::{Shown, TailRecord};
use crate::output::style::{paint, Tone};
use crate::output::table::{
    escape_bidi_in_json, escape_controls, escape_controls_but_lines, is_bidi_control,
};
use crate::output::{Format, Output};
use crate::util::time::format_rfc3339;

#[derive(Serialize)]
struct RecordJson<'a> {
    topic: &'a str,
    partition: i32,
    offset: i64,
    timestamp: Option<i64>,
    timestamp_type: Option<&'static str>,
    key: Option<&'a Json>,
    key_encoding: Option<&'static str>,
    headers: Vec<HeaderJson<'a>>,
    value: Option<Cow<'a, Json>>,
    schema_id: Option<u32>,
    value_encoding: Option<&'static str>,
}

#[derive(Serialize)]
struct HeaderJson<'a> {
    key: &'a str,
    value: Option<&'a str>,
    encoding: Option<&'static str>,
}

/// Kafka's two timestamp types, as the dump names them.
pub(crate) fn timestamp_type_name(t: TimestampType) -> &'static str {
    match t {
        TimestampType::Create => "create",
        TimestampType::LogAppend => "log_append",
    }
}

fn to_json(r: &TailRecord) -> RecordJson<'_> {
    RecordJson {
        topic: &r.topic,
        partition: r.partition,
        offset: r.offset,
        timestamp: r.timestamp,
        timestamp_type: r.timestamp.map(|_| timestamp_type_name(r.timestamp_type)),
        key: r.key.as_ref().map(|k| &k.value),
        key_encoding: r.key.as_ref().map(|k| k.encoding),
        headers: r
            .headers
            .iter()
            .map(|h| HeaderJson {
                key: &h.key,
                value: h.value.as_deref(),
                encoding: h.encoding,
            })
            .collect(),
        value: r.value.as_ref().map(Shown::value),
        schema_id: r.value.as_ref().and_then(Shown::schema_id),
        value_encoding: r.value.as_ref().map(Shown::encoding),
    }
}

/// The NDJSON line of a record, byte for byte what serializing [`RecordJson`] prints,
/// written into a reused buffer and with compact JSON values copied as they are.
fn write_ndjson(buf: &mut Vec<u8>, r: &TailRecord) -> std::io::Result<()> {
    fn json<T: Serialize + ?Sized>(buf: &mut Vec<u8>, value: &T) -> std::io::Result<()> {
        serde_json::to_writer(&mut *buf, value).map_err(std::io::Error::other)
    }
    buf.extend_from_slice(b"{\"topic\":");
    json(buf, &r.topic)?;
    write!(
        buf,
        ",\"partition\":{},\"offset\":{}",
        r.partition, r.offset
    )?;
    buf.extend_from_slice(b",\"timestamp\":");
    json(buf, &r.timestamp)?;
    buf.extend_from_slice(b",\"timestamp_type\":");
    json(
        buf,
        &r.timestamp.map(|_| timestamp_type_name(r.timestamp_type)),
    )?;
    buf.extend_from_slice(b",\"key\":");
    json(buf, &r.key.as_ref().map(|k| &k.value))?;
    buf.extend_from_slice(b",\"key_encoding\":");
    json(buf, &r.key.as_ref().map(|k| k.encoding))?;
    buf.extend_from_slice(b",\"headers\":[");
    for (i, h) in r.headers.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"key\":");
        json(buf, &h.key)?;
        buf.extend_from_slice(b",\"value\":");
        json(buf, &h.value)?;
        buf.extend_from_slice(b",\"encoding\":");
        json(buf, &h.encoding)?;
        buf.push(b'}');
    }
    buf.extend_from_slice(b"],\"value\":");
    match &r.value {
        Some(Shown::CompactJson(text)) => buf.extend_from_slice(text.as_bytes()),
        Some(Shown::Decoded(d)) => json(buf, &d.value)?,
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"schema_id\":");
    json(buf, &r.value.as_ref().and_then(Shown::schema_id))?;
    buf.extend_from_slice(b",\"value_encoding\":");
    json(buf, &r.value.as_ref().map(Shown::encoding))?;
    buf.push(b'}');
    Ok(())
}

/// Prints records one at a time: `-o json` as one array (opened at the first record,
/// closed by [`RecordPrinter::finish`]), NDJSON a line each, KEY<SEP>VALUE lines, or the
/// coloured form for people.
pub(crate) struct RecordPrinter {
    key_separator: Option<String>,
    printed: u64,
    /// The line being written, reused from record to record.
    line: Vec<u8>,
}

impl RecordPrinter {
    pub fn new(key_separator: Option<String>) -> RecordPrinter {
        RecordPrinter {
            key_separator,
            printed: 0,
            line: Vec::new(),
        }
    }

    /// Whether values are shown on one line as compact JSON (then a JSON payload can be
    /// handed over as [`Shown::CompactJson`]).
    pub fn one_line_json(out: &Output) -> bool {
        out.format == Format::Ndjson
    }

    pub fn record(&mut self, out: &mut Output, record: &TailRecord) -> std::io::Result<()> {
        self.printed += 1;
        match (&self.key_separator, out.format) {
            (_, Format::Ndjson) => {
                self.line.clear();
                write_ndjson(&mut self.line, record)?;
                let text = std::str::from_utf8(&self.line).map_err(std::io::Error::other)?;
                out.line(text)
            }
            (_, Format::Json) => {
                let text = serde_json::to_string_pretty(&to_json(record))
                    .map_err(std::io::Error::other)?;
                let lead = if self.printed == 1 { "[" } else { "," };
                out.line(&format!("{lead}\n{}", indent(&text)))
            }
            (Some(sep), _) => out.line(&separated(record, sep)),
            (None, _) => pretty(out, record),
        }
    }

    /// Closes what needs closing (the JSON array).
    pub fn finish(&mut self, out: &mut Output) -> std::io::Result<()> {
        if out.format == Format::Json {
            out.line(if self.printed == 0 { "[]" } else { "]" })?;
            self.printed = 0;
        }
        Ok(())
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `key<SEP>value` on one line: values compact, no key printed as empty.
fn separated(r: &TailRecord, sep: &str) -> String {
    let one_line = |value: &Json| match value {
        Json::String(s) => escape_controls(s),
        other => other.to_string(),
    };
    let key = r
        .key
        .as_ref()
        .map(|k| one_line(&k.value))
        .unwrap_or_default();
    let value = r
        .value
        .as_ref()
        .map(|v| one_line(&v.value()))
        .unwrap_or_default();
    format!("{key}{sep}{value}")
}

/// A decoded key or value as people read it; control characters that could steer the
/// terminal (a carriage return hiding a line, an escape sequence) are shown escaped.
fn text(value: &Json) -> String {
    match value {
        Json::String(s) => escape_controls_but_lines(s),
        other => escape_bidi_in_json(&serde_json::to_string_pretty(other).unwrap_or_default())
            .into_owned(),
    }
}

/// A header name or value as it cannot be misread: bare when plain, else quoted (a value
/// holding `=`, a space, a quote or a control character).
fn quoted(text: &str) -> String {
    let plain = !text.is_empty()
        && text != "null"
        && text.chars().all(|c| {
            !c.is_control() && !is_bidi_control(c) && !matches!(c, '=' | ' ' | '"' | '\'')
        });
    if plain {
        text.to_string()
    } else {
        escape_bidi_in_json(&serde_json::to_string(text).unwrap_or_default()).into_owned()
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
            paint(out.color, Tone::Strong, &escape_controls(&text(&key.value)))
        ));
    }
    for h in &r.headers {
        let shown = format!(
            "  {}={}",
            quoted(&h.key),
            h.value.as_deref().map_or("null".into(), quoted)
        );
        header.push_str(&paint(out.color, Tone::Dim, &shown));
    }
    out.line(&header)?;
    match &r.value {
        Some(v) => out.line(&text(&v.value())),
        None => out.line(&paint(out.color, Tone::Dim, "(tombstone: no value)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::codec::Decoded;
    use crate::core::tail::ShownHeader;

    fn header(key: &str, value: Option<&str>) -> ShownHeader {
        ShownHeader {
            key: key.into(),
            value: value.map(str::to_string),
            encoding: value.map(|_| "text"),
        }
    }

    fn record() -> TailRecord {
        TailRecord {
            topic: "task.created".into(),
            partition: 2,
            offset: 41,
            timestamp: Some(1_736_845_923_250),
            timestamp_type: TimestampType::Create,
            key: Some(Decoded {
                value: Json::String("user-7".into()),
                schema_id: None,
                encoding: "text",
            }),
            headers: vec![header("source", Some("app")), header("flag", None)],
            value: Some(Shown::Decoded(Decoded {
                value: serde_json::json!({"taskId": "t-1"}),
                schema_id: Some(3),
                encoding: "avro",
            })),
        }
    }

    fn render(out: &mut Output, record: &TailRecord) {
        let mut printer = RecordPrinter::new(None);
        printer.record(out, record).unwrap();
        printer.finish(out).unwrap();
    }

    #[test]
    fn people_see_place_time_key_headers_and_value() {
        let (mut out, captured) = Output::buffered(Format::Table);
        render(&mut out, &record());
        let text = captured.stdout();
        assert!(text.starts_with(
            "task.created/2 @41  2025-01-14T09:12:03.250Z  key=user-7  source=app  flag=null\n"
        ));
        assert!(text.contains("\"taskId\": \"t-1\""));
    }

    #[test]
    fn programs_get_one_object_per_line() {
        let (mut out, captured) = Output::buffered(Format::Ndjson);
        render(&mut out, &record());
        let json: serde_json::Value = serde_json::from_str(captured.stdout().trim()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "topic": "task.created",
                "partition": 2,
                "offset": 41,
                "timestamp": 1_736_845_923_250_i64,
                "timestamp_type": "create",
                "key": "user-7",
                "key_encoding": "text",
                "headers": [
                    {"key": "source", "value": "app", "encoding": "text"},
                    {"key": "flag", "value": null, "encoding": null}
                ],
                "value": {"taskId": "t-1"},
                "schema_id": 3,
                "value_encoding": "avro"
            })
        );
    }

    /// The hand-written NDJSON line is what serde prints for the record's JSON shape, and a
    /// value handed over as compact JSON prints as the decoded value did.
    #[test]
    fn ndjson_lines_are_byte_identical_to_the_serialized_shape() {
        let awkward = serde_json::json!({"quote": "a\"b\\c\n\u{1}", "n": [1, -2, 1.5, 1e300], "e": {}, "u": "é😀\u{7f}"});
        let mut records = vec![record()];
        let mut r = record();
        r.topic = "tópic \"x\"\t".into();
        r.timestamp = None;
        r.key = None;
        r.headers = vec![
            header("", None),
            header("k\u{1b}[31m", Some("v=\"1\"\n")),
            header("dup", Some("a")),
            header("dup", Some("b")),
            ShownHeader {
                key: "bin".into(),
                value: Some("AP8=".into()),
                encoding: Some("base64"),
            },
        ];
        r.value = None;
        records.push(r);
        for value in [
            awkward.clone(),
            Json::String("text \u{0} \r".into()),
            Json::Null,
            serde_json::json!(7),
        ] {
            let mut r = record();
            r.offset = i64::MAX;
            r.partition = -1;
            r.timestamp_type = TimestampType::LogAppend;
            r.value = Some(Shown::Decoded(Decoded {
                value,
                schema_id: None,
                encoding: "json",
            }));
            records.push(r);
        }
        for r in &records {
            let mut line = Vec::new();
            write_ndjson(&mut line, r).unwrap();
            let expected = serde_json::to_string(&to_json(r)).unwrap();
            assert_eq!(String::from_utf8(line).unwrap(), expected);
        }
        let decoded = records.last().unwrap().clone();
        let mut compact = decoded.clone();
        let text = serde_json::to_string(&awkward).unwrap();
        compact.value = Some(Shown::CompactJson(text.clone()));
        let mut tree = decoded;
        tree.value = Some(Shown::Decoded(Decoded {
            value: awkward,
            schema_id: None,
            encoding: "json",
        }));
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write_ndjson(&mut a, &compact).unwrap();
        write_ndjson(&mut b, &tree).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn a_dumped_record_keeps_its_field_order_and_marks_every_encoding() {
        let mut r = record();
        r.timestamp_type = TimestampType::LogAppend;
        r.key = None;
        r.value = Some(Shown::Decoded(Decoded {
            value: Json::String("AAAAAAcC".into()),
            schema_id: Some(7),
            encoding: "base64",
        }));
        r.headers = vec![ShownHeader {
            key: "bin".into(),
            value: Some("AP8=".into()),
            encoding: Some("base64"),
        }];
        let (mut out, captured) = Output::buffered(Format::Ndjson);
        render(&mut out, &r);
        assert_eq!(
            captured.stdout(),
            concat!(
                r#"{"topic":"task.created","partition":2,"offset":41,"timestamp":1736845923250,"#,
                r#""timestamp_type":"log_append","key":null,"key_encoding":null,"#,
                r#""headers":[{"key":"bin","value":"AP8=","encoding":"base64"}],"#,
                r#""value":"AAAAAAcC","schema_id":7,"value_encoding":"base64"}"#,
                "\n"
            )
        );
        r.timestamp = None;
        let (mut out, captured) = Output::buffered(Format::Ndjson);
        render(&mut out, &r);
        assert!(captured
            .stdout()
            .contains(r#""timestamp":null,"timestamp_type":null"#));
    }

    #[test]
    fn json_is_one_array_of_every_record() {
        let (mut out, captured) = Output::buffered(Format::Json);
        let mut printer = RecordPrinter::new(None);
        printer.record(&mut out, &record()).unwrap();
        printer.record(&mut out, &record()).unwrap();
        printer.finish(&mut out).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 2);
        let (mut out, captured) = Output::buffered(Format::Json);
        RecordPrinter::new(None).finish(&mut out).unwrap();
        assert_eq!(captured.stdout().trim(), "[]");
    }

    #[test]
    fn headers_that_could_be_misread_are_quoted() {
        let mut r = record();
        r.headers = vec![
            header("filter", Some("a=b")),
            header("note", Some("two words")),
            header("plain", Some("x")),
            header("text", Some("null")),
        ];
        let (mut out, captured) = Output::buffered(Format::Table);
        render(&mut out, &r);
        let first = captured.stdout().lines().next().unwrap().to_string();
        assert!(
            first.ends_with(r#"  filter="a=b"  note="two words"  plain=x  text="null""#),
            "{first}"
        );
    }

    #[test]
    fn bidirectional_overrides_in_json_values_and_headers_cannot_reorder_the_screen() {
        let mut r = record();
        r.headers = vec![header("h\u{202e}name", Some("a\u{2067}b\u{2069}c"))];
        r.value = Some(Shown::Decoded(Decoded {
            value: serde_json::json!({"s": "bidi \u{202e} evil"}),
            schema_id: None,
            encoding: "json",
        }));
        let (mut out, captured) = Output::terminal(Format::Table, 120);
        render(&mut out, &r);
        let text = captured.stdout();
        assert!(
            !text.chars().any(crate::output::table::is_bidi_control),
            "{text:?}"
        );
        assert!(
            text.contains(r#""h\u202ename"="a\u2067b\u2069c""#),
            "{text}"
        );
        assert!(text.contains(r#""s": "bidi \u202e evil""#), "{text}");
    }

    #[test]
    fn key_separated_lines_for_scripts() {
        let (mut out, captured) = Output::buffered(Format::Table);
        let mut printer = RecordPrinter::new(Some(":".into()));
        printer.record(&mut out, &record()).unwrap();
        assert_eq!(captured.stdout(), "user-7:{\"taskId\":\"t-1\"}\n");
    }
}
