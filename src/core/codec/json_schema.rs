//! JSON Schema: events checked against a schema before they are sent, errors that name the
//! JSON pointer of the failing field and the rule it broke.
//!
//! Drafts 4, 6, 7, 2019-09 and 2020-12, chosen by the schema's `$schema`; a schema without
//! one is read as draft 7, the draft registries (Karapace, Confluent) judge it by. `format`
//! is an annotation, not a check, as in Confluent's serializers (Python's `jsonschema`
//! does not check formats unless asked), so kop refuses nothing they would send.
//!
//! `$ref` to another document resolves only to the schemas given as references (each under
//! its reference name, as Confluent's serializers resolve them); nothing is fetched.

use std::collections::HashMap;

use jsonschema::{Draft, Retrieve, Uri, ValidationError, Validator};
use serde_json::Value as Json;

/// A compiled JSON Schema.
pub struct JsonSchema {
    validator: Validator,
    title: Option<String>,
}

impl std::fmt::Debug for JsonSchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JsonSchema")
    }
}

/// Why an event does not fit: where (a JSON pointer), which rule, and the validator's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field {}: {message} (rule `{rule}`)", if pointer.is_empty() { "/" } else { pointer })]
pub struct RuleError {
    /// RFC 6901: `/device/device_id`, empty for the whole event.
    pub pointer: String,
    pub rule: String,
    pub message: String,
}

/// The documents outside it that a schema's `$ref`s name (without their fragments), in
/// order: the references it needs.
pub fn external_refs(text: &str) -> Result<Vec<String>, String> {
    fn walk(value: &Json, out: &mut Vec<String>) {
        match value {
            Json::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        ("$ref", Json::String(target)) => {
                            let document = target.split('#').next().unwrap_or_default();
                            if !document.is_empty() && !out.iter().any(|d| d == document) {
                                out.push(document.to_string());
                            }
                        }
                        // `enum`, `const` and `examples` hold data, not schemas.
                        ("enum" | "const" | "examples" | "default", _) => {}
                        _ => walk(v, out),
                    }
                }
            }
            Json::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let schema: Json = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let mut out = Vec::new();
    walk(&schema, &mut out);
    Ok(out)
}

/// The documents a schema's `$ref`s may name, by reference name.
struct References(HashMap<String, Json>);

impl References {
    /// A `$ref` arrives resolved against the schema's base URI (`json-schema:///` when the
    /// schema has no `$id`): the reference is the one whose name is the URI, or its end.
    fn find(&self, uri: &str) -> Option<&Json> {
        if let Some(found) = self.0.get(uri) {
            return Some(found);
        }
        self.0
            .iter()
            .filter(|(name, _)| {
                uri.strip_suffix(name.as_str())
                    .is_some_and(|rest| rest.ends_with('/'))
            })
            .max_by_key(|(name, _)| name.len())
            .map(|(_, schema)| schema)
    }
}

impl Retrieve for References {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Json, Box<dyn std::error::Error + Send + Sync>> {
        self.find(uri.as_str()).cloned().ok_or_else(|| {
            format!(
                "`$ref` to {} names no schema reference (kop resolves other documents only through the registry's references; it fetches nothing)",
                uri.as_str()
            )
            .into()
        })
    }
}

impl JsonSchema {
    /// Compiles `text`; `references` are the documents its `$ref`s name, as (reference
    /// name, schema text).
    pub fn compile(text: &str, references: &[(String, String)]) -> Result<JsonSchema, String> {
        let schema: Json = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let mut documents = HashMap::new();
        for (name, text) in references {
            let document: Json = serde_json::from_str(text)
                .map_err(|e| format!("reference {name} is not JSON: {e}"))?;
            documents.insert(name.clone(), document);
        }
        let mut options = jsonschema::options()
            .should_validate_formats(false)
            .with_retriever(References(documents));
        let declared = schema.get("$schema").and_then(Json::as_str);
        if declared.is_none() {
            options = options.with_draft(Draft::Draft7);
        }
        let validator = options.build(&schema).map_err(|e| e.to_string())?;
        let title = schema
            .get("title")
            .and_then(Json::as_str)
            .map(str::to_string);
        Ok(JsonSchema { validator, title })
    }

    /// The schema's `title`: the record name strategies' name for it (as Confluent's).
    pub fn title(&self) -> Option<String> {
        self.title.clone()
    }

    /// The first rule the event breaks, if any.
    pub fn check(&self, json: &Json) -> Result<(), RuleError> {
        match self.validator.validate(json) {
            Ok(()) => Ok(()),
            Err(e) => Err(rule_error(&e)),
        }
    }
}

fn rule_error(e: &ValidationError<'_>) -> RuleError {
    let mut pointer = e.instance_path().as_str().to_string();
    // A missing property is named where it should be, not at its parent.
    if let jsonschema::error::ValidationErrorKind::Required { property } = e.kind() {
        if let Some(name) = property.as_str() {
            pointer.push('/');
            pointer.push_str(&name.replace('~', "~0").replace('/', "~1"));
        }
    }
    RuleError {
        pointer,
        rule: e.kind().keyword().to_string(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The teams' child.registered event, as a JSON Schema.
    const CHILD: &str = r#"{
      "$schema": "http://json-schema.org/draft-07/schema#",
      "title": "ChildRegistered",
      "type": "object",
      "properties": {
        "event_type": {"const": "child.registered"},
        "child_id": {"type": "string", "format": "uuid"},
        "name": {"type": "string", "minLength": 1},
        "age": {"type": "integer", "minimum": 0, "maximum": 17},
        "device": {"$ref": "device.json"},
        "registered_at": {"type": "string", "format": "date-time"}
      },
      "required": ["event_type", "child_id", "name", "age"],
      "additionalProperties": false
    }"#;

    const DEVICE: &str = r#"{"type": "object", "properties": {"device_id": {"type": "string"},
        "udid": {"type": "string"}}, "required": ["device_id"]}"#;

    fn child() -> JsonSchema {
        JsonSchema::compile(CHILD, &[("device.json".into(), DEVICE.into())]).unwrap()
    }

    fn event() -> Json {
        json!({"event_type": "child.registered", "child_id": "7f0c2a1e-0b7d-4c55-9d2c-3f4b1a2e9c10",
            "name": "Emma Thompson", "age": 7, "device": {"device_id": "d1", "udid": "ESP32-TEDDY-001"},
            "registered_at": "2025-01-14T09:12:03Z"})
    }

    #[test]
    fn events_that_fit_pass_and_refs_resolve_through_references() {
        assert_eq!(child().check(&event()), Ok(()));
    }

    #[test]
    fn errors_name_the_pointer_and_the_rule() {
        let schema = child();
        let cases = [
            (
                "age",
                json!("seven"),
                "field /age: \"seven\" is not of type \"integer\" (rule `type`)",
            ),
            (
                "age",
                json!(40),
                "field /age: 40 is greater than the maximum of 17 (rule `maximum`)",
            ),
            (
                "device",
                json!({"udid": "x"}),
                "field /device/device_id: \"device_id\" is a required property (rule `required`)",
            ),
        ];
        for (field, bad, message) in cases {
            let mut e = event();
            e[field] = bad;
            assert_eq!(schema.check(&e).unwrap_err().to_string(), message);
        }
        let mut e = event();
        e.as_object_mut().unwrap().remove("name");
        let err = schema.check(&e).unwrap_err();
        assert_eq!(
            (err.pointer.as_str(), err.rule.as_str()),
            ("/name", "required")
        );
        e = event();
        e["shoe"] = json!(1);
        let err = schema.check(&e).unwrap_err();
        assert_eq!(err.rule, "additionalProperties");
        assert!(err.to_string().starts_with("field /: "), "{err}");
    }

    #[test]
    fn formats_are_annotations_as_in_confluents_serializers() {
        let mut e = event();
        e["child_id"] = json!("not-a-uuid");
        assert_eq!(child().check(&e), Ok(()));
    }

    #[test]
    fn every_draft_the_registries_take() {
        let drafts = [
            (
                "http://json-schema.org/draft-04/schema#",
                json!({"exclusiveMinimum": true, "minimum": 0}),
            ),
            (
                "http://json-schema.org/draft-06/schema#",
                json!({"exclusiveMinimum": 0}),
            ),
            (
                "http://json-schema.org/draft-07/schema#",
                json!({"exclusiveMinimum": 0}),
            ),
            (
                "https://json-schema.org/draft/2020-12/schema",
                json!({"exclusiveMinimum": 0}),
            ),
        ];
        for (draft, rule) in drafts {
            let mut age = json!({"type": "number"});
            age.as_object_mut()
                .unwrap()
                .extend(rule.as_object().unwrap().clone());
            let text =
                json!({"$schema": draft, "type": "object", "properties": {"age": age}}).to_string();
            let schema = JsonSchema::compile(&text, &[]).unwrap();
            assert!(schema.check(&json!({"age": 1})).is_ok(), "{draft}");
            let err = schema.check(&json!({"age": 0})).unwrap_err();
            assert_eq!(err.pointer, "/age", "{draft}");
        }
        // 2020-12 keywords apply under 2020-12.
        let text = r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array",
            "prefixItems": [{"type": "string"}], "items": {"type": "integer"}}"#;
        let schema = JsonSchema::compile(text, &[]).unwrap();
        assert!(schema.check(&json!(["a", 1, 2])).is_ok());
        assert_eq!(schema.check(&json!([1])).unwrap_err().pointer, "/0");
    }

    #[test]
    fn a_ref_to_no_reference_and_a_bad_schema_are_errors() {
        let err = JsonSchema::compile(r#"{"properties": {"a": {"$ref": "other.json"}}}"#, &[])
            .unwrap_err();
        assert!(err.contains("other.json"), "{err}");
        assert!(JsonSchema::compile("{oops", &[])
            .unwrap_err()
            .starts_with("not JSON"));
        assert!(JsonSchema::compile(r#"{"type": 12}"#, &[]).is_err());
    }

    #[test]
    fn external_refs_are_the_references_a_schema_needs() {
        assert_eq!(external_refs(CHILD).unwrap(), vec!["device.json"]);
        let text = r##"{"$defs": {"a": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/a"},
            "y": {"$ref": "common.json#/$defs/id"}, "z": {"items": {"$ref": "common.json"}},
            "w": {"const": {"$ref": "not-a-ref.json"}}}}"##;
        assert_eq!(external_refs(text).unwrap(), vec!["common.json"]);
    }

    #[test]
    fn references_match_by_name_under_a_base_uri_too() {
        let text = r#"{"$id": "https://schemas.example.com/child.json", "type": "object",
            "properties": {"device": {"$ref": "device.json"}}}"#;
        let schema = JsonSchema::compile(text, &[("device.json".into(), DEVICE.into())]).unwrap();
        let err = schema.check(&json!({"device": {}})).unwrap_err();
        assert_eq!(err.pointer, "/device/device_id");
    }
}
