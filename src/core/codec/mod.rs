//! Bytes ↔ JSON: `json`, `avro` (Confluent wire format), `raw`, and `auto` for reading.
//! Pure: schemas come in through [`SchemaSource`], so nothing here does I/O.

mod avro_in;
mod avro_out;
pub mod logical;
pub mod wire;

use std::collections::HashMap;
use std::sync::Arc;

use apache_avro::schema::{Name, Schema};
use base64::Engine as _;
use serde_json::Value as Json;

pub use avro_in::FieldError;

/// A parsed Avro schema with its named types, ready to encode and decode.
#[derive(Debug, Clone)]
pub struct AvroSchema {
    schema: Schema,
    names: HashMap<Name, Schema>,
}

impl AvroSchema {
    pub fn parse(text: &str) -> Result<AvroSchema, String> {
        let schema = Schema::parse_str(text).map_err(|e| e.to_string())?;
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
            Schema::Record(r) => Some(r.name.fullname(None)),
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

/// How to read or write a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Avro,
    /// Bytes as they are; shown as text when UTF-8, else base64.
    Raw,
    /// Reading only: wire-format Avro, else JSON, else text, else base64.
    Auto,
    /// Reading keys: wire-format Avro, else text as sent, else base64. A key `1e3` or
    /// `null` stays that text; JSON would turn it into a number or no key at all.
    AutoText,
}

/// Writer schemas by id, for decoding wire-format payloads.
pub trait SchemaSource {
    fn schema_by_id(&self, id: u32) -> Result<Arc<AvroSchema>, String>;
}

/// A decoded payload: the JSON to print, the schema id when it was Avro.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub value: Json,
    pub schema_id: Option<u32>,
    /// How the bytes were read: `avro`, `json`, `text` or `base64`.
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
        Format::Avro => decode_avro(bytes, schemas),
        Format::Json => serde_json::from_slice(bytes)
            .map(|value| Decoded {
                value,
                schema_id: None,
                encoding: "json",
            })
            .map_err(|e| DecodeError(format!("not JSON: {e}"))),
        Format::Raw => Ok(text_or_base64(bytes)),
        Format::AutoText => {
            if wire::split(bytes).is_some() {
                if let Ok(decoded) = decode_avro(bytes, schemas) {
                    return Ok(decoded);
                }
            }
            Ok(text_or_base64(bytes))
        }
        Format::Auto => {
            if wire::split(bytes).is_some() {
                if let Ok(decoded) = decode_avro(bytes, schemas) {
                    return Ok(decoded);
                }
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

fn decode_avro(bytes: &[u8], schemas: &dyn SchemaSource) -> Result<Decoded, DecodeError> {
    let (id, payload) = wire::split(bytes).ok_or_else(|| {
        DecodeError("not in the Confluent wire format (magic byte 0 and a schema id)".into())
    })?;
    let schema = schemas
        .schema_by_id(id)
        .map_err(|e| DecodeError(format!("schema {id}: {e}")))?;
    let value = schema
        .decode(payload)
        .map_err(|e| DecodeError(format!("not Avro for schema {id}: {e}")))?;
    Ok(Decoded {
        value,
        schema_id: Some(id),
        encoding: "avro",
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
    fn schema_by_id(&self, id: u32) -> Result<Arc<AvroSchema>, String> {
        Err(format!("no Schema Registry configured to look up schema {id} (--registry or SCHEMA_REGISTRY_URL)"))
    }
}

#[cfg(test)]
mod tests;
