//! JSON Schema and Protobuf through the registry, both ways with Confluent's own Python
//! serializers and deserializers, with the teams' event shapes (schemas/ of this
//! repository). Every test here runs against the registry double and, in CI, a real
//! Karapace (the module's name holds `registry`).

use std::path::Path;

use serde_json::{json, Value};

use crate::support::kop::kop;
use crate::support::python::interop_formats;
use crate::support::registry::TestRegistry;
use crate::support::{broker, client, ndjson, unique};

fn repo(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The teams' child.registered events (as in their dead letters).
fn children() -> Vec<Value> {
    vec![
        json!({"event_type": "child.registered", "event_id": "e0000000-0000-4000-8000-000000000001",
            "child_id": "7f0c2a1e-0b7d-4c55-9d2c-3f4b1a2e9c10", "parent_id": "b1c2d3e4-0000-4000-8000-000000000001",
            "device_id": "d1e2f3a4-0000-4000-8000-000000000002", "name": "Emma Thompson", "age": 7,
            "udid": "ESP32-TEDDY-001", "registered_at": "2025-01-14T09:12:03Z"}),
        json!({"event_type": "child.registered", "child_id": "8a1d3b2f-0b7d-4c55-9d2c-3f4b1a2e9c11",
            "parent_id": "b1c2d3e4-0000-4000-8000-000000000001", "name": "Noah", "age": 5,
            "registered_at": "2025-01-14T09:15:00Z"}),
    ]
}

fn lines(events: &[Value]) -> String {
    events.iter().map(|e| format!("{e}\n")).collect()
}

fn tail(bootstrap: &str, registry: &TestRegistry, topic: &str) -> Vec<Value> {
    let run = kop([
        "tail",
        topic,
        "-b",
        bootstrap,
        "--registry",
        registry.url(),
        "--from",
        "beginning",
        "-o",
        "ndjson",
    ])
    .run()
    .expect_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    ndjson(&run.stdout)
}

#[test]
fn json_schema_round_trips_through_the_registry_with_confluents_serializers() {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let topic = unique("json.child-registered");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("child_registered.json");
    std::fs::write(&schema, repo("schemas/child_registered.json")).unwrap();
    let key_schema = dir.path().join("child_id.json");
    std::fs::write(&key_schema, r#"{"type": "string", "minLength": 36}"#).unwrap();

    // kop checks each event against the schema, registers it, writes the wire format; the
    // key is a JSON Schema'd string too.
    kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--registry",
        registry.url(),
        "--format",
        "json-schema",
        "--schema-file",
        schema.to_str().unwrap(),
        "--key-field",
        "child_id",
        "--key-format",
        "json-schema",
        "--key-schema-file",
        key_schema.to_str().unwrap(),
    ])
    .stdin(&lines(&children()))
    .run()
    .expect_code(0);
    let read = tail(&b.bootstrap(), &registry, &topic);
    assert_eq!(read.len(), 2);
    for (event, sent) in read.iter().zip(children()) {
        assert_eq!(event["value"], sent);
        assert_eq!(event["value_encoding"], "json-schema");
        assert!(event["schema_id"].as_u64().is_some());
        assert_eq!(event["key"], sent["child_id"]);
        assert_eq!(event["key_encoding"], "json-schema");
    }
    // Confluent's JSONDeserializer reads what kop wrote (and validates it against the
    // writer schema it fetches by id).
    let python = interop_formats(
        &["consume-json", &b.bootstrap(), registry.url(), &topic, "2"],
        "",
    );
    assert_eq!(ndjson(&python), children());

    // Confluent's JSONSerializer writes; kop reads the same JSON.
    let from_python = unique("json.from-python");
    client::create_topic(&b.bootstrap(), &from_python, 1, &[]);
    interop_formats(
        &[
            "produce-json",
            &b.bootstrap(),
            registry.url(),
            &from_python,
            schema.to_str().unwrap(),
        ],
        &lines(&children()),
    );
    let read = tail(&b.bootstrap(), &registry, &from_python);
    let values: Vec<Value> = read.iter().map(|e| e["value"].clone()).collect();
    assert_eq!(values, children());
    assert_eq!(read[0]["value_encoding"], "json-schema");
    let subject = registry.call(
        "GET",
        &format!("/subjects/{from_python}-value/versions/latest"),
        None,
    );
    assert_eq!(subject.body["schemaType"], "JSON", "{subject:?}");
}

#[test]
fn json_schema_violations_are_refused_before_anything_is_sent_naming_line_pointer_and_rule_registry(
) {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let topic = unique("json.refused");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("child_registered.json");
    std::fs::write(&schema, repo("schemas/child_registered.json")).unwrap();
    let publish = |file: &Path| {
        kop([
            "publish",
            &topic,
            "-b",
            &b.bootstrap(),
            "--registry",
            registry.url(),
            "--format",
            "json-schema",
            "--schema-file",
            schema.to_str().unwrap(),
            "--file",
            file.to_str().unwrap(),
        ])
        .run()
        .expect_code(1)
    };
    let [good, other] = [children()[0].clone(), children()[1].clone()];
    let mut wrong_type = other.clone();
    wrong_type["age"] = json!("seven");
    let events = dir.path().join("events.ndjson");
    std::fs::write(&events, lines(&[good.clone(), wrong_type])).unwrap();
    let run = publish(&events);
    assert!(
        run.stderr.contains(
            "events.ndjson:2: field /age: \"seven\" is not of type \"integer\" (rule `type`)"
        ),
        "{}",
        run.stderr
    );
    let mut missing = other;
    missing.as_object_mut().unwrap().remove("parent_id");
    std::fs::write(&events, lines(&[good.clone(), good, missing])).unwrap();
    let run = publish(&events);
    assert!(
        run.stderr.contains(
            "events.ndjson:3: field /parent_id: \"parent_id\" is a required property (rule `required`)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("nothing was published"),
        "{}",
        run.stderr
    );
    assert!(
        tail(&b.bootstrap(), &registry, &topic).is_empty(),
        "nothing was sent"
    );
}

/// The teams' child.safety-violation events, as plain JSON with proto field names.
fn violations() -> Vec<Value> {
    vec![
        json!({"event_type": "child.safety_violation",
            "child": {"child_id": "7f0c2a1e-0b7d-4c55-9d2c-3f4b1a2e9c10", "device_id": "d1"},
            "violation_type": "inappropriate_topic_request", "details": "Child asked about violent content",
            "severity": "HIGH", "violation_count": 1, "occurred_at": "2025-01-14T10:01:00Z",
            "labels": {"model": "guard-2"}, "session_ms": "9007199254740993"}),
        json!({"event_type": "child.safety_violation", "child": {"child_id": "8a1d3b2f-0b7d-4c55-9d2c-3f4b1a2e9c11"},
            "violation_type": "personal_information", "severity": "MEDIUM", "violation_count": 2}),
    ]
}

/// The same events in the proto3 JSON mapping, as Google's json_format prints them:
/// lowerCamelCase names, 64-bit integers as strings, default values left out.
fn violations_as_proto3_json() -> Vec<Value> {
    vec![
        json!({"eventType": "child.safety_violation",
            "child": {"childId": "7f0c2a1e-0b7d-4c55-9d2c-3f4b1a2e9c10", "deviceId": "d1"},
            "violationType": "inappropriate_topic_request", "details": "Child asked about violent content",
            "severity": "HIGH", "violationCount": 1, "occurredAt": "2025-01-14T10:01:00Z",
            "labels": {"model": "guard-2"}, "sessionMs": "9007199254740993"}),
        json!({"eventType": "child.safety_violation", "child": {"childId": "8a1d3b2f-0b7d-4c55-9d2c-3f4b1a2e9c11"},
            "violationType": "personal_information", "severity": "MEDIUM", "violationCount": 2}),
    ]
}

/// The safety-violation schema and the file it imports, in `dir`, under an import name
/// of this run's own (a real registry outlives the run, and the import is a subject).
fn proto_files(dir: &Path) -> (String, String) {
    let common = format!(
        "{}.proto",
        unique("kidsafe_common").replace(['.', '-'], "_")
    );
    std::fs::write(dir.join(&common), repo("schemas/kidsafe_common.proto")).unwrap();
    let main = repo("schemas/child_safety_violation.proto")
        .replace("\"kidsafe_common.proto\"", &format!("\"{common}\""));
    std::fs::write(dir.join("child_safety_violation.proto"), main).unwrap();
    (
        dir.join("child_safety_violation.proto")
            .to_str()
            .unwrap()
            .to_string(),
        common,
    )
}

#[test]
fn protobuf_round_trips_through_the_registry_with_confluents_serializers() {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let topic = unique("proto.safety-violation");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let (main, common) = proto_files(dir.path());
    let message = "com.kidsafe.events.SafetyViolation";

    kop([
        "publish",
        &topic,
        "-b",
        &b.bootstrap(),
        "--registry",
        registry.url(),
        "--format",
        "protobuf",
        "--schema-file",
        &main,
        "--message",
        message,
    ])
    .stdin(&lines(&violations()))
    .run()
    .expect_code(0);
    // The import went first, under its own name, and the schema references it.
    let latest = registry.call(
        "GET",
        &format!("/subjects/{topic}-value/versions/latest"),
        None,
    );
    assert_eq!(latest.body["schemaType"], "PROTOBUF", "{latest:?}");
    assert_eq!(
        latest.body["references"][0]["name"],
        common.as_str(),
        "{latest:?}"
    );
    assert_eq!(latest.body["references"][0]["subject"], common.as_str());

    let read = tail(&b.bootstrap(), &registry, &topic);
    let values: Vec<Value> = read.iter().map(|e| e["value"].clone()).collect();
    assert_eq!(values, violations_as_proto3_json());
    assert_eq!(read[0]["value_encoding"], "protobuf");

    // Confluent's ProtobufDeserializer reads what kop wrote.
    let dir_text = dir.path().to_str().unwrap();
    let python = interop_formats(
        &[
            "consume-protobuf",
            &b.bootstrap(),
            registry.url(),
            &topic,
            dir_text,
            "child_safety_violation.proto",
            message,
            "2",
        ],
        "",
    );
    assert_eq!(ndjson(&python), violations_as_proto3_json());

    // Confluent's ProtobufSerializer writes (registering a serialized descriptor and its
    // imports, by their file names); kop reads the same JSON.
    let from_python = unique("proto.from-python");
    client::create_topic(&b.bootstrap(), &from_python, 1, &[]);
    interop_formats(
        &[
            "produce-protobuf",
            &b.bootstrap(),
            registry.url(),
            &from_python,
            dir_text,
            "child_safety_violation.proto",
            message,
        ],
        &lines(&violations()),
    );
    let read = tail(&b.bootstrap(), &registry, &from_python);
    let values: Vec<Value> = read.iter().map(|e| e["value"].clone()).collect();
    assert_eq!(
        values,
        violations_as_proto3_json(),
        "maps stay maps, as Python sent them"
    );
}

#[test]
fn protobuf_unknown_fields_and_wrong_types_are_refused_before_anything_is_sent_registry() {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let topic = unique("proto.refused");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let (main, _) = proto_files(dir.path());
    let publish = |events: &[Value]| {
        let file = dir.path().join("events.ndjson");
        std::fs::write(&file, lines(events)).unwrap();
        kop([
            "publish",
            &topic,
            "-b",
            &b.bootstrap(),
            "--registry",
            registry.url(),
            "--format",
            "protobuf",
            "--schema-file",
            &main,
            "--file",
            file.to_str().unwrap(),
        ])
        .run()
        .expect_code(1)
    };
    let good = violations()[0].clone();
    let mut unknown = good.clone();
    unknown["child"]["shoe_size"] = json!(31);
    let run = publish(&[good.clone(), unknown]);
    assert!(
        run.stderr.contains(
            "events.ndjson:2: field `child.shoe_size`: not a field of message com.kidsafe.common.ChildRef"
        ),
        "{}",
        run.stderr
    );
    let mut wrong = good.clone();
    wrong["violation_count"] = json!("twice");
    let run = publish(&[good.clone(), good.clone(), wrong]);
    assert!(
        run.stderr
            .contains("events.ndjson:3: field `violation_count`: expected int32: "),
        "{}",
        run.stderr
    );
    let mut severity = good;
    severity["severity"] = json!("EXTREME");
    let run = publish(&[severity]);
    assert!(
        run.stderr.contains("events.ndjson:1: field `severity`: expected enum com.kidsafe.common.Severity (SEVERITY_UNSPECIFIED, LOW, MEDIUM, HIGH)"),
        "{}",
        run.stderr
    );
    assert!(
        tail(&b.bootstrap(), &registry, &topic).is_empty(),
        "nothing was sent"
    );
}

#[test]
fn json_schema_refs_to_other_subjects_resolve_through_registry_references() {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let topic = unique("json.refs");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    // The device shape is its own file, referenced by name.
    let device = format!("{}.json", unique("device").replace('.', "_"));
    std::fs::write(
        dir.path().join(&device),
        r#"{"type": "object", "properties": {"device_id": {"type": "string"}, "udid": {"type": "string"}}, "required": ["device_id"]}"#,
    )
    .unwrap();
    let schema = dir.path().join("child.json");
    std::fs::write(
        &schema,
        format!(r#"{{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {{"child_id": {{"type": "string"}}, "device": {{"$ref": "{device}"}}}}, "required": ["child_id"]}}"#),
    )
    .unwrap();
    let publish = |value: &str| {
        kop([
            "publish",
            &topic,
            "-b",
            &b.bootstrap(),
            "--registry",
            registry.url(),
            "--format",
            "json-schema",
            "--schema-file",
            schema.to_str().unwrap(),
            "--value",
            value,
        ])
        .run()
    };
    let accepts = match registry.double() {
        Some(double) => {
            double.take_json_references();
            true
        }
        None => false,
    };
    let event = r#"{"child_id": "c1", "device": {"device_id": "d1", "udid": "ESP32-TEDDY-001"}}"#;
    if !accepts {
        // Karapace (3.16.0 and 6.2.0) takes no references on a JSON Schema: kop says so.
        let run = publish(event).expect_code(1);
        assert!(
            run.stderr
                .contains("does not take references for this schema type"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("$defs"), "{}", run.stderr);
        return;
    }
    // Confluent's registry (the double answering as it does): the referenced file is
    // registered under its name, the schema references it, and `$ref` is checked.
    publish(event).expect_code(0);
    let run = publish(r#"{"child_id": "c2", "device": {"udid": "x"}}"#).expect_code(1);
    assert!(
        run.stderr
            .contains("field /device/device_id: \"device_id\" is a required property"),
        "{}",
        run.stderr
    );
    let latest = registry.call(
        "GET",
        &format!("/subjects/{topic}-value/versions/latest"),
        None,
    );
    assert_eq!(
        latest.body["references"][0]["name"],
        device.as_str(),
        "{latest:?}"
    );
    assert_eq!(registry.versions(&device), 1);
    let read = tail(&b.bootstrap(), &registry, &topic);
    assert_eq!(read.len(), 1);
    assert_eq!(read[0]["value"]["device"]["device_id"], "d1");
}

#[test]
fn topics_apply_registers_json_schema_and_protobuf_files_with_their_imports_registry() {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("schemas")).unwrap();
    let (_, common) = proto_files(&dir.path().join("schemas"));
    std::fs::write(
        dir.path().join("schemas/child_registered.json"),
        repo("schemas/child_registered.json"),
    )
    .unwrap();
    let (registered, violation) = (unique("child.registered"), unique("child.safety-violation"));
    let file = format!(
        "[topics.\"{registered}\"]\npartitions = 1\nvalue_schema = \"schemas/child_registered.json\"\n\n\
         [topics.\"{violation}\"]\npartitions = 1\nvalue_schema = \"schemas/child_safety_violation.proto\"\n"
    );
    std::fs::write(dir.path().join("topics.toml"), file).unwrap();
    let bootstrap = b.bootstrap();
    let apply = |extra: &[&str]| {
        let mut args = vec![
            "topics",
            "apply",
            "-b",
            &bootstrap,
            "--registry",
            registry.url(),
            "--yes",
        ];
        args.extend_from_slice(extra);
        kop(args).dir(dir.path()).run()
    };
    apply(&[]).expect_code(0);
    let json_subject = registry.call(
        "GET",
        &format!("/subjects/{registered}-value/versions/latest"),
        None,
    );
    assert_eq!(json_subject.body["schemaType"], "JSON", "{json_subject:?}");
    let proto_subject = registry.call(
        "GET",
        &format!("/subjects/{violation}-value/versions/latest"),
        None,
    );
    assert_eq!(
        proto_subject.body["schemaType"], "PROTOBUF",
        "{proto_subject:?}"
    );
    assert_eq!(
        proto_subject.body["references"][0]["subject"],
        common.as_str()
    );
    // Nothing left to do, and the CI gate agrees.
    apply(&["--check"]).expect_code(0);
    let run = kop([
        "schemas",
        "check",
        "--registry",
        registry.url(),
        "-o",
        "json",
    ])
    .dir(dir.path())
    .run()
    .expect_code(0);
    let answer = run.json();
    let verdicts: Vec<&str> = answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, vec!["registered", "registered"], "{}", run.stdout);
}

#[test]
fn dlq_stats_and_replay_select_protobuf_letters_by_fields_of_their_decoded_events_registry() {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let registry = TestRegistry::start();
    let (target, dlq) = (unique("proto.violations"), unique("proto.violations.dlt"));
    client::create_topic(&b.bootstrap(), &target, 1, &[]);
    client::create_topic(&b.bootstrap(), &dlq, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let (main, _) = proto_files(dir.path());
    // Spring Kafka's dead letters: the original Protobuf payload, the topic in a header.
    kop([
        "publish",
        &dlq,
        "-b",
        &b.bootstrap(),
        "--registry",
        registry.url(),
        "--format",
        "protobuf",
        "--schema-file",
        &main,
        "-H",
        &format!("kafka_dlt-original-topic={target}"),
    ])
    .stdin(&lines(&violations()))
    .run()
    .expect_code(0);
    // Stats decode them too: how the events are encoded, and a count by their fields.
    let stats = |extra: &[&str]| {
        let mut args = vec![
            "dlq",
            "stats",
            dlq.as_str(),
            "-b",
            bootstrap.as_str(),
            "--registry",
            registry.url(),
            "-o",
            "json",
        ];
        args.extend_from_slice(extra);
        kop(args).run().expect_code(0).json()
    };
    let all = stats(&[]);
    assert_eq!(all["by_payload"]["protobuf"], 2, "{all}");
    let high = stats(&["--where", "severity=HIGH"]);
    assert_eq!(
        (high["letters"].as_u64(), high["pending"].as_u64()),
        (Some(1), Some(1)),
        "{high}"
    );
    let replay = |field: &str| {
        let run = kop([
            "dlq",
            "replay",
            &dlq,
            "-b",
            &b.bootstrap(),
            "--registry",
            registry.url(),
            "--where",
            field,
            "--yes",
            "-o",
            "json",
        ])
        .run()
        .expect_code(0);
        run.json()
    };
    // By a proto field name, and by its lowerCamelCase JSON name.
    let high = replay("severity=HIGH");
    assert_eq!(
        (high["replayed"].as_u64(), high["skipped"].as_u64()),
        (Some(1), Some(1)),
        "{high}"
    );
    let read = tail(&b.bootstrap(), &registry, &target);
    assert_eq!(read.len(), 1);
    assert_eq!(
        read[0]["value"],
        violations_as_proto3_json()[0],
        "the payload as it was"
    );
    let noah = replay("child.childId=8a1d3b2f-0b7d-4c55-9d2c-3f4b1a2e9c11");
    assert_eq!(noah["replayed"].as_u64(), Some(1), "{noah}");
    let read = tail(&b.bootstrap(), &registry, &target);
    assert_eq!(read[1]["value"]["severity"], "MEDIUM");
}
