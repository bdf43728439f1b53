//! Schema fixtures (the teams' task events) and a runner for `kop schemas ...` against a
//! test registry, shared by tests/e2e/schemas.rs and tests/e2e/schemas_check.rs.

use std::path::Path;

use super::kop::{kop, Kop, Run};
use super::registry::TestRegistry;

/// The teams' task event, version 1.
pub const TASK_V1: &str = r#"{
  "type": "record", "name": "TaskCreated", "namespace": "com.todoapp.events",
  "fields": [
    {"name": "taskId", "type": "string"},
    {"name": "title", "type": "string"},
    {"name": "points", "type": "int"}
  ]
}"#;

/// An optional field with a default: new readers fill it in for old events.
pub const TASK_OPTIONAL: &str = r#"{
  "type": "record", "name": "TaskCreated", "namespace": "com.todoapp.events",
  "fields": [
    {"name": "taskId", "type": "string"},
    {"name": "title", "type": "string"},
    {"name": "points", "type": "int"},
    {"name": "assignee", "type": ["null", "string"], "default": null}
  ]
}"#;

/// A new field without a default: new readers cannot read old events.
pub const TASK_REQUIRED: &str = r#"{
  "type": "record", "name": "TaskCreated", "namespace": "com.todoapp.events",
  "fields": [
    {"name": "taskId", "type": "string"},
    {"name": "title", "type": "string"},
    {"name": "points", "type": "int"},
    {"name": "owner", "type": "string"}
  ]
}"#;

/// `title` removed: old readers, which need it and have no default, cannot read new events.
pub const TASK_NO_TITLE: &str = r#"{
  "type": "record", "name": "TaskCreated", "namespace": "com.todoapp.events",
  "fields": [
    {"name": "taskId", "type": "string"},
    {"name": "points", "type": "int"}
  ]
}"#;

pub fn schemas(registry: &TestRegistry, args: &[&str]) -> Kop {
    let mut all = vec!["schemas"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--registry", registry.url()]);
    kop(all)
}

pub fn file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// The registry's reason is shown when it gives one (the double and Karapace 6.2.0 name
/// the field); a registry that gives none (Karapace 3.16.0) is said to give none.
pub fn assert_reason(registry: &TestRegistry, run: &Run, field: &str) {
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
