//! Bytes ↔ JSON: `json`, the three schema types of the Confluent wire format (Avro, JSON
//! Schema, Protobuf), `raw`, and `auto` for reading. Pure: schemas come in through
//! [`SchemaSource`], so nothing here does I/O.

mod avro_in;
mod avro_out;
pub mod json_schema;
pub mod logical;
pub mod protobuf;
pub mod wire;

use std::collections::HashMap;
use std::sync::Arc;

use apache_avro::schema::{Name, Schema as Avro};
use base64::Engine as _;
use serde_json::Value as Json;

pub use avro_in::FieldError;
pub use json_schema::JsonSchema;
pub use protobuf::{ProtoMessage, ProtoSchema};

use crate::core::schemas::SchemaType;

/// A parsed Avro schema with its named types, ready to encode and decode.
#[derive(Debug, Clone)]
pub struct AvroSchema {
    schema: Avro,
    names: HashMap<Name, Avro>,
}

impl AvroSchema {
    pub fn parse(text: &str) -> Result<AvroSchema, String> {
        let schema = Avro::parse_str(text).map_err(|e| e.to_string())?;
        let names = apache_avro::schema::ResolvedSchema::try_from(&schema)
            .map_err(|e| e.to_string())?
            .get_names()
            .iter()
            .map(|(name, s)| (name.clone(), (*s).clone()))
            .collect();
        Ok(AvroSchema { schema, names })
    }

    /// The full name of the top-level record, for the record name strategies.
    pub fn record_name(&self) -> Option<String> {
        match &self.schema {
            Avro::Record(r) => Some(r.name.fullname(None)),
            _ => None,
        }
    }

    /// Plain JSON (or Avro's JSON encoding) → Avro binary, without the wire-format header.
    #[cfg(test)]
    pub fn encode(&self, json: &Json) -> Result<Vec<u8>, FieldError> {
        let mut out = Vec::with_capacity(128);
        self.encode_into(json, &mut out)?;
        Ok(out)
    }

    /// Appends the Avro binary of `json` to `out` (after a wire-format header, say).
    pub fn encode_into(&self, json: &Json, out: &mut Vec<u8>) -> Result<(), FieldError> {
        let converter = avro_in::Converter { names: &self.names };
        converter.write(&self.schema, json, &avro_in::Path::Root, out)
    }

    /// Checks that JSON fits the schema (the encoding is thrown away).
    pub fn check(&self, json: &Json) -> Result<(), FieldError> {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            scratch.clear();
            self.encode_into(json, &mut scratch)
        })
    }

    /// Avro binary → plain JSON.
    pub fn decode(&self, bytes: &[u8]) -> Result<Json, String> {
        let mut reader = bytes;
        let value = apache_avro::from_avro_datum(&self.schema, &mut reader, None)
            .map_err(|e| e.to_string())?;
        if !reader.is_empty() {
            return Err(format!(
                "{} bytes left over after the Avro value",
                reader.len()
            ));
        }
        Ok(avro_out::to_json(&value, &self.schema, &self.names))
    }
}

/// A writer schema, compiled for its type: what a schema id stands for.
#[derive(Debug)]
pub enum Schema {
    Avro(AvroSchema),
    Json(JsonSchema),
    Protobuf(ProtoSchema),
}

impl Schema {
    /// Compiles a schema's text as its type; `name` is what a Protobuf file is called
    /// while compiling, `references` the (name, text) of every schema it references,
    /// directly or not.
    pub fn compile(
        schema_type: SchemaType,
        name: &str,
        text: &str,
        references: &[(String, String)],
    ) -> Result<Schema, String> {
        match schema_type {
            SchemaType::Avro => AvroSchema::parse(text).map(Schema::Avro),
            SchemaType::Json => JsonSchema::compile(text, references).map(Schema::Json),
            SchemaType::Protobuf => {
                ProtoSchema::compile(name, text, references).map(Schema::Protobuf)
            }
        }
    }

    pub fn schema_type(&self) -> SchemaType {
        match self {
            Schema::Avro(_) => SchemaType::Avro,
            Schema::Json(_) => SchemaType::Json,
            Schema::Protobuf(_) => SchemaType::Protobuf,
        }
    }

    /// The payload after the schema id → JSON, and how it was read.
    fn decode(&self, payload: &[u8]) -> Result<(Json, &'static str), String> {
        match self {
            Schema::Avro(s) => s.decode(payload).map(|v| (v, "avro")),
            Schema::Json(_) => serde_json::from_slice(payload)
                .map(|v| (v, "json-schema"))
                .map_err(|e| format!("not JSON: {e}")),
            Schema::Protobuf(s) => s.decode(payload).map(|v| (v, "protobuf")),
        }
    }
}

/// What writes values in the wire format with one schema: for Protobuf, one message of it.
#[derive(Debug, Clone)]
pub struct Writer {
    schema: Arc<Schema>,
    message: Option<ProtoMessage>,
}

impl Writer {
    /// `message`: the Protobuf message to write (full name), else the file's first.
    pub fn new(schema: Arc<Schema>, message: Option<&str>) -> Result<Writer, String> {
        let message = match (&*schema, message) {
            (Schema::Protobuf(p), name) => Some(p.message(name)?),
            (_, None) => None,
            (other, Some(_)) => {
                return Err(format!(
                    "--message picks a Protobuf message; this schema is {}",
                    other.schema_type()
                ))
            }
        };
        Ok(Writer { schema, message })
    }

    /// The name the record name strategies use: the Avro record's full name, the Protobuf
    /// message's, the JSON Schema's `title`.
    pub fn record_name(&self) -> Option<String> {
        match (&*self.schema, &self.message) {
            (_, Some(m)) => Some(m.full_name().to_string()),
            (Schema::Avro(a), _) => a.record_name(),
            (Schema::Json(j), _) => j.title(),
            (Schema::Protobuf(_), None) => None,
        }
    }

    /// Whether events must be parsed to JSON first; Protobuf reads the text itself.
    pub fn needs_json(&self) -> bool {
        self.message.is_none()
    }

    /// Checks an event given as JSON text and, with `out`, appends its payload (for a
    /// writer that does not need JSON first: Protobuf).
    pub fn write_text(&self, text: &str, out: Option<&mut Vec<u8>>) -> Result<(), String> {
        match &self.message {
            Some(m) => m.text_into(text, out),
            None => {
                let json: Json = serde_json::from_str(text).map_err(|e| {
                    format!("not JSON: {}", crate::util::json_words::in_one_line(&e))
                })?;
                match out {
                    Some(out) => self.write(text, &json, out),
                    None => self.check(&json),
                }
            }
        }
    }

    /// Checks that JSON fits the schema (nothing is written).
    pub fn check(&self, json: &Json) -> Result<(), String> {
        match (&*self.schema, &self.message) {
            (_, Some(m)) => m.check(json).map_err(|e| e.to_string()),
            (Schema::Avro(a), _) => a.check(json).map_err(|e| e.to_string()),
            (Schema::Json(j), _) => j.check(json).map_err(|e| e.to_string()),
            (Schema::Protobuf(_), None) => Err("no Protobuf message chosen".into()),
        }
    }

    /// Appends the payload after the schema id: Avro binary, the JSON text as given
    /// (`text`, checked first), or the message indexes and the Protobuf message.
    pub fn write(&self, text: &str, json: &Json, out: &mut Vec<u8>) -> Result<(), String> {
        match (&*self.schema, &self.message) {
            (_, Some(m)) => m.encode_into(json, out).map_err(|e| e.to_string()),
            (Schema::Avro(a), _) => a.encode_into(json, out).map_err(|e| e.to_string()),
            (Schema::Json(j), _) => {
                j.check(json).map_err(|e| e.to_string())?;
                out.extend_from_slice(text.trim().as_bytes());
                Ok(())
            }
            (Schema::Protobuf(_), None) => Err("no Protobuf message chosen".into()),
        }
    }
}

/// How to read or write a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    /// The wire format, with a schema of this type (`Avro`, `JsonSchema`, `Protobuf`).
    Avro,
    JsonSchema,
    Protobuf,
    /// Bytes as they are; shown as text when UTF-8, else base64.
    Raw,
    /// Reading only: the wire format (any schema type), else JSON, else text, else
    /// base64.
    Auto,
    /// Reading keys: the wire format, else text as sent, else base64. A key `1e3` or
    /// `null` stays that text; JSON would turn it into a number or no key at all.
    AutoText,
}

impl Format {
    /// The schema type a wire-format read asks for.
    fn schema_type(self) -> Option<SchemaType> {
        match self {
            Format::Avro => Some(SchemaType::Avro),
            Format::JsonSchema => Some(SchemaType::Json),
            Format::Protobuf => Some(SchemaType::Protobuf),
            _ => None,
        }
    }
}

/// Writer schemas by id, for decoding wire-format payloads.
pub trait SchemaSource {
    fn schema_by_id(&self, id: u32) -> Result<Arc<Schema>, String>;
}

/// A decoded payload: the JSON to print, the schema id when it was in the wire format.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub value: Json,
    pub schema_id: Option<u32>,
    /// How the bytes were read: `avro`, `json-schema`, `protobuf`, `json`, `text` or
    /// `base64`.
    pub encoding: &'static str,
}

/// Why a payload could not be read in the asked format. The caller prints it as base64
/// with a warning and goes on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DecodeError(pub String);

pub fn decode(
    bytes: &[u8],
    format: Format,
    schemas: &dyn SchemaSource,
) -> Result<Decoded, DecodeError> {
    match format {
        Format::Avro | Format::JsonSchema | Format::Protobuf => {
            decode_wire(bytes, schemas, format.schema_type())
        }
        Format::Json => serde_json::from_slice(bytes)
            .map(|value| Decoded {
                value,
                schema_id: None,
                encoding: "json",
            })
            .map_err(|e| DecodeError(format!("not JSON: {e}"))),
        Format::Raw => Ok(text_or_base64(bytes)),
        // Nothing but the wire format starts with a zero byte (JSON and text do not), so a
        // payload that has its header but does not decode is said, not guessed at.
        Format::AutoText => {
            if wire::split(bytes).is_some() {
                return decode_wire(bytes, schemas, None);
            }
            Ok(text_or_base64(bytes))
        }
        Format::Auto => {
            if wire::split(bytes).is_some() {
                return decode_wire(bytes, schemas, None);
            }
            if let Ok(value) = serde_json::from_slice::<Json>(bytes) {
                return Ok(Decoded {
                    value,
                    schema_id: None,
                    encoding: "json",
                });
            }
            Ok(text_or_base64(bytes))
        }
    }
}

/// The wire format, decoded as the writer schema's type says (or only as `expected`).
fn decode_wire(
    bytes: &[u8],
    schemas: &dyn SchemaSource,
    expected: Option<SchemaType>,
) -> Result<Decoded, DecodeError> {
    let (id, payload) = wire::split(bytes).ok_or_else(|| {
        DecodeError("not in the Confluent wire format (magic byte 0 and a schema id)".into())
    })?;
    let schema = schemas
        .schema_by_id(id)
        .map_err(|e| DecodeError(format!("schema {id}: {e}")))?;
    let schema_type = schema.schema_type();
    if let Some(expected) = expected.filter(|t| *t != schema_type) {
        return Err(DecodeError(format!(
            "schema {id} is {schema_type}, not {expected} (--format auto reads any type)"
        )));
    }
    let (value, encoding) = schema
        .decode(payload)
        .map_err(|e| DecodeError(format!("not {schema_type} for schema {id}: {e}")))?;
    Ok(Decoded {
        value,
        schema_id: Some(id),
        encoding,
    })
}

/// UTF-8 text as a JSON string, anything else as base64. Text may hold a few control
/// characters (a log line with colour codes, a bell): JSON escapes them and a terminal
/// shows them escaped. Bytes that are mostly control characters, or hold a NUL, are
/// binary that happens to be valid UTF-8 (a small Protobuf message), and read better as
/// base64.
pub fn text_or_base64(bytes: &[u8]) -> Decoded {
    let text = std::str::from_utf8(bytes).ok().filter(|t| {
        let (mut chars, mut controls) = (0usize, 0usize);
        for c in t.chars() {
            chars += 1;
            if c == '\0' {
                return false;
            }
            if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
                controls += 1;
            }
        }
        controls * 8 <= chars
    });
    match text {
        Some(text) => Decoded {
            value: Json::String(text.to_string()),
            schema_id: None,
            encoding: "text",
        },
        None => base64(bytes),
    }
}

/// Bytes as base64, for payloads that could not be decoded as asked.
pub fn base64(bytes: &[u8]) -> Decoded {
    Decoded {
        value: Json::String(base64::engine::general_purpose::STANDARD.encode(bytes)),
        schema_id: None,
        encoding: "base64",
    }
}

/// No registry: every schema lookup fails (for reading without one).
pub struct NoSchemas;

impl SchemaSource for NoSchemas {
    fn schema_by_id(&self, id: u32) -> Result<Arc<Schema>, String> {
        Err(format!("no Schema Registry configured to look up schema {id} (--registry or SCHEMA_REGISTRY_URL)"))
    }
}

#[cfg(test)]
mod tests;
