use super::*;

/// The schema of tests/e2e and the teams' task events, trimmed.
const TASK: &str = r#"{
  "type": "record", "name": "TaskEvent", "namespace": "com.todoapp.events",
  "fields": [
    {"name": "taskId", "type": "string"},
    {"name": "points", "type": "int"},
    {"name": "priority", "type": {"type": "enum", "name": "Priority", "symbols": ["HIGH", "LOW"]}},
    {"name": "note", "type": ["null", "string"], "default": null},
    {"name": "owner", "type": {"type": "record", "name": "User", "fields": [
      {"name": "id", "type": "string"}
    ]}}
  ]
}"#;

/// TASK with one piece of text replaced.
fn changed(from: &str, to: &str) -> String {
    assert!(TASK.contains(from), "{from}");
    TASK.replacen(from, to, 1)
}

fn one(new: &str) -> SchemaChange {
    let changes = diff(TASK, new).unwrap();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    changes.into_iter().next().unwrap()
}

#[test]
fn nothing_changed_is_no_changes() {
    assert_eq!(diff(TASK, TASK).unwrap(), vec![]);
    // Spelling is not a change: whitespace, key order, `{"type": "string"}` for `"string"`.
    let respelled = TASK.replace(
        r#"{"name": "taskId", "type": "string"}"#,
        r#"{"type": {"type": "string"}, "name": "taskId"}"#,
    );
    assert_eq!(diff(TASK, &respelled).unwrap(), vec![]);
}

#[test]
fn an_added_field_needs_a_default_under_backward() {
    let with_default = changed(
        r#"{"name": "taskId", "type": "string"},"#,
        r#"{"name": "taskId", "type": "string"}, {"name": "due", "type": ["null", "long"], "default": null},"#,
    );
    let c = one(&with_default);
    assert_eq!((c.kind, c.path.as_str()), (ChangeKind::FieldAdded, "due"));
    assert_eq!(c.detail, "[null, long], default null");
    assert_eq!(c.under(Level::Backward), Safety::Safe);
    assert_eq!(c.under(Level::FullTransitive), Safety::Safe);

    let without = changed(
        r#"{"name": "taskId", "type": "string"},"#,
        r#"{"name": "taskId", "type": "string"}, {"name": "due", "type": "long"},"#,
    );
    let c = one(&without);
    assert_eq!(c.detail, "long, no default");
    assert!(matches!(c.under(Level::Backward), Safety::Unsafe(why) if why.contains("`due`")));
    assert_eq!(c.under(Level::Forward), Safety::Safe);
    assert_eq!(c.under(Level::None), Safety::Safe);
}

#[test]
fn a_removed_field_needs_its_old_default_under_forward() {
    let c = one(&TASK.replace(r#"{"name": "points", "type": "int"},"#, ""));
    assert_eq!(
        (c.kind, c.path.as_str()),
        (ChangeKind::FieldRemoved, "points")
    );
    assert_eq!(c.under(Level::Backward), Safety::Safe);
    assert!(matches!(c.under(Level::Forward), Safety::Unsafe(why) if why.contains("no default")));
    let c = one(&TASK.replace(
        r#"{"name": "note", "type": ["null", "string"], "default": null},"#,
        "",
    ));
    assert_eq!(c.detail, "[null, string], had default null");
    assert_eq!(c.under(Level::Full), Safety::Safe);
}

#[test]
fn type_changes_follow_avro_promotions() {
    let long = changed(r#""points", "type": "int""#, r#""points", "type": "long""#);
    let c = one(&long);
    assert_eq!(
        (c.kind, c.detail.as_str()),
        (ChangeKind::TypeChanged, "int → long")
    );
    assert_eq!(c.under(Level::Backward), Safety::Safe);
    assert!(matches!(c.under(Level::Forward), Safety::Unsafe(_)));
    let text = changed(
        r#""points", "type": "int""#,
        r#""points", "type": "string""#,
    );
    assert!(
        matches!(one(&text).under(Level::Backward), Safety::Unsafe(why) if why.contains("`points`"))
    );
    // A field that becomes optional: new readers take old values; old readers choke on null.
    let optional = changed(
        r#""taskId", "type": "string""#,
        r#""taskId", "type": ["null", "string"], "default": null"#,
    );
    let changes = diff(TASK, &optional).unwrap();
    let t = changes
        .iter()
        .find(|c| c.kind == ChangeKind::TypeChanged)
        .unwrap();
    assert_eq!(t.detail, "string → [null, string]");
    assert_eq!(t.under(Level::Backward), Safety::Safe);
    assert!(matches!(t.under(Level::Forward), Safety::Unsafe(_)));
    assert!(changes
        .iter()
        .any(|c| c.kind == ChangeKind::DefaultChanged && c.detail == "(none) → null"));
}

#[test]
fn enum_symbols_break_the_direction_that_does_not_know_them() {
    let added = changed(r#"["HIGH", "LOW"]"#, r#"["HIGH", "LOW", "CRITICAL"]"#);
    let c = one(&added);
    assert_eq!(
        (c.kind, c.path.as_str(), c.detail.as_str()),
        (ChangeKind::SymbolsAdded, "priority", "CRITICAL")
    );
    assert_eq!(c.under(Level::Backward), Safety::Safe);
    assert!(matches!(c.under(Level::Forward), Safety::Unsafe(why) if why.contains("CRITICAL")));
    let removed = changed(r#"["HIGH", "LOW"]"#, r#"["HIGH"]"#);
    let c = one(&removed);
    assert_eq!(c.kind, ChangeKind::SymbolsRemoved);
    assert!(matches!(c.under(Level::Backward), Safety::Unsafe(why) if why.contains("LOW")));
    // An enum default covers symbols the reader does not know.
    let covered = changed(
        r#""symbols": ["HIGH", "LOW"]"#,
        r#""symbols": ["HIGH"], "default": "HIGH""#,
    );
    let changes = diff(TASK, &covered).unwrap();
    let c = changes
        .iter()
        .find(|c| c.kind == ChangeKind::SymbolsRemoved)
        .unwrap();
    assert_eq!(c.under(Level::Backward), Safety::Safe);
}

#[test]
fn nested_records_are_diffed_by_path_and_renames_need_aliases() {
    let nested = changed(
        r#"{"name": "id", "type": "string"}"#,
        r#"{"name": "id", "type": "string"}, {"name": "email", "type": "string"}"#,
    );
    let c = one(&nested);
    assert_eq!(c.path, "owner.email");
    assert!(matches!(c.under(Level::Backward), Safety::Unsafe(_)));

    let renamed = TASK.replace(r#""name": "User""#, r#""name": "Person""#);
    let c = one(&renamed);
    assert_eq!((c.kind, c.path.as_str()), (ChangeKind::Renamed, "owner"));
    assert_eq!(
        c.detail,
        "com.todoapp.events.User → com.todoapp.events.Person"
    );
    assert!(matches!(c.under(Level::Backward), Safety::Unsafe(why) if why.contains("alias")));
    let aliased = TASK.replace(
        r#""name": "User""#,
        r#""name": "Person", "aliases": ["User"]"#,
    );
    assert_eq!(one(&aliased).under(Level::Backward), Safety::Safe);

    let field = TASK.replace(
        r#"{"name": "points", "type": "int"}"#,
        r#"{"name": "score", "type": "int", "aliases": ["points"]}"#,
    );
    let c = one(&field);
    assert_eq!(
        (c.kind, c.detail.as_str()),
        (ChangeKind::FieldRenamed, "points → score")
    );
    assert_eq!(c.under(Level::Backward), Safety::Safe);
    assert!(matches!(c.under(Level::Forward), Safety::Unsafe(_)));
}

#[test]
fn arrays_maps_and_recursive_types() {
    let old = r#"{"type": "record", "name": "Node", "fields": [
        {"name": "tags", "type": {"type": "array", "items": "int"}},
        {"name": "attrs", "type": {"type": "map", "values": "string"}},
        {"name": "next", "type": ["null", "Node"], "default": null}]}"#;
    let new = old
        .replace(r#""items": "int""#, r#""items": "long""#)
        .replace(r#""values": "string""#, r#""values": "int""#);
    let changes = diff(old, &new).unwrap();
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(paths, ["tags[]", "attrs{}"]);
    assert_eq!(changes[0].under(Level::Backward), Safety::Safe);
    assert!(matches!(
        changes[1].under(Level::Backward),
        Safety::Unsafe(_)
    ));
}

#[test]
fn logical_type_changes_are_noted() {
    let old = r#"{"type": "record", "name": "E", "fields": [{"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}"#;
    let new = old.replace("timestamp-millis", "timestamp-micros");
    let c = diff(old, &new).unwrap().remove(0);
    assert_eq!(
        c.detail,
        "long (timestamp-millis) → long (timestamp-micros)"
    );
    assert_eq!(c.under(Level::Full), Safety::Safe);
    assert!(c.note.is_some());
}

#[test]
fn broken_schemas_say_which() {
    assert!(diff("{", TASK)
        .unwrap_err()
        .starts_with("the registry's schema"));
    assert!(diff(
        TASK,
        r#"{"type": "record", "name": "X", "fields": [{"name": "a", "type": "Nope"}]}"#
    )
    .unwrap_err()
    .contains("unknown type `Nope`"));
}
