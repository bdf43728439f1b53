//! Re-keying a Confluent wire-format payload to another registry: the writer schema is
//! registered under the target's subject and only bytes 1 to 4 (the schema id) change.
//! The rest is never decoded or re-encoded, so Avro, JSON Schema and Protobuf payloads
//! are copied alike (Protobuf's message indexes follow the id, untouched).

use crate::core::schemas::{avro_full_name, SchemaText, SchemaType};
use crate::core::subject::{subject, Part, Strategy};

/// Puts `id` in the wire-format header of `bytes`; `false` (and nothing changed) when the
/// bytes carry no header.
pub fn rewrite_id(bytes: &mut [u8], id: u32) -> bool {
    match bytes {
        [crate::core::codec::wire::MAGIC, header @ ..] if header.len() >= 4 => {
            header[..4].copy_from_slice(&id.to_be_bytes());
            true
        }
        _ => false,
    }
}

/// The subject a writer schema goes under on the target, as Confluent's serializers name
/// it: `<topic>-value` by default; the record strategies take the schema's full name (an
/// Avro named type, a JSON Schema's `title`, the Protobuf message the payload names).
/// `payload`: what follows the 5-byte header.
pub fn target_subject(
    strategy: Strategy,
    topic: &str,
    part: Part,
    schema: &SchemaText,
    payload: &[u8],
) -> Result<String, String> {
    if strategy == Strategy::Topic {
        return subject(strategy, topic, part, None);
    }
    let name = match schema.schema_type {
        SchemaType::Avro => avro_full_name(&schema.text).ok_or_else(|| {
            "the Avro schema has no named type for the record name strategies".to_string()
        })?,
        SchemaType::Json => json_title(&schema.text).ok_or_else(|| {
            "the JSON Schema has no `title` for the record name strategies".to_string()
        })?,
        SchemaType::Protobuf => protobuf_message(&schema.text, payload)?,
    };
    subject(strategy, topic, part, Some(&name))
}

fn json_title(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value.get("title")?.as_str().map(str::to_string)
}

/// The full name of the top-level message a Protobuf payload's message indexes name.
fn protobuf_message(text: &str, payload: &[u8]) -> Result<String, String> {
    let indexes = message_indexes(payload)
        .ok_or_else(|| "the Protobuf payload's message indexes are cut short".to_string())?;
    let index = match indexes.as_slice() {
        [] => 0,
        [i] => *i,
        _ => {
            return Err(
                "the record name strategies name nested Protobuf messages in a way kop does not copy; use --subject-strategy topic"
                    .into(),
            )
        }
    };
    let (package, messages) = top_level_messages(text);
    let message = usize::try_from(index)
        .ok()
        .and_then(|i| messages.get(i))
        .ok_or_else(|| format!("the Protobuf schema has no message {index}"))?;
    Ok(match package {
        Some(p) => format!("{p}.{message}"),
        None => message.clone(),
    })
}

/// Confluent's message indexes: a zigzag varint count, then that many zigzag varints (a
/// single 0 is the first message).
fn message_indexes(payload: &[u8]) -> Option<Vec<i64>> {
    let mut rest = payload;
    let count = zigzag(&mut rest)?;
    (0..count.max(0)).map(|_| zigzag(&mut rest)).collect()
}

fn zigzag(bytes: &mut &[u8]) -> Option<i64> {
    let mut value: u64 = 0;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            let signed = (value >> 1) as i64 ^ -((value & 1) as i64);
            return Some(signed);
        }
    }
    None
}

/// The package and the top-level message names of a .proto text, in order.
fn top_level_messages(text: &str) -> (Option<String>, Vec<String>) {
    let code = strip_comments(text);
    let spaced = code
        .replace('{', " { ")
        .replace('}', " } ")
        .replace(';', " ; ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let (mut depth, mut package, mut messages) = (0usize, None, Vec::new());
    for (i, token) in tokens.iter().enumerate() {
        match *token {
            "{" => depth += 1,
            "}" => depth = depth.saturating_sub(1),
            "package" if depth == 0 => package = tokens.get(i + 1).map(|p| p.to_string()),
            "message" if depth == 0 => messages.extend(tokens.get(i + 1).map(|m| m.to_string())),
            _ => {}
        }
    }
    (package, messages)
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('/') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        if let Some(line) = after.strip_prefix("//") {
            rest = line.find('\n').map_or("", |end| &line[end..]);
        } else if let Some(block) = after.strip_prefix("/*") {
            rest = block.find("*/").map_or("", |end| &block[end + 2..]);
        } else {
            out.push('/');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(schema_type: SchemaType, text: &str) -> SchemaText {
        SchemaText {
            text: text.into(),
            schema_type,
            references: vec![],
        }
    }

    #[test]
    fn only_the_id_changes() {
        let mut bytes = vec![0, 0, 0, 0, 7, 2, 0xff, 0];
        assert!(rewrite_id(&mut bytes, 0x0102_0304));
        assert_eq!(bytes, [0, 1, 2, 3, 4, 2, 0xff, 0]);
        let mut not_framed = b"{\"a\":1}".to_vec();
        assert!(!rewrite_id(&mut not_framed, 9));
        assert_eq!(not_framed, b"{\"a\":1}");
        let mut short = vec![0, 0, 1];
        assert!(!rewrite_id(&mut short, 9));
        // The header alone (an empty payload) is still a header.
        let mut bare = vec![0, 0, 0, 0, 1];
        assert!(rewrite_id(&mut bare, 2));
        assert_eq!(bare, [0, 0, 0, 0, 2]);
    }

    #[test]
    fn subjects_follow_the_strategy_for_every_schema_type() {
        let avro = schema(
            SchemaType::Avro,
            r#"{"type":"record","name":"TaskCreated","namespace":"com.todo","fields":[]}"#,
        );
        let at = |strategy, s: &SchemaText, payload: &[u8]| {
            target_subject(strategy, "task.created.copy", Part::Value, s, payload)
        };
        assert_eq!(
            at(Strategy::Topic, &avro, &[]).unwrap(),
            "task.created.copy-value"
        );
        assert_eq!(
            target_subject(Strategy::Topic, "t", Part::Key, &avro, &[]).unwrap(),
            "t-key"
        );
        assert_eq!(
            at(Strategy::Record, &avro, &[]).unwrap(),
            "com.todo.TaskCreated"
        );
        assert_eq!(
            at(Strategy::TopicRecord, &avro, &[]).unwrap(),
            "task.created.copy-com.todo.TaskCreated"
        );
        let json = schema(SchemaType::Json, r#"{"title":"Task","type":"object"}"#);
        assert_eq!(at(Strategy::Record, &json, &[]).unwrap(), "Task");
        let untitled = schema(SchemaType::Json, r#"{"type":"object"}"#);
        assert!(at(Strategy::Record, &untitled, &[]).is_err());
        let proto = schema(
            SchemaType::Protobuf,
            "syntax = \"proto3\";\npackage todo.v1; // the package\n/* two messages */\nmessage Task { message Inner { int32 a = 1; } Inner i = 1; }\nmessage Done { string id = 1; }\n",
        );
        // [0] as the single byte 0; [1] as count 1 (zigzag 2) then index 1 (zigzag 2).
        assert_eq!(at(Strategy::Record, &proto, &[0]).unwrap(), "todo.v1.Task");
        assert_eq!(
            at(Strategy::Record, &proto, &[2, 2]).unwrap(),
            "todo.v1.Done"
        );
        assert!(
            at(Strategy::Record, &proto, &[2, 4]).is_err(),
            "no third message"
        );
        assert!(at(Strategy::Record, &proto, &[4, 0, 0]).is_err(), "nested");
        assert!(at(Strategy::Record, &proto, &[]).is_err(), "cut short");
        // The topic strategy needs nothing of the schema.
        assert_eq!(
            at(Strategy::Topic, &proto, &[]).unwrap(),
            "task.created.copy-value"
        );
    }
}
