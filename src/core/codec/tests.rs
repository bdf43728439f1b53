//! Round trips of every Avro type through plain JSON, and the errors people see.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::json;

use super::*;

const EVERYTHING: &str = r#"{
  "type": "record", "name": "Everything", "namespace": "com.example",
  "fields": [
    {"name": "flag", "type": "boolean"},
    {"name": "small", "type": "int"},
    {"name": "big", "type": "long"},
    {"name": "ratio", "type": "float"},
    {"name": "precise", "type": "double"},
    {"name": "blob", "type": "bytes"},
    {"name": "name", "type": "string"},
    {"name": "nothing", "type": "null"},
    {"name": "colour", "type": {"type": "enum", "name": "Colour", "symbols": ["RED", "GREEN"]}},
    {"name": "tags", "type": {"type": "array", "items": "string"}},
    {"name": "counts", "type": {"type": "map", "values": "long"}},
    {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
    {"name": "maybe", "type": ["null", "string"], "default": null},
    {"name": "either", "type": ["null", "long", "string"]},
    {"name": "child", "type": {"type": "record", "name": "Child", "fields": [
        {"name": "id", "type": "string"},
        {"name": "age", "type": ["null", "int"], "default": null}
    ]}},
    {"name": "sibling", "type": ["null", "Child"]},
    {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
    {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
    {"name": "day", "type": {"type": "int", "logicalType": "date"}},
    {"name": "at_ms", "type": {"type": "int", "logicalType": "time-millis"}},
    {"name": "at_us", "type": {"type": "long", "logicalType": "time-micros"}},
    {"name": "when_ms", "type": {"type": "long", "logicalType": "timestamp-millis"}},
    {"name": "when_us", "type": {"type": "long", "logicalType": "timestamp-micros"}},
    {"name": "local_ms", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
    {"name": "with_default", "type": "string", "default": "fallback"}
  ]
}"#;

fn everything() -> AvroSchema {
    AvroSchema::parse(EVERYTHING).unwrap()
}

fn full_value() -> Json {
    json!({
        "flag": true,
        "small": -7,
        "big": 9_007_199_254_740_993_i64,
        "ratio": 0.5,
        "precise": 3.25,
        "blob": "\u{0}\u{1}\u{ff}",
        "name": "Emma",
        "nothing": null,
        "colour": "GREEN",
        "tags": ["a", "b"],
        "counts": {"x": 1, "y": 2},
        "hash": "abcd",
        "maybe": "here",
        "either": 42,
        "child": {"id": "c1", "age": 7},
        "sibling": {"id": "c2", "age": null},
        "price": "12.34",
        "id": "7f0c2a1e-0b7d-4c55-9d2c-3f4b1a2e9c10",
        "day": "2025-01-14",
        "at_ms": "09:12:03.250",
        "at_us": "09:12:03.250001",
        "when_ms": "2025-01-14T09:12:03.250Z",
        "when_us": "2025-01-14T09:12:03.250001Z",
        "local_ms": "2025-01-14T09:12:03.000Z",
        "with_default": "given"
    })
}

#[test]
fn every_type_round_trips_through_plain_json() {
    let schema = everything();
    let value = full_value();
    let bytes = schema.encode(&value).unwrap();
    assert_eq!(schema.decode(&bytes).unwrap(), value);
}

#[test]
fn kops_encoding_matches_apache_avros_byte_for_byte() {
    let schema = everything();
    // One map entry: map order is not fixed, so two entries may be written either way.
    let mut json = full_value();
    json["counts"] = json!({"x": 1});
    let ours = schema.encode(&json).unwrap();
    // apache-avro reads our bytes and, writing the same value, produces the same bytes.
    let value = apache_avro::from_avro_datum(&schema.schema, &mut ours.as_slice(), None).unwrap();
    let reference = apache_avro::to_avro_datum(&schema.schema, value).unwrap();
    assert_eq!(ours, reference);
}

#[test]
fn avro_json_encoding_is_accepted_too() {
    let schema = everything();
    let mut avro_json = full_value();
    avro_json["maybe"] = json!({"string": "here"});
    avro_json["either"] = json!({"long": 42});
    avro_json["sibling"] = json!({"com.example.Child": {"id": "c2", "age": {"null": null}}});
    let decoded = schema.decode(&schema.encode(&avro_json).unwrap()).unwrap();
    assert_eq!(decoded, full_value(), "printed back as plain JSON");
}

#[test]
fn union_branches_are_picked_by_what_fits() {
    let schema = everything();
    let mut value = full_value();
    value["either"] = json!("text");
    let decoded = schema.decode(&schema.encode(&value).unwrap()).unwrap();
    assert_eq!(decoded["either"], "text");
    value["either"] = json!(null);
    assert_eq!(
        schema.decode(&schema.encode(&value).unwrap()).unwrap()["either"],
        json!(null)
    );
}

#[test]
fn defaults_fill_missing_fields() {
    let schema = everything();
    let mut value = full_value();
    let object = value.as_object_mut().unwrap();
    object.remove("maybe");
    object.remove("with_default");
    let decoded = schema.decode(&schema.encode(&value).unwrap()).unwrap();
    assert_eq!(decoded["maybe"], json!(null));
    assert_eq!(decoded["with_default"], "fallback");
}

#[test]
fn errors_name_the_field_and_the_expectation() {
    let schema = everything();
    let cases: Vec<(&str, Json, &str)> = vec![
        (
            "colour",
            json!("BLUE"),
            "field `colour`: expected one of RED, GREEN (enum Colour), found \"BLUE\"",
        ),
        (
            "small",
            json!("seven"),
            "field `small`: expected an int, found \"seven\"",
        ),
        (
            "small",
            json!(3_000_000_000_i64),
            "field `small`: 3000000000 does not fit an int",
        ),
        (
            "tags",
            json!(["a", 2]),
            "field `tags[1]`: expected a string, found 2",
        ),
        (
            "child",
            json!({"age": 3}),
            "field `child.id`: missing, and the schema gives it no default",
        ),
        (
            "child",
            json!({"id": "x", "shoe": 3}),
            "field `child.shoe`: not a field of record Child (its fields: id, age)",
        ),
        (
            "day",
            json!("14/01/2025"),
            "field `day`: expected a date like \"2025-01-14\", found \"14/01/2025\"",
        ),
        (
            "price",
            json!("1.234"),
            "field `price`: \"1.234\" has more than 2 fraction digits",
        ),
        (
            "id",
            json!("not-a-uuid"),
            "field `id`: expected a UUID, found \"not-a-uuid\"",
        ),
        (
            "hash",
            json!("abc"),
            "field `hash`: expected 4 bytes for fixed `Hash`, found 3",
        ),
        (
            "either",
            json!(true),
            "field `either`: expected one of null, long, string, found true",
        ),
        (
            "sibling",
            json!({"id": 5}),
            "field `sibling.id`: expected a string, found 5",
        ),
    ];
    for (field, bad, message) in cases {
        let mut value = full_value();
        value[field] = bad;
        let err = schema.encode(&value).unwrap_err();
        assert_eq!(err.to_string(), message);
    }
    let err = schema.encode(&json!([1])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "value: expected an object (record Everything), found an array"
    );
}

#[test]
fn the_teams_task_schema_takes_plain_json() {
    let text = include_str!("../../../schemas/task_created.avsc");
    let schema = AvroSchema::parse(text).unwrap();
    assert_eq!(
        schema.record_name().as_deref(),
        Some("com.todoapp.events.TaskCreatedEvent")
    );
    let event = json!({"eventId": "e1", "eventTimestamp": 1736845923000_i64, "userId": "u1", "taskId": "t1",
        "title": "Buy milk", "description": null, "priority": "HIGH", "dueDate": 1736900000000_i64,
        "categoryId": "home", "tags": ["errand"]});
    let decoded = schema.decode(&schema.encode(&event).unwrap()).unwrap();
    assert_eq!(decoded, event);
    let minimal =
        json!({"eventId": "e1", "eventTimestamp": 1, "userId": "u1", "taskId": "t1", "title": "x"});
    let decoded = schema.decode(&schema.encode(&minimal).unwrap()).unwrap();
    assert_eq!(decoded["priority"], "MEDIUM");
    assert_eq!(decoded["tags"], json!([]));
}

struct Schemas(HashMap<u32, Arc<Schema>>);

impl SchemaSource for Schemas {
    fn schema_by_id(&self, id: u32) -> Result<Arc<Schema>, String> {
        self.0
            .get(&id)
            .cloned()
            .ok_or_else(|| format!("no schema {id}"))
    }
}

#[test]
fn auto_detects_wire_format_json_text_and_binary() {
    let schema = AvroSchema::parse(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}"#,
    )
    .unwrap();
    let framed = wire::frame(7, &schema.encode(&json!({"a": 5})).unwrap());
    let schemas = Schemas(HashMap::from([(7, Arc::new(Schema::Avro(schema)))]));
    let d = decode(&framed, Format::Auto, &schemas).unwrap();
    assert_eq!(
        (d.value, d.schema_id, d.encoding),
        (json!({"a": 5}), Some(7), "avro")
    );
    let d = decode(br#"{"b": [1, 2]}"#, Format::Auto, &schemas).unwrap();
    assert_eq!((d.value, d.encoding), (json!({"b": [1, 2]}), "json"));
    let d = decode(b"plain words", Format::Auto, &schemas).unwrap();
    assert_eq!((d.value, d.encoding), (json!("plain words"), "text"));
    let d = decode(&[0xff, 0xfe, 0x01], Format::Auto, &schemas).unwrap();
    assert_eq!((d.value, d.encoding), (json!("//4B"), "base64"));
    // The wire format's header but an unknown schema: said, so the reader warns and shows
    // base64 (no JSON or text starts with a zero byte).
    let err = decode(&[0, 0, 0, 0, 9, 1], Format::Auto, &schemas).unwrap_err();
    assert_eq!(err.0, "schema 9: no schema 9");
    assert!(decode(&[0, 0, 0, 0, 9, 1], Format::AutoText, &schemas).is_err());
}

#[test]
fn every_schema_type_decodes_by_the_writer_schemas_type() {
    let json = Schema::compile(
        SchemaType::Json,
        "",
        r#"{"type": "object", "properties": {"age": {"type": "integer"}}}"#,
        &[],
    )
    .unwrap();
    let proto = Schema::compile(
        SchemaType::Protobuf,
        "child.proto",
        "syntax = \"proto3\";\nmessage Child { string child_id = 1; int32 age = 2; }",
        &[],
    )
    .unwrap();
    let Schema::Protobuf(p) = &proto else {
        unreachable!()
    };
    let mut proto_bytes = wire::header(2).to_vec();
    p.message(None)
        .unwrap()
        .encode_into(&json!({"child_id": "c1", "age": 7}), &mut proto_bytes)
        .unwrap();
    let schemas = Schemas(HashMap::from([(1, Arc::new(json)), (2, Arc::new(proto))]));
    let d = decode(&wire::frame(1, br#"{"age": 7}"#), Format::Auto, &schemas).unwrap();
    assert_eq!(
        (d.value, d.schema_id, d.encoding),
        (json!({"age": 7}), Some(1), "json-schema")
    );
    let d = decode(&proto_bytes, Format::Auto, &schemas).unwrap();
    assert_eq!(
        (d.value, d.encoding),
        (json!({"childId": "c1", "age": 7}), "protobuf")
    );
    assert_eq!(
        decode(&proto_bytes, Format::Protobuf, &schemas)
            .unwrap()
            .encoding,
        "protobuf"
    );
    let err = decode(&proto_bytes, Format::Avro, &schemas).unwrap_err();
    assert_eq!(
        err.0,
        "schema 2 is PROTOBUF, not AVRO (--format auto reads any type)"
    );
    let err = decode(&wire::frame(2, &[0, 0xff]), Format::Auto, &schemas).unwrap_err();
    assert!(err.0.starts_with("not PROTOBUF for schema 2"), "{err}");
}

#[test]
fn asked_formats_fail_clearly() {
    let err = decode(b"{not json", Format::Json, &NoSchemas).unwrap_err();
    assert!(err.0.starts_with("not JSON"), "{err}");
    let err = decode(b"{}", Format::Avro, &NoSchemas).unwrap_err();
    assert!(err.0.contains("not in the Confluent wire format"), "{err}");
    let err = decode(&[0, 0, 0, 0, 1, 2], Format::Avro, &NoSchemas).unwrap_err();
    assert!(err.0.contains("no Schema Registry configured"), "{err}");
}

#[test]
fn floats_out_of_range_are_errors_and_nan_and_infinity_only_when_spelled_out() {
    let schema = AvroSchema::parse(
        r#"{"type":"record","name":"R","fields":[{"name":"f","type":"float"},{"name":"d","type":["null","double"]}]}"#,
    )
    .unwrap();
    let err = schema.encode(&json!({"f": 1e300, "d": null})).unwrap_err();
    assert!(err.to_string().contains("field `f`"), "{err}");
    assert!(err.to_string().contains("does not fit a float"), "{err}");
    let max = schema.encode(&json!({"f": 3.0e38, "d": null}));
    assert!(max.is_ok(), "{max:?}");
    let special = schema
        .encode(&json!({"f": "NaN", "d": "-Infinity"}))
        .unwrap();
    let back = schema.decode(&special).unwrap();
    assert_eq!(back, json!({"f": "NaN", "d": "-Infinity"}));
    assert!(
        schema.encode(&json!({"f": "1.5", "d": null})).is_err(),
        "no numbers in strings"
    );
}

#[test]
fn text_with_a_few_control_characters_stays_text_and_binary_is_base64() {
    let coloured = text_or_base64(b"Handler failed: \x1b[31mtimeout\x1b[0m after 30 s\x07");
    assert_eq!(coloured.encoding, "text");
    assert_eq!(
        coloured.value,
        serde_json::json!("Handler failed: \u{1b}[31mtimeout\u{1b}[0m after 30 s\u{7}")
    );
    // A small Protobuf message is valid UTF-8, and mostly control characters.
    assert_eq!(text_or_base64(b"\x08\x01\x12\x03abc").encoding, "base64");
    assert_eq!(text_or_base64(b"a\0b").encoding, "base64", "NUL is binary");
    assert_eq!(text_or_base64(b"\xff\xfe").encoding, "base64");
    assert_eq!(text_or_base64(b"line one\nline\ttwo\r\n").encoding, "text");
}
