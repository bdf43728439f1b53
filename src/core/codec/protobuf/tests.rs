//! The teams' child.registered event as Protobuf: encoding, decoding, the bytes Confluent's
//! Python serializer wrote, and the errors people see.

use serde_json::json;

use super::*;

const COMMON: &str = r#"syntax = "proto3";
package com.kidsafe.common;
message Device { string device_id = 1; string udid = 2; }
"#;

const CHILD: &str = r#"syntax = "proto3";
package com.kidsafe.events;
import "common.proto";
import "google/protobuf/timestamp.proto";
message ChildRegistered {
  string event_id = 1;
  string child_id = 2;
  string name = 3;
  int32 age = 4;
  com.kidsafe.common.Device device = 5;
  google.protobuf.Timestamp registered_at = 6;
  int64 big = 7;
  repeated string tags = 8;
  enum Kind { KIND_UNSPECIFIED = 0; TEDDY = 1; }
  Kind kind = 9;
  map<string, int32> counts = 10;
  message Note { string text = 1; }
}
message Other { string x = 1; }
"#;

/// The same file as Karapace 6.2.0 gives it back after Confluent's Python serializer
/// registered it as a serialized descriptor: the map written as its entry message.
const CHILD_AS_KARAPACE_RENDERS_IT: &str = "syntax = \"proto3\";\npackage com.kidsafe.events;\n\nimport \"common.proto\";\nimport \"google/protobuf/timestamp.proto\";\n\nmessage ChildRegistered {\n  string event_id = 1;\n  string child_id = 2;\n  string name = 3;\n  int32 age = 4;\n  .com.kidsafe.common.Device device = 5;\n  .google.protobuf.Timestamp registered_at = 6;\n  int64 big = 7;\n  repeated string tags = 8;\n  .com.kidsafe.events.ChildRegistered.Kind kind = 9;\n  repeated .com.kidsafe.events.ChildRegistered.CountsEntry counts = 10;\n\n  message CountsEntry {\n    string key = 1;\n    int32 value = 2;\n  }\n  enum Kind {\n    KIND_UNSPECIFIED = 0;\n    TEDDY = 1;\n  }\n}\nmessage Other {\n  string x = 1;\n}\n";

/// What confluent_kafka 2.6.1's ProtobufSerializer wrote for the event below (schema id 3),
/// and what google.protobuf.json_format.MessageToDict made of it.
const FROM_PYTHON: &str = "0000000003000a026531120263311a04456d6d6120072a040a026431320608e3d498bc06388180808080808010420161480152050a01781001";

fn python_json() -> Json {
    json!({"eventId": "e1", "childId": "c1", "name": "Emma", "age": 7, "device": {"deviceId": "d1"},
        "registeredAt": "2025-01-14T09:12:03Z", "big": "9007199254740993", "tags": ["a"], "kind": "TEDDY",
        "counts": {"x": 1}})
}

fn imports() -> Vec<(String, String)> {
    vec![("common.proto".into(), COMMON.into())]
}

fn child() -> ProtoSchema {
    ProtoSchema::compile("child.proto", CHILD, &imports()).unwrap()
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn snake_case_json_encodes_as_pythons_serializer_does_and_decodes_to_proto3_json() {
    let schema = child();
    let message = schema.message(None).unwrap();
    assert_eq!(message.full_name(), "com.kidsafe.events.ChildRegistered");
    let event = json!({"event_id": "e1", "child_id": "c1", "name": "Emma", "age": 7,
        "device": {"device_id": "d1"}, "registered_at": "2025-01-14T09:12:03Z",
        "big": "9007199254740993", "tags": ["a"], "kind": "TEDDY", "counts": {"x": 1}});
    let mut framed = wire::header(3).to_vec();
    message.encode_into(&event, &mut framed).unwrap();
    assert_eq!(framed, hex(FROM_PYTHON));
    let (_, payload) = wire::split(&framed).unwrap();
    assert_eq!(schema.decode(payload).unwrap(), python_json());
}

#[test]
fn pythons_bytes_decode_with_the_schema_as_karapace_renders_it() {
    let schema =
        ProtoSchema::compile("schema-3.proto", CHILD_AS_KARAPACE_RENDERS_IT, &imports()).unwrap();
    let bytes = hex(FROM_PYTHON);
    let (id, payload) = wire::split(&bytes).unwrap();
    assert_eq!(id, 3);
    assert_eq!(
        schema.decode(payload).unwrap(),
        python_json(),
        "the map is a map again"
    );
}

#[test]
fn a_serialized_descriptor_is_a_schema_too() {
    let compiled = child();
    let descriptor = compiled.file.file_descriptor_proto().encode_to_vec();
    let text = base64::engine::general_purpose::STANDARD.encode(descriptor);
    let schema = ProtoSchema::compile("child.proto", &text, &imports()).unwrap();
    let bytes = hex(FROM_PYTHON);
    let (_, payload) = wire::split(&bytes).unwrap();
    assert_eq!(schema.decode(payload).unwrap(), python_json());
    assert_eq!(
        imports_of("child.proto", &text),
        vec!["common.proto", "google/protobuf/timestamp.proto"]
    );
}

fn imports_of(name: &str, text: &str) -> Vec<String> {
    super::imports(name, text).unwrap()
}

#[test]
fn messages_are_picked_by_name_and_framed_with_their_index() {
    let schema = child();
    assert_eq!(
        schema.messages(),
        vec![
            "com.kidsafe.events.ChildRegistered",
            "com.kidsafe.events.ChildRegistered.Note",
            "com.kidsafe.events.Other"
        ]
    );
    let other = schema.message(Some("com.kidsafe.events.Other")).unwrap();
    let mut out = Vec::new();
    other.encode_into(&json!({"x": "y"}), &mut out).unwrap();
    assert_eq!(&out[..2], &[2, 2], "index [1]");
    assert_eq!(schema.decode(&out).unwrap(), json!({"x": "y"}));
    let note = schema.message(Some("Note")).unwrap();
    out.clear();
    note.encode_into(&json!({"text": "hi"}), &mut out).unwrap();
    // [0, 1]: CountsEntry, the map's entry, is nested message 0.
    assert_eq!(&out[..3], &[4, 0, 2]);
    assert_eq!(schema.decode(&out).unwrap(), json!({"text": "hi"}));
    let err = schema.message(Some("Missing")).unwrap_err();
    assert!(
        err.contains("no message Missing (it has com.kidsafe.events.ChildRegistered"),
        "{err}"
    );
}

#[test]
fn errors_name_the_field_path_and_what_it_holds() {
    let message = child().message(None).unwrap();
    let cases = [
        (json!({"age": "seven"}), "field `age`: expected int32: "),
        (json!({"shoe": 1}), "field `shoe`: not a field of message com.kidsafe.events.ChildRegistered"),
        (
            json!({"device": {"device_id": "d", "colour": "red"}}),
            "field `device.colour`: not a field of message com.kidsafe.common.Device",
        ),
        (json!({"tags": ["a", 3]}), "field `tags[1]`: expected string: "),
        (json!({"device": {"udid": 5}}), "field `device.udid`: expected string: "),
        (json!({"counts": {"x": "many"}}), "field `counts.x`: expected int32: "),
        (json!({"kind": "ROBOT"}), "field `kind`: expected enum com.kidsafe.events.ChildRegistered.Kind (KIND_UNSPECIFIED, TEDDY): "),
        (json!({"age": 1.5}), "field `age`: expected int32: "),
        (json!([1]), "value: "),
    ];
    for (event, start) in cases {
        let err = message.check(&event).unwrap_err().to_string();
        assert!(err.starts_with(start), "{event}: {err}");
    }
}

#[test]
fn text_is_read_straight_into_the_same_bytes_and_the_same_errors() {
    let message = child().message(None).unwrap();
    let text = r#"{"event_id": "e1", "child_id": "c1", "name": "Emma", "age": 7, "device": {"device_id": "d1"}, "registered_at": "2025-01-14T09:12:03Z", "big": "9007199254740993", "tags": ["a"], "kind": "TEDDY", "counts": {"x": 1}}"#;
    let mut from_text = wire::header(3).to_vec();
    message.text_into(text, Some(&mut from_text)).unwrap();
    assert_eq!(from_text, hex(FROM_PYTHON));
    assert_eq!(
        message
            .text_into(r#"{"device": {"colour": 1}}"#, None)
            .unwrap_err(),
        "field `device.colour`: not a field of message com.kidsafe.common.Device"
    );
    assert!(message
        .text_into("{oops", None)
        .unwrap_err()
        .starts_with("not JSON"));
    assert!(
        message.text_into(r#"{"age": 1} {"age": 2}"#, None).is_err(),
        "one event per line"
    );
}

#[test]
fn broken_payloads_and_schemas_are_errors_not_panics() {
    let schema = child();
    assert!(schema.decode(&[]).is_err());
    assert!(schema
        .decode(&[0, 0xff, 0xff])
        .unwrap_err()
        .contains("not a com.kidsafe.events.ChildRegistered message"));
    assert!(schema
        .decode(&[2, 18, 1])
        .unwrap_err()
        .contains("no message at index [9]"));
    let err = ProtoSchema::compile(
        "a.proto",
        "syntax = \"proto3\";\nmessage A { strin x = 1; }",
        &[],
    )
    .unwrap_err();
    assert!(err.contains("strin"), "{err}");
    let err = ProtoSchema::compile("a.proto", CHILD, &[]).unwrap_err();
    assert!(err.contains("common.proto"), "{err}");
}
