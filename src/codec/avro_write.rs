//! Avro binary encoding of values the converter already checked against the schema.
//!
//! apache-avro's own writer validates the value and resolves the schema's names again on
//! every call; for values built by `avro_in` both are done, so encoding is a plain walk.

use std::collections::HashMap;

use apache_avro::schema::{Name, Schema};
use apache_avro::types::Value;

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

/// Writes `value` (shaped by `schema`) to `out`. The schema matters only where the value
/// alone does not say how it is written: decimals stored as `fixed`.
pub(super) fn write(
    value: &Value,
    schema: &Schema,
    names: &HashMap<Name, Schema>,
    out: &mut Vec<u8>,
) -> Result<(), String> {
    let schema = match schema {
        Schema::Ref { name } => names.get(name).unwrap_or(schema),
        other => other,
    };
    match value {
        Value::Null => {}
        Value::Boolean(b) => out.push(u8::from(*b)),
        Value::Int(n) | Value::Date(n) | Value::TimeMillis(n) => zigzag(i64::from(*n), out),
        Value::Long(n)
        | Value::TimeMicros(n)
        | Value::TimestampMillis(n)
        | Value::TimestampMicros(n)
        | Value::TimestampNanos(n)
        | Value::LocalTimestampMillis(n)
        | Value::LocalTimestampMicros(n)
        | Value::LocalTimestampNanos(n) => zigzag(*n, out),
        Value::Float(f) => out.extend_from_slice(&f.to_le_bytes()),
        Value::Double(f) => out.extend_from_slice(&f.to_le_bytes()),
        Value::Bytes(b) => bytes(b, out),
        Value::String(s) => bytes(s.as_bytes(), out),
        Value::Uuid(u) => bytes(u.to_string().as_bytes(), out),
        Value::Fixed(_, b) => out.extend_from_slice(b),
        Value::Enum(i, _) => zigzag(i64::from(*i), out),
        Value::Union(i, inner) => {
            zigzag(i64::from(*i), out);
            let branch = match schema {
                Schema::Union(u) => u.variants().get(*i as usize).unwrap_or(schema),
                other => other,
            };
            write(inner, branch, names, out)?;
        }
        Value::Array(items) => {
            let item_schema = match schema {
                Schema::Array(a) => a.items.as_ref(),
                other => other,
            };
            if !items.is_empty() {
                zigzag(items.len() as i64, out);
                for item in items {
                    write(item, item_schema, names, out)?;
                }
            }
            out.push(0);
        }
        Value::Map(entries) => {
            let value_schema = match schema {
                Schema::Map(m) => m.types.as_ref(),
                other => other,
            };
            if !entries.is_empty() {
                zigzag(entries.len() as i64, out);
                for (k, v) in entries {
                    bytes(k.as_bytes(), out);
                    write(v, value_schema, names, out)?;
                }
            }
            out.push(0);
        }
        Value::Record(fields) => {
            let Schema::Record(record) = schema else {
                return Err("a record value for a non-record schema".into());
            };
            for ((_, v), field) in fields.iter().zip(&record.fields) {
                write(v, &field.schema, names, out)?;
            }
        }
        Value::Decimal(d) => {
            let raw: Vec<u8> = Vec::try_from(d).map_err(|e| e.to_string())?;
            match schema {
                Schema::Decimal(ds) => match ds.inner.as_ref() {
                    Schema::Fixed(f) => {
                        if raw.len() > f.size {
                            return Err(format!(
                                "decimal needs {} bytes, the fixed holds {}",
                                raw.len(),
                                f.size
                            ));
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
                },
                _ => bytes(&raw, out),
            }
        }
        Value::BigDecimal(_) | Value::Duration(_) => {
            return Err("this Avro type is not supported for JSON input".into())
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
