//! `kop schemas list`, `show`, `register`, `compatibility` and `delete`, registry errors
//! and credentials, against the registry double and, with `KOP_TEST_REGISTRY_URL`, a real
//! registry (scripts/test-registry.sh runs them against Karapace). Every test works on
//! subjects of its own; none changes the global level.

use serde_json::{json, Value};

use crate::support::kop::kop;
use crate::support::python::interop;
use crate::support::registry::TestRegistry;
use crate::support::schemas::{file, schemas, TASK_OPTIONAL, TASK_REQUIRED, TASK_V1};

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
fn references_are_registered_pinned_and_shown() {
    let registry = TestRegistry::start();
    let dir = tempfile::tempdir().unwrap();
    let common = registry.subject("schemas.refs.common");
    let task = registry.subject("schemas.refs.task");
    let common_proto = file(
        dir.path(),
        "common.proto",
        "syntax = \"proto3\";\npackage com.todo;\n\nmessage User {\n  string id = 1;\n}\n",
    );
    let task_proto = file(
        dir.path(),
        "task.proto",
        "syntax = \"proto3\";\npackage com.todo;\nimport \"common.proto\";\n\nmessage Task {\n  string id = 1;\n  com.todo.User owner = 2;\n}\n",
    );
    schemas(
        &registry,
        &["register", &common_proto, "--subject", &common],
    )
    .run()
    .expect_code(0);
    // No version: the referenced subject's latest, looked up and pinned.
    let reference = format!("common.proto={common}");
    schemas(
        &registry,
        &[
            "register",
            &task_proto,
            "--subject",
            &task,
            "--reference",
            &reference,
        ],
    )
    .run()
    .expect_code(0);
    let record = schemas(&registry, &["show", &task, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(
        record["references"],
        json!([{"name": "common.proto", "subject": common, "version": 1}])
    );
    let text = schemas(&registry, &["show", &task]).run().expect_code(0);
    assert!(
        text.stdout
            .contains(&format!("references  common.proto → {common} version 1")),
        "{}",
        text.stdout
    );
    let pinned = format!("common.proto={common}:1");
    let check = schemas(
        &registry,
        &[
            "check",
            &task_proto,
            "--subject",
            &task,
            "--reference",
            &pinned,
            "-o",
            "json",
        ],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(check["results"][0]["verdict"], "registered");
    let run = schemas(
        &registry,
        &[
            "register",
            &task_proto,
            "--subject",
            &task,
            "--reference",
            "common.proto",
        ],
    )
    .run()
    .expect_code(2);
    assert!(
        run.stderr.contains("NAME=SUBJECT[:VERSION]"),
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
    let run = kop(&args).run_in_terminal("n\n");
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
    // Now version 1 can go for good.
    let json = schemas(
        &registry,
        &[
            "delete",
            &subject,
            "--version",
            "1",
            "--permanent",
            "--yes",
            "-o",
            "json",
        ],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(
        (json["versions"].clone(), json["permanent"].clone()),
        (json!([1]), json!(true))
    );
    let versions = schemas(
        &registry,
        &["show", &subject, "--versions", "--deleted", "-o", "json"],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(versions["versions"].as_array().unwrap().len(), 1);
    assert_eq!(versions["versions"][0]["version"], 2);

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
