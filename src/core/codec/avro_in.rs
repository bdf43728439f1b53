//! Plain JSON → Avro binary, guided by the schema, in one walk.
//!
//! Accepts the JSON people write: a union takes the bare value and the branch is chosen by
//! what fits (`"x"` for `["null", "string"]`), as well as Avro's own JSON encoding
//! (`{"string": "x"}`). Logical types take their natural spelling: `"2025-01-14"` for a
//! date, an RFC 3339 string or epoch number for timestamps, `"12.34"` or `12.34` for a
//! decimal, a UUID string for a uuid. A value that does not fit names its field path
//! (`$.tags[2]`) and what was expected.

use std::collections::HashMap;

use apache_avro::schema::{Name, RecordSchema, Schema, UnionSchema};
use serde_json::Value as Json;

use super::logical;

/// Why a JSON value does not fit the schema, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", if path == "$" { "value".to_string() } else { format!("field `{}`", &path[2..]) })]
pub struct FieldError {
    /// `$` for the whole value, `$.a.b[2]` inside it.
    pub path: String,
    pub message: String,
}

type Names = HashMap<Name, Schema>;

pub(super) struct Converter<'a> {
    pub names: &'a Names,
}

/// Where a value sits in the document. Rendered only when something is wrong: building
/// the text for every field of every event would cost more than the conversion itself.
#[derive(Debug, Clone, Copy)]
pub(super) enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root => "$".into(),
            Path::Field(parent, name) => format!("{}.{name}", parent.render()),
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

fn fail<T>(path: &Path<'_>, message: impl Into<String>) -> Result<T, FieldError> {
    Err(FieldError {
        path: path.render(),
        message: message.into(),
    })
}

fn describe(json: &Json) -> String {
    match json {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) if s.len() > 40 => {
            format!("\"{}…\"", s.chars().take(40).collect::<String>())
        }
        Json::String(s) => format!("\"{s}\""),
        Json::Array(_) => "an array".into(),
        Json::Object(_) => "an object".into(),
    }
}

fn mismatch<T>(path: &Path<'_>, expected: &str, json: &Json) -> Result<T, FieldError> {
    fail(
        path,
        format!("expected {expected}, found {}", describe(json)),
    )
}

impl Converter<'_> {
    fn resolve<'s>(&'s self, schema: &'s Schema) -> &'s Schema {
        match schema {
            Schema::Ref { name } => self.names.get(name).unwrap_or(schema),
            other => other,
        }
    }

    /// Checks `json` against `schema` and appends its Avro binary encoding to `out`. On
    /// error `out` may hold a partial value; callers that retry truncate it.
    pub fn write(
        &self,
        schema: &Schema,
        json: &Json,
        path: &Path<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), FieldError> {
        let schema = self.resolve(schema);
        match schema {
            Schema::Null => match json {
                Json::Null => Ok(()),
                other => mismatch(path, "null", other),
            },
            Schema::Boolean => match json {
                Json::Bool(b) => {
                    out.push(u8::from(*b));
                    Ok(())
                }
                other => mismatch(path, "true or false", other),
            },
            Schema::Int => {
                let n = integer(json, path, "an int")?;
                let n =
                    i32::try_from(n).or_else(|_| fail(path, format!("{n} does not fit an int")))?;
                zigzag(i64::from(n), out);
                Ok(())
            }
            Schema::Long => integer(json, path, "a long").map(|n| zigzag(n, out)),
            Schema::Float => {
                let f = number(json, path, "a float")?;
                let narrow = f as f32;
                if f.is_finite() && !narrow.is_finite() {
                    return fail(
                        path,
                        format!("{f} does not fit a float (at most ±{:e})", f32::MAX),
                    );
                }
                out.extend_from_slice(&narrow.to_le_bytes());
                Ok(())
            }
            Schema::Double => {
                number(json, path, "a double").map(|f| out.extend_from_slice(&f.to_le_bytes()))
            }
            Schema::String => match json {
                Json::String(s) => {
                    bytes(s.as_bytes(), out);
                    Ok(())
                }
                other => mismatch(path, "a string", other),
            },
            Schema::Bytes => latin1_bytes(json, path).map(|b| bytes(&b, out)),
            Schema::Fixed(fixed) => {
                let b = latin1_bytes(json, path)?;
                if b.len() != fixed.size {
                    return fail(
                        path,
                        format!(
                            "expected {} bytes for fixed `{}`, found {}",
                            fixed.size,
                            fixed.name.name,
                            b.len()
                        ),
                    );
                }
                out.extend_from_slice(&b);
                Ok(())
            }
            Schema::Enum(e) => match json {
                Json::String(s) => match e.symbols.iter().position(|sym| sym == s) {
                    Some(i) => {
                        zigzag(i as i64, out);
                        Ok(())
                    }
                    None => fail(
                        path,
                        format!(
                            "expected one of {} (enum {}), found \"{s}\"",
                            e.symbols.join(", "),
                            e.name.name
                        ),
                    ),
                },
                other => mismatch(path, &format!("one of {}", e.symbols.join(", ")), other),
            },
            Schema::Array(array) => match json {
                Json::Array(items) => {
                    if !items.is_empty() {
                        zigzag(items.len() as i64, out);
                        for (i, item) in items.iter().enumerate() {
                            self.write(&array.items, item, &Path::Index(path, i), out)?;
                        }
                    }
                    out.push(0);
                    Ok(())
                }
                other => mismatch(path, "an array", other),
            },
            Schema::Map(map) => match json {
                Json::Object(entries) => {
                    if !entries.is_empty() {
                        zigzag(entries.len() as i64, out);
                        for (k, v) in entries {
                            bytes(k.as_bytes(), out);
                            self.write(&map.types, v, &Path::Field(path, k), out)?;
                        }
                    }
                    out.push(0);
                    Ok(())
                }
                other => mismatch(path, "an object (map)", other),
            },
            Schema::Record(record) => self.record(record, json, path, out),
            Schema::Union(union) => self.union(union, json, path, out),
            Schema::Decimal(d) => {
                let decimal = logical::decimal_from_json(json, d.precision, d.scale)
                    .or_else(|m| fail(path, m))?;
                let raw: Vec<u8> =
                    Vec::try_from(&decimal).or_else(|e| fail(path, e.to_string()))?;
                match d.inner.as_ref() {
                    Schema::Fixed(f) => {
                        if raw.len() > f.size {
                            return fail(
                                path,
                                format!(
                                    "the decimal needs {} bytes, the fixed holds {}",
                                    raw.len(),
                                    f.size
                                ),
                            );
                        }
                        let fill = if raw.first().is_some_and(|b| b & 0x80 != 0) {
                            0xFF
                        } else {
                            0
                        };
                        out.extend(std::iter::repeat_n(fill, f.size - raw.len()));
                        out.extend_from_slice(&raw);
                    }
                    _ => bytes(&raw, out),
                }
                Ok(())
            }
            Schema::Uuid => match json {
                Json::String(s) => {
                    let uuid = apache_avro::Uuid::parse_str(s)
                        .or_else(|_| fail(path, format!("expected a UUID, found \"{s}\"")))?;
                    bytes(uuid.hyphenated().to_string().as_bytes(), out);
                    Ok(())
                }
                other => mismatch(path, "a UUID string", other),
            },
            Schema::Date => logical::date_from_json(json)
                .map(|d| zigzag(i64::from(d), out))
                .or_else(|m| fail(path, m)),
            Schema::TimeMillis => logical::time_from_json(json, 1_000)
                .map(|t| zigzag(t, out))
                .or_else(|m| fail(path, m)),
            Schema::TimeMicros => logical::time_from_json(json, 1_000_000)
                .map(|t| zigzag(t, out))
                .or_else(|m| fail(path, m)),
            Schema::TimestampMillis | Schema::LocalTimestampMillis => {
                ts(json, path, 1_000).map(|t| zigzag(t, out))
            }
            Schema::TimestampMicros | Schema::LocalTimestampMicros => {
                ts(json, path, 1_000_000).map(|t| zigzag(t, out))
            }
            Schema::TimestampNanos | Schema::LocalTimestampNanos => {
                ts(json, path, 1_000_000_000).map(|t| zigzag(t, out))
            }
            Schema::Duration | Schema::BigDecimal | Schema::Ref { .. } => {
                fail(path, "this Avro type is not supported for JSON input")
            }
        }
    }

    fn record(
        &self,
        record: &RecordSchema,
        json: &Json,
        path: &Path<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), FieldError> {
        let Json::Object(object) = json else {
            return mismatch(
                path,
                &format!("an object (record {})", record.name.name),
                json,
            );
        };
        if object.len() > record.fields.len()
            || object.keys().any(|k| !record.lookup.contains_key(k))
        {
            if let Some(unknown) = object
                .keys()
                .find(|k| !record.fields.iter().any(|f| &f.name == *k))
            {
                let known: Vec<&str> = record.fields.iter().map(|f| f.name.as_str()).collect();
                return fail(
                    &Path::Field(path, unknown),
                    format!(
                        "not a field of record {} (its fields: {})",
                        record.name.name,
                        known.join(", ")
                    ),
                );
            }
        }
        for field in &record.fields {
            let field_path = Path::Field(path, &field.name);
            match (object.get(&field.name), &field.default) {
                (Some(v), _) => self.write(&field.schema, v, &field_path, out)?,
                (None, Some(default)) => self.default(&field.schema, default, &field_path, out)?,
                (None, None) if accepts_null(self.resolve(&field.schema)) => {
                    self.write(&field.schema, &Json::Null, &field_path, out)?
                }
                (None, None) => {
                    return fail(&field_path, "missing, and the schema gives it no default")
                }
            }
        }
        Ok(())
    }

    /// A field default is written in Avro's JSON encoding, where a union's default belongs
    /// to its first branch.
    fn default(
        &self,
        schema: &Schema,
        default: &Json,
        path: &Path<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), FieldError> {
        match self.resolve(schema) {
            Schema::Union(union) => {
                let first = union.variants().first().ok_or_else(|| FieldError {
                    path: path.render(),
                    message: "empty union".into(),
                })?;
                zigzag(0, out);
                self.write(first, default, path, out)
            }
            other => self.write(other, default, path, out),
        }
    }

    fn union(
        &self,
        union: &UnionSchema,
        json: &Json,
        path: &Path<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), FieldError> {
        let variants = union.variants();
        let mark = out.len();
        let attempt = |i: usize, value: &Json, out: &mut Vec<u8>| -> Result<(), FieldError> {
            zigzag(i as i64, out);
            let result = self.write(&variants[i], value, path, out);
            if result.is_err() {
                out.truncate(mark);
            }
            result
        };
        // Avro's JSON encoding: {"type name": value}.
        if let Json::Object(object) = json {
            if object.len() == 1 {
                let (key, inner) = object
                    .iter()
                    .next()
                    .map(|(k, v)| (k.as_str(), v))
                    .unwrap_or(("", json));
                if let Some(i) = variants
                    .iter()
                    .position(|v| branch_name(self.resolve(v)).is_some_and(|n| n.matches(key)))
                {
                    if attempt(i, inner, out).is_ok() {
                        return Ok(());
                    }
                }
            }
        }
        // Plain JSON: the first branch the value fits. Branches of another JSON kind are
        // skipped without trying them (and without building their error messages).
        let mut tried = Vec::new();
        let here = std::cell::OnceCell::new();
        for (i, variant) in variants.iter().enumerate() {
            if !could_fit(self.resolve(variant), json) {
                continue;
            }
            match attempt(i, json, out) {
                Ok(()) => return Ok(()),
                Err(e) if &e.path != here.get_or_init(|| path.render()) => tried.push(e),
                Err(_) => {}
            }
        }
        // A deeper error from a branch that was nearly right says more than "no branch".
        if let Some(deeper) = tried.into_iter().next() {
            return Err(deeper);
        }
        let names: Vec<String> = variants
            .iter()
            .map(|v| type_label(self.resolve(v)))
            .collect();
        mismatch(path, &format!("one of {}", names.join(", ")), json)
    }
}

fn zigzag(n: i64, out: &mut Vec<u8>) {
    let mut z = ((n << 1) ^ (n >> 63)) as u64;
    while z >= 0x80 {
        out.push((z as u8) | 0x80);
        z >>= 7;
    }
    out.push(z as u8);
}

fn bytes(b: &[u8], out: &mut Vec<u8>) {
    zigzag(b.len() as i64, out);
    out.extend_from_slice(b);
}

/// Whether a JSON value is of a kind the schema could take (numbers for numeric types,
/// strings for string-like ones, ...). A cheap first sieve for union branches.
fn could_fit(schema: &Schema, json: &Json) -> bool {
    match json {
        Json::Null => matches!(schema, Schema::Null),
        Json::Bool(_) => matches!(schema, Schema::Boolean),
        Json::Number(_) => !matches!(
            schema,
            Schema::Null
                | Schema::Boolean
                | Schema::String
                | Schema::Bytes
                | Schema::Fixed(_)
                | Schema::Enum(_)
                | Schema::Uuid
                | Schema::Array(_)
                | Schema::Map(_)
                | Schema::Record(_)
                | Schema::Union(_)
        ),
        Json::String(s) if matches!(s.as_str(), "NaN" | "Infinity" | "+Infinity" | "-Infinity") => {
            !matches!(
                schema,
                Schema::Null
                    | Schema::Boolean
                    | Schema::Int
                    | Schema::Long
                    | Schema::Array(_)
                    | Schema::Map(_)
                    | Schema::Record(_)
                    | Schema::Union(_)
            )
        }
        Json::String(_) => !matches!(
            schema,
            Schema::Null
                | Schema::Boolean
                | Schema::Int
                | Schema::Long
                | Schema::Float
                | Schema::Double
                | Schema::Array(_)
                | Schema::Map(_)
                | Schema::Record(_)
                | Schema::Union(_)
        ),
        Json::Array(_) => matches!(schema, Schema::Array(_)),
        Json::Object(_) => matches!(schema, Schema::Record(_) | Schema::Map(_)),
    }
}

struct BranchName {
    full: String,
    short: String,
}

impl BranchName {
    fn matches(&self, key: &str) -> bool {
        key == self.full || key == self.short
    }
}

/// The name a union branch goes by in Avro's JSON encoding.
fn branch_name(schema: &Schema) -> Option<BranchName> {
    let named = |name: &Name| BranchName {
        full: name.fullname(None),
        short: name.name.clone(),
    };
    let primitive = |s: &str| BranchName {
        full: s.into(),
        short: s.into(),
    };
    Some(match schema {
        Schema::Record(r) => named(&r.name),
        Schema::Enum(e) => named(&e.name),
        Schema::Fixed(f) => named(&f.name),
        Schema::Null => primitive("null"),
        Schema::Boolean => primitive("boolean"),
        Schema::Int | Schema::Date | Schema::TimeMillis => primitive("int"),
        Schema::Long
        | Schema::TimeMicros
        | Schema::TimestampMillis
        | Schema::TimestampMicros
        | Schema::TimestampNanos
        | Schema::LocalTimestampMillis
        | Schema::LocalTimestampMicros
        | Schema::LocalTimestampNanos => primitive("long"),
        Schema::Float => primitive("float"),
        Schema::Double => primitive("double"),
        Schema::Bytes | Schema::Decimal(_) => primitive("bytes"),
        Schema::String | Schema::Uuid => primitive("string"),
        Schema::Array(_) => primitive("array"),
        Schema::Map(_) => primitive("map"),
        _ => return None,
    })
}

fn type_label(schema: &Schema) -> String {
    branch_name(schema).map_or_else(|| "another type".into(), |n| n.short)
}

fn accepts_null(schema: &Schema) -> bool {
    matches!(schema, Schema::Union(u) if u.is_nullable())
}

fn integer(json: &Json, path: &Path<'_>, expected: &str) -> Result<i64, FieldError> {
    match json {
        Json::Number(n) => match n.as_i64() {
            Some(v) => Ok(v),
            None => fail(path, format!("expected {expected}, found {n}")),
        },
        other => mismatch(path, expected, other),
    }
}

/// A JSON number; NaN and the infinities only when spelled out as strings.
fn number(json: &Json, path: &Path<'_>, expected: &str) -> Result<f64, FieldError> {
    match json {
        Json::Number(n) => n
            .as_f64()
            .map_or_else(|| mismatch(path, expected, json), Ok),
        Json::String(s) => match s.as_str() {
            "NaN" => Ok(f64::NAN),
            "Infinity" | "+Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => mismatch(path, expected, json),
        },
        other => mismatch(path, expected, other),
    }
}

fn ts(json: &Json, path: &Path<'_>, per_second: i64) -> Result<i64, FieldError> {
    logical::timestamp_from_json(json, per_second).or_else(|m| fail(path, m))
}

/// Avro's JSON encoding of bytes: each character is one byte (U+0000 to U+00FF).
fn latin1_bytes(json: &Json, path: &Path<'_>) -> Result<Vec<u8>, FieldError> {
    let Json::String(s) = json else {
        return mismatch(path, "a string of bytes", json);
    };
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect::<Option<Vec<u8>>>()
        .map_or_else(
            || {
                fail(
                    path,
                    "bytes are written one character per byte (U+0000 to U+00FF)",
                )
            },
            Ok,
        )
}

#[cfg(test)]
mod tests {
    use super::zigzag;

    #[test]
    fn zigzag_varints_match_the_spec() {
        for (n, want) in [
            (0i64, vec![0u8]),
            (-1, vec![1]),
            (1, vec![2]),
            (-64, vec![0x7f]),
            (64, vec![0x80, 0x01]),
        ] {
            let mut out = Vec::new();
            zigzag(n, &mut out);
            assert_eq!(out, want, "{n}");
        }
    }
}
