//! Reading a dump back: one line of `kop tail --dump` (the NDJSON shape of
//! `output::views::tail`) → the exact record to send. Pure.
//!
//! Only what can be turned back into the very bytes that were read is accepted: keys,
//! values and header values written as `text` (UTF-8, sent as its bytes) or `base64`.
//! `json` and `avro` are the payload decoded for people, and sending them again would
//! change bytes (`{"a": 1}` and `{"a":1}`, `1.0` and `1`, key order, escapes, Avro
//! re-encoded with another schema), so such a line is refused, naming the field, with the
//! way to take a dump that restores. So is a header value without its `encoding` (dumps
//! older than the marker), whose text and base64 look alike.

use base64::Engine as _;
use serde_json::Value as Json;

use crate::core::codec::wire;
use crate::core::record::{Forward, Header, Headers, TimestampType};
use crate::util::json_words::in_one_line;

/// How to take a dump that restores, for refusals.
pub const DUMP_HINT: &str =
    "take the dump with `kop tail TOPIC --dump` (keys and values as text or base64, never decoded)";

/// One dumped record, checked and turned back into bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dumped {
    pub partition: i32,
    pub offset: Option<i64>,
    pub timestamp: Option<i64>,
    pub timestamp_type: Option<TimestampType>,
    pub key: Option<Vec<u8>>,
    /// `None` for a tombstone.
    pub value: Option<Vec<u8>>,
    pub headers: Headers,
}

impl Dumped {
    /// The record to send: the same key, value bytes, headers and timestamp; to the same
    /// partition number with `keep_partition`, else wherever the partitioner puts its key.
    pub fn to_send(&self, keep_partition: bool) -> Forward<'_> {
        Forward {
            key: self.key.as_deref(),
            value: self.value.as_deref(),
            headers: &self.headers,
            partition: keep_partition.then_some(self.partition),
            timestamp: self.timestamp,
        }
    }

    /// The record's size as the producer's limit counts it.
    pub fn size(&self) -> usize {
        self.to_send(false).size()
    }
}

/// Why a line cannot be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The line is not a dumped record, or a field is malformed.
    Malformed(String),
    /// The line is a record, but not written exactly (a decoded payload, a header value
    /// without its encoding): the dump must be taken again with `--dump`.
    NotExact(String),
}

impl Refusal {
    pub fn message(&self) -> &str {
        match self {
            Refusal::Malformed(m) | Refusal::NotExact(m) => m,
        }
    }

    pub fn map(self, f: impl FnOnce(String) -> String) -> Refusal {
        match self {
            Refusal::Malformed(m) => Refusal::Malformed(f(m)),
            Refusal::NotExact(m) => Refusal::NotExact(f(m)),
        }
    }
}

impl From<String> for Refusal {
    fn from(message: String) -> Refusal {
        Refusal::Malformed(message)
    }
}

impl From<&str> for Refusal {
    fn from(message: &str) -> Refusal {
        Refusal::Malformed(message.to_string())
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// A dump line's fields as written: a field that is absent is `None`, one written `null`
/// is `Some(Null)`. Unknown fields are ignored (the shape may grow).
struct Line(serde_json::Map<String, Json>);

impl Line {
    fn get(&self, field: &str) -> Option<&Json> {
        self.0.get(field)
    }

    /// A field every dumped record has, `null` allowed (no key, a tombstone): one that is
    /// absent is a line cut short or written by hand, never taken to mean null.
    fn required(&self, field: &str, null_means: &str) -> Result<&Json, Refusal> {
        self.get(field).ok_or_else(|| {
            format!("no field `{field}` (a dump writes `\"{field}\":null` for {null_means})").into()
        })
    }
}

/// Whether a line is a record as `kop tail` prints it (a dump, or NDJSON of tail): publishing
/// such lines as JSON values is usually a restore that forgot `--records`.
pub fn looks_like_a_dumped_record(text: &str) -> bool {
    let Ok(Json::Object(map)) = serde_json::from_str::<Json>(text) else {
        return false;
    };
    ["topic", "partition", "offset", "value", "value_encoding"]
        .iter()
        .all(|field| map.contains_key(*field))
}

/// Parses one line of a dump. The error names the field (`field `value`: ...`); the
/// caller adds the file and line.
pub fn parse_line(text: &str) -> Result<Dumped, Refusal> {
    let line = match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(map)) => Line(map),
        Ok(other) => {
            let found = match other {
                Json::Array(_) => "an array",
                Json::String(_) => "a string",
                Json::Number(_) => "a number",
                Json::Bool(_) => "a boolean",
                _ => "null",
            };
            return Err(format!(
                "not a dumped record (a JSON object with `partition`, `key`, `value`, ...): found {found}"
            )
            .into());
        }
        Err(e) => return Err(format!("not JSON: {}", in_one_line(&e)).into()),
    };
    let partition = match line.get("partition") {
        Some(Json::Number(n)) => n
            .as_i64()
            .and_then(|p| i32::try_from(p).ok())
            .filter(|p| *p >= 0)
            .ok_or_else(|| format!("field `partition`: {n} is not a partition number"))?,
        Some(Json::Null) | None => return Err("no field `partition`".into()),
        Some(other) => {
            return Err(format!("field `partition`: expected a number, found {other}").into())
        }
    };
    let offset = optional_integer(line.get("offset"), "offset")?;
    let timestamp = optional_integer(line.get("timestamp"), "timestamp")?;
    if let Some(ts) = timestamp.filter(|ts| *ts < 0) {
        return Err(format!(
            "field `timestamp`: {ts} is before 1970, which Kafka takes for no timestamp (write null for none)"
        )
        .into());
    }
    let timestamp_type = match line.get("timestamp_type") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) if s == "create" => Some(TimestampType::Create),
        Some(Json::String(s)) if s == "log_append" => Some(TimestampType::LogAppend),
        Some(other) => {
            return Err(format!(
                "field `timestamp_type`: expected \"create\" or \"log_append\", found {other}"
            )
            .into())
        }
    };
    let key = payload(
        line.required("key", "no key")?,
        line.get("key_encoding"),
        "key",
    )?;
    let value = payload(
        line.required("value", "a tombstone")?,
        line.get("value_encoding"),
        "value",
    )?;
    let headers = headers(line.get("headers"))?;
    if let Some(id) = optional_integer(line.get("schema_id"), "schema_id")? {
        let found = value.as_deref().and_then(wire::split).map(|(id, _)| id);
        if found.map(i64::from) != Some(id) {
            return Err(match found {
                Some(found) => format!(
                    "field `schema_id`: {id}, but the value's wire-format header holds schema id {found}"
                ),
                None => format!(
                    "field `schema_id`: {id}, but the value does not start with a wire-format header"
                ),
            }
            .into());
        }
    }
    Ok(Dumped {
        partition,
        offset,
        timestamp,
        timestamp_type,
        key,
        value,
        headers,
    })
}

fn optional_integer(value: Option<&Json>, field: &str) -> Result<Option<i64>, String> {
    match value {
        None | Some(Json::Null) => Ok(None),
        Some(Json::Number(n)) => n.as_i64().map(Some).ok_or_else(|| {
            let whole = n.as_f64().is_some_and(|f| f.fract() == 0.0) || n.is_u64();
            match whole {
                true => format!("field `{field}`: {n} is out of range"),
                false => format!("field `{field}`: {n} is not a whole number"),
            }
        }),
        Some(other) => Err(format!("field `{field}`: expected a number, found {other}")),
    }
}

/// A key or value from its text and its encoding; `None` when both are null.
fn payload(value: &Json, encoding: Option<&Json>, field: &str) -> Result<Option<Vec<u8>>, Refusal> {
    let encoding = match encoding {
        None | Some(Json::Null) => None,
        Some(Json::String(e)) => Some(e.as_str()),
        Some(other) => {
            return Err(
                format!("field `{field}_encoding`: expected a string, found {other}").into(),
            )
        }
    };
    match (value, encoding) {
        (Json::Null, None) => Ok(None),
        (Json::Null, Some(e)) => {
            Err(format!("field `{field}` is null, but `{field}_encoding` is \"{e}\"").into())
        }
        (_, None) => Err(Refusal::NotExact(format!(
            "field `{field}` has no `{field}_encoding`, so kop cannot know its bytes"
        ))),
        (v, Some(e)) => bytes(v, e, field).map(Some),
    }
}

/// The bytes a `text` or `base64` payload stands for; anything else is refused.
fn bytes(value: &Json, encoding: &str, field: &str) -> Result<Vec<u8>, Refusal> {
    let text = match (value, encoding) {
        (Json::String(s), "text" | "base64") => s,
        (_, "json" | "avro") => {
            return Err(Refusal::NotExact(format!(
                "field `{field}` is {encoding} decoded for reading, and sending it again would not give the same bytes"
            )))
        }
        (_, "text" | "base64") => {
            return Err(format!("field `{field}`: {encoding} must be a string, found {value}").into())
        }
        (_, other) => {
            return Err(
                format!("field `{field}_encoding`: \"{other}\" is not text or base64").into(),
            )
        }
    };
    match encoding {
        "text" => Ok(text.as_bytes().to_vec()),
        _ => base64::engine::general_purpose::STANDARD
            .decode(text)
            .map_err(|e| format!("field `{field}`: not base64: {}", base64_error(&e)).into()),
    }
}

/// The base64 crate's error in plain words (its own text reads `Invalid symbol 35, offset 0.`).
fn base64_error(e: &base64::DecodeError) -> String {
    use base64::DecodeError as E;
    match e {
        E::InvalidByte(at, byte) | E::InvalidLastSymbol(at, byte) => {
            let shown = match byte.is_ascii_graphic() {
                true => format!("`{}`", char::from(*byte)),
                false => format!("byte 0x{byte:02x}"),
            };
            format!("{shown} at character {} is not in the base64 alphabet (A-Z, a-z, 0-9, + and /, = padding)", at + 1)
        }
        E::InvalidLength(len) => {
            format!("{len} characters cannot be base64 (padded base64 comes in fours)")
        }
        E::InvalidPadding => "its `=` padding is wrong".into(),
    }
}

fn headers(value: Option<&Json>) -> Result<Headers, Refusal> {
    let items = match value {
        None | Some(Json::Null) => return Ok(Headers::new()),
        Some(Json::Array(items)) => items,
        Some(other) => {
            return Err(format!("field `headers`: expected an array, found {other}").into())
        }
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| header(item).map_err(|e| e.map(|m| format!("field `headers[{i}]`: {m}"))))
        .collect()
}

fn header(item: &Json) -> Result<Header, Refusal> {
    let Json::Object(map) = item else {
        return Err(format!("expected {{\"key\", \"value\", \"encoding\"}}, found {item}").into());
    };
    let key = match map.get("key") {
        Some(Json::String(k)) => k.clone(),
        Some(other) => return Err(format!("`key` must be a string, found {other}").into()),
        None => return Err("no `key`".into()),
    };
    let value = match (map.get("value"), map.get("encoding")) {
        (None | Some(Json::Null), None | Some(Json::Null)) => None,
        (None | Some(Json::Null), Some(e)) => {
            return Err(format!("`value` is null, but `encoding` is {e}").into())
        }
        (Some(_), None | Some(Json::Null)) => {
            return Err(Refusal::NotExact(
                "a value without its `encoding` (a dump from a kop that did not mark header encodings): text and base64 look alike, so kop cannot know its bytes"
                    .into(),
            ))
        }
        (Some(v), Some(Json::String(e))) => Some(bytes(v, e, "value").map_err(|e| {
            // Said of the header's own fields, not of the record's value.
            e.map(|m| {
                m.replace("field `value_encoding`", "`encoding`")
                    .replace("field `value`", "`value`")
            })
        })?),
        (Some(_), Some(other)) => {
            return Err(format!("`encoding` must be a string, found {other}").into())
        }
    };
    Ok(Header::new(key, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(fields: &str) -> String {
        format!(
            r#"{{"topic":"t","partition":1,"offset":7,"timestamp":1736845923250,"timestamp_type":"create",{fields}}}"#
        )
    }

    #[test]
    fn a_dumped_record_comes_back_byte_for_byte() {
        let text = line(
            r#""key":"dXNlci0x","key_encoding":"base64","headers":[{"key":"a","value":"1","encoding":"text"},{"key":"n","value":null,"encoding":null},{"key":"a","value":"AP8=","encoding":"base64"}],"value":"AAAAAAcC","schema_id":7,"value_encoding":"base64""#,
        );
        let d = parse_line(&text).unwrap();
        assert_eq!(d.partition, 1);
        assert_eq!(d.offset, Some(7));
        assert_eq!(d.timestamp, Some(1_736_845_923_250));
        assert_eq!(d.timestamp_type, Some(TimestampType::Create));
        assert_eq!(d.key.as_deref(), Some(&b"user-1"[..]));
        assert_eq!(d.value.as_deref(), Some(&[0, 0, 0, 0, 7, 2][..]));
        let headers: Vec<(&str, Option<&[u8]>)> = d
            .headers
            .iter()
            .map(|h| (h.key.as_str(), h.value.as_deref()))
            .collect();
        assert_eq!(
            headers,
            [
                ("a", Some(&b"1"[..])),
                ("n", None),
                ("a", Some(&[0, 255][..]))
            ]
        );
        let sent = d.to_send(true);
        assert_eq!(sent.partition, Some(1));
        assert_eq!(sent.timestamp, Some(1_736_845_923_250));
        assert_eq!(d.to_send(false).partition, None);
        assert_eq!(d.size(), 6 + 6 + 1 + 1 + 1 + 1 + 2);
    }

    #[test]
    fn text_is_sent_as_its_utf8_bytes_exactly() {
        let d = parse_line(&line(
            r#""key":"1e3","key_encoding":"text","headers":[],"value":"{\"a\": 1.0}\n","schema_id":null,"value_encoding":"text""#,
        ))
        .unwrap();
        assert_eq!(d.key.as_deref(), Some(&b"1e3"[..]));
        assert_eq!(d.value.as_deref(), Some(&b"{\"a\": 1.0}\n"[..]));
    }

    #[test]
    fn tombstones_and_null_keys_stay_null() {
        let d = parse_line(&line(
            r#""key":null,"key_encoding":null,"headers":[],"value":null,"schema_id":null,"value_encoding":null"#,
        ))
        .unwrap();
        assert_eq!((d.key, d.value), (None, None));
        // An empty value is not a tombstone.
        let d = parse_line(&line(
            r#""key":null,"key_encoding":null,"value":"","value_encoding":"text""#,
        ))
        .unwrap();
        assert_eq!(d.value, Some(Vec::new()));
        assert!(d.headers.is_empty(), "no headers field: no headers");
    }

    #[test]
    fn a_line_cut_short_is_refused_never_taken_for_a_tombstone_or_no_key() {
        let refused = |fields: &str| parse_line(&line(fields)).unwrap_err().to_string();
        assert!(refused(r#""key":"a","key_encoding":"text""#)
            .contains(r#"no field `value` (a dump writes `"value":null` for a tombstone)"#));
        assert!(refused(r#""value":"x","value_encoding":"text""#).contains("no field `key`"));
    }

    #[test]
    fn a_dumped_record_is_recognised_and_an_ordinary_event_is_not() {
        assert!(looks_like_a_dumped_record(&line(
            r#""key":null,"value":"x","value_encoding":"text""#
        )));
        assert!(!looks_like_a_dumped_record(
            r#"{"event_type":"child.registered","value":1}"#
        ));
        assert!(!looks_like_a_dumped_record("not json"));
    }

    #[test]
    fn malformed_lines_are_said_in_plain_words() {
        let refused = |text: &str| parse_line(text).unwrap_err().to_string();
        assert_eq!(
            refused("[1,2]"),
            "not a dumped record (a JSON object with `partition`, `key`, `value`, ...): found an array"
        );
        assert_eq!(
            refused(r#"{"partition":0,"key":nul}"#),
            "not JSON: expected ident at column 25"
        );
        let ts = |t: &str| {
            refused(&format!(
                r#"{{"partition":0,"timestamp":{t},"key":null,"value":null}}"#
            ))
        };
        assert!(
            ts("-5").contains("field `timestamp`: -5 is before 1970"),
            "{}",
            ts("-5")
        );
        assert!(ts("99999999999999999999").contains("is out of range"));
        assert!(ts("1.5").contains("1.5 is not a whole number"));
        let b64 =
            refused(r##"{"partition":0,"key":null,"value":"#AAA","value_encoding":"base64"}"##);
        assert!(
            b64.contains(
                "field `value`: not base64: `#` at character 1 is not in the base64 alphabet"
            ),
            "{b64}"
        );
        let header = refused(
            r#"{"partition":0,"key":null,"value":null,"headers":[{"key":"h","value":null,"encoding":"text"}]}"#,
        );
        assert!(
            header.contains("`value` is null, but `encoding` is \"text\""),
            "{header}"
        );
    }

    #[test]
    fn decoded_payloads_are_refused_with_the_field_named() {
        let cases = [
            (
                r#""key":null,"key_encoding":null,"value":{"a":1},"value_encoding":"json""#,
                "field `value` is json decoded for reading",
            ),
            (
                r#""key":{"id":1},"key_encoding":"avro","value":"x","value_encoding":"text""#,
                "field `key` is avro decoded for reading",
            ),
            (
                r#""key":null,"key_encoding":null,"value":"x""#,
                "field `value` has no `value_encoding`",
            ),
            (
                r#""key":null,"key_encoding":null,"value":"x","value_encoding":"hex""#,
                "field `value_encoding`: \"hex\" is not text or base64",
            ),
            (
                r#""key":null,"key_encoding":null,"value":"%%","value_encoding":"base64""#,
                "field `value`: not base64",
            ),
            (
                r#""key":null,"key_encoding":"text","value":"x","value_encoding":"text""#,
                "field `key` is null, but `key_encoding` is \"text\"",
            ),
            (
                r#""key":null,"key_encoding":null,"value":7,"value_encoding":"text""#,
                "field `value`: text must be a string, found 7",
            ),
            (
                r#""key":null,"value":"x","value_encoding":"text","headers":[{"key":"h","value":"AP8="}]"#,
                "field `headers[0]`: a value without its `encoding`",
            ),
            (
                r#""key":null,"value":"x","value_encoding":"text","headers":[{"key":"h","value":"x","encoding":"json"}]"#,
                "field `headers[0]`: `value` is json decoded",
            ),
            (
                r#""key":null,"value":"x","value_encoding":"text","headers":{"h":"x"}"#,
                "field `headers`: expected an array",
            ),
            (
                r#""key":null,"value":"AAAAAAcC","value_encoding":"base64","schema_id":8"#,
                "field `schema_id`: 8, but the value's wire-format header holds schema id 7",
            ),
            (
                r#""key":null,"value":"x","value_encoding":"text","schema_id":8"#,
                "does not start with a wire-format header",
            ),
            (
                r#""key":null,"value":"x","value_encoding":"text","timestamp_type":"CreateTime""#,
                "field `timestamp_type`: expected \"create\" or \"log_append\"",
            ),
        ];
        for (fields, expected) in cases {
            let text = line(fields).replacen(
                r#","timestamp_type":"create""#,
                "",
                usize::from(fields.contains("timestamp_type")),
            );
            let err = parse_line(&text).unwrap_err();
            assert!(err.message().contains(expected), "{fields}: {err}");
            let not_exact = ["decoded", "has no", "without its"]
                .iter()
                .any(|w| expected.contains(w));
            assert_eq!(
                matches!(err, Refusal::NotExact(_)),
                not_exact,
                "{fields}: {err:?}"
            );
        }
        let err = parse_line(r#"{"value":"x","value_encoding":"text"}"#).unwrap_err();
        assert_eq!(err, Refusal::Malformed("no field `partition`".into()));
        let err = parse_line(r#"{"partition":-1}"#).unwrap_err();
        assert!(err.message().contains("not a partition number"), "{err}");
        assert!(parse_line("[1]")
            .unwrap_err()
            .message()
            .starts_with("not a dumped record"));
        assert!(parse_line("{oops")
            .unwrap_err()
            .message()
            .starts_with("not JSON"));
    }
}
