//! `kop schemas` decisions and data: schema types, compatibility levels, what a subject
//! holds, which topic a subject belongs to, the compatibility gate's verdicts, and the
//! field-by-field Avro diff with its safety verdicts. Pure.

pub mod avro_diff;
pub mod check;
pub mod listing;
pub mod report;

use std::fmt;

pub use crate::config::CompatibilityLevel as Level;

/// The schema languages a Confluent-compatible registry holds (`schemaType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SchemaType {
    Avro,
    Json,
    Protobuf,
}

impl SchemaType {
    pub fn as_str(self) -> &'static str {
        match self {
            SchemaType::Avro => "AVRO",
            SchemaType::Json => "JSON",
            SchemaType::Protobuf => "PROTOBUF",
        }
    }

    /// As people say it.
    pub fn label(self) -> &'static str {
        match self {
            SchemaType::Avro => "Avro",
            SchemaType::Json => "JSON Schema",
            SchemaType::Protobuf => "Protobuf",
        }
    }

    /// The registry's `schemaType`; absent means Avro (the registry leaves it out then).
    pub fn from_registry(text: Option<&str>) -> Option<SchemaType> {
        match text.map(str::to_ascii_uppercase).as_deref() {
            None | Some("AVRO") => Some(SchemaType::Avro),
            Some("JSON") => Some(SchemaType::Json),
            Some("PROTOBUF") => Some(SchemaType::Protobuf),
            Some(_) => None,
        }
    }

    /// Which type a schema file holds when nobody said: its extension (`.avsc`, `.proto`),
    /// else the type of the subject it goes to, else its text (a JSON Schema names its
    /// `$schema` or describes `properties`), else Avro.
    pub fn infer(extension: Option<&str>, subject: Option<SchemaType>, text: &str) -> SchemaType {
        match extension.map(str::to_ascii_lowercase).as_deref() {
            Some("avsc") => return SchemaType::Avro,
            Some("proto") => return SchemaType::Protobuf,
            _ => {}
        }
        if let Some(t) = subject {
            return t;
        }
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(map))
                if map.contains_key("$schema")
                    || (map.contains_key("properties") && !map.contains_key("fields")) =>
            {
                SchemaType::Json
            }
            Ok(_) => SchemaType::Avro,
            Err(_) if text.contains("syntax") || text.contains("message ") => SchemaType::Protobuf,
            Err(_) => SchemaType::Avro,
        }
    }
}

impl fmt::Display for SchemaType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The level that applies to a subject, and whether the subject set it or inherits the
/// registry's global one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EffectiveLevel {
    pub level: Level,
    pub global: bool,
}

impl EffectiveLevel {
    /// The subject's own level when it has one, else the global level.
    pub fn of(own: Option<Level>, global: Level) -> EffectiveLevel {
        match own {
            Some(level) => EffectiveLevel {
                level,
                global: false,
            },
            None => EffectiveLevel {
                level: global,
                global: true,
            },
        }
    }
}

/// A schema another schema imports (Protobuf `import`, JSON Schema `$ref`, Avro named
/// types), pinned to a version of its subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub name: String,
    pub subject: String,
    pub version: u32,
}

/// A schema as kop sends it: its text, its type and what it references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaText {
    pub text: String,
    pub schema_type: SchemaType,
    pub references: Vec<Reference>,
}

/// One version of a subject, as the registry holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaRecord {
    pub subject: String,
    pub version: u32,
    pub id: u32,
    pub schema_type: SchemaType,
    /// As the registry stores it (registries normalise what they are sent).
    pub schema: String,
    pub references: Vec<Reference>,
}

/// Which version of a subject a command means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionRef {
    Latest,
    Number(u32),
}

impl VersionRef {
    /// `latest` or a version number from 1 up.
    pub fn parse(text: &str) -> Option<VersionRef> {
        if text.eq_ignore_ascii_case("latest") {
            return Some(VersionRef::Latest);
        }
        text.parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .map(VersionRef::Number)
    }
}

impl fmt::Display for VersionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VersionRef::Latest => f.write_str("latest"),
            VersionRef::Number(n) => write!(f, "{n}"),
        }
    }
}

/// The other schemas a schema needs, by the names it uses for them: a `.proto` file's
/// imports (protobuf's own `google/protobuf/*` aside: every registry knows them), a JSON
/// Schema's `$ref`s to other documents. Avro's named types from other subjects are not
/// looked for.
pub fn dependencies(
    schema_type: SchemaType,
    name: &str,
    text: &str,
) -> Result<Vec<String>, String> {
    use crate::core::codec::{json_schema, protobuf};
    match schema_type {
        SchemaType::Avro => Ok(Vec::new()),
        SchemaType::Json => json_schema::external_refs(text),
        SchemaType::Protobuf => Ok(protobuf::imports(name, text)?
            .into_iter()
            .filter(|i| !protobuf::is_builtin(i))
            .collect()),
    }
}

/// A schema's text for people: JSON (Avro, JSON Schema) indented, Protobuf as written.
pub fn pretty(schema: &str, schema_type: SchemaType) -> String {
    if schema_type == SchemaType::Protobuf {
        return schema.trim_end().to_string();
    }
    serde_json::from_str::<serde_json::Value>(schema)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| schema.trim_end().to_string())
}

/// The full name of an Avro schema's top-level named type (record, enum, fixed), for the
/// record name strategies.
pub fn avro_full_name(schema: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(schema).ok()?;
    let name = value.get("name")?.as_str()?;
    if name.contains('.') {
        return Some(name.to_string());
    }
    match value.get("namespace").and_then(|n| n.as_str()) {
        Some(ns) if !ns.is_empty() => Some(format!("{ns}.{name}")),
        _ => Some(name.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_from_the_extension_then_the_subject_then_the_text() {
        let avro = r#"{"type": "record", "name": "T", "fields": []}"#;
        let json = r#"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}"#;
        let proto = "syntax = \"proto3\";\nmessage M { string a = 1; }";
        assert_eq!(
            SchemaType::infer(Some("avsc"), Some(SchemaType::Json), json),
            SchemaType::Avro
        );
        assert_eq!(
            SchemaType::infer(Some("proto"), None, proto),
            SchemaType::Protobuf
        );
        assert_eq!(
            SchemaType::infer(Some("json"), Some(SchemaType::Json), avro),
            SchemaType::Json
        );
        assert_eq!(
            SchemaType::infer(Some("json"), None, json),
            SchemaType::Json
        );
        assert_eq!(
            SchemaType::infer(None, None, r#"{"type": "object", "properties": {}}"#),
            SchemaType::Json
        );
        assert_eq!(
            SchemaType::infer(Some("json"), None, avro),
            SchemaType::Avro
        );
        assert_eq!(SchemaType::infer(None, None, proto), SchemaType::Protobuf);
        assert_eq!(SchemaType::from_registry(None), Some(SchemaType::Avro));
        assert_eq!(
            SchemaType::from_registry(Some("PROTOBUF")),
            Some(SchemaType::Protobuf)
        );
        assert_eq!(SchemaType::from_registry(Some("XML")), None);
    }

    #[test]
    fn versions_and_names() {
        assert_eq!(VersionRef::parse("LATEST"), Some(VersionRef::Latest));
        assert_eq!(VersionRef::parse("3"), Some(VersionRef::Number(3)));
        assert_eq!(VersionRef::parse("0"), None);
        assert_eq!(VersionRef::parse("-1"), None);
        assert_eq!(
            avro_full_name(
                r#"{"type":"record","name":"TaskCreated","namespace":"com.todo","fields":[]}"#
            ),
            Some("com.todo.TaskCreated".into())
        );
        assert_eq!(avro_full_name(r#""string""#), None);
        assert_eq!(
            EffectiveLevel::of(None, Level::Backward),
            EffectiveLevel {
                level: Level::Backward,
                global: true
            }
        );
    }

    #[test]
    fn dependencies_are_imports_and_external_refs() {
        let proto = "syntax = \"proto3\";\nimport \"common.proto\";\nimport \"google/protobuf/timestamp.proto\";\nmessage M { string a = 1; }";
        assert_eq!(
            dependencies(SchemaType::Protobuf, "m.proto", proto).unwrap(),
            vec!["common.proto"]
        );
        assert_eq!(
            dependencies(
                SchemaType::Json,
                "",
                r#"{"properties": {"d": {"$ref": "device.json"}}}"#
            )
            .unwrap(),
            vec!["device.json"]
        );
        assert!(dependencies(SchemaType::Avro, "", "{}").unwrap().is_empty());
        assert!(dependencies(SchemaType::Protobuf, "m.proto", "message {").is_err());
    }

    #[test]
    fn pretty_indents_json_and_keeps_protobuf() {
        assert_eq!(
            pretty(r#"{"type":"string"}"#, SchemaType::Avro),
            "{\n  \"type\": \"string\"\n}"
        );
        assert_eq!(
            pretty("syntax = \"proto3\";\n", SchemaType::Protobuf),
            "syntax = \"proto3\";"
        );
    }
}
