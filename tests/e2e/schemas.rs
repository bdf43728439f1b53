//! `kop schemas ...` against the registry double and, with `KOP_TEST_REGISTRY_URL`, a real
//! registry (scripts/test-registry.sh runs them against Karapace). Every test works on
//! subjects of its own and sets the level it needs on them; none changes the global level.
//! Where an answer is the registry's to give (reasons, JSON Schema and Protobuf verdicts),
//! the test says which registry gives it.

use std::path::Path;

use serde_json::{json, Value};

use crate::support::kop::{kop, Kop, Run};
use crate::support::python::interop;
use crate::support::registry::TestRegistry;

/// The teams' task event, version 1.
const TASK_V1: &str = r#"{
  "type": "record", "name": "TaskCreated", "namespace": "com.todoapp.events",
  "fields": [
    {"name": "taskId", "type": "string"},
    {"name": "title", "type": "string"},
    {"name": "points", "type": "int"}
  ]
}"#;

/// An optional field with a default: new readers fill it in for old events.
const TASK_OPTIONAL: &str = r#"{
  "type": "record", "name": "TaskCreated", "namespace": "com.todoapp.events",
  "fields": [
    {"name": "taskId", "type": "string"},
    {"name": "title", "type": "string"},
    {"name": "points", "type": "int"},
    {"name": "assignee", "type": ["null", "string"], "default": null}
  ]
}"#;

/// A new field without a default: new readers cannot read old events.
const TASK_REQUIRED: &str = r#"{
  "type": "record", "name": "TaskCreated", "namespace": "com.todoapp.events",
  "fields": [
    {"name": "taskId", "type": "string"},
    {"name": "title", "type": "string"},
    {"name": "points", "type": "int"},
    {"name": "owner", "type": "string"}
  ]
}"#;

/// `title` removed: old readers, which need it and have no default, cannot read new events.
const TASK_NO_TITLE: &str = r#"{
  "type": "record", "name": "TaskCreated", "namespace": "com.todoapp.events",
  "fields": [
    {"name": "taskId", "type": "string"},
    {"name": "points", "type": "int"}
  ]
}"#;

fn schemas(registry: &TestRegistry, args: &[&str]) -> Kop {
    let mut all = vec!["schemas"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--registry", registry.url()]);
    kop(all)
}

fn file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// The registry's reason is shown when it gives one (the double and Karapace 6.2.0 name
/// the field); a registry that gives none (Karapace 3.16.0) is said to give none.
fn assert_reason(registry: &TestRegistry, run: &Run, field: &str) {
    if registry.explains_incompatibility() {
        assert!(
            run.stdout.contains(&format!("the registry says: {field}")),
            "{}",
            run.stdout
        );
    } else {
        assert!(
            run.stdout.contains("the registry gave no reasons"),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn check_passes_an_optional_field_and_fails_a_required_one_under_backward() {
    let registry = TestRegistry::start();
    let subject = registry.subject("schemas.check.backward");
    registry.register(&subject, "AVRO", TASK_V1);
    registry.set_level(&subject, "BACKWARD");
    let dir = tempfile::tempdir().unwrap();
    let optional = file(dir.path(), "optional.avsc", TASK_OPTIONAL);
    let required = file(dir.path(), "required.avsc", TASK_REQUIRED);

    let run = schemas(&registry, &["check", &optional, "--subject", &subject])
        .run()
        .expect_code(0);
    assert!(run.stdout.contains("compatible"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Checked 1 schema(s): 1 compatible."),
        "{}",
        run.stdout
    );

    let run = schemas(&registry, &["check", &required, "--subject", &subject])
        .run()
        .expect_code(3);
    assert!(
        run.stdout.contains(&format!(
            "! {subject} is incompatible with version 1 under BACKWARD"
        )),
        "{}",
        run.stdout
    );
    assert_reason(&registry, &run, "owner");

    let json = schemas(
        &registry,
        &["check", &required, "--subject", &subject, "-o", "json"],
    )
    .run()
    .expect_code(3)
    .json();
    let result = &json["results"][0];
    assert_eq!(result["verdict"], "incompatible");
    assert_eq!(result["compatibility"], "BACKWARD");
    assert_eq!(result["compatibility_source"], "subject");
    assert_eq!(result["versions_checked"], json!([1]));
    if registry.explains_incompatibility() {
        assert_eq!(result["messages"], json!(["owner"]));
    }
    // Nothing was registered by checking.
    assert_eq!(registry.versions(&subject), 1);
}

#[test]
fn check_under_forward_fails_a_removed_field_without_a_default() {
    let registry = TestRegistry::start();
    let subject = registry.subject("schemas.check.forward");
    registry.register(&subject, "AVRO", TASK_OPTIONAL);
    registry.set_level(&subject, "FORWARD");
    let dir = tempfile::tempdir().unwrap();
    let no_title = file(dir.path(), "no-title.avsc", TASK_NO_TITLE);
    let run = schemas(&registry, &["check", &no_title, "--subject", &subject])
        .run()
        .expect_code(3);
    assert!(run.stdout.contains("under FORWARD"), "{}", run.stdout);
    assert_reason(&registry, &run, "title");
    // `assignee` had a default: old readers fill it in, so removing it is fine.
    let without_assignee = file(dir.path(), "v1.avsc", TASK_V1);
    schemas(
        &registry,
        &["check", &without_assignee, "--subject", &subject],
    )
    .run()
    .expect_code(0);
}

#[test]
fn check_under_a_transitive_level_asks_about_every_version() {
    let registry = TestRegistry::start();
    let subject = registry.subject("schemas.check.transitive");
    let v1 = r#"{"type": "record", "name": "Note", "fields": [{"name": "a", "type": "string"}]}"#;
    let v2 = r#"{"type": "record", "name": "Note", "fields": [{"name": "a", "type": "string"}, {"name": "c", "type": "string", "default": "x"}]}"#;
    // Reads version 2's events (they have `c`), not version 1's (no `c`, no default).
    let v3 = r#"{"type": "record", "name": "Note", "fields": [{"name": "a", "type": "string"}, {"name": "c", "type": "string"}]}"#;
    registry.set_level(&subject, "BACKWARD");
    registry.register(&subject, "AVRO", v1);
    registry.register(&subject, "AVRO", v2);
    let dir = tempfile::tempdir().unwrap();
    let v3 = file(dir.path(), "v3.avsc", v3);
    let json = schemas(
        &registry,
        &["check", &v3, "--subject", &subject, "-o", "json"],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(json["results"][0]["versions_checked"], json!([2]));

    registry.set_level(&subject, "BACKWARD_TRANSITIVE");
    let run = schemas(&registry, &["check", &v3, "--subject", &subject])
        .run()
        .expect_code(3);
    assert!(
        run.stdout
            .contains("incompatible with versions 1, 2 under BACKWARD_TRANSITIVE"),
        "{}",
        run.stdout
    );
    assert_reason(&registry, &run, "c");
}

#[test]
fn check_without_arguments_checks_every_schema_in_topics_toml() {
    let registry = TestRegistry::start();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("schemas")).unwrap();
    let base = crate::support::unique("schemas.declared");
    let (registered, fresh, evolved) = (
        format!("{base}.registered"),
        format!("{base}.fresh"),
        format!("{base}.evolved"),
    );
    registry.register(&format!("{registered}-value"), "AVRO", TASK_V1);
    registry.register(&format!("{evolved}-value"), "AVRO", TASK_V1);
    registry.set_level(&format!("{evolved}-value"), "BACKWARD");
    file(dir.path(), "schemas/v1.avsc", TASK_V1);
    file(dir.path(), "schemas/required.avsc", TASK_REQUIRED);
    file(dir.path(), "schemas/optional.avsc", TASK_OPTIONAL);
    let topics = |evolved_schema: &str| {
        format!(
            "[topics.\"{registered}\"]\nvalue_schema = \"schemas/v1.avsc\"\n\n\
             [topics.\"{fresh}\"]\nvalue_schema = \"schemas/v1.avsc\"\n\n\
             [topics.\"{evolved}\"]\nvalue_schema = \"schemas/{evolved_schema}\"\nvalue_compatibility = \"FULL_TRANSITIVE\"\n"
        )
    };
    std::fs::write(dir.path().join("topics.toml"), topics("required.avsc")).unwrap();
    let run = schemas(&registry, &["check", "-o", "json"])
        .dir(dir.path())
        .run()
        .expect_code(3);
    let json = run.json();
    let verdicts: Vec<(String, String)> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["subject"].as_str().unwrap().to_string(),
                r["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            (format!("{evolved}-value"), "incompatible".to_string()),
            (format!("{fresh}-value"), "new_subject".to_string()),
            (format!("{registered}-value"), "registered".to_string()),
        ]
    );
    assert_eq!(
        json["results"][0]["declared_compatibility"],
        "FULL_TRANSITIVE"
    );
    assert_eq!(json["summary"]["incompatible"], 1);

    let table = schemas(&registry, &["check"])
        .dir(dir.path())
        .run()
        .expect_code(3);
    assert!(
        table.stdout.contains(&format!(
            "note: topics.toml declares FULL_TRANSITIVE for {evolved}-value"
        )),
        "{}",
        table.stdout
    );

    // The fix: an optional field. Every schema passes; nothing was registered by checking.
    std::fs::write(dir.path().join("topics.toml"), topics("optional.avsc")).unwrap();
    schemas(&registry, &["check"])
        .dir(dir.path())
        .run()
        .expect_code(0);
    assert_eq!(registry.versions(&format!("{fresh}-value")), 0);
}

#[test]
fn list_shows_a_subject_registered_by_confluents_python_client() {
    let registry = TestRegistry::start();
    let subject = registry.subject("schemas.list.python");
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "task.avsc", TASK_V1);
    let id: u64 = interop(&["register", registry.url(), &subject, &path], "")
        .trim()
        .parse()
        .unwrap();
    let pattern = format!("^{}$", subject.replace('.', "\\."));
    let json = schemas(&registry, &["list", "-o", "json", "--pattern", &pattern])
        .run()
        .expect_code(0)
        .json();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{json}");
    assert_eq!(rows[0]["subject"], subject.as_str());
    assert_eq!(rows[0]["version"], 1);
    assert_eq!(rows[0]["id"], id);
    assert_eq!(rows[0]["schema_type"], "AVRO");
    assert_eq!(rows[0]["deleted"], false);
    assert_eq!(rows[0]["topic"], subject.strip_suffix("-value").unwrap());
    // The record strategy names no topic; topic-record finds it before the record's name.
    let json = schemas(
        &registry,
        &[
            "list",
            "-o",
            "json",
            "--pattern",
            &pattern,
            "--subject-strategy",
            "record",
        ],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(json[0]["topic"], Value::Null);

    let table = schemas(&registry, &["list", "--pattern", &pattern])
        .run()
        .expect_code(0);
    assert!(table.stdout.starts_with("SUBJECT"), "{}", table.stdout);
    assert!(
        table.stdout.contains("Global compatibility level:"),
        "{}",
        table.stdout
    );
}

#[test]
fn show_prints_the_registrys_record_for_every_schema_type() {
    let registry = TestRegistry::start();
    let dir = tempfile::tempdir().unwrap();
    let avro_subject = registry.subject("schemas.show.avro");
    let avro = file(dir.path(), "task.avsc", TASK_V1);
    let registered = schemas(
        &registry,
        &["register", &avro, "--subject", &avro_subject, "-o", "json"],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(registered["registered"], true);
    assert_eq!(registered["version"], 1);

    let record = schemas(&registry, &["show", &avro_subject, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(record["subject"], avro_subject.as_str());
    assert_eq!(record["version"], 1);
    assert_eq!(record["id"], registered["id"]);
    assert_eq!(record["schemaType"], "AVRO");
    assert_eq!(record["references"], json!([]));
    // Karapace (3.16.0 and 6.2.0) stores Avro as compact JSON with sorted keys, whatever
    // was sent; the double does the same.
    assert!(
        record["schema"]
            .as_str()
            .unwrap()
            .starts_with(r#"{"fields":[{"name":"taskId","type":"string"}"#),
        "{record}"
    );
    let text = schemas(&registry, &["show", &avro_subject, "--version", "1"])
        .run()
        .expect_code(0);
    assert!(text.stdout.contains("type        AVRO"), "{}", text.stdout);
    assert!(
        text.stdout.contains("\n  \"fields\": [\n"),
        "{}",
        text.stdout
    );

    let json_subject = registry.subject("schemas.show.json");
    let json_schema = file(
        dir.path(),
        "task.schema.json",
        r#"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"taskId": {"type": "string"}}, "required": ["taskId"]}"#,
    );
    schemas(
        &registry,
        &["register", &json_schema, "--subject", &json_subject],
    )
    .run()
    .expect_code(0);
    let record = schemas(&registry, &["show", &json_subject, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(record["schemaType"], "JSON");

    let proto_subject = registry.subject("schemas.show.proto");
    let proto = file(
        dir.path(),
        "task.proto",
        "syntax = \"proto3\";\npackage com.todoapp.events;\n\nmessage TaskCreated {\n  string task_id = 1;\n}\n",
    );
    schemas(
        &registry,
        &["register", &proto, "--subject", &proto_subject],
    )
    .run()
    .expect_code(0);
    let text = schemas(&registry, &["show", &proto_subject])
        .run()
        .expect_code(0);
    assert!(
        text.stdout.contains("type        PROTOBUF"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("message TaskCreated {"),
        "{}",
        text.stdout
    );

    let versions = schemas(
        &registry,
        &["show", &proto_subject, "--versions", "-o", "json"],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(versions["versions"][0]["schema_type"], "PROTOBUF");
    assert_eq!(versions["versions"][0]["deleted"], false);
}

#[test]
fn check_and_register_work_for_json_schema_and_protobuf() {
    let registry = TestRegistry::start();
    let dir = tempfile::tempdir().unwrap();
    let json_v1 = r#"{"type": "object", "properties": {"taskId": {"type": "string"}}, "required": ["taskId"]}"#;
    // A new required property: data written with version 1 need not have it.
    let json_v2 = r#"{"type": "object", "properties": {"taskId": {"type": "string"}, "owner": {"type": "string"}}, "required": ["taskId", "owner"]}"#;
    let proto_v1 = "syntax = \"proto3\";\nmessage Task {\n  string task_id = 1;\n}\n";
    let proto_v2 = "syntax = \"proto3\";\nmessage Task {\n  int64 task_id = 1;\n}\n";
    for (kind, ext, v1, v2) in [
        ("json", "json", json_v1, json_v2),
        ("protobuf", "proto", proto_v1, proto_v2),
    ] {
        let subject = registry.subject(&format!("schemas.types.{kind}"));
        let v1 = file(dir.path(), &format!("v1.{ext}"), v1);
        let v2 = file(dir.path(), &format!("v2.{ext}"), v2);
        let check = |path: &str, code| {
            schemas(
                &registry,
                &[
                    "check",
                    path,
                    "--subject",
                    &subject,
                    "--type",
                    kind,
                    "-o",
                    "json",
                ],
            )
            .run()
            .expect_code(code)
            .json()
        };
        assert_eq!(check(&v1, 0)["results"][0]["verdict"], "new_subject");
        schemas(
            &registry,
            &["register", &v1, "--subject", &subject, "--type", kind],
        )
        .run()
        .expect_code(0);
        registry.set_level(&subject, "BACKWARD");
        let registered = check(&v1, 0);
        assert_eq!(registered["results"][0]["verdict"], "registered");
        assert_eq!(registered["results"][0]["schema_type"], kind.to_uppercase());
        // Only a real registry judges JSON Schema and Protobuf (the double judges Avro only).
        if registry.is_real() {
            let incompatible = check(&v2, 3);
            assert_eq!(incompatible["results"][0]["verdict"], "incompatible");
            let run = schemas(
                &registry,
                &["register", &v2, "--subject", &subject, "--type", kind],
            )
            .run()
            .expect_code(1);
            assert!(run.stderr.contains("incompatible"), "{}", run.stderr);
        }
    }
}

#[test]
fn diff_shows_field_changes_and_their_safety_under_the_subjects_level() {
    let registry = TestRegistry::start();
    let subject = registry.subject("schemas.diff");
    registry.register(&subject, "AVRO", TASK_V1);
    registry.set_level(&subject, "BACKWARD");
    let dir = tempfile::tempdir().unwrap();
    let evolved = TASK_REQUIRED.replace(r#""type": "int""#, r#""type": "long""#);
    let evolved = file(dir.path(), "evolved.avsc", &evolved);
    let run = schemas(&registry, &["diff", &evolved, "--subject", &subject])
        .run()
        .expect_code(3);
    assert!(
        run.stdout.contains("judged under BACKWARD:"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("int → long"), "{}", run.stdout);
    assert!(
        run.stdout.contains("! owner: new readers find no `owner`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("2 change(s), 1 unsafe under BACKWARD."),
        "{}",
        run.stdout
    );

    let json = schemas(
        &registry,
        &[
            "diff",
            &evolved,
            "--subject",
            &subject,
            "-o",
            "json",
            "--level",
            "forward",
        ],
    )
    .run()
    .expect_code(3)
    .json();
    assert_eq!(json["compatibility"], "FORWARD");
    assert_eq!(json["compatibility_source"], "flag");
    let points = &json["changes"][0];
    assert_eq!(
        (points["path"].clone(), points["safe"].clone()),
        (json!("points"), json!(false))
    );
    assert_eq!(json["changes"][1]["change"], "field added");
    assert_eq!(json["changes"][1]["safe"], true);

    let optional = file(dir.path(), "optional.avsc", TASK_OPTIONAL);
    schemas(&registry, &["diff", &optional, "--subject", &subject])
        .run()
        .expect_code(0);

    // Another type is said plainly.
    let proto_subject = registry.subject("schemas.diff.proto");
    registry.register(
        &proto_subject,
        "PROTOBUF",
        "syntax = \"proto3\";\nmessage A {\n  string a = 1;\n}\n",
    );
    let run = schemas(&registry, &["diff", &optional, "--subject", &proto_subject])
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .contains("holds PROTOBUF schemas; kop compares Avro field by field only"),
        "{}",
        run.stderr
    );
}

#[test]
fn register_refuses_incompatible_and_invalid_schemas_in_the_registrys_words() {
    let registry = TestRegistry::start();
    let subject = registry.subject("schemas.register");
    let dir = tempfile::tempdir().unwrap();
    let v1 = file(dir.path(), "v1.avsc", TASK_V1);
    schemas(&registry, &["register", &v1, "--subject", &subject])
        .run()
        .expect_code(0);
    registry.set_level(&subject, "BACKWARD");
    let again = schemas(&registry, &["register", &v1, "--subject", &subject])
        .run()
        .expect_code(0);
    assert!(
        again.stdout.contains("nothing was registered"),
        "{}",
        again.stdout
    );

    let required = file(dir.path(), "required.avsc", TASK_REQUIRED);
    let run = schemas(&registry, &["register", &required, "--subject", &subject])
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("the schema is incompatible with the subject's earlier versions: Incompatible schema, compatibility_mode=BACKWARD"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("hint: `kop schemas check FILE --subject SUBJECT`"),
        "{}",
        run.stderr
    );

    let invalid = file(
        dir.path(),
        "invalid.avsc",
        r#"{"type": "recrd", "name": "X"}"#,
    );
    let run = schemas(&registry, &["register", &invalid, "--subject", &subject])
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .contains("rejected the schema as invalid: Invalid AVRO schema"),
        "{}",
        run.stderr
    );
    let run = schemas(&registry, &["check", &invalid, "--subject", &subject])
        .run()
        .expect_code(3);
    assert!(run.stdout.contains("invalid"), "{}", run.stdout);
    assert_eq!(registry.versions(&subject), 1);
}

#[test]
fn compatibility_shows_sets_and_unsets_levels() {
    let registry = TestRegistry::start();
    let subject = registry.subject("schemas.compatibility");
    registry.register(&subject, "AVRO", TASK_V1);
    let global = schemas(&registry, &["compatibility", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(global["subject"], Value::Null);
    assert_eq!(global["compatibility_source"], "global");
    let level = global["compatibility"].as_str().unwrap().to_string();
    // Setting the global level to what it is: the request is real, nothing changes.
    let same = schemas(&registry, &["compatibility", "--set", &level, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(same["compatibility"], level.as_str());

    let shown = schemas(&registry, &["compatibility", &subject])
        .run()
        .expect_code(0);
    assert!(
        shown
            .stdout
            .contains(&format!("{subject}: {level} (global)")),
        "{}",
        shown.stdout
    );
    let set = schemas(
        &registry,
        &[
            "compatibility",
            &subject,
            "--set",
            "full_transitive",
            "-o",
            "json",
        ],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(set["compatibility"], "FULL_TRANSITIVE");
    assert_eq!(set["compatibility_source"], "subject");
    assert_eq!(set["previous_source"], "global");
    let unset = schemas(&registry, &["compatibility", &subject, "--unset"])
        .run()
        .expect_code(0);
    assert!(
        unset
            .stdout
            .contains(&format!("{subject}: FULL_TRANSITIVE → {level} (global)")),
        "{}",
        unset.stdout
    );
    let run = schemas(&registry, &["compatibility", &subject, "--set", "SIDEWAYS"])
        .run()
        .expect_code(2);
    assert!(run.stderr.contains("BACKWARD_TRANSITIVE"), "{}", run.stderr);
}

#[test]
fn delete_asks_first_then_goes_soft_before_permanent() {
    let registry = TestRegistry::start();
    let subject = registry.subject("schemas.delete");
    let v2 = TASK_OPTIONAL;
    registry.register(&subject, "AVRO", TASK_V1);
    registry.register(&subject, "AVRO", v2);

    // Without a terminal and without --yes: refused, nothing deleted.
    let run = schemas(&registry, &["delete", &subject])
        .run()
        .expect_code(1);
    assert!(run.stderr.contains("add --yes"), "{}", run.stderr);
    assert_eq!(registry.versions(&subject), 2);
    // On a terminal, "no" keeps it.
    let mut args = vec!["schemas", "delete", &subject, "--registry", registry.url()];
    let run = kop(&args).run_in_terminal("n");
    assert!(
        run.stdout
            .contains("Readers that look schemas up by id keep working"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("not deleted: the answer was no"),
        "{}",
        run.stdout
    );
    assert_eq!(registry.versions(&subject), 2);

    // Permanent before soft: kop says so before asking.
    let run = schemas(
        &registry,
        &["delete", &subject, "--version", "1", "--permanent", "--yes"],
    )
    .run()
    .expect_code(1);
    assert!(
        run.stderr.contains("is not soft-deleted yet"),
        "{}",
        run.stderr
    );

    let json = schemas(
        &registry,
        &["delete", &subject, "--version", "1", "--yes", "-o", "json"],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(json["versions"], json!([1]));
    assert_eq!(json["permanent"], false);
    let versions = schemas(
        &registry,
        &["show", &subject, "--versions", "--deleted", "-o", "json"],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(versions["versions"][0]["deleted"], true);
    assert_eq!(versions["versions"][1]["deleted"], false);

    args.push("--yes");
    let run = kop(&args).run().expect_code(0);
    assert!(
        run.stdout.contains("Soft-deleted subject"),
        "{}",
        run.stdout
    );
    let pattern = format!("^{}$", subject.replace('.', "\\."));
    let listed = schemas(&registry, &["list", "--pattern", &pattern, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(listed, json!([]));
    let listed = schemas(
        &registry,
        &["list", "--deleted", "--pattern", &pattern, "-o", "json"],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(listed[0]["deleted"], true);

    let run = schemas(&registry, &["delete", &subject, "--permanent", "--yes"])
        .run()
        .expect_code(0);
    assert!(run.stdout.contains("permanently"), "{}", run.stdout);
    let listed = schemas(
        &registry,
        &["list", "--deleted", "--pattern", &pattern, "-o", "json"],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(listed, json!([]));
    let run = schemas(&registry, &["delete", &subject, "--yes"])
        .run()
        .expect_code(1);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
}

#[test]
fn registry_errors_read_in_plain_words_with_a_hint() {
    let registry = TestRegistry::start();
    let missing = registry.subject("schemas.missing");
    let run = schemas(&registry, &["show", &missing]).run().expect_code(1);
    assert!(
        run.stderr
            .contains("the subject does not exist in the Schema Registry"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("Subject '{missing}' not found.")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: `kop schemas list`"),
        "{}",
        run.stderr
    );

    let subject = registry.subject("schemas.errors");
    registry.register(&subject, "AVRO", TASK_V1);
    let run = schemas(&registry, &["show", &subject, "--version", "99"])
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .contains("that version of the subject does not exist: Version 99 not found."),
        "{}",
        run.stderr
    );

    let run = schemas(&registry, &["show", &subject, "--version", "first"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr
            .contains("a version is a number from 1 up, or `latest`"),
        "{}",
        run.stderr
    );

    let closed = format!("http://127.0.0.1:{}", crate::support::free_port());
    let run = kop(["schemas", "list", "--registry", &closed])
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("could not be reached"),
        "{}",
        run.stderr
    );
    let run = kop(["schemas", "list"]).run().expect_code(2);
    assert!(
        run.stderr.contains("no Schema Registry configured"),
        "{}",
        run.stderr
    );
}

#[test]
fn credentials_come_from_the_environment_and_a_refusal_says_which() {
    let registry = TestRegistry::start();
    // Only the double can be told to require credentials.
    let Some(double) = registry.double() else {
        return;
    };
    double.require_authorization("Bearer tok-3f9a");
    let run = kop(["schemas", "list", "--registry", registry.url(), "-v"])
        .env("SCHEMA_REGISTRY_USERNAME", "ops")
        .env("SCHEMA_REGISTRY_PASSWORD", "pw-c0ffee")
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .contains("refused the credentials (HTTP 401): Unauthorized"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("SCHEMA_REGISTRY_BEARER_TOKEN"),
        "{}",
        run.stderr
    );
    let run = kop(["schemas", "list", "--registry", registry.url(), "-v"])
        .env("SCHEMA_REGISTRY_BEARER_TOKEN", "tok-3f9a")
        .run()
        .expect_code(0);
    assert!(!run.stderr.contains("tok-3f9a") && !run.stdout.contains("tok-3f9a"));
    assert!(double
        .authorizations()
        .contains(&"Bearer tok-3f9a".to_string()));
    let run = kop(["schemas", "list", "--registry", registry.url()])
        .env("SCHEMA_REGISTRY_BEARER_TOKEN", "tok-3f9a")
        .env("SCHEMA_REGISTRY_USERNAME", "ops")
        .run()
        .expect_code(1);
    assert!(run.stderr.contains("either"), "{}", run.stderr);
}
