//! A blocking HTTP client for the registry: small, and enough for a command-line tool that
//! makes a handful of requests per run.

use std::time::{Duration, Instant};

use base64::Engine as _;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use ureq::tls::{TlsConfig, TlsProvider};

use super::error::RegistryError;
use crate::settings::RegistrySettings;

/// The media type the Confluent API speaks.
pub const MEDIA_TYPE: &str = "application/vnd.schemaregistry.v1+json";

pub struct Registry {
    agent: ureq::Agent,
    base: String,
    authorization: Option<String>,
}

#[derive(Deserialize)]
struct ApiError {
    error_code: Option<u32>,
    message: Option<String>,
}

#[derive(Deserialize)]
struct ModeAnswer {
    mode: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SchemaById {
    schema: String,
    schema_type: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SubjectVersion {
    id: u32,
    version: u32,
    schema: String,
    schema_type: Option<String>,
}

/// kop reads and writes Avro; the registry also holds Protobuf and JSON Schema.
fn check_avro(schema_type: Option<&str>) -> Result<(), RegistryError> {
    match schema_type {
        None | Some("AVRO") => Ok(()),
        Some(other) => Err(RegistryError::Malformed(format!(
            "the schema is {other}; kop encodes and decodes Avro only"
        ))),
    }
}

#[derive(serde::Serialize)]
struct SchemaBody<'a> {
    schema: &'a str,
}

impl<'a> SchemaBody<'a> {
    fn new(schema: &'a str) -> Self {
        SchemaBody { schema }
    }
}

#[derive(Deserialize)]
struct Registered {
    id: u32,
    version: u32,
}

#[derive(Deserialize)]
struct RegisteredId {
    id: u32,
}

#[derive(Deserialize)]
struct CompatibilityAnswer {
    is_compatible: bool,
    messages: Option<Vec<String>>,
}

/// Where a schema stands under a subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Registered {
        id: u32,
        version: u32,
    },
    /// The subject exists; this schema is not one of its versions.
    NotRegistered,
    NoSubject,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compatibility {
    Compatible,
    Incompatible(Vec<String>),
}

/// Percent-encodes a path segment (subjects may hold any character).
fn encode(segment: &str) -> String {
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

impl Registry {
    pub fn new(settings: &RegistrySettings, timeout: Duration) -> Registry {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .tls_config(
                TlsConfig::builder()
                    .provider(TlsProvider::NativeTls)
                    .build(),
            )
            .user_agent(concat!("kop/", env!("CARGO_PKG_VERSION")))
            .build();
        let authorization = settings.username.as_ref().map(|user| {
            let password = settings.password.as_ref().map(|p| p.expose()).unwrap_or("");
            let token =
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
            format!("Basic {token}")
        });
        Registry {
            agent: config.into(),
            base: settings.url.trim_end_matches('/').to_string(),
            authorization,
        }
    }

    pub fn url(&self) -> &str {
        &self.base
    }

    /// The registry's mode (READWRITE, READONLY, IMPORT) and how long it took to answer.
    /// Registries without the /mode endpoint answer `None`.
    pub fn mode(&self) -> Result<(Option<String>, Duration), RegistryError> {
        let start = Instant::now();
        match self.get::<ModeAnswer>("/mode") {
            Ok(answer) => Ok((Some(answer.mode), start.elapsed())),
            Err(RegistryError::Api { status: 404, .. }) => Ok((None, start.elapsed())),
            Err(e) => Err(e),
        }
    }

    /// The schema text registered under an id.
    pub fn schema_by_id(&self, id: u32) -> Result<String, RegistryError> {
        let answer: SchemaById = self.get(&format!("/schemas/ids/{id}"))?;
        check_avro(answer.schema_type.as_deref())?;
        Ok(answer.schema)
    }

    /// The subject's latest version: (id, version, schema text).
    pub fn latest(&self, subject: &str) -> Result<(u32, u32, String), RegistryError> {
        let answer: SubjectVersion =
            self.get(&format!("/subjects/{}/versions/latest", encode(subject)))?;
        check_avro(answer.schema_type.as_deref())?;
        Ok((answer.id, answer.version, answer.schema))
    }

    /// The id of the schema under the subject, registering it when it is new (as
    /// Confluent's serializers do with auto-registration).
    pub fn id_for(&self, subject: &str, schema: &str) -> Result<u32, RegistryError> {
        match self.lookup(subject, schema)? {
            Lookup::Registered { id, .. } => Ok(id),
            Lookup::NotRegistered | Lookup::NoSubject => self.register(subject, schema),
        }
    }

    /// Whether this exact schema is registered under the subject.
    pub fn lookup(&self, subject: &str, schema: &str) -> Result<Lookup, RegistryError> {
        let path = format!("/subjects/{}", encode(subject));
        match self.post::<Registered>(&path, &SchemaBody::new(schema)) {
            Ok(r) => Ok(Lookup::Registered {
                id: r.id,
                version: r.version,
            }),
            Err(RegistryError::Api {
                code: Some(40401), ..
            }) => Ok(Lookup::NoSubject),
            Err(RegistryError::Api {
                code: Some(40403), ..
            }) => Ok(Lookup::NotRegistered),
            Err(e) => Err(e),
        }
    }

    /// The registry's verdict on the schema against the subject's latest version.
    pub fn compatibility(
        &self,
        subject: &str,
        schema: &str,
    ) -> Result<Compatibility, RegistryError> {
        let path = format!(
            "/compatibility/subjects/{}/versions/latest?verbose=true",
            encode(subject)
        );
        match self.post::<CompatibilityAnswer>(&path, &SchemaBody::new(schema)) {
            Ok(answer) if answer.is_compatible => Ok(Compatibility::Compatible),
            Ok(answer) => Ok(Compatibility::Incompatible(
                answer.messages.unwrap_or_default(),
            )),
            // No version yet: anything is compatible with nothing.
            Err(RegistryError::Api {
                code: Some(40401 | 40402),
                ..
            }) => Ok(Compatibility::Compatible),
            Err(e) => Err(e),
        }
    }

    /// Registers the schema under the subject and returns its id.
    pub fn register(&self, subject: &str, schema: &str) -> Result<u32, RegistryError> {
        let path = format!("/subjects/{}/versions", encode(subject));
        self.post::<RegisteredId>(&path, &SchemaBody::new(schema))
            .map(|r| r.id)
    }

    /// The subject's latest version, whatever its schema type (Avro, Protobuf, JSON
    /// Schema); `None` when the subject does not exist.
    pub fn latest_version(
        &self,
        subject: &str,
    ) -> Result<Option<crate::core::topic_describe::Subject>, RegistryError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Latest {
            id: u32,
            version: u32,
            schema_type: Option<String>,
        }
        let path = format!("/subjects/{}/versions/latest", encode(subject));
        match self.get::<Latest>(&path) {
            Ok(latest) => Ok(Some(crate::core::topic_describe::Subject {
                subject: subject.to_string(),
                version: latest.version,
                id: latest.id,
                schema_type: latest.schema_type.unwrap_or_else(|| "AVRO".into()),
            })),
            Err(RegistryError::Api {
                code: Some(40401), ..
            }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, RegistryError> {
        let request = self
            .agent
            .get(format!("{}{path}", self.base))
            .header("Accept", MEDIA_TYPE);
        let request = match &self.authorization {
            Some(auth) => request.header("Authorization", auth),
            None => request,
        };
        self.answer(request.call())
    }

    fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl serde::Serialize,
    ) -> Result<T, RegistryError> {
        let body =
            serde_json::to_string(body).map_err(|e| RegistryError::Malformed(e.to_string()))?;
        let request = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Accept", MEDIA_TYPE)
            .header("Content-Type", MEDIA_TYPE);
        let request = match &self.authorization {
            Some(auth) => request.header("Authorization", auth),
            None => request,
        };
        self.answer(request.send(body))
    }

    fn answer<T: DeserializeOwned>(
        &self,
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<T, RegistryError> {
        let mut response = result.map_err(|e| RegistryError::unreachable(&self.base, e))?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .read_to_string()
            .map_err(|e| RegistryError::unreachable(&self.base, e))?;
        if status == 401 || status == 403 {
            return Err(RegistryError::Unauthorized {
                url: self.base.clone(),
                status,
            });
        }
        if status >= 400 {
            let api: Option<ApiError> = serde_json::from_str(&body).ok();
            return Err(RegistryError::Api {
                status,
                code: api.as_ref().and_then(|a| a.error_code),
                message: api.and_then(|a| a.message).unwrap_or_default(),
            });
        }
        serde_json::from_str(&body).map_err(|e| RegistryError::Malformed(e.to_string()))
    }
}
