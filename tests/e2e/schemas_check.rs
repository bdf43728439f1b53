//! `kop schemas check` (the CI gate) and `kop schemas diff`, against the registry double
//! and, with `KOP_TEST_REGISTRY_URL`, a real registry (scripts/test-registry.sh runs them
//! against Karapace). Every test works on subjects of its own and sets the level it needs
//! on them; none changes the global level. Where an answer is the registry's to give
//! (reasons, JSON Schema and Protobuf verdicts), the test says which registry gives it.

use serde_json::json;

use crate::support::registry::TestRegistry;
use crate::support::schemas::{
    assert_reason, file, schemas, TASK_NO_TITLE, TASK_OPTIONAL, TASK_REQUIRED, TASK_V1,
};

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
