//! What goes over the wire: the registry's request and answer bodies, its error bodies,
//! and path encoding. Kept apart from the requests (client.rs, subjects.rs, config.rs) so
//! that each of those reads as the calls it makes.

use serde::{Deserialize, Serialize};

use super::error::RegistryError;
use crate::core::schemas::check::Compatibility;
use crate::core::schemas::{Reference, SchemaText, SchemaType};

#[derive(Deserialize)]
struct ApiError {
    error_code: Option<u32>,
    /// A sentence from most registries; a list of problems from some (Karapace 6 answers
    /// a malformed request with FastAPI's validation details).
    message: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SubjectVersion {
    pub subject: Option<String>,
    pub id: u32,
    pub version: u32,
    pub schema: String,
    pub schema_type: Option<String>,
    #[serde(default)]
    pub references: Option<Vec<ReferenceJson>>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct ReferenceJson {
    pub name: String,
    pub subject: String,
    pub version: u32,
}

impl From<ReferenceJson> for Reference {
    fn from(r: ReferenceJson) -> Reference {
        Reference {
            name: r.name,
            subject: r.subject,
            version: r.version,
        }
    }
}

/// A schema as the registry takes it. Avro is the default type, so it is left out.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SchemaBody<'a> {
    schema: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    schema_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    references: Vec<ReferenceJson>,
}

impl<'a> SchemaBody<'a> {
    pub(super) fn of(schema: &'a SchemaText) -> Self {
        SchemaBody {
            schema: &schema.text,
            schema_type: (schema.schema_type != SchemaType::Avro)
                .then_some(schema.schema_type.as_str()),
            references: schema
                .references
                .iter()
                .map(|r| ReferenceJson {
                    name: r.name.clone(),
                    subject: r.subject.clone(),
                    version: r.version,
                })
                .collect(),
        }
    }
}

#[derive(Deserialize)]
pub(super) struct Registered {
    pub id: u32,
    pub version: u32,
}

#[derive(Deserialize)]
pub(super) struct RegisteredId {
    pub id: u32,
}

#[derive(Deserialize)]
pub(super) struct CompatibilityAnswer {
    pub is_compatible: bool,
    pub messages: Option<Vec<String>>,
}

impl CompatibilityAnswer {
    pub(super) fn into_core(self) -> Compatibility {
        if self.is_compatible {
            Compatibility::Compatible
        } else {
            Compatibility::Incompatible(self.messages.unwrap_or_default())
        }
    }
}

/// Percent-encodes a path segment (subjects may hold any character).
pub(super) fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The error an answer with status >= 400 stands for.
pub(super) fn api_error(base: &str, status: u16, body: &str) -> RegistryError {
    let api: Option<ApiError> = serde_json::from_str(body).ok();
    let code = api.as_ref().and_then(|a| a.error_code);
    let message = match api.and_then(|a| a.message) {
        Some(serde_json::Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => String::new(),
    };
    if status == 401 || status == 403 || code == Some(40301) {
        return RegistryError::Unauthorized {
            url: crate::secret::redact_url_userinfo(base),
            status,
            message,
        };
    }
    RegistryError::Api {
        status,
        code,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_as_registries_send_them() {
        // Confluent and Karapace.
        let e = api_error(
            "http://sr",
            404,
            r#"{"error_code":40401,"message":"Subject 'x' not found."}"#,
        );
        assert!(
            matches!(e, RegistryError::Api { code: Some(40401), ref message, .. } if message == "Subject 'x' not found.")
        );
        // Karapace 6 on a malformed request (FastAPI's validation details).
        let e = api_error(
            "http://sr",
            422,
            r#"{"error_code":422,"message":[{"type":"missing","loc":["body","schema"],"msg":"Field required"}]}"#,
        );
        assert!(e.to_string().contains("Field required"), "{e}");
        // Karapace 6 on a route it lacks: a bare JSON string; Karapace 3: plain text.
        for body in [r#""Not Found""#, "404: Not Found"] {
            let e = api_error("http://sr", 404, body);
            assert!(matches!(
                e,
                RegistryError::Api {
                    code: None,
                    status: 404,
                    ..
                }
            ));
        }
        // Karapace's basic auth refusal; Confluent's RBAC denial.
        let e = api_error("http://sr", 401, r#"{"message":"Unauthorized"}"#);
        assert!(matches!(e, RegistryError::Unauthorized { status: 401, .. }));
        let e = api_error(
            "http://sr",
            403,
            r#"{"error_code":40301,"message":"User is denied operation Write on Subject: x"}"#,
        );
        assert!(e.to_string().contains("denied operation Write"), "{e}");
    }

    #[test]
    fn schema_bodies_leave_out_avro_and_empty_references() {
        let text = SchemaText {
            text: "{}".into(),
            schema_type: SchemaType::Avro,
            references: vec![],
        };
        assert_eq!(
            serde_json::to_string(&SchemaBody::of(&text)).unwrap(),
            r#"{"schema":"{}"}"#
        );
        let text = SchemaText {
            text: "syntax".into(),
            schema_type: SchemaType::Protobuf,
            references: vec![Reference {
                name: "common.proto".into(),
                subject: "common".into(),
                version: 2,
            }],
        };
        assert_eq!(
            serde_json::to_string(&SchemaBody::of(&text)).unwrap(),
            r#"{"schema":"syntax","schemaType":"PROTOBUF","references":[{"name":"common.proto","subject":"common","version":2}]}"#
        );
    }
}
