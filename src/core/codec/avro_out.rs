//! Avro values → plain JSON: unions print their value without a wrapper, enums their
//! symbol, logical types their natural spelling (see `logical`), bytes one character per
//! byte as in Avro's JSON encoding.

use apache_avro::schema::{Name, Schema};
use apache_avro::types::Value;
use serde_json::{Map, Number, Value as Json};
use std::collections::HashMap;

use super::logical;
use crate::util::time;

pub(super) fn to_json(value: &Value, schema: &Schema, names: &HashMap<Name, Schema>) -> Json {
    let schema = match schema {
        Schema::Ref { name } => names.get(name).unwrap_or(schema),
        other => other,
    };
    match value {
        Value::Null => Json::Null,
        Value::Boolean(b) => Json::Bool(*b),
        Value::Int(n) => Json::from(*n),
        Value::Long(n) => Json::from(*n),
        Value::Float(f) => float(f64::from(*f)),
        Value::Double(f) => float(*f),
        Value::Bytes(b) | Value::Fixed(_, b) => {
            Json::String(b.iter().map(|&c| char::from(c)).collect())
        }
        Value::String(s) => Json::String(s.clone()),
        Value::Enum(_, symbol) => Json::String(symbol.clone()),
        Value::Union(i, inner) => {
            let branch = match schema {
                Schema::Union(u) => u.variants().get(*i as usize).unwrap_or(schema),
                other => other,
            };
            to_json(inner, branch, names)
        }
        Value::Array(items) => {
            let item_schema = match schema {
                Schema::Array(a) => &a.items,
                other => other,
            };
            Json::Array(
                items
                    .iter()
                    .map(|v| to_json(v, item_schema, names))
                    .collect(),
            )
        }
        Value::Map(entries) => {
            let value_schema = match schema {
                Schema::Map(m) => &m.types,
                other => other,
            };
            let mut keys: Vec<&String> = entries.keys().collect();
            keys.sort();
            Json::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), to_json(&entries[k], value_schema, names)))
                    .collect(),
            )
        }
        Value::Record(fields) => {
            let mut object = Map::with_capacity(fields.len());
            for (name, v) in fields {
                let field_schema = match schema {
                    Schema::Record(r) => {
                        r.fields.iter().find(|f| &f.name == name).map(|f| &f.schema)
                    }
                    _ => None,
                };
                object.insert(
                    name.clone(),
                    to_json(v, field_schema.unwrap_or(&Schema::Null), names),
                );
            }
            Json::Object(object)
        }
        Value::Date(days) => Json::String(time::format_date(i64::from(*days))),
        Value::TimeMillis(t) => Json::String(time::format_time(i64::from(*t), 1_000)),
        Value::TimeMicros(t) => Json::String(time::format_time(*t, 1_000_000)),
        Value::TimestampMillis(t) | Value::LocalTimestampMillis(t) => {
            Json::String(time::format_rfc3339(*t, 1_000))
        }
        Value::TimestampMicros(t) | Value::LocalTimestampMicros(t) => {
            Json::String(time::format_rfc3339(*t, 1_000_000))
        }
        Value::TimestampNanos(t) | Value::LocalTimestampNanos(t) => {
            Json::String(time::format_rfc3339(*t, 1_000_000_000))
        }
        Value::Decimal(d) => {
            let scale = match schema {
                Schema::Decimal(d) => d.scale,
                _ => 0,
            };
            let text = Vec::<u8>::try_from(d)
                .ok()
                .and_then(|b| logical::decimal_to_string(&b, scale));
            text.map_or(Json::Null, Json::String)
        }
        Value::BigDecimal(d) => Json::String(d.to_string()),
        Value::Uuid(u) => Json::String(u.to_string()),
        Value::Duration(d) => {
            let months: u32 = d.months().into();
            let days: u32 = d.days().into();
            let millis: u32 = d.millis().into();
            serde_json::json!({"months": months, "days": days, "millis": millis})
        }
    }
}

/// A float as JSON; NaN and the infinities, which JSON lacks, as the strings Avro's JSON
/// encoding and kop's own input use for them.
fn float(f: f64) -> Json {
    match Number::from_f64(f) {
        Some(n) => Json::Number(n),
        None if f.is_nan() => Json::String("NaN".into()),
        None if f > 0.0 => Json::String("Infinity".into()),
        None => Json::String("-Infinity".into()),
    }
}
